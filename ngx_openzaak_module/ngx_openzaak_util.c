/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <openssl/rand.h>

#include "ngx_openzaak.h"


/* A random (version 4) UUID in its 36 character text form. */

ngx_int_t
ngx_openzaak_uuid4(u_char *buf)
{
    u_char         b[16];
    ngx_uint_t     i;
    u_char        *p;
    static u_char  hex[] = "0123456789abcdef";

    if (RAND_bytes(b, sizeof(b)) != 1) {
        return NGX_ERROR;
    }

    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;

    p = buf;

    for (i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            *p++ = '-';
        }

        *p++ = hex[b[i] >> 4];
        *p++ = hex[b[i] & 0x0f];
    }

    return NGX_OK;
}


/* Any UUID in canonical text form, in either case. */

ngx_flag_t
ngx_openzaak_is_uuid(u_char *p, size_t len)
{
    ngx_uint_t  i;

    if (len != NGX_OPENZAAK_UUID_LEN) {
        return 0;
    }

    for (i = 0; i < len; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (p[i] != '-') {
                return 0;
            }
            continue;
        }

        if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f')
              || (p[i] >= 'A' && p[i] <= 'F')))
        {
            return 0;
        }
    }

    return 1;
}


/*
 * The public base URL for rendered links: openzaak_base_url, or the scheme
 * and Host of the request, as Open Zaak builds it.
 */

static ngx_int_t
ngx_openzaak_base_host(ngx_http_request_t *r, ngx_str_t *host)
{
    u_char                    *p;
    ngx_uint_t                 port;
    ngx_str_t                  addr;
    u_char                     text[NGX_SOCKADDR_STRLEN];
    ngx_http_core_srv_conf_t  *cscf;

    cscf = ngx_http_get_module_srv_conf(r, ngx_http_core_module);

    addr.data = text;
    addr.len = NGX_SOCKADDR_STRLEN;

    if (ngx_connection_local_sockaddr(r->connection, &addr, 0) != NGX_OK) {
        return NGX_ERROR;
    }

    port = ngx_inet_get_port(r->connection->local_sockaddr);

    if (cscf->server_name.len) {
        addr = cscf->server_name;
    }

    p = ngx_pnalloc(r->pool, addr.len + sizeof(":65535") - 1);
    if (p == NULL) {
        return NGX_ERROR;
    }

    host->data = p;
    p = ngx_cpymem(p, addr.data, addr.len);

    if (port != (ngx_uint_t) (
#if (NGX_HTTP_SSL)
                     r->connection->ssl ? 443 :
#endif
                     80))
    {
        p = ngx_sprintf(p, ":%ui", port);
    }

    host->len = p - host->data;

    return NGX_OK;
}


ngx_int_t
ngx_openzaak_base_url(ngx_openzaak_ctx_t *ctx)
{
    u_char              *p;
    size_t               len;
    ngx_str_t            scheme, host;
    ngx_http_request_t  *r;

    if (ctx->lcf->base_url.len) {
        ctx->base = ctx->lcf->base_url;
        return NGX_OK;
    }

    r = ctx->request;

#if (NGX_HTTP_SSL)
    if (r->connection->ssl) {
        ngx_str_set(&scheme, "https");
    } else
#endif
    {
        ngx_str_set(&scheme, "http");
    }

    if (r->host_start && r->host_end && r->host_end > r->host_start) {
        /* an absolute-form target wins over Host (RFC 9112, 3.2.2) */
        host.data = r->host_start;
        p = r->host_end;

        if (p < r->request_line.data + r->request_line.len && *p == ':') {
            do {
                p++;
            } while (p < r->request_line.data + r->request_line.len
                     && *p >= '0' && *p <= '9');
        }

        host.len = p - host.data;

    } else if (r->headers_in.host && r->headers_in.host->value.len) {
        host = r->headers_in.host->value;

    } else {
        /* HTTP/1.0 without Host: the server's own name and address */
        if (ngx_openzaak_base_host(r, &host) != NGX_OK) {
            return NGX_ERROR;
        }
    }

    len = scheme.len + sizeof("://") - 1 + host.len;

    p = ngx_pnalloc(r->pool, len);
    if (p == NULL) {
        return NGX_ERROR;
    }

    ctx->base.data = p;
    p = ngx_cpymem(p, scheme.data, scheme.len);
    p = ngx_cpymem(p, "://", 3);
    p = ngx_cpymem(p, host.data, host.len);
    ctx->base.len = p - ctx->base.data;

    return NGX_OK;
}


u_char *
ngx_openzaak_pstrdup0(ngx_pool_t *pool, ngx_str_t *s)
{
    u_char  *p;

    p = ngx_pnalloc(pool, s->len + 1);
    if (p == NULL) {
        return NULL;
    }

    ngx_memcpy(p, s->data, s->len);
    p[s->len] = '\0';

    return p;
}


/* The raw (still URL-encoded) value of query argument "name". */

ngx_int_t
ngx_openzaak_arg(ngx_http_request_t *r, const char *name, ngx_str_t *value)
{
    return ngx_http_arg(r, (u_char *) name, ngx_strlen(name), value);
}


void
ngx_openzaak_sb_init(ngx_openzaak_sb_t *sb, ngx_pool_t *pool, size_t cap)
{
    sb->pool = pool;
    sb->len = 0;
    sb->cap = cap ? cap : 256;
    sb->failed = 0;
    sb->data = ngx_pnalloc(pool, sb->cap);

    if (sb->data == NULL) {
        sb->failed = 1;
        sb->cap = 0;
    }
}


void
ngx_openzaak_sb_addn(ngx_openzaak_sb_t *sb, const void *p, size_t len)
{
    u_char  *data;
    size_t   cap;

    if (sb->failed) {
        return;
    }

    if (sb->len + len + 1 > sb->cap) {
        cap = ngx_max(sb->cap * 2, sb->len + len + 1);

        data = ngx_pnalloc(sb->pool, cap);
        if (data == NULL) {
            sb->failed = 1;
            return;
        }

        ngx_memcpy(data, sb->data, sb->len);

        /* the old buffer goes back with the pool: sizes double, so the
         * waste stays below the final size */
        sb->data = data;
        sb->cap = cap;
    }

    ngx_memcpy(sb->data + sb->len, p, len);
    sb->len += len;
}


void
ngx_openzaak_sb_add(ngx_openzaak_sb_t *sb, const char *s)
{
    ngx_openzaak_sb_addn(sb, s, ngx_strlen(s));
}


void
ngx_openzaak_sb_addf(ngx_openzaak_sb_t *sb, const char *fmt, ...)
{
    u_char   *p, *buf, stack[2048];
    size_t    size;
    va_list   args;

    buf = stack;
    size = sizeof(stack);

    for ( ;; ) {
        va_start(args, fmt);
        p = ngx_vslprintf(buf, buf + size, fmt, args);
        va_end(args);

        if (p < buf + size) {
            break;
        }

        /* the output did not fit: retry with room to spare */

        if (size >= 4 * 1024 * 1024) {
            sb->failed = 1;
            return;
        }

        size *= 16;

        buf = ngx_pnalloc(sb->pool, size);
        if (buf == NULL) {
            sb->failed = 1;
            return;
        }
    }

    ngx_openzaak_sb_addn(sb, buf, p - buf);
}


/* The string, NUL-terminated (libpq wants C strings). */

ngx_int_t
ngx_openzaak_sb_str(ngx_openzaak_sb_t *sb, ngx_str_t *out)
{
    ngx_openzaak_sb_addn(sb, "", 1);

    if (sb->failed) {
        return NGX_ERROR;
    }

    sb->len--;
    out->data = sb->data;
    out->len = sb->len;

    return NGX_OK;
}


/* Whether word is one of the space-separated words of list. */

ngx_flag_t
ngx_openzaak_word_in(const char *list, const char *word)
{
    size_t       len;
    const char  *p;

    len = ngx_strlen(word);

    for (p = list; *p; ) {
        if (ngx_strncmp(p, word, len) == 0
            && (p[len] == ' ' || p[len] == '\0'))
        {
            return 1;
        }

        while (*p && *p != ' ') {
            p++;
        }

        while (*p == ' ') {
            p++;
        }
    }

    return 0;
}
