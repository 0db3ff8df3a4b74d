/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * JSON written from rows.  The read statements (sql.c) select one plain
 * column per field; this file turns a row into the resource's JSON by
 * walking the descriptor: strings escaped, booleans and numbers as they
 * are, keys into URLs on the request's base URL, timestamps in the
 * standard's format, arrays from PostgreSQL's array text, gegevensgroepen
 * from their stored jsonb with the members in descriptor order, arrays
 * kept in child tables from the rows of their own statement.  No JSON
 * tree is built: bytes go straight into the answer's buffer.
 *
 * The output is byte for byte what PostgreSQL's row_to_json() wrote when
 * it rendered the resources (the answers' ETags depend on it): its string
 * escapes, compact objects and arrays, and a jsonb value inside an object
 * in jsonb's own text ('["a", "b"]').
 */


#include <ngx_config.h>
#include <ngx_core.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


/* an element of PostgreSQL's text form of an array */
typedef struct {
    u_char                      *p;
    u_char                      *end;
    u_char                      *data;
    size_t                       len;
    unsigned                     quoted:1;  /* data has \-escapes */
    unsigned                     null:1;
} ngx_openzaak_pgarr_t;


static void ngx_openzaak_render_row(ngx_openzaak_render_t *rd,
    ngx_openzaak_plan_t *plan, PGresult *res, int row);
static void ngx_openzaak_render_value(ngx_openzaak_render_t *rd,
    ngx_openzaak_plan_t *plan, ngx_openzaak_plan_field_t *pf, PGresult *res,
    int row);
static void ngx_openzaak_render_scalar(ngx_openzaak_render_t *rd,
    ngx_openzaak_type_e type, u_char *p, size_t len, ngx_flag_t quoted);
static void ngx_openzaak_render_datetime(ngx_openzaak_render_t *rd,
    u_char *p, size_t len);
static void ngx_openzaak_render_url(ngx_openzaak_render_t *rd,
    ngx_str_t *path, u_char *p, size_t len, ngx_flag_t quoted);
static void ngx_openzaak_render_array(ngx_openzaak_render_t *rd,
    const ngx_openzaak_field_t *item, ngx_str_t *url, u_char *p, size_t len);
static void ngx_openzaak_render_jobject(ngx_openzaak_render_t *rd,
    ngx_openzaak_plan_t *plan, const ngx_openzaak_field_t *fields,
    u_char *p, u_char *end, ngx_int_t item, PGresult *res, int row);
static void ngx_openzaak_render_jmember(ngx_openzaak_render_t *rd,
    ngx_openzaak_plan_t *plan, const ngx_openzaak_field_t *m, u_char *p,
    u_char *end, PGresult *res, int row);
static void ngx_openzaak_render_jarray(ngx_openzaak_render_t *rd,
    ngx_openzaak_plan_t *plan, const ngx_openzaak_field_t *f, u_char *p,
    u_char *end, ngx_flag_t aux, PGresult *res, int row);
static void ngx_openzaak_render_aux(ngx_openzaak_render_t *rd,
    ngx_openzaak_plan_t *plan, const ngx_openzaak_field_t *m,
    ngx_int_t item, PGresult *res, int row);
static void ngx_openzaak_render_str(ngx_openzaak_sb_t *sb, u_char *p,
    size_t len, ngx_flag_t quoted);
static void ngx_openzaak_render_escape(ngx_openzaak_sb_t *sb, u_char *p,
    size_t len, ngx_flag_t quoted);
static ngx_flag_t ngx_openzaak_pgarr_next(ngx_openzaak_pgarr_t *a);
static u_char *ngx_openzaak_jskip(u_char *p, u_char *end);
static u_char *ngx_openzaak_jws(u_char *p, u_char *end);
static u_char *ngx_openzaak_jfind(u_char *p, u_char *end, const char *name,
    u_char **vend);
static const char *ngx_openzaak_render_variant(
    const ngx_openzaak_field_t *disc, u_char *p, size_t len);
static void ngx_openzaak_render_name(ngx_openzaak_render_t *rd,
    const ngx_openzaak_field_t *f, ngx_uint_t *n);


#define ngx_openzaak_render_lit(sb, s)                                       \
    ngx_openzaak_sb_addn(sb, s, sizeof(s) - 1)


/*
 * Writes the objects of the rows of statement stmt, separated by commas;
 * the rows of the plan's child tables are in the statements after it.
 */

ngx_int_t
ngx_openzaak_render_rows(ngx_openzaak_ctx_t *ctx, ngx_openzaak_plan_t *plan,
    ngx_openzaak_pg_query_t *q, ngx_uint_t stmt, ngx_openzaak_sb_t *sb)
{
    ngx_openzaak_render_t  rd;

    if (ngx_openzaak_render_init(ctx, &rd, plan, q, stmt, sb) != NGX_OK) {
        return NGX_ERROR;
    }

    return ngx_openzaak_render_all(&rd);
}


/*
 * A renderer of the rows of statement stmt with plan, for callers that
 * write them one by one (ngx_openzaak_render_one) or add members to each
 * object (rd->tail, e.g. _expand).  The child table cursors go on from
 * one call to the next: rows are rendered in the order of the statement.
 */

ngx_int_t
ngx_openzaak_render_init(ngx_openzaak_ctx_t *ctx, ngx_openzaak_render_t *rd,
    ngx_openzaak_plan_t *plan, ngx_openzaak_pg_query_t *q, ngx_uint_t stmt,
    ngx_openzaak_sb_t *sb)
{
    if (ngx_openzaak_pg_result(q, stmt) == NULL) {
        return NGX_ERROR;
    }

    ngx_memzero(rd, sizeof(ngx_openzaak_render_t));

    rd->sb = sb;
    rd->base = ctx->base;
    rd->q = q;
    rd->stmt = stmt;
    rd->plan = plan;

    if (plan->nchildren) {
        rd->cursor = ngx_pcalloc(ctx->request->pool,
                                 plan->nchildren * sizeof(int));
        if (rd->cursor == NULL) {
            return NGX_ERROR;
        }
    }

    return NGX_OK;
}


/* Every row of the statement, separated by commas. */

ngx_int_t
ngx_openzaak_render_all(ngx_openzaak_render_t *rd)
{
    int        row, nrows;
    PGresult  *res;

    res = ngx_openzaak_pg_result(rd->q, rd->stmt);
    nrows = PQntuples(res);

    for (row = 0; row < nrows; row++) {
        if (row) {
            ngx_openzaak_render_lit(rd->sb, ",");
        }

        ngx_openzaak_render_row(rd, rd->plan, res, row);
    }

    return rd->sb->failed ? NGX_ERROR : NGX_OK;
}


void
ngx_openzaak_render_one(ngx_openzaak_render_t *rd, int row)
{
    ngx_openzaak_render_row(rd, rd->plan,
                            ngx_openzaak_pg_result(rd->q, rd->stmt), row);
}


static void
ngx_openzaak_render_row(ngx_openzaak_render_t *rd, ngx_openzaak_plan_t *plan,
    PGresult *res, int row)
{
    int                         *cur, n;
    size_t                       klen;
    u_char                      *key;
    PGresult                    *cres;
    ngx_uint_t                   i, first;
    const char                  *variant;
    ngx_openzaak_plan_t         *cp;
    ngx_openzaak_plan_field_t   *pf;
    const ngx_openzaak_field_t  *f;

    variant = NULL;

    if (plan->disc && !PQgetisnull(res, row, plan->disc_col)) {
        key = (u_char *) PQgetvalue(res, row, plan->disc_col);
        klen = PQgetlength(res, row, plan->disc_col);
        variant = ngx_openzaak_render_variant(plan->disc, key, klen);
    }

    ngx_openzaak_render_lit(rd->sb, "{");
    first = 0;

    for (i = 0; i < plan->nfields; i++) {
        pf = &plan->fields[i];
        f = pf->field;

        if (f->variants
            && (variant == NULL || !ngx_openzaak_word_in(f->variants,
                                                         variant)))
        {
            continue;
        }

        ngx_openzaak_render_name(rd, f, &first);

        if (pf->child == NULL) {
            ngx_openzaak_render_value(rd, plan, pf, res, row);
            continue;
        }

        /* the child rows of this row: they follow the rows of the rows
         * before it, in the same order */

        cp = pf->child;
        cres = ngx_openzaak_pg_result(rd->q, rd->stmt + cp->index);
        cur = &rd->cursor[cp->index - 1];

        key = (u_char *) PQgetvalue(res, row, 0);
        klen = PQgetlength(res, row, 0);

        ngx_openzaak_render_lit(rd->sb, "[");

        for (n = 0; cres && *cur < PQntuples(cres); (*cur)++, n++) {
            if ((size_t) PQgetlength(cres, *cur, 0) != klen
                || ngx_memcmp(PQgetvalue(cres, *cur, 0), key, klen) != 0)
            {
                break;
            }

            if (n) {
                ngx_openzaak_render_lit(rd->sb, ",");
            }

            ngx_openzaak_render_row(rd, cp, cres, *cur);
        }

        ngx_openzaak_render_lit(rd->sb, "]");
    }

    if (rd->tail && plan == rd->plan) {
        rd->tail(rd, row);
    }

    ngx_openzaak_render_lit(rd->sb, "}");
}


static void
ngx_openzaak_render_value(ngx_openzaak_render_t *rd,
    ngx_openzaak_plan_t *plan, ngx_openzaak_plan_field_t *pf, PGresult *res,
    int row)
{
    u_char                      *p;
    size_t                       len;
    const ngx_openzaak_field_t  *f;

    f = pf->field;

    if (PQgetisnull(res, row, pf->col)) {
        /* a stored array is coalesced to an empty one */
        if (f->type == NGX_OZ_ARRAY && f->render == NULL) {
            ngx_openzaak_render_lit(rd->sb, "[]");

        } else {
            ngx_openzaak_render_lit(rd->sb, "null");
        }

        return;
    }

    p = (u_char *) PQgetvalue(res, row, pf->col);
    len = PQgetlength(res, row, pf->col);

    if (f->type == NGX_OZ_ARRAY) {
        if (f->fields[0].type == NGX_OZ_OBJECT) {
            ngx_openzaak_render_jarray(rd, plan, f, p, p + len, 1, res, row);
            return;
        }

        ngx_openzaak_render_array(rd, &f->fields[0], &pf->url, p, len);
        return;
    }

    if (pf->url.len) {
        ngx_openzaak_render_url(rd, &pf->url, p, len, 0);
        return;
    }

    if (f->type == NGX_OZ_OBJECT) {
        ngx_openzaak_render_jobject(rd, plan, f->fields, p, p + len, -1, res,
                                    row);
        return;
    }

    if (f->type == NGX_OZ_GEOMETRY) {
        /* PostGIS's GeoJSON, as it is */
        ngx_openzaak_sb_addn(rd->sb, p, len);
        return;
    }

    ngx_openzaak_render_scalar(rd, f->type, p, len, 0);
}


/* A value of a column or an array element, by the field's type. */

static void
ngx_openzaak_render_scalar(ngx_openzaak_render_t *rd, ngx_openzaak_type_e type,
    u_char *p, size_t len, ngx_flag_t quoted)
{
    switch (type) {

    case NGX_OZ_BOOLEAN:
        if (len && p[0] == 't') {
            ngx_openzaak_render_lit(rd->sb, "true");

        } else {
            ngx_openzaak_render_lit(rd->sb, "false");
        }

        return;

    case NGX_OZ_INTEGER:
        ngx_openzaak_sb_addn(rd->sb, p, len);
        return;

    case NGX_OZ_DATETIME:
        ngx_openzaak_render_datetime(rd, p, len);
        return;

    default:
        ngx_openzaak_render_str(rd->sb, p, len, quoted);
    }
}


/*
 * "2026-12-03 16:27:36.5+00" (the session is in UTC) as Django REST
 * framework writes it: "2026-12-03T16:27:36.500000Z", the fraction only
 * when there is one.
 */

static void
ngx_openzaak_render_datetime(ngx_openzaak_render_t *rd, u_char *p, size_t len)
{
    u_char  *d, *dot;
    size_t   n;

    if (len < 22 || p[10] != ' ' || p[4] != '-'
        || ngx_strncmp(p + len - 3, "+00", 3) != 0)
    {
        /* not the ISO form this code knows: as it is */
        ngx_openzaak_render_str(rd->sb, p, len, 0);
        return;
    }

    ngx_openzaak_render_lit(rd->sb, "\"");
    ngx_openzaak_sb_addn(rd->sb, p, 10);
    ngx_openzaak_render_lit(rd->sb, "T");
    ngx_openzaak_sb_addn(rd->sb, p + 11, 8);

    dot = p + 19;

    if (*dot == '.') {
        n = (p + len - 3) - (dot + 1);

        if (n > 6) {
            n = 6;
        }

        d = dot + 1;
        ngx_openzaak_render_lit(rd->sb, ".");
        ngx_openzaak_sb_addn(rd->sb, d, n);
        ngx_openzaak_sb_addn(rd->sb, "000000", 6 - n);
    }

    ngx_openzaak_render_lit(rd->sb, "Z\"");
}


static void
ngx_openzaak_render_url(ngx_openzaak_render_t *rd, ngx_str_t *path,
    u_char *p, size_t len, ngx_flag_t quoted)
{
    ngx_openzaak_render_lit(rd->sb, "\"");
    ngx_openzaak_render_escape(rd->sb, rd->base.data, rd->base.len, 0);
    ngx_openzaak_render_escape(rd->sb, path->data, path->len, 0);
    ngx_openzaak_render_escape(rd->sb, p, len, quoted);
    ngx_openzaak_render_lit(rd->sb, "\"");
}


/* An array in PostgreSQL's text form: "{a,"b c",NULL}". */

static void
ngx_openzaak_render_array(ngx_openzaak_render_t *rd,
    const ngx_openzaak_field_t *item, ngx_str_t *url, u_char *p, size_t len)
{
    ngx_uint_t            n;
    ngx_openzaak_pgarr_t  a;

    ngx_memzero(&a, sizeof(ngx_openzaak_pgarr_t));
    a.p = p;
    a.end = p + len;

    ngx_openzaak_render_lit(rd->sb, "[");

    for (n = 0; ngx_openzaak_pgarr_next(&a); n++) {
        if (n) {
            ngx_openzaak_render_lit(rd->sb, ",");
        }

        if (a.null) {
            ngx_openzaak_render_lit(rd->sb, "null");

        } else if (url->len) {
            ngx_openzaak_render_url(rd, url, a.data, a.len, a.quoted);

        } else {
            ngx_openzaak_render_scalar(rd, item->type, a.data, a.len,
                                       a.quoted);
        }
    }

    ngx_openzaak_render_lit(rd->sb, "]");
}


/*
 * A gegevensgroep from its jsonb text, members in descriptor order, as
 * row_to_json() of "src->'member'" wrote it: a member that is not there
 * is null (an array []), a nested object that is no object is null.
 * item is the index of this object in its array (for aux columns), or -1.
 */

static void
ngx_openzaak_render_jobject(ngx_openzaak_render_t *rd,
    ngx_openzaak_plan_t *plan, const ngx_openzaak_field_t *fields, u_char *p,
    u_char *end, ngx_int_t item, PGresult *res, int row)
{
    u_char                      *v, *vend;
    ngx_uint_t                   first;
    const char                  *variant;
    const ngx_openzaak_field_t  *m;

    p = ngx_openzaak_jws(p, end);

    if (p == end || *p != '{') {
        /* src->'member' of a value that is no object: every member null */
        end = p;
    }

    variant = NULL;

    if (item >= 0) {
        /* an array item may be a variant, by its discriminator */
        for (m = fields; m->name; m++) {
            if (m->flags & NGX_OZ_DISCRIMINATOR) {
                v = ngx_openzaak_jfind(p, end, m->name, &vend);

                if (v && *v == '"') {
                    variant = ngx_openzaak_render_variant(m, v + 1,
                                                          vend - v - 2);
                }

                break;
            }
        }
    }

    ngx_openzaak_render_lit(rd->sb, "{");
    first = 0;

    for (m = fields; m->name; m++) {
        if (m->flags & NGX_OZ_WRITEONLY) {
            continue;
        }

        if (m->variants
            && (variant == NULL || !ngx_openzaak_word_in(m->variants,
                                                         variant)))
        {
            continue;
        }

        ngx_openzaak_render_name(rd, m, &first);

        if (m->render) {
            ngx_openzaak_render_aux(rd, plan, m, item, res, row);
            continue;
        }

        v = ngx_openzaak_jfind(p, end, m->name, &vend);

        if (v == NULL) {
            if (m->type == NGX_OZ_ARRAY) {
                ngx_openzaak_render_lit(rd->sb, "[]");

            } else {
                ngx_openzaak_render_lit(rd->sb, "null");
            }

            continue;
        }

        ngx_openzaak_render_jmember(rd, plan, m, v, vend, res, row);
    }

    ngx_openzaak_render_lit(rd->sb, "}");
}


static void
ngx_openzaak_render_jmember(ngx_openzaak_render_t *rd,
    ngx_openzaak_plan_t *plan, const ngx_openzaak_field_t *m, u_char *p,
    u_char *end, PGresult *res, int row)
{
    switch (m->type) {

    case NGX_OZ_OBJECT:
        if (*p != '{') {
            ngx_openzaak_render_lit(rd->sb, "null");
            return;
        }

        ngx_openzaak_render_jobject(rd, plan, m->fields, p, end, -1, res, row);
        return;

    case NGX_OZ_ARRAY:
        if (m->fields[0].type == NGX_OZ_OBJECT) {
            ngx_openzaak_render_jarray(rd, plan, m, p, end, 0, res, row);
            return;
        }

        break;

    default:
        break;
    }

    /* a jsonb value as jsonb writes it */
    ngx_openzaak_sb_addn(rd->sb, p, end - p);
}


/* An array of objects in jsonb; what is no array renders as []. */

static void
ngx_openzaak_render_jarray(ngx_openzaak_render_t *rd,
    ngx_openzaak_plan_t *plan, const ngx_openzaak_field_t *f, u_char *p,
    u_char *end, ngx_flag_t aux, PGresult *res, int row)
{
    u_char      *vend;
    ngx_int_t    n;

    p = ngx_openzaak_jws(p, end);

    ngx_openzaak_render_lit(rd->sb, "[");

    if (p < end && *p == '[') {
        p = ngx_openzaak_jws(p + 1, end);

        for (n = 0; p < end && *p != ']'; n++) {
            vend = ngx_openzaak_jskip(p, end);

            if (vend == p) {
                /* not what jsonb writes: stop rather than loop */
                break;
            }

            if (n) {
                ngx_openzaak_render_lit(rd->sb, ",");
            }

            ngx_openzaak_render_jobject(rd, plan, f->fields[0].fields, p, vend,
                                        aux ? n : -1, res, row);

            p = ngx_openzaak_jws(vend, end);

            if (p < end && *p == ',') {
                p = ngx_openzaak_jws(p + 1, end);
            }
        }
    }

    ngx_openzaak_render_lit(rd->sb, "]");
}


/* A member SQL rendered (sql.c, ngx_openzaak_sql_aux()). */

static void
ngx_openzaak_render_aux(ngx_openzaak_render_t *rd, ngx_openzaak_plan_t *plan,
    const ngx_openzaak_field_t *m, ngx_int_t item, PGresult *res, int row)
{
    u_char                *p;
    size_t                 len;
    ngx_int_t              n;
    ngx_uint_t             i;
    ngx_openzaak_pgarr_t   a;

    for (i = 0; i < plan->naux; i++) {
        if (plan->aux[i].member == m) {
            break;
        }
    }

    if (i == plan->naux || PQgetisnull(res, row, plan->aux[i].col)) {
        ngx_openzaak_render_lit(rd->sb, "null");
        return;
    }

    p = (u_char *) PQgetvalue(res, row, plan->aux[i].col);
    len = PQgetlength(res, row, plan->aux[i].col);

    if (item < 0) {
        ngx_openzaak_render_scalar(rd, m->type, p, len, 0);
        return;
    }

    ngx_memzero(&a, sizeof(ngx_openzaak_pgarr_t));
    a.p = p;
    a.end = p + len;

    for (n = 0; ngx_openzaak_pgarr_next(&a); n++) {
        if (n == item) {
            if (a.null) {
                break;
            }

            ngx_openzaak_render_scalar(rd, m->type, a.data, a.len, a.quoted);
            return;
        }
    }

    ngx_openzaak_render_lit(rd->sb, "null");
}


/*
 * A JSON string as PostgreSQL's escape_json() writes it: \" \\ \b \f \n
 * \r \t, \u00XX for the other control characters, the rest as it is.
 * quoted: the text is an element of an array's text form, whose \x
 * stands for x.
 */

static void
ngx_openzaak_render_str(ngx_openzaak_sb_t *sb, u_char *p, size_t len,
    ngx_flag_t quoted)
{
    ngx_openzaak_render_lit(sb, "\"");
    ngx_openzaak_render_escape(sb, p, len, quoted);
    ngx_openzaak_render_lit(sb, "\"");
}


static void
ngx_openzaak_render_escape(ngx_openzaak_sb_t *sb, u_char *p, size_t len,
    ngx_flag_t quoted)
{
    u_char         *end, *start, c;
    u_char          esc[6];
    static u_char   hex[] = "0123456789abcdef";

    end = p + len;
    start = p;

    while (p < end) {
        c = *p;

        if (c >= 0x20 && c != '"' && c != '\\') {
            p++;
            continue;
        }

        ngx_openzaak_sb_addn(sb, start, p - start);

        if (c == '\\' && quoted && p + 1 < end) {
            /* the array text's escape: the next byte as it is */
            p++;
            c = *p;

            if (c >= 0x20 && c != '"' && c != '\\') {
                ngx_openzaak_sb_addn(sb, p, 1);
                start = ++p;
                continue;
            }
        }

        switch (c) {
        case '"':
            ngx_openzaak_render_lit(sb, "\\\"");
            break;
        case '\\':
            ngx_openzaak_render_lit(sb, "\\\\");
            break;
        case '\b':
            ngx_openzaak_render_lit(sb, "\\b");
            break;
        case '\f':
            ngx_openzaak_render_lit(sb, "\\f");
            break;
        case '\n':
            ngx_openzaak_render_lit(sb, "\\n");
            break;
        case '\r':
            ngx_openzaak_render_lit(sb, "\\r");
            break;
        case '\t':
            ngx_openzaak_render_lit(sb, "\\t");
            break;
        default:
            esc[0] = '\\';
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 0x0f];
            ngx_openzaak_sb_addn(sb, esc, 6);
        }

        start = ++p;
    }

    ngx_openzaak_sb_addn(sb, start, p - start);
}


/*
 * The next element of a one-dimensional array's text form; a.p starts at
 * the "{".  An element in double quotes may hold \-escapes; NULL without
 * quotes is SQL NULL.
 */

static ngx_flag_t
ngx_openzaak_pgarr_next(ngx_openzaak_pgarr_t *a)
{
    u_char  *p;

    p = a->p;

    if (p < a->end && *p == '{') {
        p++;
    }

    if (p >= a->end || *p == '}') {
        a->p = a->end;
        return 0;
    }

    a->quoted = 0;
    a->null = 0;

    if (*p == '"') {
        a->data = ++p;

        while (p < a->end && *p != '"') {
            if (*p == '\\') {
                a->quoted = 1;
                p++;
            }

            p++;
        }

        a->len = p - a->data;
        p++;

    } else {
        a->data = p;

        while (p < a->end && *p != ',' && *p != '}') {
            p++;
        }

        a->len = p - a->data;
        a->null = (a->len == 4
                   && ngx_strncasecmp(a->data, (u_char *) "NULL", 4) == 0);
    }

    if (p < a->end && *p == ',') {
        p++;
    }

    a->p = p;

    return 1;
}


/* ------------------------------------------------- jsonb text, trusted */


static u_char *
ngx_openzaak_jws(u_char *p, u_char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')) {
        p++;
    }

    return p;
}


/* the end of the value at p (PostgreSQL wrote it: it is valid JSON) */

static u_char *
ngx_openzaak_jskip(u_char *p, u_char *end)
{
    ngx_uint_t  depth;

    depth = 0;

    while (p < end) {
        switch (*p) {

        case '"':
            for (p++; p < end && *p != '"'; p++) {
                if (*p == '\\') {
                    p++;
                }
            }

            p++;

            if (depth == 0) {
                return p;
            }

            continue;

        case '{':
        case '[':
            depth++;
            break;

        case '}':
        case ']':
            if (depth == 0) {
                return p;
            }

            if (--depth == 0) {
                return p + 1;
            }

            break;

        case ',':
            if (depth == 0) {
                return p;
            }

            break;

        case ' ':
        case '\n':
        case '\t':
        case '\r':
            if (depth == 0) {
                return p;
            }

            break;
        }

        p++;
    }

    return p;
}


/* the value of member name of the object at p, or NULL */

static u_char *
ngx_openzaak_jfind(u_char *p, u_char *end, const char *name, u_char **vend)
{
    u_char      *k;
    size_t       len;
    ngx_flag_t   match;

    len = ngx_strlen(name);

    if (p >= end || *p != '{') {
        return NULL;
    }

    p = ngx_openzaak_jws(p + 1, end);

    while (p < end && *p == '"') {
        k = p;
        p = ngx_openzaak_jskip(p, end);

        /* the key as written: descriptor names need no escapes */
        match = ((size_t) (p - k) == len + 2
                 && ngx_strncmp(k + 1, name, len) == 0);

        p = ngx_openzaak_jws(p, end);

        if (p < end && *p == ':') {
            p = ngx_openzaak_jws(p + 1, end);
        }

        k = p;
        p = ngx_openzaak_jskip(p, end);

        if (match) {
            *vend = p;
            return k;
        }

        p = ngx_openzaak_jws(p, end);

        if (p < end && *p == ',') {
            p = ngx_openzaak_jws(p + 1, end);
        }
    }

    return NULL;
}


/* the discriminator value among the field's enums, or NULL */

static const char *
ngx_openzaak_render_variant(const ngx_openzaak_field_t *disc, u_char *p,
    size_t len)
{
    const char *const  *e;

    for (e = disc->enums; *e; e++) {
        if (ngx_strlen(*e) == len && ngx_strncmp(*e, p, len) == 0) {
            return *e;
        }
    }

    return NULL;
}


/* "name": of an object's next member, after a comma but for the first */

static void
ngx_openzaak_render_name(ngx_openzaak_render_t *rd,
    const ngx_openzaak_field_t *f, ngx_uint_t *n)
{
    if ((*n)++) {
        ngx_openzaak_render_lit(rd->sb, ",\"");

    } else {
        ngx_openzaak_render_lit(rd->sb, "\"");
    }

    ngx_openzaak_sb_add(rd->sb, f->name);
    ngx_openzaak_render_lit(rd->sb, "\":");
}
