/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Fuzz target "router": the input is a request line without its version,
 * "METHOD URI" (the URI with its query), and goes to ngx_openzaak_route()
 * of every API, as if each API's location had received it.
 *
 * Oracles: an answer (404, 405, the API root, the OpenAPI documents) is
 * valid JSON/UTF-8 with a 4xx or 2xx status; a routed request names a
 * resource of that API and one of its operations for that method, and a
 * uuid exactly when the operation works on one object.
 */


#include "ngx_openzaak_fuzz.h"


int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static void ngx_openzaak_fuzz_routed(ngx_openzaak_ctx_t *ctx);


int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    ngx_openzaak_fuzz_init();
    return 0;
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ngx_int_t            rc;
    ngx_uint_t           i;
    ngx_pool_t          *pool;
    ngx_http_request_t  *r;
    ngx_openzaak_api_t  *api;
    ngx_openzaak_ctx_t  *ctx;

    if (size > 8192) {
        return -1;
    }

    for (i = 0; (api = ngx_openzaak_fuzz_api(i)) != NULL; i++) {

        pool = ngx_openzaak_fuzz_pool();

        r = ngx_openzaak_fuzz_request(pool, (u_char *) data, size);

        if (r == NULL) {
            /* nginx answers 400 itself; the same for every API */
            ngx_destroy_pool(pool);
            return -1;
        }

        ctx = ngx_openzaak_fuzz_ctx(r, api);

        rc = ngx_openzaak_route(ctx);

        ngx_openzaak_fuzz_check(ctx, rc, "ngx_openzaak_route");

        if (rc == NGX_OK) {
            ngx_openzaak_fuzz_routed(ctx);
        }

        ngx_destroy_pool(pool);
    }

    return 0;
}


static void
ngx_openzaak_fuzz_routed(ngx_openzaak_ctx_t *ctx)
{
    ngx_uint_t                  method, m, detail;
    ngx_openzaak_resource_t   **res;
    ngx_openzaak_operation_t   *op;

    for (res = ctx->api->resources; *res; res++) {
        if (*res == ctx->resource) {
            break;
        }
    }

    if (*res == NULL) {
        ngx_openzaak_fuzz_fail("router", "routed to no resource of the API");
    }

    for (op = (ngx_openzaak_operation_t *) ctx->resource->operations;
         op->kind;
         op++)
    {
        if (op == ctx->operation) {
            break;
        }
    }

    if (op->kind == 0) {
        ngx_openzaak_fuzz_fail("router", "routed to no operation of %s",
                               ctx->resource->path);
    }

    switch (op->kind) {
    case NGX_OZ_OP_LIST:
    case NGX_OZ_OP_READ:
        m = NGX_HTTP_GET;
        break;
    case NGX_OZ_OP_CREATE:
        m = NGX_HTTP_POST;
        break;
    case NGX_OZ_OP_UPDATE:
        m = NGX_HTTP_PUT;
        break;
    case NGX_OZ_OP_PATCH:
        m = NGX_HTTP_PATCH;
        break;
    case NGX_OZ_OP_DELETE:
        m = NGX_HTTP_DELETE;
        break;
    default:
        m = op->method;
    }

    method = ctx->request->method;
    if (method == NGX_HTTP_HEAD) {
        method = NGX_HTTP_GET;
    }

    if (m != method) {
        ngx_openzaak_fuzz_fail("router", "%V routed to an operation of %ui",
                               &ctx->request->method_name, m);
    }

    detail = op->kind == NGX_OZ_OP_READ || op->kind == NGX_OZ_OP_UPDATE
             || op->kind == NGX_OZ_OP_PATCH || op->kind == NGX_OZ_OP_DELETE
             || (op->kind == NGX_OZ_OP_ACTION
                 && (op->flags & NGX_OZ_OP_DETAIL));

    if (detail != (ctx->uuid.len != 0)
        || (detail
            && !ngx_openzaak_is_uuid(ctx->uuid.data, ctx->uuid.len)))
    {
        ngx_openzaak_fuzz_fail("router", "uuid \"%V\" for operation %s",
                               &ctx->uuid, op->operation_id);
    }
}
