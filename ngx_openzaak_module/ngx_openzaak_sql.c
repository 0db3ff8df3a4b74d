/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * SQL generated from resource descriptors.
 *
 * PostgreSQL returns rows and the module writes the JSON (render.c).  A
 * read selects one plain column per field, in descriptor order: a value
 * of the field's type, a key where the answer holds a URL, an array of
 * keys for a list of relations, the stored jsonb of a gegevensgroep.  An
 * array of objects kept in a child table is read by a statement of its
 * own in the same pipeline, ordered like the resource's rows.  No
 * row_to_json, no JSON aggregate, no per-row function call: what costs
 * PostgreSQL executor set-up per statement is kept to plain expressions.
 *
 * Statement text is built once: the reads at start-up, the list shapes
 * (which filters are present, page or last page) on their first use in a
 * worker.  Each is registered with the pool and prepared by id.
 *
 * Only descriptor text (table, column and JSON names) is spliced into SQL;
 * every value travels as a parameter.  While a text is built, parameters
 * are marker bytes, numbered by ngx_openzaak_sql_finish() once it is
 * known which of them the statement uses.
 */


#include <ngx_config.h>
#include <ngx_core.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


/* parameter markers in statement text under construction */

/* a worker keeps at most this many list shapes per resource; a client
 * combining filters in every way cannot grow it further (the rest run
 * as ad-hoc statements) */
#define NGX_OZ_MAX_SHAPES  256


static ngx_openzaak_plan_t *ngx_openzaak_sql_plan(ngx_pool_t *pool,
    const ngx_openzaak_field_t *fields, const char *alias, const char *key,
    ngx_openzaak_plan_t *parent);
static ngx_int_t ngx_openzaak_sql_aux(ngx_openzaak_plan_t *plan,
    ngx_openzaak_sb_t *cols, const ngx_openzaak_field_t *f,
    const char *alias);
static ngx_flag_t ngx_openzaak_sql_has_render(
    const ngx_openzaak_field_t *fields);
static ngx_int_t ngx_openzaak_sql_variant_col(ngx_openzaak_plan_t *plan,
    const ngx_openzaak_field_t *f);
static void ngx_openzaak_sql_render(ngx_openzaak_sb_t *sb, const char *tpl,
    const char *alias);
static void ngx_openzaak_sql_where(ngx_openzaak_sb_t *sb,
    const ngx_openzaak_filter_t *filters, uint64_t *cond, uint64_t *absent,
    const char *list_where);


ngx_int_t
ngx_openzaak_sql_init(ngx_pool_t *pool, ngx_openzaak_api_t *api,
    ngx_openzaak_resource_t *res)
{
    ngx_str_t                     s;
    ngx_uint_t                    i;
    ngx_openzaak_sb_t             sb;
    ngx_openzaak_plan_t          *plan, *cp;
    const ngx_openzaak_field_t   *f;

    res->api = api;
    res->sql.shapes = NULL;

    plan = ngx_openzaak_sql_plan(pool, res->fields, "t", "uuid", NULL);
    if (plan == NULL) {
        ngx_log_error(NGX_LOG_EMERG, ngx_cycle->log, 0,
                      "openzaak: cannot build the read of \"%s\"", res->path);
        return NGX_ERROR;
    }

    res->sql.plan = plan;

    ngx_openzaak_sb_init(&sb, pool, plan->cols.len + 128);
    ngx_openzaak_sb_addf(&sb, "SELECT %V FROM %s t WHERE t.uuid = %c::uuid",
                         &plan->cols, res->table, NGX_OZ_P_KEY);

    if (ngx_openzaak_sql_finish(pool, &sb, 0, &res->sql.read, 1) != NGX_OK) {
        return NGX_ERROR;
    }

    if (plan->nchildren) {
        res->sql.child_read = ngx_pcalloc(pool, plan->nchildren
                                                * sizeof(ngx_openzaak_stmt_t));
        if (res->sql.child_read == NULL) {
            return NGX_ERROR;
        }
    }

    for (i = 0; i < plan->nchildren; i++) {
        cp = plan->children[i];

        ngx_openzaak_sb_init(&sb, pool, cp->cols.len + 128);
        ngx_openzaak_sb_addf(&sb, "SELECT %V FROM %s c WHERE c.%s = %c::uuid"
                                  " ORDER BY c.%s",
                             &cp->cols, cp->child->table, cp->child->parent,
                             NGX_OZ_P_KEY, cp->child->position);

        if (ngx_openzaak_sql_finish(pool, &sb, 0, &res->sql.child_read[i],
                                    1)
            != NGX_OK)
        {
            return NGX_ERROR;
        }
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

    /* fields a write may not change (wijzigen-niet-toegelaten): those
     * the body sends with another value than the stored one */

    ngx_openzaak_sb_init(&sb, pool, 256);
    i = 0;

    for (f = res->fields; f->name; f++) {
        if (!(f->flags & NGX_OZ_IMMUTABLE) || f->column == NULL) {
            continue;
        }

        ngx_openzaak_sb_addf(&sb, "%s('%s', t.%s IS DISTINCT FROM r.%s)",
                             i++ ? ", " : "", f->name, f->column, f->column);
    }

    res->sql.immutable_id = -1;

    if (i) {
        if (ngx_openzaak_sb_str(&sb, &s) != NGX_OK) {
            return NGX_ERROR;
        }

        ngx_openzaak_sb_init(&sb, pool, 512);
        ngx_openzaak_sb_addf(&sb, "SELECT zgw.problem(x.n,"
                                  " 'wijzigen-niet-toegelaten',"
                                  " 'Dit veld mag niet gewijzigd worden.')"
                                  " FROM %s t, jsonb_populate_record(t,"
                                  " $2::jsonb) r, LATERAL (VALUES %V)"
                                  " x(n, c) WHERE t.uuid = $1 AND x.c",
                             res->table, &s);

        if (ngx_openzaak_sb_str(&sb, &res->sql.immutable) != NGX_OK) {
            return NGX_ERROR;
        }

        res->sql.immutable_id =
            ngx_openzaak_pg_stmt_register(&res->sql.immutable);

        if (res->sql.immutable_id == NGX_ERROR) {
            return NGX_ERROR;
        }
    }

    res->sql.nested_id = -1;

    if (res->parent) {
        ngx_openzaak_sb_init(&sb, pool, 128);
        ngx_openzaak_sb_addf(&sb, "SELECT zgw.found(EXISTS(SELECT 1 FROM %s t"
                                  " WHERE t.uuid = $1 AND t.%s = $2))",
                             res->table, res->parent_column);

        if (ngx_openzaak_sb_str(&sb, &res->sql.nested) != NGX_OK) {
            return NGX_ERROR;
        }

        res->sql.nested_id = ngx_openzaak_pg_stmt_register(&res->sql.nested);

        if (res->sql.nested_id == NGX_ERROR) {
            return NGX_ERROR;
        }
    }

    res->sql.exists_id = ngx_openzaak_pg_stmt_register(&res->sql.exists);
    res->sql.remove_id = ngx_openzaak_pg_stmt_register(&res->sql.remove);

    if (res->sql.exists_id == NGX_ERROR || res->sql.remove_id == NGX_ERROR) {
        return NGX_ERROR;
    }

    if (ngx_openzaak_objauth_init(pool, res) != NGX_OK
        || ngx_openzaak_audit_init(pool, res) != NGX_OK)
    {
        return NGX_ERROR;
    }

    return ngx_openzaak_notify_sql(pool, res);
}


/*
 * The columns of an object's fields over the row alias; key is the
 * column that matches child rows (column 0).  Fields of every variant
 * are selected: the renderer picks those of the row's discriminator.
 */

static ngx_openzaak_plan_t *
ngx_openzaak_sql_plan(ngx_pool_t *pool, const ngx_openzaak_field_t *fields,
    const char *alias, const char *key, ngx_openzaak_plan_t *parent)
{
    const char                  *ref;
    ngx_uint_t                   n, nc;
    ngx_openzaak_sb_t            cols;
    ngx_openzaak_plan_t         *plan, *cp;
    ngx_openzaak_plan_field_t   *pf;
    const ngx_openzaak_field_t  *f, *item;

    plan = ngx_pcalloc(pool, sizeof(ngx_openzaak_plan_t));
    if (plan == NULL) {
        return NULL;
    }

    n = 0;
    for (f = fields; f->name; f++) {
        n++;
    }

    plan->fields = ngx_pcalloc(pool, n * sizeof(ngx_openzaak_plan_field_t));
    if (plan->fields == NULL) {
        return NULL;
    }

    /* at most one aux column per member of a gegevensgroep, and one plan
     * per child table */
    n = 0;
    nc = 0;
    for (f = fields; f->name; f++) {
        item = (f->type == NGX_OZ_ARRAY) ? &f->fields[0] : f;

        if (f->type == NGX_OZ_ARRAY && f->child) {
            nc++;
        }

        if (f->render == NULL && f->child == NULL
            && item->type == NGX_OZ_OBJECT)
        {
            for (item = item->fields; item->name; item++) {
                n++;
            }
        }
    }

    if (n) {
        plan->aux = ngx_pcalloc(pool, n * sizeof(ngx_openzaak_plan_aux_t));
        if (plan->aux == NULL) {
            return NULL;
        }
    }

    if (nc) {
        plan->children = ngx_palloc(pool, nc * sizeof(ngx_openzaak_plan_t *));
        if (plan->children == NULL) {
            return NULL;
        }
    }

    plan->disc_col = -1;

    ngx_openzaak_sb_init(&cols, pool, 1024);
    ngx_openzaak_sb_addf(&cols, "%s.%s", alias, key);
    plan->ncols = 1;

    for (f = fields; f->name; f++) {
        if (f->flags & NGX_OZ_WRITEONLY) {
            continue;
        }

        pf = &plan->fields[plan->nfields++];
        pf->field = f;
        pf->col = -1;

        /* keys that become URLs */

        item = (f->type == NGX_OZ_ARRAY) ? &f->fields[0] : f;
        ref = f->url ? f->url
              : item->url ? item->url
              : item->type == NGX_OZ_REF ? item->ref : NULL;

        if (ref && ngx_openzaak_sql_ref_path(pool, ref, &pf->url) != NGX_OK) {
            return NULL;
        }

        if (f->type == NGX_OZ_ARRAY && f->child) {

            if (parent) {
                ngx_log_error(NGX_LOG_EMERG, ngx_cycle->log, 0,
                              "openzaak: \"%s\": child tables nest one deep",
                              f->name);
                return NULL;
            }

            if (item->type != NGX_OZ_OBJECT) {
                return NULL;
            }

            cp = ngx_openzaak_sql_plan(pool, item->fields, "c",
                                       f->child->parent, plan);
            if (cp == NULL) {
                return NULL;
            }

            cp->child = f->child;
            cp->index = plan->nchildren + 1;

            plan->children[plan->nchildren++] = cp;
            pf->child = cp;
            continue;
        }

        /* the variants of a field share its column: selected once */

        if (f->variants) {
            pf->col = ngx_openzaak_sql_variant_col(plan, f);

            if (pf->col >= 0) {
                continue;
            }
        }

        ngx_openzaak_sb_add(&cols, ", ");

        if (f->render) {
            ngx_openzaak_sql_render(&cols, f->render, alias);

        } else {
            ngx_openzaak_sb_addf(&cols, "%s.%s", alias, f->column);
        }

        pf->col = plan->ncols++;

        if (f->flags & NGX_OZ_DISCRIMINATOR) {
            plan->disc = f;
            plan->disc_col = pf->col;
        }

        /* members of a stored gegevensgroep that SQL renders */

        if (f->render == NULL && item->type == NGX_OZ_OBJECT
            && ngx_openzaak_sql_aux(plan, &cols, f, alias) != NGX_OK)
        {
            return NULL;
        }
    }

    if (ngx_openzaak_sb_str(&cols, &plan->cols) != NGX_OK) {
        return NULL;
    }

    return plan;
}



/*
 * The column an earlier variant of the same stored field is read from,
 * or -1.  Only a plain column whose members SQL does not render (those
 * would need aux columns of their own).
 */

static ngx_int_t
ngx_openzaak_sql_variant_col(ngx_openzaak_plan_t *plan,
    const ngx_openzaak_field_t *f)
{
    ngx_uint_t                   i;
    const ngx_openzaak_field_t  *v;

    if (f->render || f->column == NULL || f->type != NGX_OZ_OBJECT
        || ngx_openzaak_sql_has_render(f->fields))
    {
        return -1;
    }

    for (i = 0; i + 1 < plan->nfields; i++) {
        v = plan->fields[i].field;

        if (v->variants && v->render == NULL && v->column
            && plan->fields[i].col >= 0
            && ngx_strcmp(v->column, f->column) == 0)
        {
            return plan->fields[i].col;
        }
    }

    return -1;
}


/*
 * A gegevensgroep (or an array of them) is stored as jsonb and rendered
 * from it, except members that need data (a relation resolved on the
 * reference date): each of those gets a column of its own, its value or,
 * for an array, the array of its values per item.
 */

static ngx_int_t
ngx_openzaak_sql_aux(ngx_openzaak_plan_t *plan, ngx_openzaak_sb_t *cols,
    const ngx_openzaak_field_t *f, const char *alias)
{
    u_char                       src[128], *p;
    const ngx_openzaak_field_t  *item, *m;

    item = (f->type == NGX_OZ_ARRAY) ? &f->fields[0] : f;

    p = ngx_snprintf(src, sizeof(src) - 1, "%s.%s", alias, f->column);
    *p = '\0';

    for (m = item->fields; m->name; m++) {

        if (m->type == NGX_OZ_REF || m->url) {
            /* the renderer copies stored values: a key stays a key */
            ngx_log_error(NGX_LOG_EMERG, ngx_cycle->log, 0,
                          "openzaak: \"%s\": a reference in a gegevensgroep"
                          " needs a render", m->name);
            return NGX_ERROR;
        }

        if (m->render == NULL) {
            if ((m->type == NGX_OZ_OBJECT
                 || (m->type == NGX_OZ_ARRAY
                     && m->fields[0].type == NGX_OZ_OBJECT))
                && ngx_openzaak_sql_has_render(m->type == NGX_OZ_OBJECT
                                               ? m->fields
                                               : m->fields[0].fields))
            {
                ngx_log_error(NGX_LOG_EMERG, ngx_cycle->log, 0,
                              "openzaak: \"%s\": a rendered member is one"
                              " level deep at most", m->name);
                return NGX_ERROR;
            }

            continue;
        }

        ngx_openzaak_sb_add(cols, ", ");

        if (f->type == NGX_OZ_OBJECT) {
            ngx_openzaak_sb_addf(cols, "(%s)", src);
            ngx_openzaak_sql_render(cols, m->render, (char *) src);

        } else {
            ngx_openzaak_sb_add(cols, "ARRAY(SELECT ");
            ngx_openzaak_sql_render(cols, m->render, "e.value");
            ngx_openzaak_sb_addf(cols, " FROM jsonb_array_elements(CASE WHEN"
                                 " jsonb_typeof(%s) = 'array' THEN %s"
                                 " ELSE '[]' END) WITH ORDINALITY e(value, n)"
                                 " ORDER BY e.n)", src, src);
        }

        plan->aux[plan->naux].member = m;
        plan->aux[plan->naux].col = plan->ncols++;
        plan->naux++;
    }

    return NGX_OK;
}


static ngx_flag_t
ngx_openzaak_sql_has_render(const ngx_openzaak_field_t *fields)
{
    const ngx_openzaak_field_t  *f;

    for (f = fields; f->name; f++) {
        if (f->render) {
            return 1;
        }

        if (f->type == NGX_OZ_OBJECT && ngx_openzaak_sql_has_render(f->fields))
        {
            return 1;
        }

        if (f->type == NGX_OZ_ARRAY && f->fields[0].type == NGX_OZ_OBJECT
            && ngx_openzaak_sql_has_render(f->fields[0].fields))
        {
            return 1;
        }
    }

    return 0;
}


/*
 * Copies a render template: "%a" stands for the row alias, "%D" for the
 * date on which versioned relations are resolved (the request's, or
 * today in the Netherlands), "$1" for the base URL.
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
            ngx_openzaak_sb_addf(sb, "coalesce(%c::date, (now() AT TIME ZONE"
                                 " 'Europe/Amsterdam')::date)", NGX_OZ_P_DATE);
            p++;
            continue;
        }

        if (p[0] == '$' && p[1] == '1' && !ngx_openzaak_isdigit(p[2])) {
            ngx_openzaak_sb_addf(sb, "%c::text", NGX_OZ_P_BASE);
            p++;
            continue;
        }

        ngx_openzaak_sb_addn(sb, p, 1);
    }
}


/*
 * Numbers the parameters of a statement built with markers: those it
 * uses, in the order of ngx_openzaak_stmt_t.  A statement kept for the
 * life of the process (keep) is registered with the pool and runs
 * prepared; one in a request's pool runs ad hoc.
 */

ngx_int_t
ngx_openzaak_sql_finish(ngx_pool_t *pool, ngx_openzaak_sb_t *sb,
    ngx_uint_t nfilters, ngx_openzaak_stmt_t *st, ngx_flag_t keep)
{
    u_char             *p, *end;
    ngx_str_t           in;
    ngx_uint_t          n, base, date, filters, grants, key, limit, offset;
    ngx_openzaak_sb_t   out;

    if (ngx_openzaak_sb_str(sb, &in) != NGX_OK) {
        return NGX_ERROR;
    }

    ngx_memzero(st, sizeof(ngx_openzaak_stmt_t));

    end = in.data + in.len;

    for (p = in.data; p < end; p++) {
        switch (*p) {
        case NGX_OZ_P_BASE:
            st->base = 1;
            break;
        case NGX_OZ_P_DATE:
            st->date = 1;
            break;
        case NGX_OZ_P_KEY:
            st->key = 1;
            break;
        case NGX_OZ_P_GRANT_K:
        case NGX_OZ_P_GRANT_V:
            st->grants = 1;
            break;
        case NGX_OZ_P_LIMIT:
            st->limit = 1;
            break;
        case NGX_OZ_P_OFFSET:
            st->offset = 1;
            break;
        case NGX_OZ_P_FILTER:
            p++;
            break;
        }
    }

    n = 0;
    base = st->base ? ++n : 0;
    date = st->date ? ++n : 0;
    filters = n;
    n += nfilters;
    grants = n;
    n += st->grants ? 2 : 0;
    key = st->key ? ++n : 0;
    limit = st->limit ? ++n : 0;
    offset = st->offset ? ++n : 0;

    st->nfilters = nfilters;
    st->nparams = n;

    ngx_openzaak_sb_init(&out, pool, in.len + 64);

    for (p = in.data; p < end; p++) {
        switch (*p) {
        case NGX_OZ_P_BASE:
            ngx_openzaak_sb_addf(&out, "$%ui", base);
            break;
        case NGX_OZ_P_DATE:
            ngx_openzaak_sb_addf(&out, "$%ui", date);
            break;
        case NGX_OZ_P_KEY:
            ngx_openzaak_sb_addf(&out, "$%ui", key);
            break;
        case NGX_OZ_P_GRANT_K:
            ngx_openzaak_sb_addf(&out, "$%ui", grants + 1);
            break;
        case NGX_OZ_P_GRANT_V:
            ngx_openzaak_sb_addf(&out, "$%ui", grants + 2);
            break;
        case NGX_OZ_P_LIMIT:
            ngx_openzaak_sb_addf(&out, "$%ui", limit);
            break;
        case NGX_OZ_P_OFFSET:
            ngx_openzaak_sb_addf(&out, "$%ui", offset);
            break;
        case NGX_OZ_P_FILTER:
            p++;
            ngx_openzaak_sb_addf(&out, "$%ui", filters + *p);
            break;
        default:
            ngx_openzaak_sb_addn(&out, p, 1);
        }
    }

    if (ngx_openzaak_sb_str(&out, &st->sql) != NGX_OK) {
        return NGX_ERROR;
    }

    /* text in a request's pool runs ad hoc: the registry keeps texts for
     * the life of the process */
    st->id = keep ? ngx_openzaak_pg_stmt_register(&st->sql) : -1;

    return st->id == NGX_ERROR ? NGX_ERROR : NGX_OK;
}


/*
 * The conditions of a list: the resource's own, then per filter its
 * condition (cond) or the one for its absence (absent), in filter order;
 * the n-th filter with a condition has the n-th filter parameter.
 */

static void
ngx_openzaak_sql_where(ngx_openzaak_sb_t *sb,
    const ngx_openzaak_filter_t *filters, uint64_t *cond, uint64_t *absent,
    const char *list_where)
{
    const char                   *p;
    ngx_uint_t                    i, k;
    const ngx_openzaak_filter_t  *f;

    ngx_openzaak_sb_add(sb, " WHERE TRUE");

    if (list_where) {
        ngx_openzaak_sb_add(sb, list_where);
    }

    k = 0;

    for (f = filters, i = 0; f->name; f++, i++) {

        if (ngx_openzaak_bit_test(absent, i)) {
            ngx_openzaak_sb_addf(sb, " AND (%s)", f->absent_sql);
        }

        if (!ngx_openzaak_bit_test(cond, i)) {
            continue;
        }

        k++;
        ngx_openzaak_sb_add(sb, " AND (");

        for (p = f->sql; *p; p++) {
            if (p[0] == '$' && p[1] == '?') {
                ngx_openzaak_sb_addf(sb, "%c%c", NGX_OZ_P_FILTER, (int) k);
                p++;
                continue;
            }

            ngx_openzaak_sb_addn(sb, p, 1);
        }

        ngx_openzaak_sb_add(sb, ")");
    }
}


/*
 * The statements of a list (or of a find, NGX_OZ_SHAPE_ONE) with the
 * filters la selected: built on its first use in this worker and kept
 * with the resource.  Without room for more, the shape is built in the
 * request's pool and runs as ad-hoc statements.
 */

ngx_openzaak_shape_t *
ngx_openzaak_sql_shape(ngx_pool_t *rpool, ngx_openzaak_resource_t *res,
    ngx_openzaak_operation_t *op, ngx_openzaak_list_args_t *la,
    ngx_uint_t flags)
{
    u_char                       *order;
    ngx_str_t                     page;
    ngx_uint_t                    i, nfilters;
    ngx_flag_t                    keep;
    ngx_pool_t                   *pool;
    ngx_openzaak_sb_t             sb, where;
    ngx_openzaak_plan_t          *plan, *cp;
    ngx_openzaak_shape_t         *sh;
    const ngx_openzaak_filter_t  *filters;

    if (res->sql.shapes) {
        sh = res->sql.shapes->elts;

        for (i = 0; i < res->sql.shapes->nelts; i++) {
            if (sh[i].op == op && sh[i].flags == flags
                && sh[i].nwords == la->nwords
                && ngx_memcmp(sh[i].cond, la->cond,
                              2 * la->nwords * sizeof(uint64_t))
                   == 0
                && sh[i].order.len == la->order.len
                && ngx_strncmp(sh[i].order.data, la->order.data,
                               la->order.len) == 0)
            {
                return &sh[i];
            }
        }
    }

    pool = ngx_cycle->pool;

    if (res->sql.shapes == NULL) {
        res->sql.shapes = ngx_array_create(pool, 8,
                                           sizeof(ngx_openzaak_shape_t));
        if (res->sql.shapes == NULL) {
            return NULL;
        }
    }

    if (res->sql.shapes->nelts < NGX_OZ_MAX_SHAPES) {
        sh = ngx_array_push(res->sql.shapes);

    } else {
        pool = rpool;
        sh = ngx_palloc(pool, sizeof(ngx_openzaak_shape_t));
    }


    if (sh == NULL) {
        return NULL;
    }

    keep = (pool != rpool);

    /* the tests count these lines: one per shape and worker */
    ngx_log_error(NGX_LOG_DEBUG, ngx_cycle->log, 0,
                  "openzaak sql: %s list shape of \"%s\"",
                  keep ? "new" : "unkept", res->path);

    ngx_memzero(sh, sizeof(ngx_openzaak_shape_t));
    sh->op = op;
    sh->flags = flags;
    sh->nwords = la->nwords;

    /* the key of a kept shape lives as long as the shape */
    sh->cond = ngx_palloc(pool, (2 * la->nwords + 1) * sizeof(uint64_t));
    if (sh->cond == NULL) {
        return NULL;
    }

    ngx_memcpy(sh->cond, la->cond, 2 * la->nwords * sizeof(uint64_t));
    sh->absent = sh->cond + la->nwords;

    /* "ordering": part of the key, so kept as long as the shape */
    order = (u_char *) res->order;

    if (la->order.len) {
        sh->order.data = ngx_pstrdup(pool, &la->order);
        if (sh->order.data == NULL) {
            return NULL;
        }

        sh->order.len = la->order.len;
        order = ngx_pnalloc(pool, la->order.len + 1);
        if (order == NULL) {
            return NULL;
        }

        ngx_memcpy(order, la->order.data, la->order.len);
        order[la->order.len] = '\0';
    }

    plan = res->sql.plan;
    filters = ngx_openzaak_op_filters(res, op);
    nfilters = la->nvalues;

    ngx_openzaak_sb_init(&where, pool, 256);
    ngx_openzaak_sql_where(&where, filters, la->cond, la->absent,
                           res->list_where);

    if (res->parent) {
        /* the children of the parent in the path, the key of a list */
        ngx_openzaak_sb_addf(&where, " AND t.%s = %c::uuid",
                             res->parent_column, NGX_OZ_P_KEY);
    }

    if (flags & NGX_OZ_SHAPE_AUTH) {
        ngx_openzaak_sb_addn(&where, res->sql.auth_where.data,
                             res->sql.auth_where.len);
    }

    /* the rows of the page, in the order of the answer */

    ngx_openzaak_sb_init(&sb, pool, 256);
    ngx_openzaak_sb_addn(&sb, where.data, where.len);
    ngx_openzaak_sb_addf(&sb, " ORDER BY %s", order);

    if (flags & NGX_OZ_SHAPE_ONE) {
        ngx_openzaak_sb_add(&sb, " LIMIT 1");

    } else if (flags & NGX_OZ_SHAPE_LAST) {
        ngx_openzaak_sb_addf(&sb, " LIMIT %c OFFSET (SELECT greatest(count(*)"
                             " - 1, 0) / %c * %c FROM %s t",
                             NGX_OZ_P_LIMIT, NGX_OZ_P_LIMIT, NGX_OZ_P_LIMIT,
                             res->table);
        ngx_openzaak_sb_addn(&sb, where.data, where.len);
        ngx_openzaak_sb_add(&sb, ")");

    } else if (flags & NGX_OZ_SHAPE_PAGE) {
        ngx_openzaak_sb_addf(&sb, " LIMIT %c OFFSET %c", NGX_OZ_P_LIMIT,
                             NGX_OZ_P_OFFSET);
    }

    if (ngx_openzaak_sb_str(&sb, &page) != NGX_OK) {
        return NULL;
    }

    /* the rows of the page, for statements that read what they refer
     * to (expand) */
    sh->rows = page;

    /*
     * The columns of the page's rows only: in a plain SELECT, PostgreSQL
     * computes the select list (relations, rendered values) for every row
     * it skips for the OFFSET too (83 ms instead of 7 for page 34 of a
     * million zaken).  The sub-select limits the rows first; the order is
     * stated again, as a sub-select's order is not the answer's.
     */
    ngx_openzaak_sb_init(&sb, pool, plan->cols.len + page.len + 128);
    ngx_openzaak_sb_addf(&sb, "SELECT %V FROM (SELECT t.* FROM %s t%V) t"
                              " ORDER BY %s",
                         &plan->cols, res->table, &page, order);

    if (ngx_openzaak_sql_finish(pool, &sb, nfilters, &sh->page, keep)
        != NGX_OK)
    {
        return NULL;
    }

    if (flags & (NGX_OZ_SHAPE_PAGE|NGX_OZ_SHAPE_LAST)) {
        ngx_openzaak_sb_init(&sb, pool, where.len + 64);
        ngx_openzaak_sb_addf(&sb, "SELECT count(*) FROM %s t", res->table);
        ngx_openzaak_sb_addn(&sb, where.data, where.len);

        if (ngx_openzaak_sql_finish(pool, &sb, nfilters, &sh->count, keep)
            != NGX_OK)
        {
            return NULL;
        }
    }

    if (plan->nchildren == 0) {
        return sh;
    }

    sh->children = ngx_pcalloc(pool, plan->nchildren
                                     * sizeof(ngx_openzaak_stmt_t));
    if (sh->children == NULL) {
        return NULL;
    }

    /* the child rows of the page's rows, in the same order: the order of
     * every resource ends with its unique t.id */

    for (i = 0; i < plan->nchildren; i++) {
        cp = plan->children[i];

        ngx_openzaak_sb_init(&sb, pool, cp->cols.len + page.len + 128);
        ngx_openzaak_sb_addf(&sb, "SELECT %V FROM (SELECT t.* FROM %s t%V) t"
                                  " JOIN %s c ON c.%s = t.uuid"
                                  " ORDER BY %s, c.%s",
                             &cp->cols, res->table, &page, cp->child->table,
                             cp->child->parent, order,
                             cp->child->position);

        if (ngx_openzaak_sql_finish(pool, &sb, nfilters, &sh->children[i],
                                    keep)
            != NGX_OK)
        {
            return NULL;
        }
    }

    return sh;
}


/*
 * Adds statement st to the batch with its parameters: the request's base
 * URL and reference date, la's filter values, key, limit and offset.
 */

ngx_int_t
ngx_openzaak_sql_run(ngx_openzaak_ctx_t *ctx, ngx_openzaak_pg_query_t *q,
    ngx_openzaak_stmt_t *st, ngx_openzaak_list_args_t *la, ngx_str_t *key,
    ngx_uint_t limit, ngx_uint_t offset)
{
    u_char       *p;
    ngx_uint_t    n, i;
    const char  **values;

    values = NULL;

    if (st->nparams) {
        values = ngx_palloc(ctx->request->pool,
                            st->nparams * sizeof(char *));
        if (values == NULL) {
            return NGX_ERROR;
        }
    }

    n = 0;

    if (st->base) {
        values[n] = (char *) ngx_openzaak_pstrdup0(ctx->request->pool,
                                                   &ctx->base);
        if (values[n++] == NULL) {
            return NGX_ERROR;
        }
    }

    if (st->date) {
        /* NULL: today */
        values[n++] = la ? la->date : NULL;
    }

    for (i = 0; i < st->nfilters; i++) {
        values[n++] = la->values[i];
    }

    if (st->grants) {
        /* a shape with the condition runs only for a restricted client */
        values[n++] = la->grants.keys;
        values[n++] = la->grants.vas;
    }

    if (st->key) {
        values[n] = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, key);
        if (values[n++] == NULL) {
            return NGX_ERROR;
        }
    }

    if (st->limit || st->offset) {
        p = ngx_pnalloc(ctx->request->pool, 2 * NGX_INT_T_LEN + 2);
        if (p == NULL) {
            return NGX_ERROR;
        }

        if (st->limit) {
            values[n++] = (char *) p;
            p = ngx_sprintf(p, "%ui%Z", limit);
        }

        if (st->offset) {
            values[n++] = (char *) p;
            ngx_sprintf(p, "%ui%Z", offset);
        }
    }

    if (st->id >= 0) {
        return ngx_openzaak_pg_add_id(q, st->id, n, values) ? NGX_OK
                                                            : NGX_ERROR;
    }

    return ngx_openzaak_pg_add(q, &st->sql, n, values) ? NGX_OK : NGX_ERROR;
}


/*
 * Adds a statement with the varargs of ngx_openzaak_sql_add*() as its
 * values, copied into the pool: the registered statement id, or, with id
 * -1, the text sql, sent unnamed.
 */

static ngx_openzaak_pg_stmt_t *
ngx_openzaak_sql_vadd(ngx_openzaak_pg_query_t *q, ngx_pool_t *pool,
    ngx_int_t id, const char *sql, ngx_uint_t nparams, va_list args)
{
    ngx_str_t     s;
    ngx_uint_t    i;
    const char  **values;

    values = ngx_palloc(pool, (nparams ? nparams : 1) * sizeof(char *));
    if (values == NULL) {
        return NULL;
    }

    for (i = 0; i < nparams; i++) {
        values[i] = va_arg(args, const char *);
    }

    if (id >= 0) {
        return ngx_openzaak_pg_add_id(q, id, nparams, values);
    }

    s.data = (u_char *) sql;
    s.len = ngx_strlen(sql);

    return ngx_openzaak_pg_add(q, &s, nparams, values);
}


ngx_openzaak_pg_stmt_t *
ngx_openzaak_sql_add_literal(ngx_openzaak_pg_query_t *q, ngx_pool_t *pool,
    const char *sql, ngx_uint_t nparams, ...)
{
    va_list                  args;
    ngx_int_t                id;
    ngx_openzaak_pg_stmt_t  *s;

    id = ngx_openzaak_pg_stmt_static(sql);
    if (id == NGX_ERROR) {
        return NULL;
    }

    va_start(args, nparams);
    s = ngx_openzaak_sql_vadd(q, pool, id, NULL, nparams, args);
    va_end(args);

    return s;
}


ngx_openzaak_pg_stmt_t *
ngx_openzaak_sql_add_id(ngx_openzaak_pg_query_t *q, ngx_pool_t *pool,
    ngx_int_t id, ngx_uint_t nparams, ...)
{
    va_list                  args;
    ngx_openzaak_pg_stmt_t  *s;

    va_start(args, nparams);
    s = ngx_openzaak_sql_vadd(q, pool, id, NULL, nparams, args);
    va_end(args);

    return s;
}


ngx_openzaak_pg_stmt_t *
ngx_openzaak_sql_add_text(ngx_openzaak_pg_query_t *q, ngx_pool_t *pool,
    const char *sql, ngx_uint_t nparams, ...)
{
    va_list                  args;
    ngx_openzaak_pg_stmt_t  *s;

    va_start(args, nparams);
    s = ngx_openzaak_sql_vadd(q, pool, -1, sql, nparams, args);
    va_end(args);

    return s;
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
