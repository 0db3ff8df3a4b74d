/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * The coordinate reference system of operations that carry geometry
 * (NGX_OZ_OP_CRS), as vng-api-common's GeoMixin negotiates it: the only
 * CRS is EPSG:4326 (WGS84, GeoJSON's own).  A request with a body names
 * the CRS of its data in Content-Crs, every request but a DELETE the CRS
 * it wants in Accept-Crs; a missing header is 412, another CRS 406.  The
 * answers carry Content-Crs.
 *
 * Open Zaak checks this after the permissions (403 first) and before the
 * query parameters and the body; the handler calls it at that point.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


#define NGX_OPENZAAK_HTTP_NOT_ACCEPTABLE  406
#define NGX_OPENZAAK_CRS                  "EPSG:4326"


static ngx_int_t ngx_openzaak_crs_one(ngx_openzaak_ctx_t *ctx,
    const char *header);


ngx_int_t
ngx_openzaak_crs_check(ngx_openzaak_ctx_t *ctx)
{
    ngx_int_t            rc;
    ngx_http_request_t  *r;

    if (ctx->operation == NULL
        || !(ctx->operation->flags & NGX_OZ_OP_CRS))
    {
        return NGX_OK;
    }

    r = ctx->request;

    if (r->method & (NGX_HTTP_POST|NGX_HTTP_PUT|NGX_HTTP_PATCH)) {
        rc = ngx_openzaak_crs_one(ctx, "Content-Crs");
        if (rc != NGX_OK) {
            return rc;
        }
    }

    if (r->method & NGX_HTTP_DELETE) {
        return NGX_OK;
    }

    return ngx_openzaak_crs_one(ctx, "Accept-Crs");
}


static ngx_int_t
ngx_openzaak_crs_one(ngx_openzaak_ctx_t *ctx, const char *header)
{
    u_char            *p;
    size_t             len;
    ngx_str_t         *value;
    ngx_uint_t         i;
    ngx_list_part_t   *part;
    ngx_table_elt_t   *h;
    u_char             detail[128];

    len = ngx_strlen(header);
    value = NULL;

    part = &ctx->request->headers_in.headers.part;
    h = part->elts;

    for (i = 0; /* void */ ; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].key.len == len
            && ngx_strncasecmp(h[i].key.data, (u_char *) header, len) == 0)
        {
            /* the last one wins, as in Django's META */
            value = &h[i].value;
        }
    }

    if (value == NULL) {
        p = ngx_snprintf(detail, sizeof(detail) - 1, "'%s' header ontbreekt",
                         header);
        *p = '\0';

        return ngx_openzaak_problem(ctx, NGX_HTTP_PRECONDITION_FAILED, NULL,
                                    (char *) detail);
    }

    if (value->len == sizeof(NGX_OPENZAAK_CRS) - 1
        && ngx_strncmp(value->data, NGX_OPENZAAK_CRS, value->len) == 0)
    {
        return NGX_OK;
    }

    /* echoed as sent (shortened): the problem document makes it valid
     * UTF-8 */
    p = ngx_snprintf(detail, sizeof(detail) - 1,
                     "CRS '%*s' is niet ondersteund",
                     ngx_min(value->len, (size_t) 64), value->data);
    *p = '\0';

    return ngx_openzaak_problem(ctx, NGX_OPENZAAK_HTTP_NOT_ACCEPTABLE, NULL,
                                (char *) detail);
}


/* The Content-Crs of a successful answer of such an operation. */

ngx_int_t
ngx_openzaak_crs_header(ngx_openzaak_ctx_t *ctx, ngx_uint_t status)
{
    ngx_str_t  crs;

    if (ctx->operation == NULL
        || !(ctx->operation->flags & NGX_OZ_OP_CRS)
        || status < NGX_HTTP_OK || status >= NGX_HTTP_SPECIAL_RESPONSE
        || status == NGX_HTTP_NO_CONTENT)
    {
        return NGX_OK;
    }

    ngx_str_set(&crs, NGX_OPENZAAK_CRS);

    return ngx_openzaak_set_header(ctx->request, "Content-Crs", &crs);
}
