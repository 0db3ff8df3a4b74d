/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Per-object authorisation (zrc-006, and the same for documenten and
 * besluiten): a client without heeftAlleAutorisaties sees an object only
 * when the scopes of its autorisaties for the object's type, among those
 * whose maxVertrouwelijkheidaanduiding covers the object's, satisfy the
 * operation's scope expression.
 *
 * The client's autorisaties become, per operation, a list of grants:
 * (type key, highest vertrouwelijkheidaanduiding order allowed).  The
 * grants go to PostgreSQL as two array parameters, and a condition on
 * them is part of the list's WHERE, so a list never fetches rows only to
 * drop them.  A detail or a write of an object (or of a part of one) the
 * client may not see starts its batch with a guard that raises 403, as
 * Open Zaak answers 403 (not 404) for an existing object.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


#define NGX_OZ_VA_LEVELS  8


static ngx_flag_t ngx_openzaak_objauth_satisfied(const char *const *scopes,
    const char *component, ngx_array_t **sets, ngx_uint_t nsets);
static ngx_flag_t ngx_openzaak_objauth_in(const char *scope, size_t len,
    ngx_array_t **sets, ngx_uint_t nsets);
static ngx_int_t ngx_openzaak_objauth_guard_add(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_int_t id, ngx_str_t *key,
    ngx_openzaak_grants_t *g);
static ngx_int_t ngx_openzaak_objauth_closed_init(ngx_pool_t *pool,
    ngx_openzaak_resource_t *res);
static void ngx_openzaak_objauth_literal(ngx_openzaak_sb_t *sb,
    const char *s);


/*
 * The SQL of a resource's authorisation, built at start-up: the list
 * condition (with the grant markers the statement builder numbers), the
 * guard of an object by its key and the guard of a new part by the key
 * of its main object.
 */

ngx_int_t
ngx_openzaak_objauth_init(ngx_pool_t *pool, ngx_openzaak_resource_t *res)
{
    ngx_openzaak_sb_t            sb;
    const ngx_openzaak_auth_t   *a;

    a = res->auth;

    if (a == NULL) {
        return NGX_OK;
    }

    /* the grant that names the object's type and covers its va */

    ngx_openzaak_sb_init(&sb, pool, 256);

    if (a->from == NULL) {
        ngx_openzaak_sb_addf(&sb, " AND %s = ANY(%c::uuid[]) AND EXISTS"
                                  " (SELECT 1 FROM unnest(%c::uuid[],"
                                  " %c::int2[]) g(k, v) WHERE g.k = %s",
                             a->type, NGX_OZ_P_GRANT_K, NGX_OZ_P_GRANT_K,
                             NGX_OZ_P_GRANT_V, a->type);
    } else {
        ngx_openzaak_sb_addf(&sb, " AND EXISTS (SELECT 1 FROM %s,"
                                  " unnest(%c::uuid[], %c::int2[]) g(k, v)"
                                  " WHERE %s AND g.k = %s",
                             a->from, NGX_OZ_P_GRANT_K, NGX_OZ_P_GRANT_V,
                             a->join, a->type);
    }

    if (a->va) {
        ngx_openzaak_sb_addf(&sb, " AND %s <= g.v", a->va);
    }

    ngx_openzaak_sb_add(&sb, ")");

    if (ngx_openzaak_sb_str(&sb, &res->sql.auth_where) != NGX_OK) {
        return NGX_ERROR;
    }

    /* the guard of an object: nothing when it does not exist (the read
     * that follows answers 404), 403 when it exists and is not granted */

    ngx_openzaak_sb_init(&sb, pool, 512);
    ngx_openzaak_sb_addf(&sb, "SELECT zgw.allowed(EXISTS (SELECT 1 FROM %s t"
                              " WHERE t.uuid = %c::uuid",
                         res->table, NGX_OZ_P_KEY);
    ngx_openzaak_sb_addn(&sb, res->sql.auth_where.data,
                         res->sql.auth_where.len);
    ngx_openzaak_sb_addf(&sb, ")) FROM %s t WHERE t.uuid = %c::uuid",
                         res->table, NGX_OZ_P_KEY);

    if (ngx_openzaak_sql_finish(pool, &sb, 0, &res->sql.guard, 1) != NGX_OK) {
        return NGX_ERROR;
    }

    /*
     * The guard of a new object: for a part, the main object its body
     * names, when that exists (a missing one is the field's error, found
     * later); for a main object, the normalised row of the body itself
     * (its type and, when given, its vertrouwelijkheidaanduiding).
     */

    ngx_openzaak_sb_init(&sb, pool, 512);

    if (a->from) {
        ngx_openzaak_sb_addf(&sb, "SELECT zgw.allowed(EXISTS (SELECT 1 FROM"
                                  " (SELECT %c::uuid AS %s) t WHERE TRUE",
                             NGX_OZ_P_KEY, a->parent);
        ngx_openzaak_sb_addn(&sb, res->sql.auth_where.data,
                             res->sql.auth_where.len);
        ngx_openzaak_sb_addf(&sb, ")) FROM (SELECT %c::uuid AS %s) t"
                                  " WHERE EXISTS (SELECT 1 FROM %s WHERE %s)",
                             NGX_OZ_P_KEY, a->parent, a->from, a->join);

    } else {
        ngx_openzaak_sb_addf(&sb, "SELECT zgw.allowed(EXISTS (SELECT 1 FROM"
                                  " jsonb_populate_record(NULL::%s,"
                                  " %c::jsonb) t WHERE TRUE",
                             res->table, NGX_OZ_P_KEY);
        ngx_openzaak_sb_addn(&sb, res->sql.auth_where.data,
                             res->sql.auth_where.len);
        ngx_openzaak_sb_add(&sb, "))");
    }

    if (ngx_openzaak_sql_finish(pool, &sb, 0, &res->sql.create_guard, 1)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    return ngx_openzaak_objauth_closed_init(pool, res);
}


/*
 * The guards of a write when the main object is closed: they pass when
 * it is open, or when the grants (those of auth->closed_scopes) cover
 * it.  Nothing when the object or the main object a new part names does
 * not exist: the read or the field's error answers that.
 */

static ngx_int_t
ngx_openzaak_objauth_closed_init(ngx_pool_t *pool,
    ngx_openzaak_resource_t *res)
{
    ngx_openzaak_sb_t            sb;
    const ngx_openzaak_auth_t   *a;

    a = res->auth;

    if (a->closed == NULL) {
        return NGX_OK;
    }

    /* an object, by its key */

    ngx_openzaak_sb_init(&sb, pool, 512);
    ngx_openzaak_sb_addf(&sb, "SELECT zgw.allowed(NOT (%s) OR (TRUE",
                         a->closed);
    ngx_openzaak_sb_addn(&sb, res->sql.auth_where.data,
                         res->sql.auth_where.len);
    ngx_openzaak_sb_add(&sb, "), ");
    ngx_openzaak_objauth_literal(&sb, a->closed_detail);
    ngx_openzaak_sb_addf(&sb, ") FROM %s t", res->table);

    if (a->from) {
        ngx_openzaak_sb_addf(&sb, ", %s WHERE %s AND", a->from, a->join);

    } else {
        ngx_openzaak_sb_add(&sb, " WHERE");
    }

    ngx_openzaak_sb_addf(&sb, " t.uuid = %c::uuid", NGX_OZ_P_KEY);

    if (ngx_openzaak_sql_finish(pool, &sb, 0, &res->sql.closed_guard, 1)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    /* a new part, by the key of the main object its body names; a new
     * main object is never closed */

    if (a->from == NULL) {
        return NGX_OK;
    }

    ngx_openzaak_sb_init(&sb, pool, 512);
    ngx_openzaak_sb_addf(&sb, "SELECT zgw.allowed(NOT (%s) OR (TRUE",
                         a->closed);
    ngx_openzaak_sb_addn(&sb, res->sql.auth_where.data,
                         res->sql.auth_where.len);
    ngx_openzaak_sb_add(&sb, "), ");
    ngx_openzaak_objauth_literal(&sb, a->closed_detail);
    ngx_openzaak_sb_addf(&sb, ") FROM (SELECT %c::uuid AS %s) t, %s"
                              " WHERE %s",
                         NGX_OZ_P_KEY, a->parent, a->from, a->join);

    return ngx_openzaak_sql_finish(pool, &sb, 0,
                                   &res->sql.closed_create_guard, 1);
}


/* a constant of the descriptor as an SQL string literal */

static void
ngx_openzaak_objauth_literal(ngx_openzaak_sb_t *sb, const char *s)
{
    const char  *p;

    ngx_openzaak_sb_add(sb, "'");

    for (p = s ? s : ""; *p; p++) {
        ngx_openzaak_sb_addn(sb, p, 1);

        if (*p == '\'') {
            ngx_openzaak_sb_add(sb, "'");
        }
    }

    ngx_openzaak_sb_add(sb, "'");
}


/*
 * The grants of the client for the scope expression: NGX_DECLINED when
 * nothing restricts it (heeftAlleAutorisaties, or a resource without
 * per-object authorisation), else NGX_OK with g filled in (possibly
 * empty: the client sees nothing).
 */

ngx_int_t
ngx_openzaak_objauth_grants(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_resource_t *res, const char *const *scopes,
    ngx_openzaak_grants_t *g)
{
    u_char                      *pk, *pv;
    ngx_str_t                    key;
    ngx_uint_t                   i, j, n, v, nsets, best, ntypes;
    ngx_array_t                 *sets[64];
    ngx_openzaak_client_t       *client;
    ngx_openzaak_autorisatie_t  *a;
    const ngx_openzaak_auth_t   *auth;

    ngx_memzero(g, sizeof(ngx_openzaak_grants_t));

    auth = res->auth;
    client = ctx->client;

    if (auth == NULL || client == NULL || !client->has_applicatie
        || client->heeft_alle_autorisaties)
    {
        return NGX_DECLINED;
    }

    a = client->autorisaties.elts;
    n = client->autorisaties.nelts;

    /* two arrays in PostgreSQL's text form: '{k1,k2}' and '{v1,v2}' */

    pk = ngx_pnalloc(ctx->request->pool, n * (NGX_OPENZAAK_UUID_LEN + 1) + 3);
    pv = ngx_pnalloc(ctx->request->pool, n * 2 + 3);
    if (pk == NULL || pv == NULL) {
        return NGX_ERROR;
    }

    g->keys = (char *) pk;
    g->vas = (char *) pv;
    *pk++ = '{';
    *pv++ = '{';
    ntypes = 0;

    for (i = 0; i < n; i++) {
        ngx_str_t  *type;

        type = (ngx_strcmp(auth->member, "informatieobjecttype") == 0)
               ? &a[i].informatieobjecttype
               : (ngx_strcmp(auth->member, "besluittype") == 0)
                 ? &a[i].besluittype : &a[i].zaaktype;

        if (a[i].component.len != ngx_strlen(auth->component)
            || ngx_strncmp(a[i].component.data, auth->component,
                           a[i].component.len) != 0
            || type->len == 0)
        {
            continue;
        }

        /* one grant per type: the first autorisatie naming it decides */

        for (j = 0; j < i; j++) {
            ngx_str_t  *other;

            other = (ngx_strcmp(auth->member, "informatieobjecttype") == 0)
                    ? &a[j].informatieobjecttype
                    : (ngx_strcmp(auth->member, "besluittype") == 0)
                      ? &a[j].besluittype : &a[j].zaaktype;

            if (a[j].component.len == a[i].component.len
                && ngx_strncmp(a[j].component.data, a[i].component.data,
                               a[i].component.len) == 0
                && other->len == type->len
                && ngx_strncmp(other->data, type->data, type->len) == 0)
            {
                break;
            }
        }

        if (j < i) {
            continue;
        }

        /*
         * The highest level v at which the scopes of the autorisaties for
         * this type that cover v satisfy the expression.  Fewer
         * autorisaties cover a higher level, so the levels that pass are
         * 1..best.  Without a maxVertrouwelijkheidaanduiding an
         * autorisatie covers nothing, as in Open Zaak.
         */

        best = 0;

        for (v = 1; v <= NGX_OZ_VA_LEVELS; v++) {
            nsets = 0;

            for (j = i; j < n && nsets < 64; j++) {
                ngx_str_t  *other;

                other = (ngx_strcmp(auth->member, "informatieobjecttype")
                         == 0)
                        ? &a[j].informatieobjecttype
                        : (ngx_strcmp(auth->member, "besluittype") == 0)
                          ? &a[j].besluittype : &a[j].zaaktype;

                if (a[j].component.len != a[i].component.len
                    || ngx_strncmp(a[j].component.data, a[i].component.data,
                                   a[i].component.len) != 0
                    || other->len != type->len
                    || ngx_strncmp(other->data, type->data, type->len) != 0)
                {
                    continue;
                }

                /* besluiten have no va: every autorisatie covers all */
                if (auth->va && (ngx_uint_t) a[j].max_va < v) {
                    continue;
                }

                sets[nsets++] = &a[j].scopes;
            }

            if (nsets == 0
                || !ngx_openzaak_objauth_satisfied(scopes, auth->component,
                                                   sets, nsets))
            {
                break;
            }

            best = v;
        }

        if (best == 0) {
            continue;
        }

        /* a URL of a type elsewhere names no local object */
        if (ngx_openzaak_parse_ref(ctx, auth->type_ref, type, &key)
            != NGX_OK)
        {
            continue;
        }

        if (ntypes++) {
            *pk++ = ',';
            *pv++ = ',';
        }

        pk = ngx_cpymem(pk, key.data, key.len);
        *pv++ = (u_char) ('0' + best);
    }

    *pk++ = '}';
    *pk = '\0';
    *pv++ = '}';
    *pv = '\0';

    g->ntypes = ntypes;
    g->set = 1;

    return NGX_OK;
}


/*
 * The scope expression (an AND of "a|b" groups) over the union of the
 * scope sets; a "component:" prefix naming another component never
 * matches here (the grants are of one component).
 */

static ngx_flag_t
ngx_openzaak_objauth_satisfied(const char *const *scopes,
    const char *component, ngx_array_t **sets, ngx_uint_t nsets)
{
    size_t              clen;
    ngx_flag_t          ok;
    const char         *p, *bar, *colon;
    const char *const  *group;

    if (scopes == NULL) {
        return 1;
    }

    clen = ngx_strlen(component);

    for (group = scopes; *group; group++) {
        ok = 0;

        for (p = *group; *p && !ok; p = *bar ? bar + 1 : bar) {
            bar = ngx_strchr(p, '|');
            if (bar == NULL) {
                bar = p + ngx_strlen(p);
            }

            colon = ngx_strlchr((u_char *) p, (u_char *) bar, ':')
                    ? (const char *) ngx_strlchr((u_char *) p,
                                                 (u_char *) bar, ':')
                    : NULL;

            if (colon) {
                if ((size_t) (colon - p) != clen
                    || ngx_strncmp(p, component, clen) != 0)
                {
                    continue;
                }

                p = colon + 1;
            }

            ok = ngx_openzaak_objauth_in(p, bar - p, sets, nsets);
        }

        if (!ok) {
            return 0;
        }
    }

    return 1;
}


static ngx_flag_t
ngx_openzaak_objauth_in(const char *scope, size_t len, ngx_array_t **sets,
    ngx_uint_t nsets)
{
    ngx_uint_t   i, j;
    ngx_str_t   *s;

    for (i = 0; i < nsets; i++) {
        s = sets[i]->elts;

        for (j = 0; j < sets[i]->nelts; j++) {
            if (s[j].len == len && ngx_strncmp(s[j].data, scope, len) == 0) {
                return 1;
            }
        }
    }

    return 0;
}


/*
 * Adds the guard of object key for the operation's scopes, or with
 * creating set the guard of a new object: key is then the key of the main
 * object a part names, or the normalised row of a main object as JSON.
 * Nothing for a client nothing restricts.
 */

ngx_int_t
ngx_openzaak_objauth_guard(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_str_t *key, ngx_flag_t creating,
    const char *const *scopes)
{
    ngx_int_t                 rc;
    ngx_openzaak_grants_t     g;
    ngx_openzaak_resource_t  *res;

    res = ctx->resource;

    rc = ngx_openzaak_objauth_grants(ctx, res, scopes, &g);

    if (rc == NGX_DECLINED) {
        return NGX_OK;
    }

    if (rc != NGX_OK) {
        return NGX_ERROR;
    }

    return ngx_openzaak_objauth_guard_add(ctx, q,
                                          creating ? res->sql.create_guard.id
                                                   : res->sql.guard.id,
                                          key, &g);
}


/*
 * Adds the guard of a write to an object whose main object may be
 * closed: key as for ngx_openzaak_objauth_guard().  Nothing for a client
 * nothing restricts (heeftAlleAutorisaties may do everything), nor for a
 * new main object.
 */

ngx_int_t
ngx_openzaak_objauth_closed_guard(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_str_t *key, ngx_flag_t creating)
{
    ngx_int_t                   rc;
    ngx_openzaak_grants_t       g;
    ngx_openzaak_resource_t    *res;
    const ngx_openzaak_auth_t  *a;

    res = ctx->resource;
    a = res->auth;

    if (a == NULL || a->closed == NULL || (creating && a->from == NULL)) {
        return NGX_OK;
    }

    rc = ngx_openzaak_objauth_grants(ctx, res, a->closed_scopes, &g);

    if (rc == NGX_DECLINED) {
        return NGX_OK;
    }

    if (rc != NGX_OK) {
        return NGX_ERROR;
    }

    return ngx_openzaak_objauth_guard_add(ctx, q,
                                          creating
                                          ? res->sql.closed_create_guard.id
                                          : res->sql.closed_guard.id,
                                          key, &g);
}


static ngx_int_t
ngx_openzaak_objauth_guard_add(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_int_t id, ngx_str_t *key,
    ngx_openzaak_grants_t *g)
{
    char  *k;

    k = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, key);
    if (k == NULL) {
        return NGX_ERROR;
    }

    /* parameters: the grants, then the key (ngx_openzaak_stmt_t order) */
    return ngx_openzaak_sql_add_id(q, ctx->request->pool, id, 3, g->keys,
                                   g->vas, k)
           ? NGX_OK : NGX_ERROR;
}
