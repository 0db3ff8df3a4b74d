/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * The content handler of an API location: read the body, route,
 * authenticate, authorise, hand over to the engine, send the answer.
 *
 * Every step may wait for PostgreSQL.  The request is kept alive with
 * r->main->count while it waits, and finished exactly once through
 * ngx_openzaak_finish().
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


static void ngx_openzaak_body_handler(ngx_http_request_t *r);
static void ngx_openzaak_start(ngx_openzaak_ctx_t *ctx);
#define NGX_OPENZAAK_HTTP_NOT_ACCEPTABLE  406


static ngx_flag_t ngx_openzaak_accepts_json(ngx_http_request_t *r);
static ngx_flag_t ngx_openzaak_q_zero(u_char *p, u_char *end);
static ngx_int_t ngx_openzaak_send_response(ngx_openzaak_ctx_t *ctx,
    ngx_uint_t status, const char *content_type, ngx_str_t *body);


ngx_int_t
ngx_openzaak_handler(ngx_http_request_t *r)
{
    ngx_int_t                 rc;
    ngx_openzaak_ctx_t       *ctx;
    ngx_openzaak_loc_conf_t  *olcf;

    olcf = ngx_http_get_module_loc_conf(r, ngx_http_openzaak_module);

    ctx = ngx_pcalloc(r->pool, sizeof(ngx_openzaak_ctx_t));
    if (ctx == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ctx->request = r;
    ctx->lcf = olcf;
    ctx->api = olcf->api;

    ngx_http_set_ctx(r, ctx, ngx_http_openzaak_module);

    if (ngx_openzaak_base_url(ctx) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (r->method & (NGX_HTTP_POST|NGX_HTTP_PUT|NGX_HTTP_PATCH)) {
        r->request_body_in_single_buf = 1;

        rc = ngx_http_read_client_request_body(r, ngx_openzaak_body_handler);

        if (rc >= NGX_HTTP_SPECIAL_RESPONSE) {
            return rc;
        }

        return NGX_DONE;
    }

    rc = ngx_http_discard_request_body(r);

    if (rc != NGX_OK) {
        return rc;
    }

    r->main->count++;

    ngx_openzaak_start(ctx);

    return NGX_DONE;
}


static void
ngx_openzaak_body_handler(ngx_http_request_t *r)
{
    ngx_openzaak_ctx_t  *ctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_openzaak_module);
    ctx->body_read = 1;

    ngx_openzaak_start(ctx);
}


static void
ngx_openzaak_start(ngx_openzaak_ctx_t *ctx)
{
    ngx_int_t            rc;
    ngx_http_request_t  *r;

    r = ctx->request;

    /* notice a client that goes away while we wait for the database */
    r->read_event_handler = ngx_http_test_reading;

    rc = ngx_openzaak_route(ctx);

    if (rc != NGX_OK) {
        ngx_openzaak_finish(ctx, rc);
        return;
    }

    /* content negotiation comes before authentication, as in DRF */
    if (!ngx_openzaak_accepts_json(r)) {
        ngx_openzaak_finish(ctx, ngx_openzaak_problem(ctx,
                                     NGX_OPENZAAK_HTTP_NOT_ACCEPTABLE, NULL,
                                     NULL));
        return;
    }

    ctx->step = NGX_OPENZAAK_STEP_AUTH;

    ngx_openzaak_continue(ctx);
}


/*
 * Whether the Accept header allows application/json, the only type the API
 * answers in (DRF's JSONRenderer): no header, a "*" range or
 * application/json, not with q=0.
 */

static ngx_flag_t
ngx_openzaak_accepts_json(ngx_http_request_t *r)
{
    u_char  *p, *end, *range, *range_end, *params, *q;

    if (r->headers_in.accept == NULL
        || r->headers_in.accept->value.len == 0)
    {
        return 1;
    }

    p = r->headers_in.accept->value.data;
    end = p + r->headers_in.accept->value.len;

    while (p < end) {
        range = p;

        while (p < end && *p != ',') {
            p++;
        }

        range_end = p;

        if (p < end) {
            p++;
        }

        params = ngx_strlchr(range, range_end, ';');

        q = params ? params : range_end;

        while (range < q && (*range == ' ' || *range == '\t')) {
            range++;
        }

        while (q > range && (q[-1] == ' ' || q[-1] == '\t')) {
            q--;
        }

        if (!((q - range == 3 && ngx_strncmp(range, "*/*", 3) == 0)
              || (q - range == 13
                  && ngx_strncasecmp(range, (u_char *) "application/*", 13)
                     == 0)
              || (q - range == 16
                  && ngx_strncasecmp(range, (u_char *) "application/json",
                                     16) == 0)))
        {
            continue;
        }

        /* "q=0", "q=0.0", ...: not acceptable after all */
        if (params && ngx_openzaak_q_zero(params, range_end)) {
            continue;
        }

        return 1;
    }

    return 0;
}


static ngx_flag_t
ngx_openzaak_q_zero(u_char *p, u_char *end)
{
    while (p < end) {
        while (p < end && (*p == ';' || *p == ' ' || *p == '\t')) {
            p++;
        }

        if (end - p >= 2 && (*p == 'q' || *p == 'Q') && p[1] == '=') {
            p += 2;

            if (p == end || *p != '0') {
                return 0;
            }

            for (p++; p < end && *p != ';' && *p != ' '; p++) {
                if (*p != '.' && *p != '0') {
                    return 0;
                }
            }

            return 1;
        }

        while (p < end && *p != ';') {
            p++;
        }
    }

    return 0;
}


/* Runs the request from its current step until it must wait or is done. */

void
ngx_openzaak_continue(ngx_openzaak_ctx_t *ctx)
{
    ngx_int_t  rc;

    for ( ;; ) {

        switch (ctx->step) {

        case NGX_OPENZAAK_STEP_AUTH:
            rc = ngx_openzaak_authenticate(ctx);

            if (rc == NGX_AGAIN) {
                return;
            }

            if (rc != NGX_OK) {
                break;
            }

            rc = ngx_openzaak_authorize(ctx, ctx->operation->scopes,
                                        ctx->api->component);
            if (rc != NGX_OK) {
                break;
            }

            ctx->step = NGX_OPENZAAK_STEP_RUN;
            continue;

        case NGX_OPENZAAK_STEP_RUN:
            rc = ngx_openzaak_engine_run(ctx);

            if (rc == NGX_AGAIN) {
                return;
            }

            break;

        default:
            return;
        }

        ngx_openzaak_finish(ctx, rc);
        return;
    }
}


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

    if (ngx_openzaak_set_header(r, "API-version", &version) != NGX_OK) {
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
