/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * JSON input with bounded cost, and json-c glue.
 *
 * json-c alone accepts too much and costs too much: it takes NaN,
 * overlong and surrogate UTF-8, cuts keys at "\u0000", replaces lone
 * surrogate escapes silently, and builds a tree of any size (25 million
 * array items are 1.8 GB).  So every document first passes a strict
 * RFC 8259 scanner that reads the input once, in chunks (a request body
 * straight from nginx's buffers and temporary file, never copied whole),
 * and hands json-c only what it has checked:
 *
 *   - syntax and UTF-8 as Python's json module and codec check them, with
 *     Python's messages and positions (Open Zaak's "JSON parse error - ..."
 *     detail), NaN and Infinity refused as DRF refuses them;
 *   - a limit on the number of values and on the items of one array,
 *     checked before json-c sees the value, so a refused body never grows
 *     a tree beyond the limit;
 *   - "\u0000" in a key becomes U+FFFD (json-c would cut the key, and an
 *     unknown key must stay unknown);
 *   - a lone surrogate escape in a string value becomes NUL followed by
 *     the text "\uXXXX", a mark the string validation reports as DRF does
 *     (surrogate_characters_not_allowed); a real NUL is reported as
 *     null_characters_not_allowed.  Neither can be stored: both are
 *     refused wherever a string is validated.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


/* deep enough for every ZGW body, shallow enough to bound the stack */
#define NGX_OPENZAAK_JSON_DEPTH      32
#define NGX_OPENZAAK_JSON_DEPTH_STR  "32"

/* the bytes of a key kept for the path of a refused array */
#define NGX_OPENZAAK_JSON_KEYLEN  64

/* what json-c is fed at a time, and what is read of a temporary file */
#define NGX_OPENZAAK_JSON_CHUNK  16384
#define NGX_OPENZAAK_JSON_READ   65536


typedef enum {
    NGX_OZ_JS_VALUE = 0,        /* a value must follow */
    NGX_OZ_JS_VALUE_OR_END,     /* after '[' */
    NGX_OZ_JS_KEY_OR_END,       /* after '{' */
    NGX_OZ_JS_KEY,              /* after ',' in an object */
    NGX_OZ_JS_COLON,            /* after a key */
    NGX_OZ_JS_AFTER,            /* after a value */
    NGX_OZ_JS_DONE,             /* the document is complete */
    NGX_OZ_JS_STRING,
    NGX_OZ_JS_ESCAPE,           /* after a backslash */
    NGX_OZ_JS_HEX,              /* in \uXXXX */
    NGX_OZ_JS_NUMBER,
    NGX_OZ_JS_LITERAL
} ngx_openzaak_json_state_e;


/* number states, as Python's NUMBER_RE reads a number */
typedef enum {
    NGX_OZ_JN_MINUS = 0,
    NGX_OZ_JN_ZERO,
    NGX_OZ_JN_INT,
    NGX_OZ_JN_DOT,
    NGX_OZ_JN_FRAC,
    NGX_OZ_JN_E,
    NGX_OZ_JN_ESIGN,
    NGX_OZ_JN_EXP
} ngx_openzaak_json_num_e;


typedef struct {
    u_char                       type;          /* '{' or '[' */
    unsigned                     truncated:1;
    ngx_uint_t                   items;
    size_t                       keylen;
    u_char                       key[NGX_OPENZAAK_JSON_KEYLEN];
} ngx_openzaak_json_frame_t;


typedef struct {
    ngx_pool_t                        *pool;
    const ngx_openzaak_json_limits_t  *limits;
    ngx_openzaak_json_error_t         *err;

    json_tokener                      *tok;
    json_object                       *obj;
    unsigned                           complete:1;  /* json-c is done */

    ngx_openzaak_json_state_e          state;
    ngx_openzaak_json_state_e          after_string;
    ngx_openzaak_json_num_e            num;
    unsigned                           is_key:1;
    unsigned                           pending:1;   /* a high surrogate */

    ngx_openzaak_json_frame_t         *stack;
    ngx_uint_t                         depth;
    ngx_uint_t                         values;

    /* \uXXXX */
    ngx_uint_t                         hex_n;
    ngx_uint_t                         hex;
    ngx_uint_t                         high;

    /* a UTF-8 sequence: bytes still to come, bounds of the next one */
    ngx_uint_t                         utf8_need;
    u_char                             utf8_lo;
    u_char                             utf8_hi;
    u_char                             utf8_lead;
    off_t                              utf8_pos;

    /* the literal being matched ("true", "NaN", ...) and its progress */
    const char                        *lit;
    ngx_uint_t                         lit_n;

    /* positions, for Python's messages: bytes, characters, lines */
    off_t                              pos;
    off_t                              chars;
    off_t                              line;
    off_t                              line_start;  /* in characters */
    off_t                              token_chars; /* where a string or
                                                       number began */
    off_t                              token_line;
    off_t                              token_line_start;
    off_t                              num_stop;    /* the '.' or 'e' */

    u_char                            *out;
    size_t                             nout;
    size_t                             cap;
    ngx_pool_cleanup_t                *cln;
} ngx_openzaak_json_scan_t;


static ngx_int_t ngx_openzaak_json_scan_init(ngx_openzaak_json_scan_t *s,
    ngx_pool_t *pool, const ngx_openzaak_json_limits_t *limits,
    ngx_openzaak_json_error_t *err, size_t len);
static void ngx_openzaak_json_scan_done(ngx_openzaak_json_scan_t *s);
static ngx_int_t ngx_openzaak_json_feed(ngx_openzaak_json_scan_t *s,
    u_char *p, size_t len);
static ngx_int_t ngx_openzaak_json_feed_body(ngx_openzaak_json_scan_t *s,
    ngx_http_request_t *r);
static ngx_int_t ngx_openzaak_json_end(ngx_openzaak_json_scan_t *s,
    json_object **out);
static ngx_int_t ngx_openzaak_json_byte(ngx_openzaak_json_scan_t *s,
    u_char c);
static ngx_int_t ngx_openzaak_json_value(ngx_openzaak_json_scan_t *s,
    u_char c);
static ngx_int_t ngx_openzaak_json_string(ngx_openzaak_json_scan_t *s,
    u_char c);
static ngx_int_t ngx_openzaak_json_escape_done(ngx_openzaak_json_scan_t *s);
static ngx_int_t ngx_openzaak_json_number(ngx_openzaak_json_scan_t *s,
    u_char c);
static ngx_int_t ngx_openzaak_json_close(ngx_openzaak_json_scan_t *s,
    u_char c);
static ngx_int_t ngx_openzaak_json_count(ngx_openzaak_json_scan_t *s);
static void ngx_openzaak_json_key_byte(ngx_openzaak_json_scan_t *s,
    u_char c, ngx_uint_t seq);
static ngx_int_t ngx_openzaak_json_emit(ngx_openzaak_json_scan_t *s,
    const u_char *p, size_t len);
static ngx_int_t ngx_openzaak_json_flush(ngx_openzaak_json_scan_t *s);
static ngx_int_t ngx_openzaak_json_lone(ngx_openzaak_json_scan_t *s,
    ngx_uint_t cp);
static ngx_int_t ngx_openzaak_json_syntax(ngx_openzaak_json_scan_t *s,
    const char *msg, ngx_flag_t at_token);
static ngx_int_t ngx_openzaak_json_after_error(ngx_openzaak_json_scan_t *s);
static ngx_int_t ngx_openzaak_json_bad_hex(ngx_openzaak_json_scan_t *s);
static ngx_int_t ngx_openzaak_json_utf8_error(ngx_openzaak_json_scan_t *s,
    u_char byte, off_t pos, const char *reason);
static ngx_int_t ngx_openzaak_json_path(ngx_openzaak_json_scan_t *s,
    ngx_uint_t depth, ngx_str_t *out);
static ngx_int_t ngx_openzaak_utf8_lead(u_char c, ngx_uint_t *need,
    u_char *lo, u_char *hi);
static void ngx_openzaak_json_tok_free(void *data);
static void ngx_openzaak_json_put(void *data);


/* ---------------------------------------------------------------- API */


/*
 * Parses a complete JSON document in memory.  NGX_OK with *out set (NULL
 * for the document "null"; a tree is released with the pool), NGX_DECLINED
 * with err telling why, or NGX_ERROR.  limits may be NULL: no limits but
 * the depth.
 */

ngx_int_t
ngx_openzaak_json_parse(ngx_pool_t *pool, u_char *p, size_t len,
    const ngx_openzaak_json_limits_t *limits, json_object **out,
    ngx_openzaak_json_error_t *err)
{
    ngx_int_t                 rc;
    ngx_openzaak_json_scan_t  s;

    *out = NULL;

    if (ngx_openzaak_json_scan_init(&s, pool, limits, err, len) != NGX_OK) {
        ngx_openzaak_json_scan_done(&s);
        return NGX_ERROR;
    }

    rc = ngx_openzaak_json_feed(&s, p, len);

    if (rc == NGX_OK) {
        rc = ngx_openzaak_json_end(&s, out);
    }

    ngx_openzaak_json_scan_done(&s);

    return rc;
}


/*
 * The request body: nginx's buffers as they are, a temporary file read in
 * chunks.  An empty body (no bytes at all) is an empty object, as DRF
 * takes it.
 */

ngx_int_t
ngx_openzaak_json_parse_body(ngx_http_request_t *r,
    const ngx_openzaak_json_limits_t *limits, json_object **out,
    ngx_openzaak_json_error_t *err)
{
    ngx_int_t                 rc;
    ngx_openzaak_json_scan_t  s;

    *out = NULL;

    if (ngx_openzaak_json_scan_init(&s, r->pool, limits, err, 0) != NGX_OK) {
        ngx_openzaak_json_scan_done(&s);
        return NGX_ERROR;
    }

    rc = ngx_openzaak_json_feed_body(&s, r);

    if (rc == NGX_OK) {
        if (s.pos == 0) {
            *out = json_object_new_object();

            if (*out == NULL
                || ngx_openzaak_json_cleanup(r->pool, *out) != NGX_OK)
            {
                rc = NGX_ERROR;
            }

        } else {
            rc = ngx_openzaak_json_end(&s, out);
        }
    }

    ngx_openzaak_json_scan_done(&s);

    return rc;
}


static ngx_int_t
ngx_openzaak_json_feed_body(ngx_openzaak_json_scan_t *s,
    ngx_http_request_t *r)
{
    off_t         off, n;
    u_char       *chunk;
    ssize_t       got;
    ngx_int_t     rc;
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    chunk = NULL;

    for (cl = r->request_body ? r->request_body->bufs : NULL;
         cl;
         cl = cl->next)
    {
        b = cl->buf;

        if (!b->in_file) {
            rc = ngx_openzaak_json_feed(s, b->pos, b->last - b->pos);

            if (rc != NGX_OK) {
                return rc;
            }

            continue;
        }

        if (chunk == NULL) {
            chunk = ngx_pnalloc(r->pool, NGX_OPENZAAK_JSON_READ);
            if (chunk == NULL) {
                return NGX_ERROR;
            }
        }

        for (off = b->file_pos; off < b->file_last; off += n) {
            n = ngx_min(b->file_last - off, NGX_OPENZAAK_JSON_READ);

            got = ngx_read_file(b->file, chunk, (size_t) n, off);

            if (got != (ssize_t) n) {
                s->err->rc = NGX_OPENZAAK_JSON_ERROR;
                return NGX_ERROR;
            }

            rc = ngx_openzaak_json_feed(s, chunk, (size_t) n);

            if (rc != NGX_OK) {
                return rc;
            }
        }
    }

    return NGX_OK;
}


/* The length of the request body, from nginx's buffers. */

off_t
ngx_openzaak_json_body_size(ngx_http_request_t *r)
{
    off_t         len;
    ngx_chain_t  *cl;

    len = 0;

    for (cl = r->request_body ? r->request_body->bufs : NULL;
         cl;
         cl = cl->next)
    {
        len += cl->buf->in_file ? cl->buf->file_last - cl->buf->file_pos
                                : cl->buf->last - cl->buf->pos;
    }

    return len;
}


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


/* ---------------------------------------------------------------- scanner */


/* len: the input's size when known (a small document needs little) */

static ngx_int_t
ngx_openzaak_json_scan_init(ngx_openzaak_json_scan_t *s, ngx_pool_t *pool,
    const ngx_openzaak_json_limits_t *limits, ngx_openzaak_json_error_t *err,
    size_t len)
{
    ngx_pool_cleanup_t  *cln;

    ngx_memzero(s, sizeof(ngx_openzaak_json_scan_t));
    ngx_memzero(err, sizeof(ngx_openzaak_json_error_t));

    s->pool = pool;
    s->limits = limits;
    s->err = err;
    s->line = 1;

    /* room for the longest single output: a surrogate pair (12 bytes) */
    s->cap = NGX_OPENZAAK_JSON_CHUNK;

    if (len && len < NGX_OPENZAAK_JSON_CHUNK / 2) {
        s->cap = 2 * len + 32;
    }

    s->stack = ngx_palloc(pool, NGX_OPENZAAK_JSON_DEPTH
                                * sizeof(ngx_openzaak_json_frame_t));
    s->out = ngx_pnalloc(pool, s->cap);

    cln = ngx_pool_cleanup_add(pool, 0);

    if (s->stack == NULL || s->out == NULL || cln == NULL) {
        err->rc = NGX_OPENZAAK_JSON_ERROR;
        return NGX_ERROR;
    }

    /* deeper than the scanner allows: json-c never refuses what passed */
    s->tok = json_tokener_new_ex(NGX_OPENZAAK_JSON_DEPTH + 2);
    if (s->tok == NULL) {
        err->rc = NGX_OPENZAAK_JSON_ERROR;
        return NGX_ERROR;
    }

    json_tokener_set_flags(s->tok, JSON_TOKENER_STRICT);

    /* should the request end in between: the tokener and what it built */
    cln->handler = ngx_openzaak_json_tok_free;
    cln->data = s->tok;
    s->cln = cln;

    return NGX_OK;
}


/*
 * The tokener goes as soon as the document is read: it holds a buffer as
 * large as the longest string, and after a refusal the partial tree.
 */

static void
ngx_openzaak_json_scan_done(ngx_openzaak_json_scan_t *s)
{
    if (s->tok) {
        json_tokener_free(s->tok);
        s->tok = NULL;
        s->cln->handler = NULL;
    }
}


static void
ngx_openzaak_json_tok_free(void *data)
{
    json_tokener_free(data);
}


static ngx_int_t
ngx_openzaak_json_feed(ngx_openzaak_json_scan_t *s, u_char *p, size_t len)
{
    size_t      n;
    u_char     *end, *run;
    ngx_int_t   rc;

    for (end = p + len; p < end; p++) {

        /*
         * The bulk of a document is plain text in strings: such a run
         * passes in one piece (no escape, no quote, no control character,
         * ASCII: one byte is one character, and no line ends in it).
         */

        if (s->state == NGX_OZ_JS_STRING && !s->utf8_need && !s->pending) {
            for (run = p;
                 run < end && *run >= 0x20 && *run < 0x80
                 && *run != '"' && *run != '\\';
                 run++)
            { /* void */ }

            n = run - p;

            if (n > 1) {
                if (s->is_key) {
                    for (run = p; run < p + n; run++) {
                        ngx_openzaak_json_key_byte(s, *run, 1);
                    }
                }

                if (ngx_openzaak_json_emit(s, p, n) != NGX_OK) {
                    return NGX_DECLINED;
                }

                s->chars += n;
                s->pos += n;
                p += n - 1;
                continue;
            }
        }

        rc = ngx_openzaak_json_byte(s, *p);

        if (rc != NGX_OK) {
            return rc;
        }

        /* a character is a byte that does not continue a sequence */
        if ((*p & 0xc0) != 0x80) {
            s->chars++;

            if (*p == '\n') {
                s->line++;
                s->line_start = s->chars;
            }
        }

        s->pos++;
    }

    return NGX_OK;
}


/* The input is complete: the document must be too. */

static ngx_int_t
ngx_openzaak_json_end(ngx_openzaak_json_scan_t *s, json_object **out)
{
    enum json_tokener_error  jerr;

    if (s->utf8_need) {
        return ngx_openzaak_json_utf8_error(s, s->utf8_lead, s->utf8_pos,
                                            "unexpected end of data");
    }

    switch (s->state) {

    case NGX_OZ_JS_DONE:
        break;

    case NGX_OZ_JS_NUMBER:
        if (s->num == NGX_OZ_JN_MINUS) {
            return ngx_openzaak_json_syntax(s, "Expecting value", 1);
        }

        if (s->num == NGX_OZ_JN_DOT || s->num == NGX_OZ_JN_E
            || s->num == NGX_OZ_JN_ESIGN)
        {
            return ngx_openzaak_json_after_error(s);
        }

        if (s->depth) {
            return ngx_openzaak_json_syntax(s, "Expecting ',' delimiter", 0);
        }

        break;

    case NGX_OZ_JS_HEX:
        return ngx_openzaak_json_bad_hex(s);

    case NGX_OZ_JS_STRING:
    case NGX_OZ_JS_ESCAPE:
        return ngx_openzaak_json_syntax(s, "Unterminated string starting at",
                                        1);

    case NGX_OZ_JS_LITERAL:
        return ngx_openzaak_json_syntax(s, "Expecting value", 1);

    case NGX_OZ_JS_KEY_OR_END:
    case NGX_OZ_JS_KEY:
        return ngx_openzaak_json_syntax(s, "Expecting property name enclosed"
                                        " in double quotes", 0);

    case NGX_OZ_JS_COLON:
        return ngx_openzaak_json_syntax(s, "Expecting ':' delimiter", 0);

    case NGX_OZ_JS_AFTER:
        return ngx_openzaak_json_syntax(s, "Expecting ',' delimiter", 0);

    default:
        return ngx_openzaak_json_syntax(s, "Expecting value", 0);
    }

    if (ngx_openzaak_json_flush(s) != NGX_OK) {
        return NGX_DECLINED;
    }

    if (!s->complete) {
        /* a top-level number or literal ends with the input */
        s->obj = json_tokener_parse_ex(s->tok, "", 1);
        jerr = json_tokener_get_error(s->tok);

        if (jerr != json_tokener_success) {
            s->err->rc = NGX_OPENZAAK_JSON_SYNTAX;
            s->err->message.data = (u_char *) json_tokener_error_desc(jerr);
            s->err->message.len = ngx_strlen(s->err->message.data);
            return NGX_DECLINED;
        }
    }

    if (s->obj && ngx_openzaak_json_cleanup(s->pool, s->obj) != NGX_OK) {
        s->err->rc = NGX_OPENZAAK_JSON_ERROR;
        return NGX_ERROR;
    }

    *out = s->obj;

    return NGX_OK;
}


static ngx_int_t
ngx_openzaak_json_byte(ngx_openzaak_json_scan_t *s, u_char c)
{
    ngx_int_t  rc;

    switch (s->state) {

    case NGX_OZ_JS_STRING:
    case NGX_OZ_JS_ESCAPE:
    case NGX_OZ_JS_HEX:
        return ngx_openzaak_json_string(s, c);

    case NGX_OZ_JS_NUMBER:
        rc = ngx_openzaak_json_number(s, c);

        if (rc != NGX_DONE) {
            return rc;
        }

        /* the number ended before c: c belongs to what follows */
        break;

    case NGX_OZ_JS_LITERAL:
        if ((u_char) s->lit[s->lit_n] != c) {
            return ngx_openzaak_json_syntax(s, "Expecting value", 1);
        }

        if (ngx_openzaak_json_emit(s, &c, 1) != NGX_OK) {
            return NGX_DECLINED;
        }

        if (s->lit[++s->lit_n] == '\0') {
            if (s->lit[0] == 'N' || s->lit[0] == 'I' || s->lit[0] == '-') {
                /* DRF's strict_constant */
                s->err->rc = NGX_OPENZAAK_JSON_SYNTAX;
                s->err->message.data = ngx_pnalloc(s->pool, 80);
                if (s->err->message.data == NULL) {
                    s->err->rc = NGX_OPENZAAK_JSON_ERROR;
                    return NGX_ERROR;
                }

                s->err->message.len = ngx_sprintf(s->err->message.data,
                    "Out of range float values are not JSON compliant: '%s'",
                    s->lit) - s->err->message.data;
                return NGX_DECLINED;
            }

            s->state = s->depth ? NGX_OZ_JS_AFTER : NGX_OZ_JS_DONE;
        }

        return NGX_OK;

    default:
        break;
    }

    /* JSON whitespace: never passed on (json-c reads compact JSON) */
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        return NGX_OK;
    }

    /* outside strings only ASCII is JSON; the rest is a codec error when
     * it is no UTF-8 at all, as Python decodes before it parses */
    if (c >= 0x80 && (c < 0xc2 || c > 0xf4)) {
        return ngx_openzaak_json_utf8_error(s, c, s->pos,
                                            "invalid start byte");
    }

    switch (s->state) {

    case NGX_OZ_JS_VALUE:
        if (c == 0xef && s->pos == 0) {
            return ngx_openzaak_json_syntax(s, "Unexpected UTF-8 BOM (decode "
                                            "using utf-8-sig)", 0);
        }

        return ngx_openzaak_json_value(s, c);

    case NGX_OZ_JS_VALUE_OR_END:
        if (c == ']') {
            return ngx_openzaak_json_close(s, c);
        }

        return ngx_openzaak_json_value(s, c);

    case NGX_OZ_JS_KEY_OR_END:
        if (c == '}') {
            return ngx_openzaak_json_close(s, c);
        }

        /* fall through */

    case NGX_OZ_JS_KEY:
        if (c != '"') {
            return ngx_openzaak_json_syntax(s, "Expecting property name "
                                            "enclosed in double quotes", 0);
        }

        s->stack[s->depth - 1].keylen = 0;
        s->stack[s->depth - 1].truncated = 0;
        s->is_key = 1;
        s->after_string = NGX_OZ_JS_COLON;
        s->token_chars = s->chars;
        s->token_line = s->line;
        s->token_line_start = s->line_start;
        s->state = NGX_OZ_JS_STRING;

        return ngx_openzaak_json_emit(s, &c, 1) == NGX_OK ? NGX_OK
                                                          : NGX_DECLINED;

    case NGX_OZ_JS_COLON:
        if (c != ':') {
            return ngx_openzaak_json_syntax(s, "Expecting ':' delimiter", 0);
        }

        s->state = NGX_OZ_JS_VALUE;

        return ngx_openzaak_json_emit(s, &c, 1) == NGX_OK ? NGX_OK
                                                          : NGX_DECLINED;

    case NGX_OZ_JS_AFTER:
        if (c == ',') {
            s->state = (s->stack[s->depth - 1].type == '{') ? NGX_OZ_JS_KEY
                                                             : NGX_OZ_JS_VALUE;

            return ngx_openzaak_json_emit(s, &c, 1) == NGX_OK ? NGX_OK
                                                              : NGX_DECLINED;
        }

        if (c == (s->stack[s->depth - 1].type == '{' ? '}' : ']')) {
            return ngx_openzaak_json_close(s, c);
        }

        return ngx_openzaak_json_syntax(s, "Expecting ',' delimiter", 0);

    default: /* NGX_OZ_JS_DONE */
        return ngx_openzaak_json_syntax(s, "Extra data", 0);
    }
}


/* The first byte of a value. */

static ngx_int_t
ngx_openzaak_json_value(ngx_openzaak_json_scan_t *s, u_char c)
{
    ngx_int_t                   rc;
    ngx_openzaak_json_frame_t  *f;

    s->token_chars = s->chars;
    s->token_line = s->line;
    s->token_line_start = s->line_start;

    switch (c) {

    case '{':
    case '[':
        if (s->depth == NGX_OPENZAAK_JSON_DEPTH) {
            return ngx_openzaak_json_syntax(s, "Maximum nesting depth of "
                                            NGX_OPENZAAK_JSON_DEPTH_STR
                                            " exceeded", 1);
        }

        rc = ngx_openzaak_json_count(s);
        if (rc != NGX_OK) {
            return rc;
        }

        f = &s->stack[s->depth++];
        f->type = c;
        f->items = 0;
        f->keylen = 0;
        f->truncated = 0;

        s->state = (c == '{') ? NGX_OZ_JS_KEY_OR_END : NGX_OZ_JS_VALUE_OR_END;

        return ngx_openzaak_json_emit(s, &c, 1) == NGX_OK ? NGX_OK
                                                          : NGX_DECLINED;

    case '"':
        rc = ngx_openzaak_json_count(s);
        if (rc != NGX_OK) {
            return rc;
        }

        s->is_key = 0;
        s->after_string = s->depth ? NGX_OZ_JS_AFTER : NGX_OZ_JS_DONE;
        s->state = NGX_OZ_JS_STRING;

        return ngx_openzaak_json_emit(s, &c, 1) == NGX_OK ? NGX_OK
                                                          : NGX_DECLINED;

    case 't':
    case 'f':
    case 'n':
    case 'N':
    case 'I':
        rc = ngx_openzaak_json_count(s);
        if (rc != NGX_OK) {
            return rc;
        }

        s->lit = (c == 't') ? "true" : (c == 'f') ? "false"
                 : (c == 'n') ? "null" : (c == 'N') ? "NaN" : "Infinity";
        s->lit_n = 0;
        s->state = NGX_OZ_JS_LITERAL;

        return ngx_openzaak_json_byte(s, c);

    default:
        if (c == '-' || (c >= '0' && c <= '9')) {
            rc = ngx_openzaak_json_count(s);
            if (rc != NGX_OK) {
                return rc;
            }

            s->state = NGX_OZ_JS_NUMBER;
            s->num = (c == '-') ? NGX_OZ_JN_MINUS
                     : (c == '0') ? NGX_OZ_JN_ZERO : NGX_OZ_JN_INT;

            return ngx_openzaak_json_emit(s, &c, 1) == NGX_OK ? NGX_OK
                                                              : NGX_DECLINED;
        }

        return ngx_openzaak_json_syntax(s, "Expecting value", 0);
    }
}


/*
 * A number, byte by byte.  NGX_DONE when c does not belong to it and the
 * number is complete: the caller reads c again in the state after it.
 */

static ngx_int_t
ngx_openzaak_json_number(ngx_openzaak_json_scan_t *s, u_char c)
{
    ngx_flag_t  digit;

    digit = (c >= '0' && c <= '9');

    switch (s->num) {

    case NGX_OZ_JN_MINUS:
        if (digit) {
            s->num = (c == '0') ? NGX_OZ_JN_ZERO : NGX_OZ_JN_INT;
            break;
        }

        if (c == 'I') {
            /* "-Infinity" */
            s->lit = "-Infinity";
            s->lit_n = 1;
            s->state = NGX_OZ_JS_LITERAL;
            return ngx_openzaak_json_byte(s, c);
        }

        return ngx_openzaak_json_syntax(s, "Expecting value", 1);

    case NGX_OZ_JN_DOT:
        if (digit) {
            s->num = NGX_OZ_JN_FRAC;
            break;
        }

        return ngx_openzaak_json_after_error(s);

    case NGX_OZ_JN_ZERO:
    case NGX_OZ_JN_INT:
        if (c == '.') {
            s->num = NGX_OZ_JN_DOT;
            s->num_stop = s->chars;
            break;
        }

        /* digits (not after a leading zero) and an exponent: as below */

        /* fall through */

    case NGX_OZ_JN_FRAC:
        if (digit && s->num != NGX_OZ_JN_ZERO) {
            break;
        }

        if (c == 'e' || c == 'E') {
            s->num = NGX_OZ_JN_E;
            s->num_stop = s->chars;
            break;
        }

        goto done;

    case NGX_OZ_JN_E:
        if (c == '+' || c == '-') {
            s->num = NGX_OZ_JN_ESIGN;
            break;
        }

        /* fall through */

    case NGX_OZ_JN_ESIGN:
        if (digit) {
            s->num = NGX_OZ_JN_EXP;
            break;
        }

        return ngx_openzaak_json_after_error(s);

    default: /* NGX_OZ_JN_EXP */
        if (digit) {
            break;
        }

        goto done;
    }

    return ngx_openzaak_json_emit(s, &c, 1) == NGX_OK ? NGX_OK : NGX_DECLINED;

done:

    s->state = s->depth ? NGX_OZ_JS_AFTER : NGX_OZ_JS_DONE;

    return NGX_DONE;
}


/*
 * Python reads the longest number its regular expression matches, "1" of
 * "1.x", and then fails on what follows, where the match stopped.
 */

static ngx_int_t
ngx_openzaak_json_after_error(ngx_openzaak_json_scan_t *s)
{
    /* a number has no line break: the line is the number's own */
    s->token_chars = s->num_stop;

    return ngx_openzaak_json_syntax(s, s->depth ? "Expecting ',' delimiter"
                                                : "Extra data", 1);
}


/* Python names the "u" of a \uXXXX escape it cannot read. */

static ngx_int_t
ngx_openzaak_json_bad_hex(ngx_openzaak_json_scan_t *s)
{
    s->token_chars = s->chars - s->hex_n - 1;
    s->token_line = s->line;
    s->token_line_start = s->line_start;

    return ngx_openzaak_json_syntax(s, "Invalid \\uXXXX escape", 1);
}


/* A byte of a string (or of one of its escapes). */

static ngx_int_t
ngx_openzaak_json_string(ngx_openzaak_json_scan_t *s, u_char c)
{
    u_char   esc;
    u_char   buf[6];

    if (s->state == NGX_OZ_JS_HEX) {
        if (c >= '0' && c <= '9') {
            s->hex = s->hex * 16 + (c - '0');

        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
            s->hex = s->hex * 16 + ((c | 0x20) - 'a' + 10);

        } else {
            return ngx_openzaak_json_bad_hex(s);
        }

        if (++s->hex_n < 4) {
            return NGX_OK;
        }

        s->state = NGX_OZ_JS_STRING;

        return ngx_openzaak_json_escape_done(s);
    }

    if (s->state == NGX_OZ_JS_ESCAPE) {
        switch (c) {
        case '"': case '\\': case '/':
            esc = c;
            break;
        case 'b':
            esc = '\b';
            break;
        case 'f':
            esc = '\f';
            break;
        case 'n':
            esc = '\n';
            break;
        case 'r':
            esc = '\r';
            break;
        case 't':
            esc = '\t';
            break;
        case 'u':
            s->state = NGX_OZ_JS_HEX;
            s->hex = 0;
            s->hex_n = 0;
            return NGX_OK;
        default:
            /* Python names the backslash, a character before */
            s->token_chars = s->chars - 1;
            s->token_line = s->line;
            s->token_line_start = s->line_start;

            return ngx_openzaak_json_syntax(s, "Invalid \\escape", 1);
        }

        s->state = NGX_OZ_JS_STRING;

        if (s->pending && ngx_openzaak_json_lone(s, s->high) != NGX_OK) {
            return NGX_DECLINED;
        }

        if (s->is_key) {
            ngx_openzaak_json_key_byte(s, esc, 1);
        }

        buf[0] = '\\';
        buf[1] = c;

        return ngx_openzaak_json_emit(s, buf, 2) == NGX_OK ? NGX_OK
                                                           : NGX_DECLINED;
    }

    /* NGX_OZ_JS_STRING */

    if (s->utf8_need) {
        if (c < s->utf8_lo || c > s->utf8_hi) {
            return ngx_openzaak_json_utf8_error(s, s->utf8_lead, s->utf8_pos,
                                                "invalid continuation byte");
        }

        s->utf8_need--;
        s->utf8_lo = 0x80;
        s->utf8_hi = 0xbf;

        if (s->is_key) {
            ngx_openzaak_json_key_byte(s, c, 0);
        }

        return ngx_openzaak_json_emit(s, &c, 1) == NGX_OK ? NGX_OK
                                                          : NGX_DECLINED;
    }

    if (c == '\\') {
        s->state = NGX_OZ_JS_ESCAPE;
        return NGX_OK;
    }

    if (s->pending && ngx_openzaak_json_lone(s, s->high) != NGX_OK) {
        return NGX_DECLINED;
    }

    if (c == '"') {
        s->state = s->after_string;
        return ngx_openzaak_json_emit(s, &c, 1) == NGX_OK ? NGX_OK
                                                          : NGX_DECLINED;
    }

    if (c < 0x20) {
        return ngx_openzaak_json_syntax(s, "Invalid control character at", 0);
    }

    if (c >= 0x80) {
        s->utf8_lead = c;
        s->utf8_pos = s->pos;

        if (ngx_openzaak_utf8_lead(c, &s->utf8_need, &s->utf8_lo,
                                   &s->utf8_hi)
            != NGX_OK)
        {
            return ngx_openzaak_json_utf8_error(s, c, s->pos,
                                                "invalid start byte");
        }

        if (s->is_key) {
            ngx_openzaak_json_key_byte(s, c, s->utf8_need + 1);
        }

        return ngx_openzaak_json_emit(s, &c, 1) == NGX_OK ? NGX_OK
                                                          : NGX_DECLINED;
    }

    if (s->is_key) {
        ngx_openzaak_json_key_byte(s, c, 1);
    }

    return ngx_openzaak_json_emit(s, &c, 1) == NGX_OK ? NGX_OK : NGX_DECLINED;
}


/* A complete \uXXXX escape, in s->hex. */

static ngx_int_t
ngx_openzaak_json_escape_done(ngx_openzaak_json_scan_t *s)
{
    u_char      buf[16];
    ngx_uint_t  cp;

    cp = s->hex;

    if (s->pending) {
        s->pending = 0;

        if (cp >= 0xdc00 && cp <= 0xdfff) {
            /* a pair: passed on as it came */
            ngx_sprintf(buf, "\\u%04xi\\u%04xi", s->high, cp);

            if (s->is_key) {
                ngx_openzaak_json_key_byte(s, '?', 1);
            }

            return ngx_openzaak_json_emit(s, buf, 12) == NGX_OK ? NGX_OK
                                                                : NGX_DECLINED;
        }

        if (ngx_openzaak_json_lone(s, s->high) != NGX_OK) {
            return NGX_DECLINED;
        }
    }

    if (cp >= 0xd800 && cp <= 0xdbff) {
        s->pending = 1;
        s->high = cp;
        return NGX_OK;
    }

    if (cp >= 0xdc00 && cp <= 0xdfff) {
        return ngx_openzaak_json_lone(s, cp) == NGX_OK ? NGX_OK
                                                       : NGX_DECLINED;
    }

    if (s->is_key) {
        if (cp == 0) {
            /* json-c would end the key here */
            cp = 0xfffd;
        }

        ngx_openzaak_json_key_byte(s, (cp >= 0x20 && cp < 0x7f) ? cp : '?',
                                   1);
    }

    ngx_sprintf(buf, "\\u%04xi", cp);

    return ngx_openzaak_json_emit(s, buf, 6) == NGX_OK ? NGX_OK
                                                       : NGX_DECLINED;
}


/* A surrogate escape without its other half. */

static ngx_int_t
ngx_openzaak_json_lone(ngx_openzaak_json_scan_t *s, ngx_uint_t cp)
{
    u_char  buf[16];

    s->pending = 0;

    if (s->is_key) {
        /* as json-c does: an unknown key stays unknown */
        ngx_openzaak_json_key_byte(s, '?', 1);
        return ngx_openzaak_json_emit(s, (u_char *) "\\ufffd", 6);
    }

    /* NUL + "\uXXXX": see ngx_openzaak_json_string_problems() */
    ngx_sprintf(buf, "\\u0000\\\\u%04Xi", cp);

    return ngx_openzaak_json_emit(s, buf, 13);
}


static ngx_int_t
ngx_openzaak_json_close(ngx_openzaak_json_scan_t *s, u_char c)
{
    s->depth--;
    s->state = s->depth ? NGX_OZ_JS_AFTER : NGX_OZ_JS_DONE;

    return ngx_openzaak_json_emit(s, &c, 1) == NGX_OK ? NGX_OK : NGX_DECLINED;
}


/* A value starts: the limits, before json-c sees it. */

static ngx_int_t
ngx_openzaak_json_count(ngx_openzaak_json_scan_t *s)
{
    ngx_openzaak_json_frame_t  *f;

    s->values++;

    if (s->limits && s->limits->max_values
        && s->values > s->limits->max_values)
    {
        s->err->rc = NGX_OPENZAAK_JSON_VALUES;
        s->err->limit = s->limits->max_values;
        return NGX_DECLINED;
    }

    if (s->depth == 0) {
        return NGX_OK;
    }

    f = &s->stack[s->depth - 1];

    if (f->type == '[') {
        f->items++;

        if (s->limits && s->limits->max_items
            && f->items > s->limits->max_items)
        {
            s->err->rc = NGX_OPENZAAK_JSON_ITEMS;
            s->err->limit = s->limits->max_items;

            return ngx_openzaak_json_path(s, s->depth - 1, &s->err->path)
                   == NGX_OK ? NGX_DECLINED : NGX_ERROR;
        }
    }

    return NGX_OK;
}


/*
 * Keeps a byte of the current key for paths; seq is the length of the
 * UTF-8 sequence c starts (0: a continuation byte), so that a key is only
 * ever cut between characters.
 */

static void
ngx_openzaak_json_key_byte(ngx_openzaak_json_scan_t *s, u_char c,
    ngx_uint_t seq)
{
    ngx_openzaak_json_frame_t  *f;

    f = &s->stack[s->depth - 1];

    if (f->truncated) {
        return;
    }

    if (seq && f->keylen + seq > NGX_OPENZAAK_JSON_KEYLEN) {
        f->truncated = 1;
        return;
    }

    f->key[f->keylen++] = c;
}


/*
 * The path of the value at stack level "depth" as Open Zaak names fields
 * in invalidParams: keys in camelCase (Open Zaak takes snake_case too),
 * array items by index, joined with dots; "nonFieldErrors" for the top.
 */

static ngx_int_t
ngx_openzaak_json_path(ngx_openzaak_json_scan_t *s, ngx_uint_t depth,
    ngx_str_t *out)
{
    u_char                     *p;
    size_t                      len;
    ngx_uint_t                  i, k;
    ngx_openzaak_json_frame_t  *f;

    if (depth == 0) {
        ngx_str_set(out, "nonFieldErrors");
        return NGX_OK;
    }

    len = 0;

    for (i = 0; i < depth; i++) {
        len += NGX_OPENZAAK_JSON_KEYLEN + NGX_INT_T_LEN + 1;
    }

    out->data = ngx_pnalloc(s->pool, len);
    if (out->data == NULL) {
        s->err->rc = NGX_OPENZAAK_JSON_ERROR;
        return NGX_ERROR;
    }

    p = out->data;

    /* frame i holds what names the value at level i + 1 */

    for (i = 0; i < depth; i++) {
        f = &s->stack[i];

        if (i) {
            *p++ = '.';
        }

        if (f->type == '[') {
            p = ngx_sprintf(p, "%ui", f->items - 1);
            continue;
        }

        for (k = 0; k < f->keylen; k++) {
            if (f->key[k] == '_' && k + 1 < f->keylen
                && f->key[k + 1] >= 'a' && f->key[k + 1] <= 'z')
            {
                *p++ = f->key[++k] - 'a' + 'A';
                continue;
            }

            *p++ = f->key[k];
        }
    }

    out->len = p - out->data;

    return NGX_OK;
}


/* Output: compact JSON for json-c, fed a chunk at a time. */

static ngx_int_t
ngx_openzaak_json_emit(ngx_openzaak_json_scan_t *s, const u_char *p,
    size_t len)
{
    size_t  n;

    while (len) {
        if (s->nout == s->cap && ngx_openzaak_json_flush(s) != NGX_OK) {
            return NGX_ERROR;
        }

        n = ngx_min(len, s->cap - s->nout);

        ngx_memcpy(s->out + s->nout, p, n);
        s->nout += n;
        p += n;
        len -= n;
    }

    return NGX_OK;
}


static ngx_int_t
ngx_openzaak_json_flush(ngx_openzaak_json_scan_t *s)
{
    json_object              *obj;
    enum json_tokener_error   jerr;

    if (s->nout == 0 || s->complete) {
        s->nout = 0;
        return NGX_OK;
    }

    obj = json_tokener_parse_ex(s->tok, (const char *) s->out,
                                (int) s->nout);
    jerr = json_tokener_get_error(s->tok);
    s->nout = 0;

    if (jerr == json_tokener_continue) {
        return NGX_OK;
    }

    if (jerr == json_tokener_success) {
        s->obj = obj;
        s->complete = 1;
        return NGX_OK;
    }

    /* the scanner let through what json-c refuses: should not happen */
    if (obj) {
        json_object_put(obj);
    }

    s->err->rc = NGX_OPENZAAK_JSON_SYNTAX;
    s->err->message.data = (u_char *) json_tokener_error_desc(jerr);
    s->err->message.len = ngx_strlen(s->err->message.data);

    return NGX_ERROR;
}


/*
 * A syntax error, worded and placed as Python's json module does:
 * "Expecting value: line 1 column 1 (char 0)".  at_token: at the start
 * of the current token (string, number, literal), else here.
 */

static ngx_int_t
ngx_openzaak_json_syntax(ngx_openzaak_json_scan_t *s, const char *msg,
    ngx_flag_t at_token)
{
    off_t    chars, line, line_start;
    u_char  *p;

    if (at_token) {
        chars = s->token_chars;
        line = s->token_line;
        line_start = s->token_line_start;

    } else {
        chars = s->chars;
        line = s->line;
        line_start = s->line_start;
    }

    p = ngx_pnalloc(s->pool, ngx_strlen(msg) + 3 * NGX_OFF_T_LEN + 32);
    if (p == NULL) {
        s->err->rc = NGX_OPENZAAK_JSON_ERROR;
        return NGX_ERROR;
    }

    s->err->rc = NGX_OPENZAAK_JSON_SYNTAX;
    s->err->message.data = p;
    s->err->message.len = ngx_sprintf(p, "%s: line %O column %O (char %O)",
                                      msg, line, chars - line_start + 1,
                                      chars)
                          - p;

    return NGX_DECLINED;
}


/* As Python's UTF-8 codec words it; pos is a byte offset. */

static ngx_int_t
ngx_openzaak_json_utf8_error(ngx_openzaak_json_scan_t *s, u_char byte,
    off_t pos, const char *reason)
{
    u_char  *p;

    p = ngx_pnalloc(s->pool, ngx_strlen(reason) + NGX_OFF_T_LEN + 64);
    if (p == NULL) {
        s->err->rc = NGX_OPENZAAK_JSON_ERROR;
        return NGX_ERROR;
    }

    s->err->rc = NGX_OPENZAAK_JSON_SYNTAX;
    s->err->message.data = p;
    s->err->message.len = ngx_sprintf(p, "'utf-8' codec can't decode byte "
                                      "0x%02xd in position %O: %s",
                                      (ngx_uint_t) byte, pos, reason)
                          - p;

    return NGX_DECLINED;
}


/* ---------------------------------------------------------------- strings */


/*
 * What a string value holds that DRF's CharField refuses: NUL characters,
 * and lone surrogates (which the scanner turned into NUL + "\uXXXX").
 * Returns the number of characters, counting each mark as one; *nul and
 * *surrogate (0 when none) tell what was found.
 */

size_t
ngx_openzaak_json_string_problems(u_char *p, size_t len, ngx_flag_t *nul,
    ngx_uint_t *surrogate)
{
    size_t   chars;
    u_char  *end;

    *nul = 0;
    *surrogate = 0;
    chars = 0;

    for (end = p + len; p < end; p++) {

        if ((*p & 0xc0) == 0x80) {
            continue;
        }

        chars++;

        if (*p != '\0') {
            continue;
        }

        if (end - p >= 7 && p[1] == '\\' && p[2] == 'u'
            && ngx_openzaak_isxdigit(p[3]) && ngx_openzaak_isxdigit(p[4])
            && ngx_openzaak_isxdigit(p[5]) && ngx_openzaak_isxdigit(p[6])
            && (p[3] | 0x20) == 'd' && p[4] >= '8')
        {
            if (*surrogate == 0) {
                *surrogate = ngx_hextoi(p + 3, 4);
            }

            p += 6;
            continue;
        }

        *nul = 1;
    }

    return chars;
}


/* ---------------------------------------------------------------- output */


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


/*
 * Replaces what is not UTF-8 by U+FFFD, as Django decodes a query string;
 * text that goes into an answer must be valid JSON.  Returns s itself when
 * it is valid.
 */

ngx_int_t
ngx_openzaak_utf8_sanitize(ngx_pool_t *pool, ngx_str_t *s, ngx_str_t *out)
{
    u_char  *p, *end, *q, *next;
    size_t   bad;

    bad = 0;
    end = s->data + s->len;

    for (p = s->data; p < end; p = next) {
        next = ngx_openzaak_utf8_next(p, end);
        if (next == NULL) {
            bad++;
            next = p + 1;
        }
    }

    if (bad == 0) {
        *out = *s;
        return NGX_OK;
    }

    out->data = ngx_pnalloc(pool, s->len + 2 * bad);
    if (out->data == NULL) {
        return NGX_ERROR;
    }

    q = out->data;

    for (p = s->data; p < end; p = next) {
        next = ngx_openzaak_utf8_next(p, end);

        if (next == NULL) {
            *q++ = 0xef;
            *q++ = 0xbf;
            *q++ = 0xbd;
            next = p + 1;
            continue;
        }

        q = ngx_cpymem(q, p, next - p);
    }

    out->len = q - out->data;

    return NGX_OK;
}


/*
 * The end of the UTF-8 character at p (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), or NULL when p starts none.
 */

u_char *
ngx_openzaak_utf8_next(u_char *p, u_char *end)
{
    u_char      lo, hi;
    ngx_uint_t  n;

    if (*p < 0x80) {
        return p + 1;
    }

    if (ngx_openzaak_utf8_lead(*p, &n, &lo, &hi) != NGX_OK) {
        return NULL;
    }

    if ((size_t) (end - p) <= n || p[1] < lo || p[1] > hi) {
        return NULL;
    }

    for (p += 2; --n; p++) {
        if (*p < 0x80 || *p > 0xbf) {
            return NULL;
        }
    }

    return p;
}


/*
 * A byte >= 0x80 that starts a UTF-8 character (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF, which Python's codec
 * refuses too): how many bytes follow, and the range of the next one.
 * NGX_ERROR when c starts none.
 */

static ngx_int_t
ngx_openzaak_utf8_lead(u_char c, ngx_uint_t *need, u_char *lo, u_char *hi)
{
    *lo = 0x80;
    *hi = 0xbf;

    if (c >= 0xc2 && c <= 0xdf) {
        *need = 1;

    } else if (c >= 0xe0 && c <= 0xef) {
        *need = 2;
        *lo = (c == 0xe0) ? 0xa0 : 0x80;
        *hi = (c == 0xed) ? 0x9f : 0xbf;

    } else if (c >= 0xf0 && c <= 0xf4) {
        *need = 3;
        *lo = (c == 0xf0) ? 0x90 : 0x80;
        *hi = (c == 0xf4) ? 0x8f : 0xbf;

    } else {
        return NGX_ERROR;
    }

    return NGX_OK;
}
