/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * json-c glue: parsing with limits, and tying json-c's reference counted
 * objects to nginx pools so that nothing outlives its request.
 */


#include <ngx_config.h>
#include <ngx_core.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


/* deep enough for every ZGW body, shallow enough to bound the stack */
#define NGX_OPENZAAK_JSON_DEPTH  32


static void ngx_openzaak_json_put(void *data);


ngx_int_t
ngx_openzaak_json_cleanup(ngx_pool_t *pool, json_object *obj)
{
    ngx_pool_cleanup_t  *cln;

    cln = ngx_pool_cleanup_add(pool, 0);
    if (cln == NULL) {
        json_object_put(obj);
        return NGX_ERROR;
    }

    cln->handler = ngx_openzaak_json_put;
    cln->data = obj;

    return NGX_OK;
}


static void
ngx_openzaak_json_put(void *data)
{
    json_object_put(data);
}


/*
 * Parses a complete JSON document; p[len] must be '\0'.  On a syntax
 * error returns NULL and a
 * message for the ParseError detail; on success the object is
 * released with the pool.
 */

json_object *
ngx_openzaak_json_parse(ngx_pool_t *pool, u_char *p, size_t len,
    ngx_str_t *error)
{
    json_object       *obj;
    json_tokener      *tok;
    enum json_tokener_error  jerr;
    const char        *msg;

    ngx_str_null(error);

    tok = json_tokener_new_ex(NGX_OPENZAAK_JSON_DEPTH);
    if (tok == NULL) {
        ngx_str_set(error, "out of memory");
        return NULL;
    }

    json_tokener_set_flags(tok, JSON_TOKENER_STRICT
                                | JSON_TOKENER_VALIDATE_UTF8);

    /* the caller's buffer ends with a NUL, which tells json-c the document
     * is complete (a bare number could otherwise continue) */
    obj = json_tokener_parse_ex(tok, (const char *) p, (int) len + 1);
    jerr = json_tokener_get_error(tok);

    if (jerr == json_tokener_continue) {
        jerr = json_tokener_error_parse_eof;

    } else if (jerr == json_tokener_success
               && json_tokener_get_parse_end(tok) < len)
    {
        /* only whitespace may follow the document */
        size_t  i;

        for (i = json_tokener_get_parse_end(tok); i < len; i++) {
            if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n') {
                jerr = json_tokener_error_parse_unexpected;
                break;
            }
        }
    }

    if (jerr != json_tokener_success) {
        if (obj) {
            json_object_put(obj);
        }

        msg = json_tokener_error_desc(jerr);
        error->len = ngx_strlen(msg);
        error->data = (u_char *) msg;

        json_tokener_free(tok);
        return NULL;
    }

    json_tokener_free(tok);

    if (obj == NULL) {
        /* the document "null" */
        obj = json_object_new_null();
    }

    if (obj && ngx_openzaak_json_cleanup(pool, obj) != NGX_OK) {
        return NULL;
    }

    return obj;
}


ngx_int_t
ngx_openzaak_json_to_str(ngx_pool_t *pool, json_object *obj, ngx_str_t *out)
{
    size_t       len;
    const char  *s;

    s = json_object_to_json_string_length(obj, JSON_C_TO_STRING_PLAIN
                                               | JSON_C_TO_STRING_NOSLASHESCAPE,
                                          &len);
    if (s == NULL) {
        return NGX_ERROR;
    }

    out->data = ngx_pnalloc(pool, len + 1);
    if (out->data == NULL) {
        return NGX_ERROR;
    }

    ngx_memcpy(out->data, s, len);
    out->data[len] = '\0';
    out->len = len;

    return NGX_OK;
}


size_t
ngx_openzaak_json_escape_len(u_char *src, size_t len)
{
    size_t  n;

    n = len;

    while (len--) {
        if (*src == '"' || *src == '\\') {
            n++;

        } else if (*src < 0x20) {
            n += 5;
        }

        src++;
    }

    return n;
}


u_char *
ngx_openzaak_json_escape(u_char *dst, u_char *src, size_t len)
{
    static u_char  hex[] = "0123456789abcdef";

    while (len--) {
        switch (*src) {

        case '"':
        case '\\':
            *dst++ = '\\';
            *dst++ = *src;
            break;

        default:
            if (*src < 0x20) {
                *dst++ = '\\';
                *dst++ = 'u';
                *dst++ = '0';
                *dst++ = '0';
                *dst++ = hex[*src >> 4];
                *dst++ = hex[*src & 0x0f];

            } else {
                *dst++ = *src;
            }
        }

        src++;
    }

    return dst;
}
