/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Fuzz target "query": the input is a query string.  For every resource
 * of every API it is put on the URI of each operation that reads query
 * parameters (list, read, GET actions), routed, and given to
 * ngx_openzaak_filter_parse() as the engine does; a valid list query then
 * makes the links to other pages with ngx_openzaak_page_url().
 *
 * Oracles, besides those of every answer (ngx_openzaak_fuzz_check):
 * - NGX_ERROR from the parser is a 500 and a failure;
 * - the SQL condition consists of the filters' own SQL only, with their
 *   parameters numbered from first_param: no byte of the input reaches
 *   SQL text;
 * - a page link is the request's URL with printable ASCII only, and its
 *   query decodes to the request's parameters sorted by name, "page"
 *   replaced;
 * - a list page around those links (as ngx_openzaak_engine_list_done()
 *   writes it) is valid JSON.
 */


#include "ngx_openzaak_fuzz.h"


#define NGX_OPENZAAK_FUZZ_UUID  "0bd8a3c4-0e0f-4d8e-9b8e-d6a1c4e0f00d"


typedef struct {
    ngx_str_t                    key;
    ngx_str_t                    value;
} ngx_openzaak_fuzz_arg_t;


int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);


static void ngx_openzaak_fuzz_operation(ngx_openzaak_api_t *api,
    ngx_openzaak_resource_t *res, ngx_openzaak_operation_t *op,
    ngx_uint_t method, u_char *query, size_t len);
static void ngx_openzaak_fuzz_where(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la, ngx_uint_t first);
static u_char *ngx_openzaak_fuzz_match(u_char *p, u_char *end,
    const char *sql, ngx_uint_t *next);
static void ngx_openzaak_fuzz_pages(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la);
static void ngx_openzaak_fuzz_page_url(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la, ngx_int_t page, ngx_str_t *url);


int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    ngx_openzaak_fuzz_init();
    return 0;
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ngx_uint_t                  i, m;
    ngx_pool_t                 *pool;
    ngx_openzaak_api_t         *api;
    ngx_openzaak_resource_t   **res;
    ngx_openzaak_operation_t   *op;

    if (size > 4096) {
        return -1;
    }

    /* what nginx refuses in a query it refuses on any path */

    pool = ngx_openzaak_fuzz_pool();

    {
        u_char  *line;

        line = ngx_pnalloc(pool, sizeof("GET /?") - 1 + size);
        if (line == NULL) {
            ngx_openzaak_fuzz_fail("query", "out of memory");
        }

        ngx_memcpy(line, "GET /?", sizeof("GET /?") - 1);
        ngx_memcpy(line + sizeof("GET /?") - 1, data, size);

        if (ngx_openzaak_fuzz_request(pool, line,
                                      sizeof("GET /?") - 1 + size)
            == NULL)
        {
            ngx_destroy_pool(pool);
            return -1;
        }
    }

    ngx_destroy_pool(pool);

    for (i = 0; (api = ngx_openzaak_fuzz_api(i)) != NULL; i++) {
        for (res = api->resources; *res; res++) {
            for (op = (ngx_openzaak_operation_t *) (*res)->operations;
                 op->kind;
                 op++)
            {
                if (op->kind == NGX_OZ_OP_LIST || op->kind == NGX_OZ_OP_READ) {
                    m = NGX_HTTP_GET;

                } else if (op->kind == NGX_OZ_OP_ACTION
                           && op->method == NGX_HTTP_GET)
                {
                    m = NGX_HTTP_GET;

                } else {
                    continue;
                }

                ngx_openzaak_fuzz_operation(api, *res, op, m,
                                            (u_char *) data, size);
            }
        }
    }

    return 0;
}


static void
ngx_openzaak_fuzz_operation(ngx_openzaak_api_t *api,
    ngx_openzaak_resource_t *res, ngx_openzaak_operation_t *op,
    ngx_uint_t method, u_char *query, size_t len)
{
    u_char                    *p, *line;
    size_t                     size;
    ngx_int_t                  rc;
    ngx_uint_t                 first, detail;
    ngx_pool_t                *pool;
    ngx_http_request_t        *r;
    ngx_openzaak_ctx_t        *ctx;
    ngx_openzaak_list_args_t   la;

    pool = ngx_openzaak_fuzz_pool();

    detail = (op->kind == NGX_OZ_OP_READ
              || (op->kind == NGX_OZ_OP_ACTION
                  && (op->flags & NGX_OZ_OP_DETAIL)));

    size = sizeof("DELETE ") + api->root.len + 1 + ngx_strlen(res->path)
           + sizeof("/" NGX_OPENZAAK_FUZZ_UUID) - 1
           + 1 + (op->action ? ngx_strlen(op->action) : 0)
           + 1 + len;

    line = ngx_pnalloc(pool, size);
    if (line == NULL) {
        ngx_openzaak_fuzz_fail("query", "out of memory");
    }

    p = ngx_sprintf(line, "%s %V/%s%s%s%s?",
                    ngx_openzaak_fuzz_method_name(method), &api->root,
                    res->path, detail ? "/" NGX_OPENZAAK_FUZZ_UUID : "",
                    op->kind == NGX_OZ_OP_ACTION ? "/" : "",
                    op->kind == NGX_OZ_OP_ACTION ? op->action : "");
    p = ngx_cpymem(p, query, len);

    r = ngx_openzaak_fuzz_request(pool, line, p - line);
    if (r == NULL) {
        ngx_openzaak_fuzz_fail("query", "nginx refused \"%*s\"", p - line,
                               line);
    }

    ctx = ngx_openzaak_fuzz_ctx(r, api);

    rc = ngx_openzaak_route(ctx);

    if (rc != NGX_OK) {
        ngx_openzaak_fuzz_fail("query", "no route for \"%*s\"", p - line,
                               line);
    }

    if (ctx->operation != op) {
        /* another operation of the same path and method */
        ngx_destroy_pool(pool);
        return;
    }

    /* as ngx_openzaak_engine_list(), _read() and _find() */

    first = (op->kind == NGX_OZ_OP_READ) ? 0 : res->sql.nbase + 1;

    ngx_memzero(&la, sizeof(ngx_openzaak_list_args_t));

    rc = ngx_openzaak_filter_parse(ctx, &la, first);

    if (rc == NGX_ERROR) {
        ngx_openzaak_fuzz_fail("query", "NGX_ERROR (500) for %s",
                               op->operation_id);
    }

    if (rc == NGX_DECLINED) {
        if (ctx->errors == NULL || ctx->errors->nelts == 0) {
            ngx_openzaak_fuzz_fail("query", "NGX_DECLINED without errors");
        }

        ngx_openzaak_fuzz_check(ctx, ngx_openzaak_problem_invalid(ctx),
                                "ngx_openzaak_filter_parse");
        ngx_destroy_pool(pool);
        return;
    }

    if (rc != NGX_OK || ctx->errors) {
        ngx_openzaak_fuzz_fail("query", "rc %i, errors %p", rc, ctx->errors);
    }

    ngx_openzaak_fuzz_where(ctx, &la, first);

    if (op->flags & NGX_OZ_OP_PAGINATED) {
        if (la.page_size < 1 || la.page_size > 500) {
            ngx_openzaak_fuzz_fail("query", "pageSize %ui", la.page_size);
        }

        if (la.page < 0) {
            ngx_openzaak_fuzz_check(ctx,
                                    ngx_openzaak_problem(ctx,
                                                         NGX_HTTP_NOT_FOUND,
                                                         NULL,
                                                         "Ongeldige pagina."),
                                    "page");
        } else {
            ngx_openzaak_fuzz_pages(ctx, &la);
        }
    }

    ngx_destroy_pool(pool);
}


/* The condition must be the filters' SQL, nothing else. */

static void
ngx_openzaak_fuzz_where(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la, ngx_uint_t first)
{
    u_char                       *p, *end, *q;
    ngx_uint_t                    next, i;
    const ngx_openzaak_filter_t  *f;

    next = first;

    if (la->where.len == 0) {
        if (la->nvalues) {
            ngx_openzaak_fuzz_fail("where", "%ui values without a condition",
                                   la->nvalues);
        }

        return;
    }

    p = la->where.data;
    end = p + la->where.len;

    if (*end != '\0') {
        ngx_openzaak_fuzz_fail("where", "not NUL-terminated");
    }

    for (f = ngx_openzaak_op_filters(ctx->resource, ctx->operation);
         f->name;
         f++)
    {
        if (f->absent_sql) {
            q = ngx_openzaak_fuzz_match(p, end, f->absent_sql, NULL);
            if (q) {
                p = q;
                continue;
            }
        }

        if (f->sql && f->sql[0]) {
            q = ngx_openzaak_fuzz_match(p, end, f->sql, &next);
            if (q) {
                p = q;
            }
        }
    }

    if (p != end) {
        ngx_openzaak_fuzz_fail("where", "text of no filter at %uz: \"%V\"",
                               (size_t) (p - la->where.data), &la->where);
    }

    if (next - first != la->nvalues) {
        ngx_openzaak_fuzz_fail("where", "%ui parameters for %ui values",
                               next - first, la->nvalues);
    }

    for (i = 0; i < la->nvalues; i++) {
        if (la->values[i] == NULL) {
            ngx_openzaak_fuzz_fail("where", "value %ui is NULL", i);
        }
    }
}


/*
 * " AND (" sql ")" at p, every "$?" of it as parameter *next (one value
 * per filter); the end of the match or NULL.
 */

static u_char *
ngx_openzaak_fuzz_match(u_char *p, u_char *end, const char *sql,
    ngx_uint_t *next)
{
    u_char      *q, buf[NGX_INT_T_LEN + 1];
    size_t       n;
    ngx_uint_t   num;

    n = sizeof(" AND (") - 1;

    if ((size_t) (end - p) < n || ngx_strncmp(p, " AND (", n) != 0) {
        return NULL;
    }

    p += n;
    num = next ? *next : 0;

    for ( /* void */ ; *sql; sql++) {
        if (next && sql[0] == '$' && sql[1] == '?') {
            q = ngx_sprintf(buf, "$%ui", num);
            n = q - buf;

            if ((size_t) (end - p) < n || ngx_strncmp(p, buf, n) != 0) {
                return NULL;
            }

            p += n;
            sql++;
            continue;
        }

        if (p == end || *p != (u_char) *sql) {
            return NULL;
        }

        p++;
    }

    if (p == end || *p != ')') {
        return NULL;
    }

    if (next) {
        *next = num + 1;
    }

    return p + 1;
}


/*
 * The links of a page, as the engine makes them when the list has three
 * pages more than the one asked for ("last" is page 3).
 */

static void
ngx_openzaak_fuzz_pages(ngx_openzaak_ctx_t *ctx, ngx_openzaak_list_args_t *la)
{
    u_char     *p;
    ngx_int_t   page;
    ngx_str_t   next, prev, first, body;

    page = la->page ? la->page : 3;

    ngx_openzaak_fuzz_page_url(ctx, la, 1, &first);

    /* this simulation's own "page + 1" must not overflow: the engine
     * refuses such a page before (its offset cannot be reached) */
    if (page == NGX_MAX_INT_T_VALUE) {
        ngx_str_set(&next, "null");
        page--;

    } else {
        ngx_openzaak_fuzz_page_url(ctx, la, page + 1, &next);
    }

    if (page > 1) {
        ngx_openzaak_fuzz_page_url(ctx, la, page - 1, &prev);

    } else {
        prev = first;
    }

    /* as ngx_openzaak_engine_list_done() */

    body.len = sizeof("{\"count\":,\"next\":\"\",\"previous\":\"\","
                      "\"results\":[]}") - 1
               + NGX_INT_T_LEN
               + ngx_openzaak_json_escape_len(next.data, next.len)
               + ngx_openzaak_json_escape_len(prev.data, prev.len);

    body.data = ngx_pnalloc(ctx->request->pool, body.len);
    if (body.data == NULL) {
        ngx_openzaak_fuzz_fail("pages", "out of memory");
    }

    p = ngx_sprintf(body.data, "{\"count\":%i,\"next\":\"", 301);
    p = ngx_openzaak_json_escape(p, next.data, next.len);
    p = ngx_cpymem(p, "\",\"previous\":\"", sizeof("\",\"previous\":\"") - 1);
    p = ngx_openzaak_json_escape(p, prev.data, prev.len);
    p = ngx_cpymem(p, "\",\"results\":[]}", sizeof("\",\"results\":[]}") - 1);

    if ((size_t) (p - body.data) > body.len) {
        ngx_openzaak_fuzz_fail("pages", "body overflow");
    }

    body.len = p - body.data;

    ngx_openzaak_fuzz_check(ctx, ngx_openzaak_send(ctx, NGX_HTTP_OK,
                                                   "application/json", &body),
                            "list page");
}


static ngx_int_t
ngx_openzaak_fuzz_arg_cmp(const void *one, const void *two)
{
    const ngx_openzaak_fuzz_arg_t  *a = one, *b = two;

    return ngx_memn2cmp(a->key.data, b->key.data, a->key.len, b->key.len);
}


/*
 * A page link: base, API root and path, then the parameters; decoded
 * again they must be the request's, sorted by name (stable), with "page"
 * as asked.
 */

static void
ngx_openzaak_fuzz_page_url(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la, ngx_int_t page, ngx_str_t *url)
{
    u_char                   *p, *end, *amp, *eq, *src, *dst, *t, pagebuf[32];
    size_t                    n, i, j, k;
    ngx_openzaak_fuzz_arg_t  *want, tmp;
    ngx_openzaak_fuzz_arg_t  *args;

    if (ngx_openzaak_page_url(ctx, la, page, url) != NGX_OK) {
        ngx_openzaak_fuzz_fail("page_url", "failed for page %i", page);
    }

    n = ctx->base.len + ctx->api->root.len + ctx->path.len;
    p = url->data;
    end = url->data + url->len;

    if (url->len < n
        || ngx_strncmp(p, ctx->base.data, ctx->base.len) != 0
        || ngx_strncmp(p + ctx->base.len, ctx->api->root.data,
                       ctx->api->root.len) != 0
        || ngx_strncmp(p + ctx->base.len + ctx->api->root.len,
                       ctx->path.data, ctx->path.len) != 0)
    {
        ngx_openzaak_fuzz_fail("page_url", "\"%V\" is not below \"%V%V%V\"",
                               url, &ctx->base, &ctx->api->root, &ctx->path);
    }

    for (p += n; p < end; p++) {
        if (!(ngx_openzaak_isalnum(*p)
              || (*p && ngx_strchr("_.-~+%=&?", *p))))
        {
            ngx_openzaak_fuzz_fail("page_url", "byte 0x%02xd in \"%V\"",
                                   (ngx_uint_t) *p, url);
        }
    }

    /* the parameters to expect: sorted by name, stable */

    args = la->args.elts;
    want = ngx_pnalloc(ctx->request->pool,
                       (la->args.nelts + 1) * sizeof(ngx_openzaak_fuzz_arg_t));
    if (want == NULL) {
        ngx_openzaak_fuzz_fail("page_url", "out of memory");
    }

    k = 0;

    for (i = 0; i < la->args.nelts; i++) {
        if (args[i].key.len == 4 && ngx_strncmp(args[i].key.data, "page", 4)
                                    == 0)
        {
            continue;
        }

        want[k++] = args[i];
    }

    if (page != 1) {
        ngx_str_set(&want[k].key, "page");
        want[k].value.data = pagebuf;
        want[k].value.len = ngx_sprintf(pagebuf, "%i", page) - pagebuf;
        k++;
    }

    for (i = 1; i < k; i++) {
        for (j = i; j > 0 && ngx_openzaak_fuzz_arg_cmp(&want[j - 1], &want[j])
                             > 0;
             j--)
        {
            tmp = want[j];
            want[j] = want[j - 1];
            want[j - 1] = tmp;
        }
    }

    /* the link's parameters, decoded */

    /* a copy, decoded in place */

    p = ngx_pnalloc(ctx->request->pool, url->len);
    if (p == NULL) {
        ngx_openzaak_fuzz_fail("page_url", "out of memory");
    }

    ngx_memcpy(p, url->data, url->len);
    end = p + url->len;
    p += n;
    i = 0;

    if (p == end) {
        if (k) {
            ngx_openzaak_fuzz_fail("page_url", "no query in \"%V\"", url);
        }
        return;
    }

    if (*p++ != '?') {
        ngx_openzaak_fuzz_fail("page_url", "no '?' in \"%V\"", url);
    }

    while (p <= end) {
        amp = ngx_strlchr(p, end, '&');
        if (amp == NULL) {
            amp = end;
        }

        eq = ngx_strlchr(p, amp, '=');

        if (eq == NULL || i >= k) {
            ngx_openzaak_fuzz_fail("page_url", "parameter %uz of \"%V\"", i,
                                   url);
        }

        for (t = p; t < amp; t++) {
            if (*t == '+') {
                *t = ' ';
            }
        }

        src = p;
        dst = p;
        ngx_unescape_uri(&dst, &src, eq - p, 0);

        if ((size_t) (dst - p) != want[i].key.len
            || ngx_memcmp(p, want[i].key.data, want[i].key.len) != 0)
        {
            ngx_openzaak_fuzz_fail("page_url", "name %uz is not \"%V\"", i,
                                   &want[i].key);
        }

        src = eq + 1;
        dst = eq + 1;
        ngx_unescape_uri(&dst, &src, amp - eq - 1, 0);

        if ((size_t) (dst - eq - 1) != want[i].value.len
            || ngx_memcmp(eq + 1, want[i].value.data, want[i].value.len)
               != 0)
        {
            ngx_openzaak_fuzz_fail("page_url", "value %uz is not \"%V\"", i,
                                   &want[i].value);
        }

        i++;
        p = amp + 1;
    }

    if (i != k) {
        ngx_openzaak_fuzz_fail("page_url", "%uz parameters, not %uz", i, k);
    }
}
