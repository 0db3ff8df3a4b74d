/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Fuzz target "json": the first input byte chooses a write operation
 * (create, update, partial update) of a resource of any API, the rest is
 * the request body.  It is parsed as ngx_openzaak_engine_write() parses it
 * (an empty body is {}), validated with ngx_openzaak_validate_body() and
 * the resource's validate hook, and answered as the engine answers.
 *
 * FUZZ_LIST=1 lists the operations with the first byte of each.
 *
 * Oracles, besides those of every answer: NGX_ERROR anywhere is a 500 and
 * a failure; a valid body gives a row and child rows that are valid JSON
 * in UTF-8 (they become jsonb in PostgreSQL).
 */


#include "ngx_openzaak_fuzz.h"


#define NGX_OPENZAAK_FUZZ_UUID  "0bd8a3c4-0e0f-4d8e-9b8e-d6a1c4e0f00d"
#define NGX_OPENZAAK_FUZZ_OPS   64


typedef struct {
    ngx_openzaak_api_t          *api;
    ngx_openzaak_resource_t     *resource;
    ngx_openzaak_operation_t    *operation;
} ngx_openzaak_fuzz_op_t;


int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static json_object *ngx_openzaak_fuzz_json_parse(ngx_pool_t *pool, u_char *p,
    size_t len, ngx_str_t *error);
static void ngx_openzaak_fuzz_row(ngx_openzaak_ctx_t *ctx, json_object *row,
    const char *what);


static ngx_openzaak_fuzz_op_t  ngx_openzaak_fuzz_ops[NGX_OPENZAAK_FUZZ_OPS];
static ngx_uint_t              ngx_openzaak_fuzz_nops;


int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    ngx_uint_t                  i;
    ngx_openzaak_api_t         *api;
    ngx_openzaak_resource_t   **res;
    ngx_openzaak_operation_t   *op;

    ngx_openzaak_fuzz_init();

    for (i = 0; (api = ngx_openzaak_fuzz_api(i)) != NULL; i++) {
        for (res = api->resources; *res; res++) {
            for (op = (ngx_openzaak_operation_t *) (*res)->operations;
                 op->kind;
                 op++)
            {
                if (op->kind != NGX_OZ_OP_CREATE
                    && op->kind != NGX_OZ_OP_UPDATE
                    && op->kind != NGX_OZ_OP_PATCH)
                {
                    continue;
                }

                if (ngx_openzaak_fuzz_nops == NGX_OPENZAAK_FUZZ_OPS) {
                    ngx_openzaak_fuzz_fail("json", "too many operations");
                }

                /* FUZZ_LIST=1: which first byte chooses what */
                if (getenv("FUZZ_LIST")) {
                    fprintf(stderr, "%3u: %s %s/%s\n",
                            (unsigned) ngx_openzaak_fuzz_nops,
                            op->kind == NGX_OZ_OP_CREATE ? "POST"
                            : op->kind == NGX_OZ_OP_UPDATE ? "PUT" : "PATCH",
                            (char *) api->root.data, (*res)->path);
                }

                ngx_openzaak_fuzz_ops[ngx_openzaak_fuzz_nops].api = api;
                ngx_openzaak_fuzz_ops[ngx_openzaak_fuzz_nops].resource = *res;
                ngx_openzaak_fuzz_ops[ngx_openzaak_fuzz_nops++].operation = op;
            }
        }
    }

    return 0;
}


/*
 * The parse, in one place: ngx_openzaak_json_parse() is about to change
 * (limits, stricter UTF-8).  NULL with error->len == 0 is what the engine
 * answers with 500.
 */

static json_object *
ngx_openzaak_fuzz_json_parse(ngx_pool_t *pool, u_char *p, size_t len,
    ngx_str_t *error)
{
    return ngx_openzaak_json_parse(pool, p, len, error);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    u_char                  *p, *line, *raw;
    size_t                   len;
    ngx_int_t                rc;
    ngx_str_t                err;
    ngx_pool_t              *pool;
    json_object             *input;
    ngx_table_elt_t         *h = NULL;
    ngx_http_request_t      *r;
    ngx_openzaak_ctx_t      *ctx;
    ngx_openzaak_write_t    *w;
    ngx_openzaak_fuzz_op_t  *fop;
    u_char                   detail[512];

    static u_char  type[] = "Content-Type: application/json";

    if (size == 0 || size > 65536) {
        return -1;
    }

    fop = &ngx_openzaak_fuzz_ops[data[0] % ngx_openzaak_fuzz_nops];
    data++;
    size--;

    pool = ngx_openzaak_fuzz_pool();

    len = sizeof("PATCH ") + fop->api->root.len
          + ngx_strlen(fop->resource->path)
          + sizeof("//" NGX_OPENZAAK_FUZZ_UUID);

    line = ngx_pnalloc(pool, len);
    if (line == NULL) {
        ngx_openzaak_fuzz_fail("json", "out of memory");
    }

    p = ngx_sprintf(line, "%s %V/%s%s",
                    fop->operation->kind == NGX_OZ_OP_CREATE ? "POST"
                    : fop->operation->kind == NGX_OZ_OP_UPDATE ? "PUT"
                    : "PATCH",
                    &fop->api->root, fop->resource->path,
                    fop->operation->kind == NGX_OZ_OP_CREATE
                    ? "" : "/" NGX_OPENZAAK_FUZZ_UUID);

    r = ngx_openzaak_fuzz_request(pool, line, p - line);
    if (r == NULL
        || ngx_openzaak_fuzz_header(r, type, sizeof(type) - 1, &h) != NGX_OK)
    {
        ngx_openzaak_fuzz_fail("json", "no request for \"%*s\"", p - line,
                               line);
    }

    r->headers_in.content_type = h;

    ctx = ngx_openzaak_fuzz_ctx(r, fop->api);

    if (ngx_openzaak_route(ctx) != NGX_OK) {
        ngx_openzaak_fuzz_fail("json", "no route for \"%*s\"", p - line,
                               line);
    }

    if (ctx->operation != fop->operation) {
        ngx_destroy_pool(pool);
        return 0;
    }

    /*
     * Known: \u0000 in a string cuts values.  Found here: a NUL in a
     * duration makes ngx_openzaak_valid_duration() read past its unit
     * list, as ngx_strchr() finds a NUL (t/fuzz/regressions/json/).
     */
    if (ngx_openzaak_fuzz_skip_known
        && ngx_strlcasestrn((u_char *) data, (u_char *) data + size,
                            (u_char *) "\\u0000", 6 - 1)
           != NULL)
    {
        ngx_destroy_pool(pool);
        return 0;
    }

    /* the body as ngx_openzaak_read_body() gives it: NUL-terminated */

    raw = ngx_pnalloc(pool, size + 1);
    if (raw == NULL) {
        ngx_openzaak_fuzz_fail("json", "out of memory");
    }

    ngx_memcpy(raw, data, size);
    raw[size] = '\0';

    /* as ngx_openzaak_engine_body() */

    if (size == 0) {
        input = json_object_new_object();

        if (input == NULL || ngx_openzaak_json_cleanup(pool, input) != NGX_OK) {
            ngx_openzaak_fuzz_fail("json", "out of memory");
        }

    } else {
        input = ngx_openzaak_fuzz_json_parse(pool, raw, size, &err);

        if (input == NULL) {
            if (err.len == 0) {
                /* known: the document null */
                if (ngx_openzaak_fuzz_skip_known) {
                    ngx_destroy_pool(pool);
                    return 0;
                }

                ngx_openzaak_fuzz_fail("json", "500: NULL without an error");
            }

            p = ngx_snprintf(detail, sizeof(detail) - 1,
                             "JSON parse error - %V", &err);
            *p = '\0';

            rc = ngx_openzaak_problem(ctx, NGX_HTTP_BAD_REQUEST,
                                      "parse_error", (char *) detail);

            ngx_openzaak_fuzz_check(ctx, rc, "parse_error");

            ngx_destroy_pool(pool);
            return 0;
        }
    }

    /* as ngx_openzaak_engine_write() */

    w = ngx_pcalloc(pool, sizeof(ngx_openzaak_write_t));
    if (w == NULL) {
        ngx_openzaak_fuzz_fail("json", "out of memory");
    }

    w->kind = fop->operation->kind;
    w->input = input;
    ctx->body = input;

    if (w->kind == NGX_OZ_OP_CREATE) {
        w->uuid.data = ngx_pnalloc(pool, NGX_OPENZAAK_UUID_LEN);
        if (w->uuid.data == NULL
            || ngx_openzaak_uuid4(w->uuid.data) != NGX_OK)
        {
            ngx_openzaak_fuzz_fail("json", "no uuid");
        }

        w->uuid.len = NGX_OPENZAAK_UUID_LEN;

    } else {
        w->uuid = ctx->uuid;
    }

    w->url.data = ngx_pnalloc(pool, ctx->base.len + fop->api->root.len
                                    + ngx_strlen(fop->resource->path)
                                    + w->uuid.len + 3);
    if (w->url.data == NULL) {
        ngx_openzaak_fuzz_fail("json", "out of memory");
    }

    p = ngx_sprintf(w->url.data, "%V%V/%s/%V%Z", &ctx->base, &fop->api->root,
                    fop->resource->path, &w->uuid);
    w->url.len = p - 1 - w->url.data;

    rc = ngx_openzaak_validate_body(ctx, w);

    /*
     * Found here: "" for a nullable relation (statustype of an eigenschap)
     * makes ngx_openzaak_validate_value() return NULL without an error,
     * which ngx_openzaak_validate_fields() takes for NGX_ERROR: a 500
     * (t/fuzz/regressions/json/).
     */
    if (rc == NGX_ERROR && ctx->errors == NULL
        && ngx_openzaak_fuzz_skip_known)
    {
        ngx_destroy_pool(pool);
        return 0;
    }

    if (rc == NGX_ERROR) {
        ngx_openzaak_fuzz_fail("json", "500: ngx_openzaak_validate_body() "
                               "failed (%ui errors)",
                               ctx->errors ? ctx->errors->nelts : 0);
    }

    if ((rc == NGX_DECLINED) != (ctx->errors != NULL)) {
        ngx_openzaak_fuzz_fail("json", "rc %i with errors %p", rc,
                               ctx->errors);
    }

    if (fop->resource->hooks && fop->resource->hooks->validate) {
        rc = fop->resource->hooks->validate(ctx, w);

        if (rc == NGX_ERROR) {
            ngx_openzaak_fuzz_fail("json", "500: the validate hook of %s "
                                   "failed", fop->resource->path);
        }

        if (rc == NGX_DONE || rc > NGX_OK) {
            ngx_openzaak_fuzz_check(ctx, rc, "validate hook");
            ngx_destroy_pool(pool);
            return 0;
        }
    }

    if (ctx->errors) {
        ngx_openzaak_fuzz_check(ctx, ngx_openzaak_problem_invalid(ctx),
                                "invalid body");
        ngx_destroy_pool(pool);
        return 0;
    }

    /*
     * Known: json-c's JSON_TOKENER_VALIDATE_UTF8 lets overlong forms,
     * encoded surrogates and code points past U+10FFFF through, so they
     * reach the row (stricter UTF-8 handling is on its way).
     */
    if (ngx_openzaak_fuzz_skip_known
        && !ngx_openzaak_fuzz_utf8((u_char *) data, size))
    {
        ngx_destroy_pool(pool);
        return 0;
    }

    ngx_openzaak_fuzz_row(ctx, w->row, "row");
    ngx_openzaak_fuzz_row(ctx, w->children, "children");

    ngx_log_error(NGX_LOG_INFO, ngx_openzaak_fuzz_log, 0,
                  "fuzz: valid, row %s", json_object_to_json_string(w->row));


    ngx_destroy_pool(pool);

    return 0;
}


static void
ngx_openzaak_fuzz_row(ngx_openzaak_ctx_t *ctx, json_object *row,
    const char *what)
{
    ngx_str_t  s;

    if (row == NULL || !json_object_is_type(row, json_type_object)) {
        ngx_openzaak_fuzz_fail(what, "no object");
    }

    if (ngx_openzaak_json_to_str(ctx->request->pool, row, &s) != NGX_OK) {
        ngx_openzaak_fuzz_fail(what, "cannot serialise");
    }

    if (!ngx_openzaak_fuzz_utf8(s.data, s.len)) {
        ngx_openzaak_fuzz_fail(what, "not UTF-8: %V", &s);
    }

    ngx_openzaak_fuzz_check_json(s.data, s.len, what);
}
