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

            /* GeoMixin's CRS headers: after the permissions, before the
             * query and the body */
            rc = ngx_openzaak_crs_check(ctx);
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
