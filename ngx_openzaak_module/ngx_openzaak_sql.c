/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * SQL generated from resource descriptors.
 *
 * The JSON of a resource is rendered by PostgreSQL: one row_to_json() over
 * a sub-select whose column aliases are the JSON names, in descriptor
 * order.  row_to_json() output is compact and keeps that order; nested
 * groups, child tables and URL references become nested sub-selects.  A
 * list page or a detail is therefore a single statement, whatever the
 * depth of the resource.
 *
 * Only descriptor text (table, column and JSON names) is spliced into SQL;
 * every value travels as a parameter.
 */


#include <ngx_config.h>
#include <ngx_core.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


typedef enum {
    NGX_OPENZAAK_SRC_COLUMN = 0,    /* src is a row alias */
    NGX_OPENZAAK_SRC_JSONB          /* src is a jsonb expression */
} ngx_openzaak_src_e;


static void ngx_openzaak_sql_object(ngx_openzaak_sb_t *sb,
    const ngx_openzaak_field_t *fields, ngx_openzaak_src_e kind,
    const char *src, const char *key, ngx_uint_t depth, const char *variant);
static void ngx_openzaak_sql_value(ngx_openzaak_sb_t *sb,
    const ngx_openzaak_field_t *f, ngx_openzaak_src_e kind, const char *src,
    const char *key, ngx_uint_t depth);
static void ngx_openzaak_sql_item(ngx_openzaak_sb_t *sb,
    const ngx_openzaak_field_t *item, ngx_openzaak_src_e kind,
    const char *src, const char *key, ngx_uint_t depth);
static void ngx_openzaak_sql_render(ngx_openzaak_sb_t *sb, const char *tpl,
    const char *alias);
static ngx_flag_t ngx_openzaak_in_variants(const char *variants,
    const char *variant);


ngx_int_t
ngx_openzaak_sql_init(ngx_pool_t *pool, ngx_openzaak_api_t *api,
    ngx_openzaak_resource_t *res)
{
    ngx_openzaak_sb_t  sb;

    res->api = api;

    ngx_openzaak_sb_init(&sb, pool, 4096);
    ngx_openzaak_sql_object(&sb, res->fields, NGX_OPENZAAK_SRC_COLUMN, "t",
                            "uuid", 0, NULL);
    if (ngx_openzaak_sb_str(&sb, &res->sql.render) != NGX_OK) {
        return NGX_ERROR;
    }

    /* "%D" in a render template became $2, the reference date */
    res->sql.nbase = ngx_strnstr(res->sql.render.data, "$2",
                                 res->sql.render.len) ? 2 : 1;

    ngx_openzaak_sb_init(&sb, pool, res->sql.render.len + 128);
    ngx_openzaak_sb_addf(&sb, "SELECT %V::text FROM %s t WHERE t.uuid = $%ui",
                         &res->sql.render, res->table, res->sql.nbase + 1);
    if (ngx_openzaak_sb_str(&sb, &res->sql.read) != NGX_OK) {
        return NGX_ERROR;
    }

    ngx_openzaak_sb_init(&sb, pool, 128);
    ngx_openzaak_sb_addf(&sb, "SELECT zgw.found(EXISTS(SELECT 1 FROM %s t"
                              " WHERE t.uuid = $1))", res->table);
    if (ngx_openzaak_sb_str(&sb, &res->sql.exists) != NGX_OK) {
        return NGX_ERROR;
    }

    ngx_openzaak_sb_init(&sb, pool, 128);
    ngx_openzaak_sb_addf(&sb, "DELETE FROM %s WHERE uuid = $1", res->table);
    if (ngx_openzaak_sb_str(&sb, &res->sql.remove) != NGX_OK) {
        return NGX_ERROR;
    }

    res->sql.read_id = ngx_openzaak_pg_stmt_register(&res->sql.read);
    res->sql.exists_id = ngx_openzaak_pg_stmt_register(&res->sql.exists);
    res->sql.remove_id = ngx_openzaak_pg_stmt_register(&res->sql.remove);

    if (res->sql.read_id == NGX_ERROR || res->sql.exists_id == NGX_ERROR
        || res->sql.remove_id == NGX_ERROR)
    {
        return NGX_ERROR;
    }

    return ngx_openzaak_notify_sql(pool, res);
}


/*
 * "(SELECT row_to_json(xN) FROM (SELECT e1 AS "a", e2 AS "b") xN)"
 * over the fields present in the given variant.
 */

static void
ngx_openzaak_sql_object(ngx_openzaak_sb_t *sb,
    const ngx_openzaak_field_t *fields, ngx_openzaak_src_e kind,
    const char *src, const char *key, ngx_uint_t depth, const char *variant)
{
    ngx_uint_t                   n;
    const ngx_openzaak_field_t  *f;

    n = 0;

    for (f = fields; f->name; f++) {
        if (f->flags & NGX_OZ_WRITEONLY) {
            continue;
        }

        if (f->variants && (variant == NULL
                            || !ngx_openzaak_in_variants(f->variants, variant)))
        {
            continue;
        }

        ngx_openzaak_sb_add(sb, n++ ? ", " : "(SELECT row_to_json(x");

        if (n == 1) {
            ngx_openzaak_sb_addf(sb, "%ui) FROM (SELECT ", depth);
        }

        ngx_openzaak_sql_value(sb, f, kind, src, key, depth);
        ngx_openzaak_sb_addf(sb, " AS \"%s\"", f->name);
    }

    if (n == 0) {
        ngx_openzaak_sb_add(sb, "'{}'::json");
        return;
    }

    ngx_openzaak_sb_addf(sb, ") x%ui)", depth);
}


static void
ngx_openzaak_sql_value(ngx_openzaak_sb_t *sb, const ngx_openzaak_field_t *f,
    ngx_openzaak_src_e kind, const char *src, const char *key,
    ngx_uint_t depth)
{
    u_char      path[128], *p, jsrc[256];

    if (f->render) {
        ngx_openzaak_sql_render(sb, f->render, src);
        return;
    }

    if (f->type == NGX_OZ_REF
        || (f->type == NGX_OZ_ARRAY && f->fields[0].type == NGX_OZ_REF))
    {
        p = ngx_snprintf(path, sizeof(path) - 1, "%s",
                         f->type == NGX_OZ_REF ? f->ref : f->fields[0].ref);
        *p = '\0';

        /* "catalogi/zaaktypen" -> "/catalogi/api/v1/zaaktypen/" */
        p = (u_char *) ngx_strchr(path, '/');
        if (p == NULL) {
            sb->failed = 1;
            return;
        }
        *p++ = '\0';

        if (f->type == NGX_OZ_REF) {
            if (kind == NGX_OPENZAAK_SRC_COLUMN) {
                ngx_openzaak_sb_addf(sb, "($1 || '/%s/api/v1/%s/' || %s.%s)",
                                     path, p, src, f->column);
            } else {
                ngx_openzaak_sb_addf(sb, "($1 || '/%s/api/v1/%s/' || (%s->>"
                                     "'%s'))", path, p, src, f->name);
            }
            return;
        }

        if (kind == NGX_OPENZAAK_SRC_COLUMN) {
            ngx_openzaak_sb_addf(sb, "ARRAY(SELECT $1 || '/%s/api/v1/%s/' ||"
                                 " u%ui.u FROM unnest(%s.%s) WITH ORDINALITY"
                                 " u%ui(u, n) ORDER BY u%ui.n)",
                                 path, p, depth, src, f->column, depth,
                                 depth);
        } else {
            ngx_openzaak_sb_addf(sb, "ARRAY(SELECT $1 || '/%s/api/v1/%s/' ||"
                                 " u%ui.u FROM jsonb_array_elements_text("
                                 "%s->'%s') WITH ORDINALITY u%ui(u, n)"
                                 " ORDER BY u%ui.n)",
                                 path, p, depth, src, f->name, depth, depth);
        }
        return;
    }

    if (kind == NGX_OPENZAAK_SRC_JSONB) {

        switch (f->type) {

        case NGX_OZ_OBJECT:
            p = ngx_snprintf(jsrc, sizeof(jsrc) - 1, "(%s->'%s')", src,
                             f->name);
            *p = '\0';
            ngx_openzaak_sb_addf(sb, "CASE WHEN jsonb_typeof(%s) = 'object'"
                                 " THEN ", jsrc);
            ngx_openzaak_sql_object(sb, f->fields, NGX_OPENZAAK_SRC_JSONB,
                                    (char *) jsrc, key, depth + 1, NULL);
            ngx_openzaak_sb_add(sb, " END");
            return;

        case NGX_OZ_ARRAY:
            if (f->fields[0].type == NGX_OZ_OBJECT) {
                ngx_openzaak_sb_addf(sb, "(SELECT coalesce(array_to_json("
                                     "array_agg(");
                p = ngx_snprintf(jsrc, sizeof(jsrc) - 1, "e%ui.value",
                                 depth);
                *p = '\0';
                ngx_openzaak_sql_item(sb, &f->fields[0],
                                      NGX_OPENZAAK_SRC_JSONB, (char *) jsrc,
                                      key, depth + 1);
                ngx_openzaak_sb_addf(sb, " ORDER BY e%ui.n)), '[]'::json)"
                                     " FROM jsonb_array_elements(CASE WHEN"
                                     " jsonb_typeof(%s->'%s') = 'array'"
                                     " THEN %s->'%s' ELSE '[]' END)"
                                     " WITH ORDINALITY e%ui(value, n))",
                                     depth, src, f->name, src, f->name,
                                     depth);
                return;
            }

            ngx_openzaak_sb_addf(sb, "coalesce(%s->'%s', '[]'::jsonb)", src,
                                 f->name);
            return;

        default:
            ngx_openzaak_sb_addf(sb, "(%s->'%s')", src, f->name);
            return;
        }
    }

    switch (f->type) {

    case NGX_OZ_DATETIME:
        ngx_openzaak_sb_addf(sb, "zgw.dt(%s.%s)", src, f->column);
        return;

    case NGX_OZ_OBJECT:
        p = ngx_snprintf(jsrc, sizeof(jsrc) - 1, "%s.%s", src, f->column);
        *p = '\0';
        ngx_openzaak_sb_addf(sb, "CASE WHEN %s IS NOT NULL THEN ", jsrc);
        ngx_openzaak_sql_object(sb, f->fields, NGX_OPENZAAK_SRC_JSONB,
                                (char *) jsrc, key, depth + 1, NULL);
        ngx_openzaak_sb_add(sb, " END");
        return;

    case NGX_OZ_ARRAY:

        if (f->child) {
            ngx_openzaak_sb_add(sb, "(SELECT coalesce(array_to_json("
                                    "array_agg(");
            p = ngx_snprintf(jsrc, sizeof(jsrc) - 1, "c%ui", depth + 1);
            *p = '\0';
            ngx_openzaak_sql_item(sb, &f->fields[0], NGX_OPENZAAK_SRC_COLUMN,
                                  (char *) jsrc, key, depth + 1);
            ngx_openzaak_sb_addf(sb, " ORDER BY %s.%s)), '[]'::json) FROM %s"
                                 " %s WHERE %s.%s = %s.%s)",
                                 jsrc, f->child->position, f->child->table,
                                 jsrc, jsrc, f->child->parent, src, key);
            return;
        }

        if (f->fields[0].type == NGX_OZ_OBJECT) {
            /* objects kept in a jsonb column */
            ngx_openzaak_sb_add(sb, "(SELECT coalesce(array_to_json("
                                    "array_agg(");
            p = ngx_snprintf(jsrc, sizeof(jsrc) - 1, "e%ui.value", depth);
            *p = '\0';
            ngx_openzaak_sql_item(sb, &f->fields[0], NGX_OPENZAAK_SRC_JSONB,
                                  (char *) jsrc, key, depth + 1);
            ngx_openzaak_sb_addf(sb, " ORDER BY e%ui.n)), '[]'::json) FROM"
                                 " jsonb_array_elements(coalesce(%s.%s,"
                                 " '[]')) WITH ORDINALITY e%ui(value, n))",
                                 depth, src, f->column, depth);
            return;
        }

        ngx_openzaak_sb_addf(sb, "coalesce(%s.%s, '{}')", src, f->column);
        return;

    default:
        ngx_openzaak_sb_addf(sb, "%s.%s", src, f->column);
        return;
    }
}


/*
 * One array item.  An object with a discriminator renders as a CASE over
 * the discriminator values, each branch with the fields of that variant.
 */

static void
ngx_openzaak_sql_item(ngx_openzaak_sb_t *sb, const ngx_openzaak_field_t *item,
    ngx_openzaak_src_e kind, const char *src, const char *key,
    ngx_uint_t depth)
{
    const char *const           *e;
    const ngx_openzaak_field_t  *f, *disc;

    if (item->type != NGX_OZ_OBJECT) {
        if (kind == NGX_OPENZAAK_SRC_JSONB) {
            ngx_openzaak_sb_add(sb, src);
        } else {
            ngx_openzaak_sb_addf(sb, "%s.%s", src, item->column);
        }
        return;
    }

    disc = NULL;

    for (f = item->fields; f->name; f++) {
        if (f->flags & NGX_OZ_DISCRIMINATOR) {
            disc = f;
            break;
        }
    }

    if (disc == NULL) {
        ngx_openzaak_sql_object(sb, item->fields, kind, src, key, depth, NULL);
        return;
    }

    if (kind == NGX_OPENZAAK_SRC_COLUMN) {
        ngx_openzaak_sb_addf(sb, "CASE %s.%s", src, disc->column);
    } else {
        ngx_openzaak_sb_addf(sb, "CASE %s->>'%s'", src, disc->name);
    }

    for (e = disc->enums; *e; e++) {
        ngx_openzaak_sb_addf(sb, " WHEN '%s' THEN ", *e);
        ngx_openzaak_sql_object(sb, item->fields, kind, src, key, depth, *e);
    }

    ngx_openzaak_sb_add(sb, " ELSE ");
    ngx_openzaak_sql_object(sb, item->fields, kind, src, key, depth, NULL);
    ngx_openzaak_sb_add(sb, " END");
}


/*
 * Copies a render template: "%a" stands for the row alias, "%D" for the
 * date on which versioned relations are resolved ($2, or today).
 */

static void
ngx_openzaak_sql_render(ngx_openzaak_sb_t *sb, const char *tpl,
    const char *alias)
{
    const char  *p;

    for (p = tpl; *p; p++) {
        if (p[0] == '%' && p[1] == 'a') {
            ngx_openzaak_sb_add(sb, alias);
            p++;
            continue;
        }

        if (p[0] == '%' && p[1] == 'D') {
            ngx_openzaak_sb_add(sb, "zgw.refdate($2::date)");
            p++;
            continue;
        }

        ngx_openzaak_sb_addn(sb, p, 1);
    }
}


static ngx_flag_t
ngx_openzaak_in_variants(const char *variants, const char *variant)
{
    size_t       len;
    const char  *p;

    len = ngx_strlen(variant);

    for (p = variants; *p; ) {
        if (ngx_strncmp(p, variant, len) == 0
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


/* The varargs of ngx_openzaak_sql_add*(), copied into the pool. */

static const char **
ngx_openzaak_sql_values(ngx_pool_t *pool, ngx_uint_t nparams, va_list args)
{
    ngx_uint_t    i;
    const char  **values;

    values = ngx_palloc(pool, (nparams ? nparams : 1) * sizeof(char *));
    if (values == NULL) {
        return NULL;
    }

    for (i = 0; i < nparams; i++) {
        values[i] = va_arg(args, const char *);
    }

    return values;
}


ngx_openzaak_pg_stmt_t *
ngx_openzaak_sql_add_literal(ngx_openzaak_pg_query_t *q, ngx_pool_t *pool,
    const char *sql, ngx_uint_t nparams, ...)
{
    va_list       args;
    ngx_int_t     id;
    const char  **values;

    id = ngx_openzaak_pg_stmt_static(sql);
    if (id == NGX_ERROR) {
        return NULL;
    }

    va_start(args, nparams);
    values = ngx_openzaak_sql_values(pool, nparams, args);
    va_end(args);

    if (values == NULL) {
        return NULL;
    }

    return ngx_openzaak_pg_add_id(q, id, nparams, values);
}


ngx_openzaak_pg_stmt_t *
ngx_openzaak_sql_add_id(ngx_openzaak_pg_query_t *q, ngx_pool_t *pool,
    ngx_int_t id, ngx_uint_t nparams, ...)
{
    va_list       args;
    const char  **values;

    va_start(args, nparams);
    values = ngx_openzaak_sql_values(pool, nparams, args);
    va_end(args);

    if (values == NULL) {
        return NULL;
    }

    return ngx_openzaak_pg_add_id(q, id, nparams, values);
}


ngx_openzaak_pg_stmt_t *
ngx_openzaak_sql_add_text(ngx_openzaak_pg_query_t *q, ngx_pool_t *pool,
    const char *sql, ngx_uint_t nparams, ...)
{
    va_list       args;
    ngx_str_t     s;
    const char  **values;

    va_start(args, nparams);
    values = ngx_openzaak_sql_values(pool, nparams, args);
    va_end(args);

    if (values == NULL) {
        return NULL;
    }

    s.data = (u_char *) sql;
    s.len = ngx_strlen(sql);

    return ngx_openzaak_pg_add(q, &s, nparams, values);
}


/* "catalogi/zaaktypen" -> "/catalogi/api/v1/zaaktypen/" */

ngx_int_t
ngx_openzaak_sql_ref_path(ngx_pool_t *pool, const char *ref, ngx_str_t *out)
{
    u_char      *p;
    const char  *slash;

    slash = ngx_strchr(ref, '/');
    if (slash == NULL) {
        return NGX_ERROR;
    }

    out->data = ngx_pnalloc(pool, ngx_strlen(ref) + sizeof("//api/v1/"));
    if (out->data == NULL) {
        return NGX_ERROR;
    }

    p = ngx_sprintf(out->data, "/%*s/api/v1/%s/", (size_t) (slash - ref),
                    ref, slash + 1);
    *p = '\0';
    out->len = p - out->data;

    return NGX_OK;
}
