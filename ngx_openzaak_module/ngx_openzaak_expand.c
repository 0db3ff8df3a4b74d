/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * The expand parameter (Zaken API 1.5, expand_patroon): a list or detail
 * GET names related resources ("zaaktype,status.statustype") and each
 * object of the answer gets them inline in "_expand", as Open Zaak's
 * ExpandJSONRenderer writes them.  Every segment of a dotted path is
 * expanded (zrc-issue-003); the paths a resource takes are its OAS enum
 * (three levels at most, zrc-026), anything else is invalid_choice.
 *
 * The targets are local, so nothing is fetched over HTTP: a path is one
 * more statement in the request's pipeline.  It starts from the rows of
 * the answer (the list's page, as its own statement selects them, or the
 * detail's object), follows the keys of each segment (a column, or an
 * array of keys that the field's render gives) and selects the target's
 * columns with the target resource's own read plan, so the module's
 * renderer writes an expanded object exactly as a GET of it would.  The
 * rows are ordered as the answer is rendered (the page's order, then the
 * position of each key), with the identity of the object they belong to
 * in two extra columns; the renderer walks them with a cursor per path.
 *
 * Authorisation, as Open Zaak: each component an expansion reads needs
 * its <component>.lezen scope (ExpandAuthRequired, 403 before anything
 * else); an expanded zaak obeys the same per-object authorisation as the
 * list (an invisible hoofdzaak is null, an invisible deelzaak left out),
 * with the grants of the list itself as parameters.  The parts of a zaak
 * are reached through a zaak the client may see.
 *
 * The statements are built on first use in a worker and kept: per list
 * shape (they repeat the page's conditions) and per resource for a
 * detail, with and without per-object authorisation.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


#define NGX_OZ_EXPAND_MAX_PATHS  64
#define NGX_OZ_EXPAND_MAX_DEPTH  3


typedef struct {
    ngx_str_t                        path;       /* "status.statustype" */
    const char                      *name;       /* "statustype" */
    ngx_int_t                        parent;     /* path index, -1: top */
    ngx_uint_t                       depth;      /* 1 .. 3 */
    const char                      *key;        /* SQL on %a */
    ngx_openzaak_resource_t         *target;     /* NULL: not served */
    const char                      *component;  /* what reading it */
    const char                      *scope;      /* needs: ztc,
                                                    catalogi.lezen */
    unsigned                         many:1;     /* an array */
} ngx_openzaak_expand_path_t;


typedef struct {
    ngx_openzaak_expand_path_t      *paths;
    ngx_uint_t                       npaths;

    /* a detail's statements per path (each the target's read and one
     * per child table of it); [1]: with per-object authorisation */
    ngx_openzaak_stmt_t            **detail[2];
} ngx_openzaak_expand_res_t;


typedef struct ngx_openzaak_expand_req_s  ngx_openzaak_expand_req_t;

typedef struct {
    ngx_openzaak_expand_req_t       *req;
    ngx_int_t                        index;      /* -1: the answer's rows */
} ngx_openzaak_expand_node_t;


struct ngx_openzaak_expand_req_s {
    ngx_openzaak_expand_res_t       *ex;
    uint64_t                         want;       /* paths and prefixes */
    ngx_str_t                        bad;        /* first invalid choice */
    ngx_uint_t                      *first;      /* per path: statement */
    ngx_openzaak_render_t           *rd;         /* per path */
    ngx_openzaak_expand_node_t      *nodes;      /* per path, and top */
    int                             *cursor;     /* per path: next row */
    size_t                           tagged;     /* where the first
                                                    "_expand" starts */
    unsigned                         invalid:1;
    unsigned                         tagged_set:1;
};


static ngx_int_t ngx_openzaak_expand_resolve(ngx_pool_t *pool,
    ngx_openzaak_resource_t *res, ngx_openzaak_expand_res_t *ex,
    ngx_uint_t i);
static ngx_openzaak_stmt_t *ngx_openzaak_expand_build(ngx_pool_t *pool,
    ngx_flag_t keep, ngx_openzaak_resource_t *res, ngx_uint_t i,
    ngx_str_t *rows, ngx_str_t *ordering, ngx_uint_t nfilters,
    ngx_flag_t auth);
static void ngx_openzaak_expand_tail(ngx_openzaak_render_t *rd, int row);
static void ngx_openzaak_expand_choose(ngx_openzaak_expand_req_t *req,
    u_char *p, size_t len);
static void ngx_openzaak_expand_path(ngx_openzaak_expand_req_t *req,
    ngx_openzaak_sb_t *sb, ngx_uint_t i, u_char *ident, size_t len);


/* ------------------------------------------------------------ start-up */


/*
 * Resolves the resource's expand paths: the field of each segment, the
 * resource that renders it and the scope reading it needs.  A target not
 * served (yet) leaves the path a valid choice that expands to null or [].
 */

ngx_int_t
ngx_openzaak_expand_init(ngx_pool_t *pool, ngx_openzaak_resource_t *res)
{
    ngx_uint_t                  n, i;
    ngx_openzaak_expand_res_t  *ex;

    res->sql.expand = NULL;

    if (res->expand == NULL) {
        return NGX_OK;
    }

    for (n = 0; res->expand[n].path; n++) { /* void */ }

    if (n > NGX_OZ_EXPAND_MAX_PATHS) {
        return NGX_ERROR;
    }

    ex = ngx_pcalloc(pool, sizeof(ngx_openzaak_expand_res_t));
    if (ex == NULL) {
        return NGX_ERROR;
    }

    ex->paths = ngx_pcalloc(pool, n * sizeof(ngx_openzaak_expand_path_t));
    if (ex->paths == NULL) {
        return NGX_ERROR;
    }

    ex->npaths = n;

    for (i = 0; i < n; i++) {
        ex->paths[i].path.data = (u_char *) res->expand[i].path;
        ex->paths[i].path.len = ngx_strlen(res->expand[i].path);
    }

    /* a path's prefixes come first in the OAS enum (it is sorted), so a
     * parent is resolved before its children */

    for (i = 0; i < n; i++) {
        if (ngx_openzaak_expand_resolve(pool, res, ex, i) != NGX_OK) {
            ngx_log_error(NGX_LOG_EMERG, ngx_cycle->log, 0,
                          "openzaak: expand path \"%s\" of \"%s\" does"
                          " not resolve", res->expand[i].path, res->path);
            return NGX_ERROR;
        }
    }

    res->sql.expand = ex;

    return NGX_OK;
}


static ngx_int_t
ngx_openzaak_expand_resolve(ngx_pool_t *pool, ngx_openzaak_resource_t *res,
    ngx_openzaak_expand_res_t *ex, ngx_uint_t i)
{
    u_char                       *dot, *p;
    size_t                        plen;
    ngx_uint_t                    j;
    const char                   *ref, *slash;
    ngx_openzaak_api_t           *api;
    ngx_openzaak_resource_t      *source;
    ngx_openzaak_expand_path_t   *ep;
    const ngx_openzaak_field_t   *f, *item;
    ngx_str_t                     apiname;

    ep = &ex->paths[i];
    ep->parent = -1;
    ep->depth = 1;

    dot = NULL;

    for (p = ep->path.data; p < ep->path.data + ep->path.len; p++) {
        if (*p == '.') {
            dot = p;
            ep->depth++;
        }
    }

    if (ep->depth > NGX_OZ_EXPAND_MAX_DEPTH) {
        return NGX_ERROR;
    }

    source = res;

    if (dot) {
        plen = dot - ep->path.data;

        for (j = 0; j < i; j++) {
            if (ex->paths[j].path.len == plen
                && ngx_strncmp(ex->paths[j].path.data, ep->path.data, plen)
                   == 0)
            {
                break;
            }
        }

        if (j == i) {
            /* every prefix must be a path of its own: it is expanded */
            return NGX_ERROR;
        }

        ep->parent = j;
        source = ex->paths[j].target;
        ep->name = (const char *) dot + 1;

    } else {
        ep->name = (const char *) ep->path.data;
    }

    /* the field, where its resource is served */

    f = NULL;

    if (source) {
        for (f = source->fields; f->name; f++) {
            if (ngx_strcmp(f->name, ep->name) == 0) {
                break;
            }
        }

        if (f->name == NULL) {
            return NGX_ERROR;
        }
    }

    ref = res->expand[i].target;
    ep->key = res->expand[i].key;

    if (f) {
        item = (f->type == NGX_OZ_ARRAY) ? &f->fields[0] : f;
        ep->many = (f->type == NGX_OZ_ARRAY);

        if (ref == NULL) {
            ref = f->url ? f->url
                  : item->url ? item->url
                  : item->type == NGX_OZ_REF ? item->ref : NULL;
        }

        if (ep->key == NULL) {
            ep->key = f->render ? f->render : NULL;

            if (ep->key == NULL && f->column) {
                p = ngx_pnalloc(pool, ngx_strlen(f->column) + 4);
                if (p == NULL) {
                    return NGX_ERROR;
                }

                ngx_sprintf(p, "%%a.%s%Z", f->column);
                ep->key = (const char *) p;
            }
        }
    }

    if (ref == NULL) {
        return source ? NGX_ERROR : NGX_OK;
    }

    /* the scope reading the target's component needs */

    slash = ngx_strchr(ref, '/');
    if (slash == NULL) {
        return NGX_ERROR;
    }

    apiname.data = (u_char *) ref;
    apiname.len = slash - ref;

    api = ngx_openzaak_api_find(&apiname);
    if (api == NULL) {
        return NGX_ERROR;
    }

    ep->component = api->component;

    p = ngx_pnalloc(pool, apiname.len + sizeof(".lezen"));
    if (p == NULL) {
        return NGX_ERROR;
    }

    ngx_sprintf(p, "%V.lezen%Z", &apiname);
    ep->scope = (const char *) p;

    if (source && ep->key) {
        ep->target = ngx_openzaak_resource_by_ref(ref);
    }

    if (ep->target && ep->target->sql.plan == NULL) {
        ep->target = NULL;
    }

    return NGX_OK;
}


/* ------------------------------------------------------------- request */


/*
 * The expand parameter of a list or detail, before anything else is
 * checked: a component the client may not read is 403 (Open Zaak's
 * ExpandAuthRequired runs with the permission classes); a choice that is
 * no path is answered later, with the other filters' errors.  NGX_OK or
 * the rc of the answer.
 */

ngx_int_t
ngx_openzaak_expand_parse(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la)
{
    u_char                      *p, *end, *comma, *src, *dst;
    size_t                       i;
    ngx_str_t                    raw, value;
    json_object                 *v, *item;
    ngx_openzaak_expand_res_t   *ex;
    ngx_openzaak_expand_req_t   *req;
    ngx_openzaak_expand_path_t  *ep;

    la->expand = NULL;
    ex = ctx->resource->sql.expand;

    /* lists, details and searches (an action answering a list) */
    if (ex == NULL
        || (ctx->operation->kind != NGX_OZ_OP_LIST
            && ctx->operation->kind != NGX_OZ_OP_READ
            && !(ctx->operation->kind == NGX_OZ_OP_ACTION
                 && (ctx->operation->flags & NGX_OZ_OP_PAGINATED))))
    {
        return NGX_OK;
    }

    req = ngx_pcalloc(ctx->request->pool, sizeof(ngx_openzaak_expand_req_t));
    if (req == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    req->ex = ex;
    la->expand = req;

    /* a search's body may hold expand too, as an array: "samengevoegd
     * met evt. expand in body" (the OAS) */

    if (ctx->body && json_object_is_type(ctx->body, json_type_object)
        && json_object_object_get_ex(ctx->body, "expand", &v)
        && json_object_is_type(v, json_type_array))
    {
        for (i = 0; i < json_object_array_length(v); i++) {
            item = json_object_array_get_idx(v, i);

            if (json_object_is_type(item, json_type_string)) {
                ngx_openzaak_expand_choose(req,
                    (u_char *) json_object_get_string(item),
                    json_object_get_string_len(item));

            } else if (!req->invalid) {
                /* the serializer's ListField of choices refuses it */
                req->invalid = 1;
                ngx_str_set(&req->bad, "");
            }
        }
    }

    if (ngx_openzaak_arg(ctx->request, "expand", &raw) != NGX_OK
        || raw.len == 0)
    {
        goto scopes;
    }

    /* decoded as Django decodes a query string: '+' is a space */

    value.data = ngx_pnalloc(ctx->request->pool, 2 * raw.len);
    if (value.data == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    src = value.data + raw.len;

    for (i = 0; i < raw.len; i++) {
        src[i] = (raw.data[i] == '+') ? ' ' : raw.data[i];
    }

    dst = value.data;
    ngx_unescape_uri(&dst, &src, raw.len, 0);
    value.len = dst - value.data;

    /* comma separated, as django-filter's BaseInFilter: an empty item is
     * no choice and no error */

    p = value.data;
    end = value.data + value.len;

    while (p <= end) {
        comma = ngx_strlchr(p, end, ',');
        if (comma == NULL) {
            comma = end;
        }

        ngx_openzaak_expand_choose(req, p, comma - p);
        p = comma + 1;
    }

scopes:

    /* each component read needs its lezen scope (ExpandAuthRequired) */

    for (i = 0; i < ex->npaths; i++) {
        ep = &ex->paths[i];

        if ((req->want & ((uint64_t) 1 << i))
            && ep->component
            && !ngx_openzaak_has_scope(ctx, ep->component, ep->scope))
        {
            return ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN, NULL, NULL);
        }
    }

    return NGX_OK;
}


/* One choice of expand: its path and the paths above it are wanted; the
 * first that is no path is remembered for the error. */

static void
ngx_openzaak_expand_choose(ngx_openzaak_expand_req_t *req, u_char *p,
    size_t len)
{
    ngx_int_t                   j;
    ngx_uint_t                  n;
    ngx_openzaak_expand_res_t  *ex;

    if (len == 0) {
        return;
    }

    ex = req->ex;

    for (n = 0; n < ex->npaths; n++) {
        if (ex->paths[n].path.len == len
            && ngx_strncmp(ex->paths[n].path.data, p, len) == 0)
        {
            break;
        }
    }

    if (n == ex->npaths) {
        if (!req->invalid) {
            req->invalid = 1;
            req->bad.data = p;
            req->bad.len = len;
        }

        return;
    }

    for (j = n; j >= 0; j = ex->paths[j].parent) {
        req->want |= (uint64_t) 1 << j;
    }
}


/* A choice that is no path: the filters' invalid_choice (django-filter
 * reports the first). */

ngx_int_t
ngx_openzaak_expand_validate(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la)
{
    ngx_str_t                   name;
    ngx_openzaak_expand_req_t  *req;

    req = la->expand;

    if (req == NULL || !req->invalid) {
        return NGX_OK;
    }

    ngx_str_set(&name, "expand");

    return ngx_openzaak_invalidf(ctx, &name, "invalid_choice",
                                 "Selecteer een geldige keuze. %V is geen "
                                 "beschikbare keuze.", &req->bad);
}


/*
 * Adds the statements of the expansions asked for, after those of the
 * answer's rows: of list shape sh, or of the object key.
 */

ngx_int_t
ngx_openzaak_expand_add(ngx_openzaak_ctx_t *ctx, ngx_openzaak_pg_query_t *q,
    ngx_openzaak_list_args_t *la, ngx_openzaak_shape_t *sh, ngx_str_t *key)
{
    ngx_int_t                    rc;
    ngx_uint_t                   i, k, n, limit, offset, nfilters;
    ngx_flag_t                   auth, keep;
    ngx_pool_t                  *pool;
    ngx_openzaak_stmt_t        **slots, *st;
    ngx_openzaak_resource_t     *res;
    ngx_openzaak_expand_req_t   *req;
    ngx_openzaak_expand_res_t   *ex;
    ngx_openzaak_expand_path_t  *ep;

    req = la->expand;

    if (req == NULL || req->want == 0) {
        return NGX_OK;
    }

    res = ctx->resource;
    ex = req->ex;
    n = ex->npaths;

    req->first = ngx_pcalloc(ctx->request->pool, n * sizeof(ngx_uint_t));
    req->cursor = ngx_pcalloc(ctx->request->pool, n * sizeof(int));
    if (req->first == NULL || req->cursor == NULL) {
        return NGX_ERROR;
    }

    limit = 0;
    offset = 0;
    nfilters = 0;

    if (sh) {
        auth = (sh->flags & NGX_OZ_SHAPE_AUTH) != 0;
        keep = (sh->page.id >= 0);
        pool = keep ? ngx_cycle->pool : ctx->request->pool;
        nfilters = sh->page.nfilters;
        limit = la->page_size;
        offset = la->page > 0 ? (la->page - 1) * la->page_size : 0;

        if (sh->expand == NULL) {
            sh->expand = ngx_pcalloc(pool, n * sizeof(ngx_openzaak_stmt_t *));
            if (sh->expand == NULL) {
                return NGX_ERROR;
            }
        }

        slots = sh->expand;

    } else {
        /* a detail: the grants of the list, for the zaken it expands */

        rc = ngx_openzaak_objauth_grants(ctx, res, ctx->operation->scopes,
                                         &la->grants);
        if (rc == NGX_ERROR) {
            return NGX_ERROR;
        }

        auth = (rc == NGX_OK);
        keep = 1;
        pool = ngx_cycle->pool;

        if (ex->detail[auth] == NULL) {
            ex->detail[auth] = ngx_pcalloc(pool,
                                           n * sizeof(ngx_openzaak_stmt_t *));
            if (ex->detail[auth] == NULL) {
                return NGX_ERROR;
            }
        }

        slots = ex->detail[auth];
    }

    for (i = 0; i < n; i++) {
        ep = &ex->paths[i];

        if (!(req->want & ((uint64_t) 1 << i)) || ep->target == NULL) {
            continue;
        }

        if (slots[i] == NULL) {
            slots[i] = ngx_openzaak_expand_build(pool, keep, res, i,
                                                 sh ? &sh->rows : NULL,
                                                 sh ? &sh->order : NULL,
                                                 nfilters, auth);
            if (slots[i] == NULL) {
                return NGX_ERROR;
            }
        }

        req->first[i] = q->nstmts;
        st = slots[i];

        for (k = 0; k <= ep->target->sql.plan->nchildren; k++) {
            if (ngx_openzaak_sql_run(ctx, q, &st[k], la, key, limit, offset)
                != NGX_OK)
            {
                return NGX_ERROR;
            }
        }
    }

    return NGX_OK;
}


/*
 * The statements of path i: the target's columns (its read plan), then
 * the identity of the object it belongs to and its own, for the rows
 * reached from the answer's rows (rows: the list shape's conditions and
 * page; NULL: the object of the key); then one per child table of the
 * target, in the same order.
 */

static ngx_openzaak_stmt_t *
ngx_openzaak_expand_build(ngx_pool_t *pool, ngx_flag_t keep,
    ngx_openzaak_resource_t *res, ngx_uint_t i, ngx_str_t *rows,
    ngx_str_t *ordering, ngx_uint_t nfilters, ngx_flag_t auth)
{
    const char                   *t;
    ngx_str_t                     from, order, ident;
    ngx_int_t                     chain[NGX_OZ_EXPAND_MAX_DEPTH];
    ngx_uint_t                    d, l, k;
    ngx_openzaak_sb_t             sb, fb, ob, ib;
    ngx_openzaak_plan_t          *plan, *cp;
    ngx_openzaak_stmt_t          *st;
    ngx_openzaak_resource_t      *r;
    ngx_openzaak_expand_res_t    *ex;
    ngx_openzaak_expand_path_t   *ep;
    u_char                        prev[8], alias[8];

    ex = res->sql.expand;
    ep = &ex->paths[i];
    plan = ep->target->sql.plan;

    /* the segments, from the first */

    d = ep->depth;
    k = i;

    for (l = d; l > 0; l--) {
        chain[l - 1] = k;
        k = ex->paths[k].parent;
    }

    /* the answer's rows, with their position in it */

    ngx_openzaak_sb_init(&fb, pool, 512);

    if (rows) {
        /* the page's order: the shape's ordering, or the resource's */
        ngx_openzaak_sb_add(&fb, " FROM (SELECT t.*, row_number() OVER"
                                 " (ORDER BY ");

        if (ordering && ordering->len) {
            ngx_openzaak_sb_addn(&fb, ordering->data, ordering->len);

        } else {
            ngx_openzaak_sb_add(&fb, res->order);
        }

        ngx_openzaak_sb_addf(&fb, ") AS oz_pos FROM %s t%V) s0",
                             res->table, rows);
    } else {
        ngx_openzaak_sb_addf(&fb, " FROM (SELECT t.*, 1 AS oz_pos FROM %s t"
                                  " WHERE t.uuid = %c::uuid) s0",
                             res->table, NGX_OZ_P_KEY);
    }

    ngx_openzaak_sb_init(&ob, pool, 64);
    ngx_openzaak_sb_add(&ob, " ORDER BY s0.oz_pos");

    ngx_openzaak_sb_init(&ib, pool, 64);
    ngx_openzaak_sb_add(&ib, "s0.uuid::text");

    ngx_sprintf(prev, "s0%Z");

    for (l = 1; l <= d; l++) {
        ep = &ex->paths[chain[l - 1]];
        r = ep->target;

        if (l == d) {
            ngx_sprintf(alias, "t%Z");

        } else {
            ngx_sprintf(alias, "x%ui%Z", l);
        }

        /* the keys of the segment, one row each, in their order */

        ngx_openzaak_sb_add(&fb, " CROSS JOIN LATERAL unnest(");

        if (!ep->many) {
            ngx_openzaak_sb_add(&fb, "ARRAY[");
        }

        for (t = ep->key; *t; t++) {
            if (t[0] == '%' && t[1] == 'a') {
                ngx_openzaak_sb_add(&fb, (char *) prev);
                t++;
                continue;
            }

            ngx_openzaak_sb_addn(&fb, t, 1);
        }

        if (!ep->many) {
            ngx_openzaak_sb_add(&fb, "]");
        }

        ngx_openzaak_sb_addf(&fb, ") WITH ORDINALITY k%ui(key, n)"
                                  " JOIN %s %s ON %s.uuid = k%ui.key",
                             l, r->table, alias, alias, l);

        /* a main object the client may not see is not there */

        if (auth && r->auth && r->auth == res->auth
            && r->sql.auth_where.len)
        {
            ngx_openzaak_sb_addf(&fb, " AND EXISTS (SELECT 1 FROM %s t"
                                      " WHERE t.uuid = k%ui.key",
                                 r->table, l);
            ngx_openzaak_sb_addn(&fb, r->sql.auth_where.data,
                                 r->sql.auth_where.len);
            ngx_openzaak_sb_add(&fb, ")");
        }

        ngx_openzaak_sb_addf(&ob, ", k%ui.n", l);

        if (l < d) {
            ngx_openzaak_sb_addf(&ib, " || '.' || k%ui.n", l);
        }

        ngx_sprintf(prev, "%s%Z", alias);
    }

    if (ngx_openzaak_sb_str(&fb, &from) != NGX_OK
        || ngx_openzaak_sb_str(&ob, &order) != NGX_OK
        || ngx_openzaak_sb_str(&ib, &ident) != NGX_OK)
    {
        return NULL;
    }

    st = ngx_pcalloc(pool, (1 + plan->nchildren)
                           * sizeof(ngx_openzaak_stmt_t));
    if (st == NULL) {
        return NULL;
    }

    ngx_openzaak_sb_init(&sb, pool, plan->cols.len + from.len + 256);
    ngx_openzaak_sb_addf(&sb, "SELECT %V, %V, %V || '.' || k%ui.n%V%V",
                         &plan->cols, &ident, &ident, d, &from, &order);

    if (ngx_openzaak_sql_finish(pool, &sb, nfilters, &st[0], keep)
        != NGX_OK)
    {
        return NULL;
    }

    for (k = 0; k < plan->nchildren; k++) {
        cp = plan->children[k];

        ngx_openzaak_sb_init(&sb, pool, cp->cols.len + from.len + 256);
        ngx_openzaak_sb_addf(&sb, "SELECT %V%V JOIN %s c ON c.%s = t.uuid%V,"
                                  " c.%s",
                             &cp->cols, &from, cp->child->table,
                             cp->child->parent, &order, cp->child->position);

        if (ngx_openzaak_sql_finish(pool, &sb, nfilters, &st[1 + k], keep)
            != NGX_OK)
        {
            return NULL;
        }
    }

    return st;
}


/* ---------------------------------------------------------------- render */


/*
 * Writes the rows of statement stmt (the answer's objects), each with
 * its "_expand"; without the parameter's request as render_rows().  For
 * a detail, tagged is where its "_expand" member starts: the ETag is
 * that of the object without it, as Open Zaak's.
 */

ngx_int_t
ngx_openzaak_expand_render(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_list_args_t *la,
    ngx_uint_t stmt, ngx_openzaak_sb_t *sb, size_t *tagged)
{
    ngx_uint_t                   i, j, n;
    ngx_openzaak_render_t        rd;
    ngx_openzaak_expand_req_t   *req;
    ngx_openzaak_expand_res_t   *ex;
    ngx_openzaak_expand_path_t  *ep;

    req = la->expand;

    if (req == NULL) {
        return ngx_openzaak_render_rows(ctx, ctx->resource->sql.plan, q,
                                        stmt, sb);
    }

    ex = req->ex;
    n = ex->npaths;

    req->nodes = ngx_pcalloc(ctx->request->pool,
                             (n + 1) * sizeof(ngx_openzaak_expand_node_t));
    req->rd = ngx_pcalloc(ctx->request->pool,
                          n * sizeof(ngx_openzaak_render_t));
    if (req->nodes == NULL || req->rd == NULL) {
        return NGX_ERROR;
    }

    for (i = 0; i < n; i++) {
        ep = &ex->paths[i];
        req->nodes[i].req = req;
        req->nodes[i].index = i;

        if (!(req->want & ((uint64_t) 1 << i)) || ep->target == NULL) {
            continue;
        }

        if (ngx_openzaak_render_init(ctx, &req->rd[i], ep->target->sql.plan,
                                     q, req->first[i], sb)
            != NGX_OK)
        {
            return NGX_ERROR;
        }

        req->rd[i].data = &req->nodes[i];

        /* an expanded object has an "_expand" only when a path goes on
         * from it */

        for (j = i + 1; j < n; j++) {
            if (ex->paths[j].parent == (ngx_int_t) i
                && (req->want & ((uint64_t) 1 << j)))
            {
                req->rd[i].tail = ngx_openzaak_expand_tail;
                break;
            }
        }
    }

    req->nodes[n].req = req;
    req->nodes[n].index = -1;

    if (ngx_openzaak_render_init(ctx, &rd, ctx->resource->sql.plan, q, stmt,
                                 sb)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    rd.tail = ngx_openzaak_expand_tail;
    rd.data = &req->nodes[n];

    if (ngx_openzaak_render_all(&rd) != NGX_OK) {
        return NGX_ERROR;
    }

    if (tagged) {
        *tagged = req->tagged_set ? req->tagged : sb->len;
    }

    return NGX_OK;
}


/* The "_expand" member of an object: the paths that go on from it. */

static void
ngx_openzaak_expand_tail(ngx_openzaak_render_t *rd, int row)
{
    int                          col;
    u_char                      *ident;
    size_t                       len;
    PGresult                    *res;
    ngx_uint_t                   i, n;
    ngx_openzaak_expand_req_t   *req;
    ngx_openzaak_expand_res_t   *ex;
    ngx_openzaak_expand_node_t  *node;

    node = rd->data;
    req = node->req;
    ex = req->ex;
    res = ngx_openzaak_pg_result(rd->q, rd->stmt);

    /* the answer's objects by their key, an expanded one by its place */
    col = (node->index < 0) ? 0 : (int) rd->plan->ncols + 1;

    ident = (u_char *) PQgetvalue(res, row, col);
    len = PQgetlength(res, row, col);

    if (node->index < 0 && !req->tagged_set) {
        req->tagged = rd->sb->len;
        req->tagged_set = 1;
    }

    ngx_openzaak_sb_add(rd->sb, ",\"_expand\":{");
    n = 0;

    for (i = 0; i < ex->npaths; i++) {
        if (ex->paths[i].parent != node->index
            || !(req->want & ((uint64_t) 1 << i)))
        {
            continue;
        }

        if (n++) {
            ngx_openzaak_sb_add(rd->sb, ",");
        }

        ngx_openzaak_expand_path(req, rd->sb, i, ident, len);
    }

    ngx_openzaak_sb_add(rd->sb, "}");
}


/*
 * "name": the objects of path i that belong to the object ident: null or
 * one object, or an array.  Their rows come in the order the objects are
 * rendered; a row the answer has no object for (a snapshot later than
 * the page's) is passed over.
 */

static void
ngx_openzaak_expand_path(ngx_openzaak_expand_req_t *req,
    ngx_openzaak_sb_t *sb, ngx_uint_t i, u_char *ident, size_t len)
{
    int                          col, nrows, *cur, r;
    PGresult                    *res;
    ngx_uint_t                   n;
    ngx_openzaak_render_t       *rd;
    ngx_openzaak_expand_path_t  *ep;

    ep = &req->ex->paths[i];

    ngx_openzaak_sb_addf(sb, "\"%s\":", ep->name);

    if (ep->target == NULL) {
        ngx_openzaak_sb_add(sb, ep->many ? "[]" : "null");
        return;
    }

    rd = &req->rd[i];
    res = ngx_openzaak_pg_result(rd->q, rd->stmt);
    nrows = PQntuples(res);
    col = (int) rd->plan->ncols;
    cur = &req->cursor[i];

    /* the first row of this object: usually the next one */

    for (r = *cur; r < nrows; r++) {
        if ((size_t) PQgetlength(res, r, col) == len
            && ngx_memcmp(PQgetvalue(res, r, col), ident, len) == 0)
        {
            break;
        }
    }

    if (ep->many) {
        ngx_openzaak_sb_add(sb, "[");
    }

    n = 0;

    for ( /* void */ ; r < nrows; r++) {
        if ((size_t) PQgetlength(res, r, col) != len
            || ngx_memcmp(PQgetvalue(res, r, col), ident, len) != 0)
        {
            break;
        }

        if (n && !ep->many) {
            continue;
        }

        if (n++) {
            ngx_openzaak_sb_add(sb, ",");
        }

        ngx_openzaak_render_one(rd, r);
        *cur = r + 1;
    }

    if (ep->many) {
        ngx_openzaak_sb_add(sb, "]");

    } else if (n == 0) {
        ngx_openzaak_sb_add(sb, "null");
    }
}
