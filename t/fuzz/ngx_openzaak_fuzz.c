/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * The in-process nginx of the fuzz targets.  Requests are made by nginx's
 * own parsers (ngx_http_parse_request_line, ngx_http_parse_complex_uri,
 * ngx_http_parse_header_line), so the module only ever sees what nginx
 * would pass on; input nginx refuses is skipped.  Answers leave through
 * ngx_http_send_header() and ngx_http_output_filter() into the two filters
 * below, which keep them for the oracles.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <stdarg.h>

#include "ngx_openzaak_fuzz.h"


/* 2026-01-01T00:00:00Z: the clock is pinned, so that an input means the
 * same at every run and the seed tokens do not expire */
#define NGX_OPENZAAK_FUZZ_NOW  1767225600


ngx_openzaak_fuzz_answer_t  ngx_openzaak_fuzz_answer;
ngx_openzaak_loc_conf_t     ngx_openzaak_fuzz_lcf;
ngx_log_t                  *ngx_openzaak_fuzz_log;


static ngx_cycle_t               ngx_openzaak_fuzz_cycle;
static ngx_time_t                ngx_openzaak_fuzz_time;
static void                    **ngx_openzaak_fuzz_main_conf;
static void                    **ngx_openzaak_fuzz_srv_conf;
static void                    **ngx_openzaak_fuzz_loc_conf;
static ngx_http_core_srv_conf_t  ngx_openzaak_fuzz_cscf;
static ngx_http_core_loc_conf_t  ngx_openzaak_fuzz_clcf;


static ngx_int_t ngx_openzaak_fuzz_header_filter(ngx_http_request_t *r);
static ngx_int_t ngx_openzaak_fuzz_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);
static void ngx_openzaak_fuzz_check_problem(json_object *obj,
    const char *what);


void
ngx_openzaak_fuzz_init(void)
{
    char         *env;
    ngx_uint_t    n;
    ngx_cycle_t  *cycle;

    ngx_pagesize = getpagesize();
    for (n = ngx_pagesize; n >>= 1; ngx_pagesize_shift++) { /* void */ }
    ngx_cacheline_size = NGX_CPU_CACHE_LINE;
    ngx_ncpu = 1;
    ngx_pid = ngx_getpid();

    if (ngx_strerror_init() != NGX_OK) {
        ngx_openzaak_fuzz_fail("init", "ngx_strerror_init() failed");
    }

    ngx_time_init();

    ngx_openzaak_fuzz_time.sec = NGX_OPENZAAK_FUZZ_NOW;
    ngx_openzaak_fuzz_time.msec = 0;
    ngx_openzaak_fuzz_time.gmtoff = 0;
    ngx_cached_time = &ngx_openzaak_fuzz_time;

    /* "" is stderr; the module's info and notice lines are noise while
     * fuzzing, but tell what happened to one input (FUZZ_LOG=1) */
    ngx_openzaak_fuzz_log = ngx_log_init(NULL, (u_char *) "");
    env = getenv("FUZZ_LOG");
    ngx_openzaak_fuzz_log->log_level = (env && env[0] == '1')
                                       ? NGX_LOG_INFO : NGX_LOG_ERR;

    cycle = &ngx_openzaak_fuzz_cycle;
    cycle->log = ngx_openzaak_fuzz_log;
    cycle->pool = ngx_create_pool(NGX_CYCLE_POOL_SIZE, cycle->log);
    if (cycle->pool == NULL) {
        ngx_openzaak_fuzz_fail("init", "no cycle pool");
    }

    ngx_cycle = cycle;

    if (ngx_preinit_modules() != NGX_OK
        || ngx_cycle_modules(cycle) != NGX_OK)
    {
        ngx_openzaak_fuzz_fail("init", "module indexes");
    }

    ngx_http_max_module = ngx_count_modules(cycle, NGX_HTTP_MODULE);

    ngx_openzaak_fuzz_main_conf = ngx_pcalloc(cycle->pool,
                                        ngx_http_max_module * sizeof(void *));
    ngx_openzaak_fuzz_srv_conf = ngx_pcalloc(cycle->pool,
                                        ngx_http_max_module * sizeof(void *));
    ngx_openzaak_fuzz_loc_conf = ngx_pcalloc(cycle->pool,
                                        ngx_http_max_module * sizeof(void *));

    if (ngx_openzaak_fuzz_main_conf == NULL
        || ngx_openzaak_fuzz_srv_conf == NULL
        || ngx_openzaak_fuzz_loc_conf == NULL)
    {
        ngx_openzaak_fuzz_fail("init", "no configuration arrays");
    }

    /* nginx's defaults where the parsers read them */
    ngx_openzaak_fuzz_cscf.merge_slashes = 1;
    ngx_openzaak_fuzz_cscf.underscores_in_headers = 0;
    ngx_openzaak_fuzz_cscf.ignore_invalid_headers = 1;

    ngx_openzaak_fuzz_srv_conf[ngx_http_core_module.ctx_index] =
                                                     &ngx_openzaak_fuzz_cscf;
    ngx_openzaak_fuzz_loc_conf[ngx_http_core_module.ctx_index] =
                                                     &ngx_openzaak_fuzz_clcf;
    ngx_openzaak_fuzz_loc_conf[ngx_http_openzaak_module.ctx_index] =
                                                     &ngx_openzaak_fuzz_lcf;

    /* the module's defaults (ngx_http_openzaak_merge_loc_conf) */
    ngx_openzaak_fuzz_lcf.jwt_expiry = 3600;
    ngx_openzaak_fuzz_lcf.jwt_leeway = 0;
    ngx_openzaak_fuzz_lcf.jwt_clock_skew = 30;

    /* the defaults of openzaak_json_max_values and _max_items */
    ngx_openzaak_fuzz_lcf.json_limits.max_values = 10000;
    ngx_openzaak_fuzz_lcf.json_limits.max_items = 1000;

    ngx_http_top_header_filter = ngx_openzaak_fuzz_header_filter;
    ngx_http_top_body_filter = ngx_openzaak_fuzz_body_filter;

    if (ngx_openzaak_apis_init(cycle->pool, cycle->log) != NGX_OK) {
        ngx_openzaak_fuzz_fail("init", "ngx_openzaak_apis_init() failed");
    }
}


ngx_openzaak_api_t *
ngx_openzaak_fuzz_api(ngx_uint_t i)
{
    ngx_str_t  name;

    static const char  *names[] = {
        "autorisaties", "zaken", "catalogi", "documenten", "besluiten", NULL
    };

    if (i >= sizeof(names) / sizeof(names[0]) - 1) {
        return NULL;
    }

    name.data = (u_char *) names[i];
    name.len = ngx_strlen(names[i]);

    return ngx_openzaak_api_find(&name);
}


ngx_pool_t *
ngx_openzaak_fuzz_pool(void)
{
    ngx_pool_t  *pool;

    pool = ngx_create_pool(NGX_DEFAULT_POOL_SIZE, ngx_openzaak_fuzz_log);
    if (pool == NULL) {
        ngx_openzaak_fuzz_fail("pool", "out of memory");
    }

    return pool;
}


/*
 * A request from "METHOD URI": the line gets " HTTP/1.1" CRLF and goes
 * through nginx's request line parser, then what
 * ngx_http_process_request_uri() does with it.  NULL when nginx would
 * refuse it (400) or when it holds more than one line.
 */

ngx_http_request_t *
ngx_openzaak_fuzz_request(ngx_pool_t *pool, u_char *line, size_t len)
{
    u_char              *p;
    size_t               size;
    ngx_buf_t           *b;
    ngx_table_elt_t     *h;
    ngx_connection_t    *c;
    ngx_http_request_t  *r;

    static u_char  version[] = " HTTP/1.1\r\n";

    c = ngx_pcalloc(pool, sizeof(ngx_connection_t));
    r = ngx_pcalloc(pool, sizeof(ngx_http_request_t));
    b = ngx_calloc_buf(pool);

    size = len + sizeof(version) - 1;
    p = ngx_pnalloc(pool, size);

    if (c == NULL || r == NULL || b == NULL || p == NULL) {
        ngx_openzaak_fuzz_fail("request", "out of memory");
    }

    c->pool = pool;
    c->log = ngx_openzaak_fuzz_log;
    c->fd = (ngx_socket_t) -1;
    c->data = r;

    r->signature = NGX_HTTP_MODULE;
    r->connection = c;
    r->pool = pool;
    r->main = r;
    r->count = 1;
    r->main_conf = ngx_openzaak_fuzz_main_conf;
    r->srv_conf = ngx_openzaak_fuzz_srv_conf;
    r->loc_conf = ngx_openzaak_fuzz_loc_conf;
    r->ctx = ngx_pcalloc(pool, sizeof(void *) * ngx_http_max_module);

    if (r->ctx == NULL
        || ngx_list_init(&r->headers_in.headers, pool, 8,
                         sizeof(ngx_table_elt_t))
           != NGX_OK
        || ngx_list_init(&r->headers_out.headers, pool, 8,
                         sizeof(ngx_table_elt_t))
           != NGX_OK)
    {
        ngx_openzaak_fuzz_fail("request", "out of memory");
    }

    r->headers_out.content_length_n = -1;
    r->headers_out.last_modified_time = -1;

    /* exactly the line, so that ASan sees a read past its end */
    ngx_memcpy(p, line, len);
    ngx_memcpy(p + len, version, sizeof(version) - 1);

    b->start = p;
    b->pos = p;
    b->last = p + size;
    b->end = p + size;
    b->temporary = 1;

    r->header_in = b;

    if (ngx_http_parse_request_line(r, b) != NGX_OK || b->pos != b->last) {
        return NULL;
    }

    /* as ngx_http_process_request_line() */

    r->request_line.len = r->request_end - r->request_start;
    r->request_line.data = r->request_start;
    r->request_length = b->pos - r->request_start;
    r->method_name.len = r->method_end - r->request_start + 1;
    r->method_name.data = r->request_line.data;

    if (r->http_protocol.data) {
        r->http_protocol.len = r->request_end - r->http_protocol.data;
    }

    /* as ngx_http_process_request_uri(), which finalizes on an error */

    if (r->args_start) {
        r->uri.len = r->args_start - 1 - r->uri_start;
    } else {
        r->uri.len = r->uri_end - r->uri_start;
    }

    if (r->complex_uri || r->quoted_uri || r->empty_path_in_uri) {

        if (r->empty_path_in_uri) {
            r->uri.len++;
        }

        r->uri.data = ngx_pnalloc(pool, r->uri.len);
        if (r->uri.data == NULL) {
            ngx_openzaak_fuzz_fail("request", "out of memory");
        }

        if (ngx_http_parse_complex_uri(r, ngx_openzaak_fuzz_cscf.merge_slashes)
            != NGX_OK)
        {
            return NULL;
        }

    } else {
        r->uri.data = r->uri_start;
    }

    r->unparsed_uri.len = r->uri_end - r->uri_start;
    r->unparsed_uri.data = r->uri_start;
    r->valid_unparsed_uri = r->empty_path_in_uri ? 0 : 1;

    if (r->args_start && r->uri_end > r->args_start) {
        r->args.len = r->uri_end - r->args_start;
        r->args.data = r->args_start;
    }

    if (r->schema_end) {
        r->schema.len = r->schema_end - r->schema_start;
        r->schema.data = r->schema_start;
    }

    /*
     * ngx_http_validate_host() is static; the host of an absolute URI is
     * what the parser's host states allow, which is close enough.
     */

    h = ngx_list_push(&r->headers_in.headers);
    if (h == NULL) {
        ngx_openzaak_fuzz_fail("request", "out of memory");
    }

    ngx_str_set(&h->key, "Host");
    ngx_str_set(&h->value, NGX_OPENZAAK_FUZZ_HOST);
    h->lowcase_key = (u_char *) "host";
    h->hash = 1;
    r->headers_in.host = h;
    r->headers_in.server = h->value;

    return r;
}


/*
 * One header line (without CRLF) through ngx_http_parse_header_line(),
 * added to the request's headers as nginx adds it.  NGX_DECLINED when
 * nginx would not take it.
 */

ngx_int_t
ngx_openzaak_fuzz_header(ngx_http_request_t *r, u_char *line, size_t len,
    ngx_table_elt_t **out)
{
    u_char           *p;
    ngx_buf_t        *b;
    ngx_table_elt_t  *h;

    b = ngx_calloc_buf(r->pool);
    p = ngx_pnalloc(r->pool, len + 2);

    if (b == NULL || p == NULL) {
        ngx_openzaak_fuzz_fail("header", "out of memory");
    }

    ngx_memcpy(p, line, len);
    p[len] = CR;
    p[len + 1] = LF;

    b->start = p;
    b->pos = p;
    b->last = p + len + 2;
    b->end = b->last;
    b->temporary = 1;

    r->state = 0;
    r->invalid_header = 0;

    if (ngx_http_parse_header_line(r, b, ngx_openzaak_fuzz_cscf
                                           .underscores_in_headers)
        != NGX_OK
        || r->invalid_header
        || b->pos != b->last)
    {
        return NGX_DECLINED;
    }

    /* as ngx_http_process_request_headers() */

    h = ngx_list_push(&r->headers_in.headers);
    if (h == NULL) {
        ngx_openzaak_fuzz_fail("header", "out of memory");
    }

    h->hash = r->header_hash;
    h->key.len = r->header_name_end - r->header_name_start;
    h->key.data = r->header_name_start;
    h->key.data[h->key.len] = '\0';
    h->value.len = r->header_end - r->header_start;
    h->value.data = r->header_start;
    h->value.data[h->value.len] = '\0';

    h->lowcase_key = ngx_pnalloc(r->pool, h->key.len);
    if (h->lowcase_key == NULL) {
        ngx_openzaak_fuzz_fail("header", "out of memory");
    }

    ngx_strlow(h->lowcase_key, h->key.data, h->key.len);

    *out = h;

    return NGX_OK;
}


/* The module's context of a request, as ngx_openzaak_handler() makes it. */

ngx_openzaak_ctx_t *
ngx_openzaak_fuzz_ctx(ngx_http_request_t *r, ngx_openzaak_api_t *api)
{
    ngx_openzaak_ctx_t  *ctx;

    ngx_memzero(&ngx_openzaak_fuzz_answer, sizeof(ngx_openzaak_fuzz_answer_t));

    ngx_openzaak_fuzz_lcf.api = api;

    ctx = ngx_pcalloc(r->pool, sizeof(ngx_openzaak_ctx_t));
    if (ctx == NULL) {
        ngx_openzaak_fuzz_fail("ctx", "out of memory");
    }

    ctx->request = r;
    ctx->lcf = &ngx_openzaak_fuzz_lcf;
    ctx->api = api;

    ngx_http_set_ctx(r, ctx, ngx_http_openzaak_module);

    if (ngx_openzaak_base_url(ctx) != NGX_OK) {
        ngx_openzaak_fuzz_fail("ctx", "ngx_openzaak_base_url() failed");
    }

    return ctx;
}


static ngx_int_t
ngx_openzaak_fuzz_header_filter(ngx_http_request_t *r)
{
    ngx_uint_t                   i;
    ngx_list_part_t             *part;
    ngx_table_elt_t             *h;
    ngx_openzaak_fuzz_answer_t  *a;

    a = &ngx_openzaak_fuzz_answer;

    if (a->header_sent) {
        ngx_openzaak_fuzz_fail("header filter", "a second header");
    }

    r->header_sent = 1;

    a->header_sent = 1;
    a->status = r->headers_out.status;
    a->content_type = r->headers_out.content_type;
    a->content_length = r->headers_out.content_length_n;

    part = &r->headers_out.headers.part;
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

        if (h[i].hash && h[i].key.len == sizeof("Allow") - 1
            && ngx_strncasecmp(h[i].key.data, (u_char *) "Allow",
                               h[i].key.len) == 0)
        {
            a->allow = 1;
        }

        if (!ngx_openzaak_fuzz_utf8(h[i].value.data, h[i].value.len)) {
            ngx_openzaak_fuzz_fail("header filter", "header %V is not UTF-8",
                                   &h[i].key);
        }
    }

    return NGX_OK;
}


static ngx_int_t
ngx_openzaak_fuzz_body_filter(ngx_http_request_t *r, ngx_chain_t *in)
{
    u_char                      *p;
    size_t                       n;
    ngx_openzaak_fuzz_answer_t  *a;

    a = &ngx_openzaak_fuzz_answer;

    if (!a->header_sent) {
        ngx_openzaak_fuzz_fail("body filter", "a body before the header");
    }

    for ( /* void */ ; in; in = in->next) {

        if (in->buf->last_buf) {
            a->last_buf = 1;
        }

        if (ngx_buf_special(in->buf)) {
            continue;
        }

        if (!ngx_buf_in_memory(in->buf)) {
            ngx_openzaak_fuzz_fail("body filter", "a buffer not in memory");
        }

        n = in->buf->last - in->buf->pos;

        if (a->body.len + n > a->body_cap) {
            a->body_cap = ngx_max(2 * a->body_cap, a->body.len + n);

            p = ngx_pnalloc(r->pool, a->body_cap);
            if (p == NULL) {
                ngx_openzaak_fuzz_fail("body filter", "out of memory");
            }

            if (a->body.len) {
                ngx_memcpy(p, a->body.data, a->body.len);
            }

            a->body.data = p;
        }

        if (n) {
            ngx_memcpy(a->body.data + a->body.len, in->buf->pos, n);
            a->body.len += n;
        }
    }

    return NGX_OK;
}


/*
 * The oracles of an answer.  rc is what the module's function returned:
 * NGX_OK (nothing answered, carry on), NGX_DONE (answered; the answer is
 * checked), or a status nginx would answer itself.  Any 5xx is a failure:
 * the targets feed client input only, which must be refused with a 4xx.
 */

void
ngx_openzaak_fuzz_check(ngx_openzaak_ctx_t *ctx, ngx_int_t rc,
    const char *what)
{
    json_object                 *obj;
    ngx_openzaak_fuzz_answer_t  *a;

    a = &ngx_openzaak_fuzz_answer;

    if (rc == NGX_OK) {
        if (a->header_sent) {
            ngx_openzaak_fuzz_fail(what, "NGX_OK after an answer (%ui)",
                                   a->status);
        }

        return;
    }

    if (rc != NGX_DONE) {
        ngx_openzaak_fuzz_fail(what, "returned %i instead of an answer", rc);
    }

    if (!a->header_sent) {
        ngx_openzaak_fuzz_fail(what, "NGX_DONE without an answer");
    }

    ngx_log_error(NGX_LOG_INFO, ngx_openzaak_fuzz_log, 0,
                  "fuzz: %s: %ui %V: %*s", what, a->status, &a->content_type,
                  ngx_min(a->body.len, 4096), a->body.data);

    if (ctx->send_rc != NGX_OK || !ctx->own_response) {
        ngx_openzaak_fuzz_fail(what, "send_rc %i, own_response %d",
                               ctx->send_rc, (int) ctx->own_response);
    }

    if (a->status < 200 || a->status >= 500) {
        ngx_openzaak_fuzz_fail(what, "status %ui for client input",
                               a->status);
    }

    if (a->content_length != (off_t) a->body.len) {
        ngx_openzaak_fuzz_fail(what, "Content-Length %O, body of %uz bytes",
                               a->content_length, a->body.len);
    }

    if (a->body.len && !a->last_buf) {
        ngx_openzaak_fuzz_fail(what, "no last_buf");
    }

    if (a->status == NGX_HTTP_NOT_ALLOWED && !a->allow) {
        ngx_openzaak_fuzz_fail(what, "405 without Allow");
    }

    if (!ngx_openzaak_fuzz_utf8(a->body.data, a->body.len)) {
        ngx_openzaak_fuzz_fail(what, "the body is not UTF-8");
    }

    if (a->content_type.len == sizeof("application/vnd.oai.openapi") - 1
        && ngx_strncmp(a->content_type.data, "application/vnd.oai.openapi",
                       a->content_type.len) == 0)
    {
        /* YAML */
        return;
    }

    if (!(a->content_type.len == sizeof("application/json") - 1
          && ngx_strncmp(a->content_type.data, "application/json",
                         a->content_type.len) == 0)
        && !(a->content_type.len == sizeof("application/problem+json") - 1
             && ngx_strncmp(a->content_type.data, "application/problem+json",
                            a->content_type.len) == 0)
        && !(a->content_type.len
                 == sizeof("application/vnd.oai.openapi+json") - 1
             && ngx_strncmp(a->content_type.data,
                            "application/vnd.oai.openapi+json",
                            a->content_type.len) == 0))
    {
        ngx_openzaak_fuzz_fail(what, "Content-Type \"%V\"", &a->content_type);
    }

    ngx_openzaak_fuzz_check_json(a->body.data, a->body.len, what);

    if (a->content_type.len == sizeof("application/problem+json") - 1
        && ngx_strncmp(a->content_type.data, "application/problem+json",
                       a->content_type.len) == 0)
    {
        obj = json_tokener_parse((char *) ngx_openzaak_pstrdup0(
                                              ctx->request->pool, &a->body));
        ngx_openzaak_fuzz_check_problem(obj, what);
        json_object_put(obj);
    }
}


/* A ZGW "Fout": its members, and invalidParams of a 400 ValidatieFout. */

static void
ngx_openzaak_fuzz_check_problem(json_object *obj, const char *what)
{
    size_t        i, n;
    json_object  *v, *item, *m;

    static const char  *members[] = {
        "type", "code", "title", "detail", "instance", NULL
    };
    static const char  *params[] = { "name", "code", "reason", NULL };
    const char        **s;

    if (obj == NULL || !json_object_is_type(obj, json_type_object)) {
        ngx_openzaak_fuzz_fail(what, "the problem is no object");
    }

    for (s = members; *s; s++) {
        if (!json_object_object_get_ex(obj, *s, &v)
            || !json_object_is_type(v, json_type_string))
        {
            ngx_openzaak_fuzz_fail(what, "problem without \"%s\"", *s);
        }
    }

    if (!json_object_object_get_ex(obj, "status", &v)
        || !json_object_is_type(v, json_type_int)
        || (ngx_uint_t) json_object_get_int(v)
           != ngx_openzaak_fuzz_answer.status)
    {
        ngx_openzaak_fuzz_fail(what, "problem status is not %ui",
                               ngx_openzaak_fuzz_answer.status);
    }

    if (!json_object_object_get_ex(obj, "invalidParams", &v)) {
        return;
    }

    if (!json_object_is_type(v, json_type_array)
        || json_object_array_length(v) == 0)
    {
        ngx_openzaak_fuzz_fail(what, "invalidParams is no list of errors");
    }

    n = json_object_array_length(v);

    for (i = 0; i < n; i++) {
        item = json_object_array_get_idx(v, i);

        for (s = params; *s; s++) {
            if (!json_object_object_get_ex(item, *s, &m)
                || !json_object_is_type(m, json_type_string))
            {
                ngx_openzaak_fuzz_fail(what, "invalidParams.%uz without %s",
                                       i, *s);
            }
        }

        json_object_object_get_ex(item, "code", &m);

        if (json_object_get_string_len(m) == 0) {
            ngx_openzaak_fuzz_fail(what, "invalidParams.%uz: empty code", i);
        }
    }
}


/* Strict JSON, one document and nothing after it. */

void
ngx_openzaak_fuzz_check_json(u_char *p, size_t len, const char *what)
{
    size_t                   end;
    json_object             *obj;
    json_tokener            *tok;
    enum json_tokener_error  jerr;

    if (len == 0 || len > INT_MAX) {
        ngx_openzaak_fuzz_fail(what, "a JSON body of %uz bytes", len);
    }

    tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH);
    if (tok == NULL) {
        ngx_openzaak_fuzz_fail(what, "out of memory");
    }

    json_tokener_set_flags(tok, JSON_TOKENER_STRICT
                                | JSON_TOKENER_VALIDATE_UTF8);

    obj = json_tokener_parse_ex(tok, (const char *) p, (int) len);
    jerr = json_tokener_get_error(tok);
    end = json_tokener_get_parse_end(tok);

    json_tokener_free(tok);

    if (obj) {
        json_object_put(obj);
    }

    if (jerr != json_tokener_success || end != len) {
        ngx_openzaak_fuzz_fail(what, "not JSON (%s at %uz): %*s",
                               json_tokener_error_desc(jerr), end,
                               ngx_min(len, 2048), p);
    }
}


/* Well-formed UTF-8: no overlong forms, surrogates or code points past
 * U+10FFFF. */

ngx_flag_t
ngx_openzaak_fuzz_utf8(u_char *p, size_t len)
{
    u_char    c;
    size_t    i, n;
    uint32_t  cp, min;

    for (i = 0; i < len; /* void */ ) {
        c = p[i];

        if (c < 0x80) {
            i++;
            continue;
        }

        if ((c & 0xe0) == 0xc0) {
            n = 1;
            cp = c & 0x1f;
            min = 0x80;

        } else if ((c & 0xf0) == 0xe0) {
            n = 2;
            cp = c & 0x0f;
            min = 0x800;

        } else if ((c & 0xf8) == 0xf0) {
            n = 3;
            cp = c & 0x07;
            min = 0x10000;

        } else {
            return 0;
        }

        if (len - i <= n) {
            return 0;
        }

        for (i++; n; n--, i++) {
            if ((p[i] & 0xc0) != 0x80) {
                return 0;
            }

            cp = (cp << 6) | (p[i] & 0x3f);
        }

        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return 0;
        }
    }

    return 1;
}


const char *
ngx_openzaak_fuzz_method_name(ngx_uint_t method)
{
    switch (method) {
    case NGX_HTTP_GET:
        return "GET";
    case NGX_HTTP_HEAD:
        return "HEAD";
    case NGX_HTTP_POST:
        return "POST";
    case NGX_HTTP_PUT:
        return "PUT";
    case NGX_HTTP_PATCH:
        return "PATCH";
    case NGX_HTTP_DELETE:
        return "DELETE";
    default:
        return NULL;
    }
}


void
ngx_openzaak_fuzz_fail(const char *what, const char *fmt, ...)
{
    u_char   *p, buf[4096];
    va_list   args;

    p = ngx_slprintf(buf, buf + sizeof(buf) - 1, "fuzz: %s: ", what);

    va_start(args, fmt);
    p = ngx_vslprintf(p, buf + sizeof(buf) - 1, fmt, args);
    va_end(args);

    *p++ = '\n';

    (void) write(2, buf, p - buf);

    if (ngx_openzaak_fuzz_answer.header_sent) {
        p = ngx_slprintf(buf, buf + sizeof(buf) - 1,
                         "fuzz: the answer: %ui %V, %uz bytes: %*s\n",
                         ngx_openzaak_fuzz_answer.status,
                         &ngx_openzaak_fuzz_answer.content_type,
                         ngx_openzaak_fuzz_answer.body.len,
                         ngx_min(ngx_openzaak_fuzz_answer.body.len, 2048),
                         ngx_openzaak_fuzz_answer.body.data);

        (void) write(2, buf, p - buf);
    }

    abort();
}
