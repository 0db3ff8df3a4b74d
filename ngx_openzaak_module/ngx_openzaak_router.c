/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Method + path -> (resource, operation, uuid).  Paths are relative to
 * the API root "/{api}/api/v1", wherever the location puts it.  As in the
 * standard, URIs never end in a slash; an unknown path is 404 and a known
 * path with a method it does not support is 405, both before anything is
 * authenticated.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


#define NGX_OPENZAAK_MAX_SEGMENTS  4


static ngx_int_t ngx_openzaak_route_root(ngx_openzaak_ctx_t *ctx);
static ngx_int_t ngx_openzaak_route_method(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_resource_t *res, ngx_uint_t detail, ngx_str_t *action);
static ngx_uint_t ngx_openzaak_op_method(ngx_openzaak_operation_t *op);


ngx_int_t
ngx_openzaak_route(ngx_openzaak_ctx_t *ctx)
{
    u_char                    *p, *end, *start;
    ngx_str_t                  rest, seg[NGX_OPENZAAK_MAX_SEGMENTS];
    ngx_uint_t                 n;
    ngx_http_request_t        *r;
    ngx_openzaak_resource_t  **res;

    r = ctx->request;

    p = ngx_strnstr(r->uri.data, (char *) ctx->api->root.data, r->uri.len);

    if (p == NULL) {
        return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_FOUND);
    }

    rest.data = p + ctx->api->root.len;
    rest.len = r->uri.data + r->uri.len - rest.data;

    if (rest.len && rest.data[0] != '/') {
        return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_FOUND);
    }

    ctx->path = rest;

    if (rest.len <= 1) {
        return ngx_openzaak_route_root(ctx);
    }

    if ((rest.len == sizeof("/openapi.yaml") - 1
         && ngx_strncmp(rest.data, "/openapi.yaml", rest.len) == 0)
        || (rest.len == sizeof("/schema/openapi.yaml") - 1
            && ngx_strncmp(rest.data, "/schema/openapi.yaml", rest.len) == 0)
        || (rest.len == sizeof("/schema") - 1
            && ngx_strncmp(rest.data, "/schema", rest.len) == 0))
    {
        if (!(r->method & (NGX_HTTP_GET|NGX_HTTP_HEAD))) {
            goto not_allowed_get;
        }

        return ngx_openzaak_openapi_send(ctx, 1);
    }

    if ((rest.len == sizeof("/openapi.json") - 1
         && ngx_strncmp(rest.data, "/openapi.json", rest.len) == 0)
        || (rest.len == sizeof("/schema/openapi.json") - 1
            && ngx_strncmp(rest.data, "/schema/openapi.json", rest.len) == 0))
    {
        if (!(r->method & (NGX_HTTP_GET|NGX_HTTP_HEAD))) {
            goto not_allowed_get;
        }

        return ngx_openzaak_openapi_send(ctx, 0);
    }

    /* split "/a/b/c" into segments; an empty segment is no route */

    n = 0;
    p = rest.data + 1;
    end = rest.data + rest.len;

    while (p <= end) {
        start = p;

        while (p < end && *p != '/') {
            p++;
        }

        if (p == start || n == NGX_OPENZAAK_MAX_SEGMENTS) {
            return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_FOUND);
        }

        seg[n].data = start;
        seg[n].len = p - start;
        n++;
        p++;
    }

    for (res = ctx->api->resources; *res; res++) {
        if ((*res)->parent == NULL && (*res)->path_len == seg[0].len
            && ngx_strncmp((*res)->path, seg[0].data, seg[0].len) == 0)
        {
            break;
        }
    }

    if (*res == NULL) {
        return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_FOUND);
    }

    ctx->resource = *res;

    switch (n) {

    case 1:
        return ngx_openzaak_route_method(ctx, *res, 0, NULL);

    case 2:
        if (ngx_openzaak_is_uuid(seg[1].data, seg[1].len)) {
            ctx->uuid = seg[1];
            return ngx_openzaak_route_method(ctx, *res, 1, NULL);
        }

        return ngx_openzaak_route_method(ctx, *res, 0, &seg[1]);

    default: /* 3 or 4 */
        if (!ngx_openzaak_is_uuid(seg[1].data, seg[1].len)) {
            return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_FOUND);
        }

        /* /{parent}/{parent_uuid}/{nested}[/{uuid}]: the resources below
         * this one were found at start-up */

        for (res = (*res)->nested; res && *res; res++) {
            if ((*res)->path_len == seg[2].len
                && ngx_strncmp((*res)->path, seg[2].data, seg[2].len) == 0)
            {
                break;
            }
        }

        if (res && *res) {
            ctx->resource = *res;
            ctx->parent_uuid = seg[1];

            if (n == 3) {
                return ngx_openzaak_route_method(ctx, *res, 0, NULL);
            }

            if (!ngx_openzaak_is_uuid(seg[3].data, seg[3].len)) {
                return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_FOUND);
            }

            ctx->uuid = seg[3];
            return ngx_openzaak_route_method(ctx, *res, 1, NULL);
        }

        if (n == 4) {
            return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_FOUND);
        }

        ctx->uuid = seg[1];
        return ngx_openzaak_route_method(ctx, ctx->resource, 1, &seg[2]);
    }

not_allowed_get:

    ngx_str_set(&rest, "GET, HEAD");

    if (ngx_openzaak_set_header(r, "Allow", &rest) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_ALLOWED);
}


/*
 * Finds the operation of the resource for this kind of path (collection
 * or detail, with or without an action) and the request method.
 */

static ngx_int_t
ngx_openzaak_route_method(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_resource_t *res, ngx_uint_t detail, ngx_str_t *action)
{
    u_char                    *p, buf[128], detail_buf[128];
    ngx_str_t                  allow;
    ngx_uint_t                 method, found, allowed, m;
    ngx_http_request_t        *r;
    ngx_openzaak_operation_t  *op;

    static const char  *names[] = { "GET", "POST", "PUT", "PATCH",
                                    "DELETE", "HEAD" };
    static ngx_uint_t   bits[] = { NGX_HTTP_GET, NGX_HTTP_POST,
                                   NGX_HTTP_PUT, NGX_HTTP_PATCH,
                                   NGX_HTTP_DELETE, NGX_HTTP_HEAD };

    r = ctx->request;
    method = (r->method == NGX_HTTP_HEAD) ? NGX_HTTP_GET : r->method;

    found = 0;
    allowed = 0;

    for (op = (ngx_openzaak_operation_t *) res->operations; op->kind; op++) {

        if (action) {
            if (op->kind != NGX_OZ_OP_ACTION
                || ngx_strlen(op->action) != action->len
                || ngx_strncmp(op->action, action->data, action->len) != 0
                || ((op->flags & NGX_OZ_OP_DETAIL) != 0) != detail)
            {
                continue;
            }

        } else {
            if (op->kind == NGX_OZ_OP_ACTION) {
                continue;
            }

            if (detail != (op->kind == NGX_OZ_OP_READ
                           || op->kind == NGX_OZ_OP_UPDATE
                           || op->kind == NGX_OZ_OP_PATCH
                           || op->kind == NGX_OZ_OP_DELETE))
            {
                continue;
            }
        }

        found = 1;
        m = ngx_openzaak_op_method(op);
        allowed |= m;

        if (m == NGX_HTTP_GET) {
            allowed |= NGX_HTTP_HEAD;
        }

        if (m == method) {
            ctx->operation = op;
            return NGX_OK;
        }
    }

    if (!found) {
        return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_FOUND);
    }

    p = buf;

    for (m = 0; m < sizeof(bits) / sizeof(bits[0]); m++) {
        if (allowed & bits[m]) {
            p = ngx_sprintf(p, "%s%s", p == buf ? "" : ", ", names[m]);
        }
    }

    allow.data = ngx_pnalloc(r->pool, p - buf);
    if (allow.data == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    allow.len = p - buf;
    ngx_memcpy(allow.data, buf, allow.len);

    if (ngx_openzaak_set_header(r, "Allow", &allow) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    p = ngx_snprintf(detail_buf, sizeof(detail_buf) - 1,
                     "Methode \"%V\" niet toegestaan.", &r->method_name);
    *p = '\0';

    return ngx_openzaak_problem(ctx, NGX_HTTP_NOT_ALLOWED, NULL,
                                (char *) detail_buf);
}


static ngx_uint_t
ngx_openzaak_op_method(ngx_openzaak_operation_t *op)
{
    switch (op->kind) {

    case NGX_OZ_OP_LIST:
    case NGX_OZ_OP_READ:
        return NGX_HTTP_GET;

    case NGX_OZ_OP_CREATE:
        return NGX_HTTP_POST;

    case NGX_OZ_OP_UPDATE:
        return NGX_HTTP_PUT;

    case NGX_OZ_OP_PATCH:
        return NGX_HTTP_PATCH;

    case NGX_OZ_OP_DELETE:
        return NGX_HTTP_DELETE;

    default:
        return op->method;
    }
}


/* The API root lists the collections, like Open Zaak's router does. */

static ngx_int_t
ngx_openzaak_route_root(ngx_openzaak_ctx_t *ctx)
{
    u_char                    *p;
    size_t                     len;
    ngx_str_t                  body;
    ngx_http_request_t        *r;
    ngx_openzaak_resource_t  **res;

    r = ctx->request;

    if (!(r->method & (NGX_HTTP_GET|NGX_HTTP_HEAD))) {
        ngx_str_set(&body, "GET, HEAD");

        if (ngx_openzaak_set_header(r, "Allow", &body) != NGX_OK) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_ALLOWED);
    }

    len = 2;

    for (res = ctx->api->resources; *res; res++) {
        len += 2 * (*res)->path_len + ctx->base.len
               + ctx->api->root.len + sizeof("\"\":\"/\",") - 1;
    }

    p = ngx_pnalloc(r->pool, len);
    if (p == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    body.data = p;
    *p++ = '{';

    for (res = ctx->api->resources; *res; res++) {
        if ((*res)->parent) {
            /* reached through its parent only */
            continue;
        }

        p = ngx_sprintf(p, "%s\"%s\":\"%V%V/%s\"",
                        body.data + 1 == p ? "" : ",",
                        (*res)->path, &ctx->base, &ctx->api->root,
                        (*res)->path);
    }

    *p++ = '}';
    body.len = p - body.data;

    return ngx_openzaak_send(ctx, NGX_HTTP_OK, "application/json", &body);
}
