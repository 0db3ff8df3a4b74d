/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Inside an API location every error is application/problem+json, also
 * the ones nginx produces itself before or instead of the module: 413 for
 * a body over client_max_body_size, 400 for a malformed request, 414,
 * 500 from a failed handler.  A header filter swaps nginx's HTML error
 * page for a problem document with the matching status and code.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


static ngx_int_t ngx_openzaak_error_header_filter(ngx_http_request_t *r);
static ngx_int_t ngx_openzaak_error_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);


static ngx_http_output_header_filter_pt  ngx_http_next_header_filter;
static ngx_http_output_body_filter_pt    ngx_http_next_body_filter;


ngx_int_t
ngx_openzaak_error_filter_init(ngx_conf_t *cf)
{
    ngx_http_next_header_filter = ngx_http_top_header_filter;
    ngx_http_top_header_filter = ngx_openzaak_error_header_filter;

    ngx_http_next_body_filter = ngx_http_top_body_filter;
    ngx_http_top_body_filter = ngx_openzaak_error_body_filter;

    return NGX_OK;
}


static ngx_int_t
ngx_openzaak_error_header_filter(ngx_http_request_t *r)
{
    ngx_str_t                 version;
    ngx_uint_t                status;
    ngx_table_elt_t          *h;
    ngx_openzaak_ctx_t       *ctx;
    ngx_openzaak_loc_conf_t  *olcf;

    status = r->headers_out.status;

    if (r != r->main || status < 400) {
        return ngx_http_next_header_filter(r);
    }

    olcf = ngx_http_get_module_loc_conf(r, ngx_http_openzaak_module);

    if (olcf == NULL || olcf->api == NULL) {
        return ngx_http_next_header_filter(r);
    }

    ctx = ngx_http_get_module_ctx(r, ngx_http_openzaak_module);

    if (ctx && ctx->own_response) {
        return ngx_http_next_header_filter(r);
    }

    if (ctx == NULL) {
        /* the request did not reach the handler (413, 400, ...) */
        ctx = ngx_pcalloc(r->pool, sizeof(ngx_openzaak_ctx_t));
        if (ctx == NULL) {
            return NGX_ERROR;
        }

        ctx->request = r;
        ctx->lcf = olcf;
        ctx->api = olcf->api;

        ngx_http_set_ctx(r, ctx, ngx_http_openzaak_module);
    }

    if (ctx->base.len == 0 && ngx_openzaak_base_url(ctx) != NGX_OK) {
        return NGX_ERROR;
    }

    if (ngx_openzaak_problem_body(r, &ctx->base, status, NULL, NULL, NULL,
                                  &ctx->error_body)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    ctx->error_filter = 1;

    ngx_str_set(&r->headers_out.content_type, "application/problem+json");
    r->headers_out.content_type_len = r->headers_out.content_type.len;
    r->headers_out.content_type_lowcase = NULL;
    r->headers_out.charset.len = 0;

    r->headers_out.content_length_n = ctx->error_body.len;

    if (r->headers_out.content_length) {
        r->headers_out.content_length->hash = 0;
        r->headers_out.content_length = NULL;
    }

    ngx_http_clear_accept_ranges(r);
    ngx_http_clear_last_modified(r);
    ngx_http_clear_etag(r);

    version.data = (u_char *) olcf->api->version;
    version.len = ngx_strlen(olcf->api->version);

    h = ngx_list_push(&r->headers_out.headers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    h->hash = 1;
    ngx_str_set(&h->key, "API-version");
    h->value = version;

    return ngx_http_next_header_filter(r);
}


static ngx_int_t
ngx_openzaak_error_body_filter(ngx_http_request_t *r, ngx_chain_t *in)
{
    ngx_buf_t           *b;
    ngx_chain_t          out, *cl;
    ngx_openzaak_ctx_t  *ctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_openzaak_module);

    if (ctx == NULL || !ctx->error_filter) {
        return ngx_http_next_body_filter(r, in);
    }

    /* nginx's own error page is dropped */
    for (cl = in; cl; cl = cl->next) {
        cl->buf->pos = cl->buf->last;
        cl->buf->file_pos = cl->buf->file_last;
    }

    if (ctx->error_sent) {
        return NGX_OK;
    }

    ctx->error_sent = 1;

    b = ngx_calloc_buf(r->pool);
    if (b == NULL) {
        return NGX_ERROR;
    }

    b->pos = ctx->error_body.data;
    b->last = ctx->error_body.data + ctx->error_body.len;
    b->memory = 1;
    b->last_buf = 1;
    b->last_in_chain = 1;

    out.buf = b;
    out.next = NULL;

    return ngx_http_next_body_filter(r, &out);
}
