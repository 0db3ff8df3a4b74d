/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Fuzz target "json": the first input byte chooses a write operation
 * (create, update, partial update) of a resource of any API, the rest is
 * the request body.  It is parsed as ngx_openzaak_engine_write() parses it,
 * from nginx's request body buffers (cut into chunks whose size the last
 * input byte chooses, so every chunk boundary gets its turn), validated
 * with ngx_openzaak_validate_body() and the resource's validate hook, and
 * answered as the engine answers.
 *
 * FUZZ_LIST=1 lists the operations with the first byte of each.
 *
 * Oracles, besides those of every answer: NGX_ERROR anywhere is a 500 and
 * a failure; the chunked parse and the parse of the body in one piece
 * agree (result, message, tree); a valid body gives a row and child rows
 * that are valid JSON in UTF-8 (they become jsonb in PostgreSQL).
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


static ngx_int_t ngx_openzaak_fuzz_json_parse(ngx_http_request_t *r,
    u_char *p, size_t len, json_object **out, ngx_openzaak_json_error_t *err);
static ngx_flag_t ngx_openzaak_fuzz_same(ngx_str_t *a, ngx_str_t *b);
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
 * The body as nginx leaves it: a chain of buffers, here of "chunk" bytes
 * each.  The parse must give what the parse of the same bytes in one
 * piece gives.
 */

static ngx_int_t
ngx_openzaak_fuzz_json_parse(ngx_http_request_t *r, u_char *p, size_t len,
    json_object **out, ngx_openzaak_json_error_t *err)
{
    size_t                      chunk, n;
    ngx_int_t                   rc, rc1;
    ngx_buf_t                  *b;
    json_object                *one;
    ngx_chain_t                *cl, **last;
    ngx_openzaak_json_error_t   err1;

    chunk = len ? 1 + p[len - 1] % 64 : 1;

    r->request_body = ngx_pcalloc(r->pool, sizeof(ngx_http_request_body_t));
    if (r->request_body == NULL) {
        ngx_openzaak_fuzz_fail("json", "out of memory");
    }

    last = &r->request_body->bufs;

    for (n = 0; n < len; n += chunk) {
        b = ngx_calloc_buf(r->pool);
        cl = ngx_alloc_chain_link(r->pool);
        if (b == NULL || cl == NULL) {
            ngx_openzaak_fuzz_fail("json", "out of memory");
        }

        b->pos = p + n;
        b->last = p + ngx_min(n + chunk, len);
        b->memory = 1;

        cl->buf = b;
        cl->next = NULL;
        *last = cl;
        last = &cl->next;
    }

    rc = ngx_openzaak_json_parse_body(r, &ngx_openzaak_fuzz_lcf.json_limits,
                                      out, err);

    if (len == 0) {
        return rc;
    }

    rc1 = ngx_openzaak_json_parse(r->pool, p, len,
                                  &ngx_openzaak_fuzz_lcf.json_limits, &one,
                                  &err1);

    if (rc != rc1 || err->rc != err1.rc
        || !ngx_openzaak_fuzz_same(&err->message, &err1.message)
        || !ngx_openzaak_fuzz_same(&err->path, &err1.path))
    {
        ngx_openzaak_fuzz_fail("json", "chunks of %uz bytes: %i \"%V\", "
                               "in one piece: %i \"%V\"", chunk, rc,
                               &err->message, rc1, &err1.message);
    }

    if (rc == NGX_OK && !json_object_equal(*out, one)) {
        ngx_openzaak_fuzz_fail("json", "chunks of %uz bytes: another tree",
                               chunk);
    }

    return rc;
}


/* memcmp() of an empty string may have NULL data: not even that */

static ngx_flag_t
ngx_openzaak_fuzz_same(ngx_str_t *a, ngx_str_t *b)
{
    return a->len == b->len
           && (a->len == 0 || ngx_memcmp(a->data, b->data, a->len) == 0);
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    u_char                  *p, *line, *raw;
    size_t                   len;
    ngx_int_t                rc;
    ngx_str_t                name;
    ngx_pool_t              *pool;
    json_object             *input;
    ngx_table_elt_t         *h = NULL;
    ngx_http_request_t      *r;
    ngx_openzaak_ctx_t      *ctx;
    ngx_openzaak_write_t    *w;
    ngx_openzaak_fuzz_op_t  *fop;
    ngx_openzaak_json_error_t  err;
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

    /* a copy the size of the input: ASan sees reads past it */

    raw = ngx_pnalloc(pool, size ? size : 1);
    if (raw == NULL) {
        ngx_openzaak_fuzz_fail("json", "out of memory");
    }

    ngx_memcpy(raw, data, size);

    /* as ngx_openzaak_engine_body() */

    rc = ngx_openzaak_fuzz_json_parse(r, raw, size, &input, &err);

    if (rc != NGX_OK) {
        switch (err.rc) {

        case NGX_OPENZAAK_JSON_SYNTAX:
            p = ngx_snprintf(detail, sizeof(detail) - 1,
                             "JSON parse error - %V", &err.message);
            *p = '\0';

            rc = ngx_openzaak_problem(ctx, NGX_HTTP_BAD_REQUEST,
                                      "parse_error", (char *) detail);
            ngx_openzaak_fuzz_check(ctx, rc, "parse_error");
            break;

        case NGX_OPENZAAK_JSON_VALUES:
            ngx_str_set(&name, "nonFieldErrors");
            (void) ngx_openzaak_invalidf(ctx, &name, "too-many-values",
                                         "Het verzoek bevat meer dan %ui "
                                         "JSON-waarden.", err.limit);
            ngx_openzaak_fuzz_check(ctx, ngx_openzaak_problem_invalid(ctx),
                                    "too-many-values");
            break;

        case NGX_OPENZAAK_JSON_ITEMS:
            if (err.path.len == 0) {
                ngx_openzaak_fuzz_fail("json", "max_items without a path");
            }

            (void) ngx_openzaak_invalidf(ctx, &err.path, "max_length",
                                         "Zorg ervoor dat dit veld niet meer"
                                         " dan %ui elementen bevat.",
                                         err.limit);
            ngx_openzaak_fuzz_check(ctx, ngx_openzaak_problem_invalid(ctx),
                                    "max_length");
            break;

        default:
            ngx_openzaak_fuzz_fail("json", "500: the parse failed (%i)",
                                   err.rc);
        }

        ngx_destroy_pool(pool);
        return 0;
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

    if (rc == NGX_ERROR) {
        ngx_openzaak_fuzz_fail("json", "500: ngx_openzaak_validate_body() "
                               "failed (%ui errors)",
                               ctx->errors ? ctx->errors->nelts : 0);
    }

    if ((rc == NGX_DECLINED) != (ctx->errors != NULL)) {
        ngx_openzaak_fuzz_fail("json", "rc %i with errors %p", rc,
                               ctx->errors);
    }

    if (!json_object_is_type(input, json_type_object)) {
        /* the engine answers with the one error, without the hooks */
        if (rc != NGX_DECLINED) {
            ngx_openzaak_fuzz_fail("json", "no error for a body that is no "
                                   "object");
        }

        ngx_openzaak_fuzz_check(ctx, ngx_openzaak_problem_invalid(ctx),
                                "no object");
        ngx_destroy_pool(pool);
        return 0;
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
