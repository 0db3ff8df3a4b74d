/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Answers: status, headers and body of an API response, and the end of
 * the request.  Below the engine and the handler, which both answer
 * through these functions; the problem+json answers (error.c) too.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <ngx_md5.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_descriptor.h"
#include "ngx_openzaak_engine.h"


static ngx_int_t ngx_openzaak_send_response(ngx_openzaak_ctx_t *ctx,
    ngx_uint_t status, const char *content_type, ngx_str_t *body);
static ngx_int_t ngx_openzaak_etag_match(ngx_http_request_t *r,
    ngx_str_t *etag);


/*
 * Ends the request.  After a wait the call comes from a database event
 * handler, not from nginx's phase engine, so subrequests posted meanwhile
 * must be run here.
 */

void
ngx_openzaak_finish(ngx_openzaak_ctx_t *ctx, ngx_int_t rc)
{
    ngx_flag_t           waited;
    ngx_connection_t    *c;
    ngx_http_request_t  *r;

    if (ctx->finalized) {
        return;
    }

    ctx->finalized = 1;
    ctx->step = NGX_OPENZAAK_STEP_DONE;

    r = ctx->request;
    c = r->connection;

    if (rc == NGX_DONE && ctx->own_response) {
        rc = ctx->send_rc;
    }

    /* finalizing may free the request, ctx included */
    waited = ctx->waiting;

    ngx_http_finalize_request(r, rc);

    if (waited) {
        ngx_http_run_posted_requests(c);
    }
}


ngx_int_t
ngx_openzaak_set_header(ngx_http_request_t *r, const char *name,
    ngx_str_t *value)
{
    ngx_table_elt_t  *h;

    h = ngx_list_push(&r->headers_out.headers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    h->hash = 1;
    h->key.data = (u_char *) name;
    h->key.len = ngx_strlen(name);
    h->value = *value;

    return NGX_OK;
}


/*
 * Sends a complete answer and returns NGX_DONE: the request is answered,
 * whatever comes next must stop; ngx_openzaak_finish() passes the output
 * filters' result on to nginx.  Every answer of an API location carries
 * the API-version header.  A HEAD request gets the headers of the GET.
 */

ngx_int_t
ngx_openzaak_send(ngx_openzaak_ctx_t *ctx, ngx_uint_t status,
    const char *content_type, ngx_str_t *body)
{
    ctx->send_rc = ngx_openzaak_send_response(ctx, status, content_type,
                                              body);

    return NGX_DONE;
}


static ngx_int_t
ngx_openzaak_send_response(ngx_openzaak_ctx_t *ctx, ngx_uint_t status,
    const char *content_type, ngx_str_t *body)
{
    ngx_int_t            rc;
    ngx_str_t            version;
    ngx_buf_t           *b;
    ngx_chain_t          out;
    ngx_http_request_t  *r;

    r = ctx->request;
    ctx->own_response = 1;

    r->headers_out.status = status;

    if (content_type) {
        r->headers_out.content_type.data = (u_char *) content_type;
        r->headers_out.content_type.len = ngx_strlen(content_type);
        r->headers_out.content_type_len = r->headers_out.content_type.len;
        r->headers_out.content_type_lowcase = NULL;
    }

    if (status == NGX_HTTP_NO_CONTENT || status == NGX_HTTP_NOT_MODIFIED) {
        r->header_only = 1;
        r->headers_out.content_length_n = -1;

    } else {
        r->headers_out.content_length_n = body ? (off_t) body->len : 0;
    }

    version.data = (u_char *) ctx->api->version;
    version.len = ngx_strlen(ctx->api->version);

    if (ngx_openzaak_set_header(r, "API-version", &version) != NGX_OK
        || ngx_openzaak_crs_header(ctx, status) != NGX_OK)
    {
        return NGX_ERROR;
    }

    rc = ngx_http_send_header(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only
        || body == NULL || body->len == 0)
    {
        return rc;
    }

    b = ngx_calloc_buf(r->pool);
    if (b == NULL) {
        return NGX_ERROR;
    }

    b->pos = body->data;
    b->last = body->data + body->len;
    b->memory = 1;
    b->last_buf = (r == r->main) ? 1 : 0;
    b->last_in_chain = 1;

    out.buf = b;
    out.next = NULL;

    return ngx_http_output_filter(r, &out);
}


/*
 * A JSON answer.  With etag the ETag is the MD5 of the representation
 * (as Open Zaak computes it) and If-None-Match may turn it into a 304.
 */

ngx_int_t
ngx_openzaak_send_json(ngx_openzaak_ctx_t *ctx, ngx_uint_t status,
    ngx_str_t *body, ngx_flag_t etag)
{
    return ngx_openzaak_send_json_etag(ctx, status, body,
                                       etag ? body : NULL);
}


/* The same, with the ETag of another representation (tagged): the object
 * without what a query parameter added to it (expand). */

ngx_int_t
ngx_openzaak_send_json_etag(ngx_openzaak_ctx_t *ctx, ngx_uint_t status,
    ngx_str_t *body, ngx_str_t *tagged)
{
    u_char              *p;
    ngx_md5_t            md5;
    ngx_str_t            value;
    ngx_http_request_t  *r;
    u_char               hash[16];

    r = ctx->request;

    if (tagged) {
        ngx_md5_init(&md5);
        ngx_md5_update(&md5, tagged->data, tagged->len);
        ngx_md5_final(hash, &md5);

        p = ngx_pnalloc(r->pool, 34);
        if (p == NULL) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        value.data = p;
        *p++ = '"';
        p = ngx_hex_dump(p, hash, 16);
        *p++ = '"';
        value.len = p - value.data;

        if (ngx_openzaak_set_header(r, "ETag", &value) != NGX_OK) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        if (ngx_openzaak_etag_match(r, &value)) {
            return ngx_openzaak_send(ctx, NGX_HTTP_NOT_MODIFIED, NULL, NULL);
        }
    }

    return ngx_openzaak_send(ctx, status, "application/json", body);
}


/* If-None-Match: one or more entity tags, or "*". */

static ngx_int_t
ngx_openzaak_etag_match(ngx_http_request_t *r, ngx_str_t *etag)
{
    u_char            *p, *end, *start;
    ngx_table_elt_t   *h;
    ngx_list_part_t   *part;
    ngx_uint_t         i;

    part = &r->headers_in.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].key.len != sizeof("If-None-Match") - 1
            || ngx_strncasecmp(h[i].key.data, (u_char *) "If-None-Match",
                               h[i].key.len) != 0)
        {
            continue;
        }

        p = h[i].value.data;
        end = p + h[i].value.len;

        while (p < end) {
            while (p < end && (*p == ' ' || *p == ',')) {
                p++;
            }

            start = p;

            while (p < end && *p != ',') {
                p++;
            }

            while (p > start && p[-1] == ' ') {
                p--;
            }

            if (p - start == 1 && *start == '*') {
                return 1;
            }

            if (p - start >= 2 && start[0] == 'W' && start[1] == '/') {
                start += 2;
            }

            if ((size_t) (p - start) == etag->len
                && ngx_strncmp(start, etag->data, etag->len) == 0)
            {
                return 1;
            }

            while (p < end && *p != ',') {
                p++;
            }
        }
    }

    return 0;
}
