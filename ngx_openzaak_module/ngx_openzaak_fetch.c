/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Fetching referenced resources of other APIs (the Selectielijst /
 * Referentielijsten API) without blocking a worker: an in-memory
 * subrequest to an internal location that proxies to that API.  The
 * location is the operator's, so it can cache (proxy_cache), use TLS,
 * time out and resolve names as nginx does everywhere else.
 *
 * A URL is fetched only when it lies below the configured public base
 * URL of that API; the rest of it is appended to the internal location.
 * Nothing else leaves the server, so clients cannot make the module call
 * arbitrary hosts.
 *
 * Several fetches may run at once; when the last one is done the
 * request's continuation runs.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


static ngx_int_t ngx_openzaak_fetch_done(ngx_http_request_t *sr, void *data,
    ngx_int_t rc);
static void ngx_openzaak_fetch_resume(ngx_http_request_t *r);


/*
 * Starts fetching f->url.  NGX_OK: a subrequest is on its way.
 * NGX_DECLINED: the URL is not one the module may fetch (f->status 0;
 * f->outside when it is not below the configured API).
 */

ngx_int_t
ngx_openzaak_fetch(ngx_openzaak_ctx_t *ctx, ngx_openzaak_fetch_t *f)
{
    u_char                       *p, *q, *end;
    ngx_str_t                     uri, args, *base, *loc;
    ngx_http_request_t           *r, *sr;
    ngx_http_post_subrequest_t   *ps;

    r = ctx->request;
    base = &ctx->lcf->selectielijst_url;
    loc = &ctx->lcf->selectielijst_location;

    f->status = 0;
    f->json = NULL;
    ngx_str_null(&f->body);
    f->ctx = ctx;

    if (base->len == 0) {
        /* no Selectielijst API configured: nothing can be fetched */
        f->done = 1;
        return NGX_DECLINED;
    }

    if (f->url.len <= base->len
        || ngx_strncmp(f->url.data, base->data, base->len) != 0
        || f->url.data[base->len] != '/')
    {
        /* whatever it is, it is no resource of the Selectielijst API */
        f->done = 1;
        f->outside = 1;
        return NGX_DECLINED;
    }

    /* the path below the base, without a fragment; the query apart */

    p = f->url.data + base->len;
    end = f->url.data + f->url.len;

    q = ngx_strlchr(p, end, '#');
    if (q) {
        end = q;
    }

    q = ngx_strlchr(p, end, '?');

    uri.len = loc->len + (q ? q : end) - p;
    uri.data = ngx_pnalloc(r->pool, uri.len);
    if (uri.data == NULL) {
        return NGX_ERROR;
    }

    ngx_memcpy(ngx_cpymem(uri.data, loc->data, loc->len), p,
               (q ? q : end) - p);

    if (q) {
        args.data = q + 1;
        args.len = end - q - 1;

    } else {
        ngx_str_null(&args);
    }

    /* ".." could climb out of the proxied path */
    if (ngx_strnstr(uri.data, "..", uri.len)) {
        f->done = 1;
        return NGX_DECLINED;
    }

    ps = ngx_palloc(r->pool, sizeof(ngx_http_post_subrequest_t));
    if (ps == NULL) {
        return NGX_ERROR;
    }

    ps->handler = ngx_openzaak_fetch_done;
    ps->data = f;

    if (ngx_http_subrequest(r, &uri, args.len ? &args : NULL, &sr, ps,
                            NGX_HTTP_SUBREQUEST_IN_MEMORY
                            |NGX_HTTP_SUBREQUEST_WAITED)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    /*
     * A bare GET, whatever the client's request was: neither its body nor
     * its headers (the client's token above all) go to the other API.
     */
    sr->method = NGX_HTTP_GET;
    ngx_str_set(&sr->method_name, "GET");
    sr->header_only = 0;
    sr->request_body = NULL;
    sr->headers_in.content_length = NULL;
    sr->headers_in.content_length_n = -1;
    sr->headers_in.chunked = 0;
    sr->headers_in.transfer_encoding = NULL;
    sr->headers_in.authorization = NULL;

    if (ngx_list_init(&sr->headers_in.headers, r->pool, 1,
                      sizeof(ngx_table_elt_t))
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    f->done = 0;
    ctx->fetching++;

    r->write_event_handler = ngx_openzaak_fetch_resume;

    return NGX_OK;
}


/*
 * Waits for the fetches started; runs "handler" when they are all done
 * (right away when none is running).
 */

ngx_int_t
ngx_openzaak_fetch_wait(ngx_openzaak_ctx_t *ctx, ngx_openzaak_fetch_pt handler)
{
    if (ctx->fetching == 0) {
        return handler(ctx);
    }

    ctx->fetch_handler = handler;

    if (ctx->waiting) {
        /* not inside nginx's own request processing: start them here */
        ngx_http_run_posted_requests(ctx->request->connection);
    }

    ctx->waiting = 1;

    return NGX_AGAIN;
}


static ngx_int_t
ngx_openzaak_fetch_done(ngx_http_request_t *sr, void *data, ngx_int_t rc)
{
    ngx_openzaak_fetch_t  *f = data;

    ngx_buf_t                  *b;
    ngx_openzaak_ctx_t         *ctx;
    ngx_openzaak_json_error_t   err;

    ctx = f->ctx;

    if (f->done) {
        return rc;
    }

    f->done = 1;
    ctx->fetching--;

    /*
     * A 4xx of the location (a file that is not there) is the answer of
     * the other API; an error of nginx itself (upstream down, an answer
     * too big for subrequest_output_buffer_size) means: could not be
     * fetched.
     */
    if (rc >= NGX_HTTP_BAD_REQUEST && rc < NGX_HTTP_INTERNAL_SERVER_ERROR) {
        f->status = rc;
        return rc;
    }

    f->status = (rc == NGX_ERROR || rc >= NGX_HTTP_SPECIAL_RESPONSE)
                ? 0 : sr->headers_out.status;

    if (f->status == 0 || sr->out == NULL) {
        return rc;
    }

    /* the in-memory subrequest's buffer comes from the request's pool:
     * it lives as long as the request, no copy needed */
    b = sr->out->buf;

    f->body.data = b->pos;
    f->body.len = b->last - b->pos;

    /* not JSON, or more than the body of a request may be: no resource */
    if (ngx_openzaak_json_parse(ctx->request->pool, f->body.data,
                                f->body.len, &ctx->lcf->json_limits,
                                &f->json, &err)
        != NGX_OK)
    {
        f->json = NULL;
    }

    return rc;
}


/* The main request's write handler while fetches run. */

static void
ngx_openzaak_fetch_resume(ngx_http_request_t *r)
{
    ngx_int_t            rc;
    ngx_openzaak_ctx_t  *ctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_openzaak_module);

    if (ctx == NULL || ctx->fetching || ctx->fetch_handler == NULL) {
        return;
    }

    r->write_event_handler = ngx_http_request_empty_handler;

    rc = ctx->fetch_handler(ctx);
    ctx->fetch_handler = NULL;

    if (rc != NGX_AGAIN) {
        ngx_openzaak_finish(ctx, rc);
    }
}


/*
 * The answer for a reference that could not be used: bad-url when it
 * could not be fetched at all (no answer, or not 2xx), invalid-resource
 * when it is not the expected kind of resource: outside the configured
 * API, not JSON, or without the keys of its shape.
 */

ngx_int_t
ngx_openzaak_fetch_check(ngx_openzaak_ctx_t *ctx, ngx_openzaak_fetch_t *f,
    const char *name, const char *resource, const char *const *keys)
{
    ngx_str_t           n;
    const char *const  *k;

    n.data = (u_char *) name;
    n.len = ngx_strlen(name);

    if (f->outside) {
        goto invalid;
    }

    if (f->status == 0) {
        (void) ngx_openzaak_invalidf(ctx, &n, "bad-url",
                                     "De URL %V kon niet opgehaald worden.",
                                     &f->url);
        return NGX_DECLINED;
    }

    if (f->status < 200 || f->status > 299) {
        (void) ngx_openzaak_invalidf(ctx, &n, "bad-url",
                                     "De URL %V gaf als antwoord HTTP %ui. "
                                     "Geef een geldige URL op.",
                                     &f->url, f->status);
        return NGX_DECLINED;
    }

    if (f->json == NULL || !json_object_is_type(f->json, json_type_object)) {
        goto invalid;
    }

    for (k = keys; k && *k; k++) {
        if (!json_object_object_get_ex(f->json, *k, NULL)) {
            goto invalid;
        }
    }

    return NGX_OK;

invalid:

    (void) ngx_openzaak_invalidf(ctx, &n, "invalid-resource",
                                 "De URL %V resource lijkt niet op een `%s`. "
                                 "Geef een geldige URL op.", &f->url,
                                 resource);
    return NGX_DECLINED;
}
