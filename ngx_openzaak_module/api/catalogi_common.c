/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Catalogi API 1.3.1: the rules all types share.
 *
 * Concept versus published (ztc-009, ztc-010): the checks run in the
 * database, in the write's own transaction, with the client's forced
 * scopes as arguments (catalogi.check_* in sql/0003_catalogi.sql); only
 * scopes an autorisatie names count, as the standard's "correctie" asks
 * for an explicit scope.  Publishing (ztc-012) is an action that checks,
 * flips "concept" and checks the geldigheid against the other published
 * versions (ztc-016); the problems are answered together.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_catalogi.h"


/* ztc-014: the ZRC and DRC read the catalogi with their own scopes */
const char *const  ngx_openzaak_ztc_lezen[] = {
    "catalogi.lezen|zrc:zaken.lezen|drc:documenten.lezen", NULL
};

const char *const  ngx_openzaak_ztc_schrijven[] = {
    "catalogi.schrijven", NULL
};

const char *const  ngx_openzaak_ztc_schrijven_forced[] = {
    "catalogi.schrijven|catalogi.geforceerd-schrijven", NULL
};

const char *const  ngx_openzaak_ztc_verwijderen_forced[] = {
    "catalogi.schrijven|catalogi.geforceerd-verwijderen", NULL
};

const char *const  ngx_openzaak_ztc_status_enum[] = {
    "alles", "concept", "definitief", NULL
};


/* On a detail, datumGeldigheid picks the versions relations resolve to. */

const ngx_openzaak_filter_t  ngx_openzaak_ztc_read_filters[] = {
    { .name = "datumGeldigheid", .type = NGX_OZ_DATE,
      .flags = NGX_OZ_FILTER_DATE_REF, .sql = "",
      .description = "filter op datum geldigheid" },
    { .name = NULL }
};


const ngx_openzaak_kenmerk_t  ngx_openzaak_ztc_kenmerken[] = {
    { "catalogus", "$1 || '/catalogi/api/v1/catalogussen/' || t.catalogus" },
    { NULL, NULL }
};


const ngx_openzaak_hooks_t  ngx_openzaak_ztc_type_hooks = {
    .before = ngx_openzaak_ztc_type_before,
    .after = ngx_openzaak_ztc_type_after
};


const ngx_openzaak_hooks_t  ngx_openzaak_ztc_sub_hooks = {
    .before = ngx_openzaak_ztc_sub_before
};


/*
 * A correction (the standard's "correctie") needs the forced scope named
 * in an autorisatie of the client; heeftAlleAutorisaties is not enough,
 * unless the operator keeps Open Zaak's reading
 * (openzaak_catalogi_forced_scopes implied).
 */

static ngx_flag_t
ngx_openzaak_ztc_forced(ngx_openzaak_ctx_t *ctx, ngx_flag_t deleting)
{
    const char  *scope;

    scope = deleting ? "catalogi.geforceerd-verwijderen"
                     : "catalogi.geforceerd-schrijven";

    if (ctx->lcf->catalogi_forced_scopes == NGX_OPENZAAK_FORCED_IMPLIED) {
        return ngx_openzaak_has_scope(ctx, "ztc", scope);
    }

    return ngx_openzaak_has_named_scope(ctx, "ztc", scope);
}


/*
 * A string column of the normalised row, or NULL when absent, null or "";
 * the json object owns it for the request.
 */

static const char *
ngx_openzaak_ztc_row_str(ngx_openzaak_write_t *w, const char *column)
{
    json_object  *v;

    if (w->row == NULL || !json_object_object_get_ex(w->row, column, &v)
        || !json_object_is_type(v, json_type_string)
        || json_object_get_string_len(v) == 0)
    {
        return NULL;
    }

    return json_object_get_string(v);
}


/* A PATCH of eindeGeldigheid alone: allowed on published types. */

static ngx_flag_t
ngx_openzaak_ztc_only_einde(ngx_openzaak_write_t *w)
{
    return w->kind == NGX_OZ_OP_PATCH
           && json_object_object_length(w->input) == 1
           && (json_object_object_get_ex(w->input, "eindeGeldigheid", NULL)
               || json_object_object_get_ex(w->input, "einde_geldigheid",
                                            NULL));
}


/* ztc-009 for zaaktypen, informatieobjecttypen and besluittypen. */

ngx_int_t
ngx_openzaak_ztc_type_before(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    char        *uuid;
    ngx_pool_t  *pool;

    if (w->kind == NGX_OZ_OP_CREATE) {
        return NGX_OK;
    }

    pool = ctx->request->pool;

    uuid = (char *) ngx_openzaak_pstrdup0(pool, &w->uuid);
    if (uuid == NULL) {
        return NGX_ERROR;
    }

    if (w->kind == NGX_OZ_OP_DELETE) {
        return ngx_openzaak_sql_add(w->query, pool,
                   "SELECT catalogi.check_type_delete($1, $2::uuid,"
                   " $3::boolean)", 3,
                   ctx->resource->name, uuid,
                   ngx_openzaak_ztc_forced(ctx, 1) ? "true" : "false")
               ? NGX_OK : NGX_ERROR;
    }

    return ngx_openzaak_sql_add(w->query, pool,
               "SELECT catalogi.check_type_write($1, $2::uuid, $3::boolean,"
               " $4::boolean)", 4,
               ctx->resource->name, uuid,
               ngx_openzaak_ztc_only_einde(w) ? "true" : "false",
               ngx_openzaak_ztc_forced(ctx, 0) ? "true" : "false")
           ? NGX_OK : NGX_ERROR;
}


/* ztc-016 after a change of a published type (forced or eindeGeldigheid). */

ngx_int_t
ngx_openzaak_ztc_type_after(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    char  *uuid;

    if (w->kind == NGX_OZ_OP_CREATE || w->kind == NGX_OZ_OP_DELETE) {
        return NGX_OK;
    }

    uuid = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, &w->uuid);
    if (uuid == NULL) {
        return NGX_ERROR;
    }

    return ngx_openzaak_sql_add(w->query, ctx->request->pool,
               "SELECT catalogi.check_overlap($1, $2::uuid, $3)", 3,
               ctx->resource->name, uuid,
               ngx_openzaak_ztc_only_einde(w) ? "eindeGeldigheid"
                                              : "beginGeldigheid")
           ? NGX_OK : NGX_ERROR;
}


/*
 * ztc-010 for the types below a zaaktype: the zaaktype they belong to,
 * and the one they move to, must be concepts unless the client holds the
 * forced scope.
 */

ngx_int_t
ngx_openzaak_ztc_sub_before(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    char        *uuid;
    u_char      *p, *sql;
    size_t       len;
    ngx_pool_t  *pool;
    const char  *zt, *begin, *tpl, *forced;

    pool = ctx->request->pool;

    /* as SQL NULL the uuid would find no zaaktype to check: ztc-010 */
    uuid = (char *) ngx_openzaak_pstrdup0(pool, &w->uuid);
    if (uuid == NULL) {
        return NGX_ERROR;
    }

    zt = ngx_openzaak_ztc_row_str(w, "zaaktype");
    begin = ngx_openzaak_ztc_row_str(w, "begin_geldigheid");
    forced = ngx_openzaak_ztc_forced(ctx, w->kind == NGX_OZ_OP_DELETE)
             ? "true" : "false";

    if (w->kind == NGX_OZ_OP_CREATE && zt && begin
        && ngx_openzaak_sql_add(w->query, pool,
                                "SELECT catalogi.check_sub_begin($1::uuid,"
                                " $2::date)", 2, zt, begin)
           == NULL)
    {
        return NGX_ERROR;
    }

    tpl = (w->kind == NGX_OZ_OP_DELETE)
          ? "SELECT catalogi.check_zaaktype_concept_delete("
            "(SELECT zaaktype FROM %s WHERE uuid = $1::uuid), $2::boolean)"
          : "SELECT catalogi.check_zaaktype_concept(array_remove("
            "ARRAY[(SELECT zaaktype FROM %s WHERE uuid = $1::uuid),"
            " $3::uuid], NULL), $2::boolean)";

    len = ngx_strlen(tpl) + ngx_strlen(ctx->resource->table) + 1;

    sql = ngx_pnalloc(pool, len);
    if (sql == NULL) {
        return NGX_ERROR;
    }

    p = ngx_snprintf(sql, len - 1, tpl, ctx->resource->table);
    *p = '\0';

    return ngx_openzaak_sql_add_text(w->query, pool, (char *) sql,
                                     w->kind == NGX_OZ_OP_DELETE ? 2 : 3,
                                     uuid, forced, zt)
           ? NGX_OK : NGX_ERROR;
}


/* ztc-010 for the zaaktype-informatieobjecttype (see 0004_catalogi_checks) */

ngx_int_t
ngx_openzaak_ztc_ztiot_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w)
{
    char        *uuid;
    ngx_pool_t  *pool;

    pool = ctx->request->pool;

    /*
     * NULL for a create: no stored row yet.  Otherwise a failed copy must
     * not become that NULL, which would skip the stored row's check.
     */

    uuid = NULL;

    if (w->kind != NGX_OZ_OP_CREATE) {
        uuid = (char *) ngx_openzaak_pstrdup0(pool, &w->uuid);
        if (uuid == NULL) {
            return NGX_ERROR;
        }
    }

    return ngx_openzaak_sql_add(w->query, pool,
               "SELECT catalogi.check_ztiot_concept($1::uuid, $2::uuid,"
               " $3::text, $4::boolean, $5::boolean)", 5,
               uuid,
               ngx_openzaak_ztc_row_str(w, "zaaktype"),
               ngx_openzaak_ztc_row_str(w, "informatieobjecttype"),
               ngx_openzaak_ztc_forced(ctx, w->kind == NGX_OZ_OP_DELETE)
               ? "true" : "false",
               w->kind == NGX_OZ_OP_DELETE ? "true" : "false")
           ? NGX_OK : NGX_ERROR;
}


/*
 * POST /{type}/{uuid}/publish: checks, concept = false and the geldigheid
 * check, the notification of the change, and the published object.
 */

ngx_int_t
ngx_openzaak_ztc_publish(ngx_openzaak_ctx_t *ctx)
{
    char                     *uuid;
    ngx_int_t                 rc;
    ngx_pool_t               *pool;
    ngx_openzaak_pg_query_t  *q;

    pool = ctx->request->pool;

    q = ngx_openzaak_engine_new_query(ctx);
    uuid = (char *) ngx_openzaak_pstrdup0(pool, &ctx->uuid);

    if (q == NULL || uuid == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ngx_openzaak_sql_add_id(q, pool, ctx->resource->sql.exists_id, 1,
                                uuid)
        == NULL
        || ngx_openzaak_sql_add(q, pool,
                                "SELECT catalogi.publish($1, $2::uuid,"
                                " $3::boolean)", 3, ctx->resource->name, uuid,
                                ctx->lcf->catalogi_publish_minimums
                                ? "true" : "false")
           == NULL
        || ngx_openzaak_engine_add_problems(ctx, q) != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /* consumers hear of it as a change of the type */
    if (ngx_openzaak_notify_add(ctx, q, &ctx->uuid, "update") != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    rc = ngx_openzaak_engine_add_render(ctx, q, &ctx->uuid);
    if (rc == NGX_ERROR) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_openzaak_engine_batch(ctx, q, rc, NGX_HTTP_OK);
}
