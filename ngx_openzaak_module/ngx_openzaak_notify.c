/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Notifications (Notificaties API 1.0 messages) go into an outbox table,
 * written by the same transaction as the change they announce: a message
 * exists if and only if the change committed.  Delivery to a Notificaties
 * API reads the outbox later.
 */


#include <ngx_config.h>
#include <ngx_core.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_engine.h"


/*
 * INSERT INTO zgw.notificatie (kanaal, bericht) SELECT 'k',
 * json_build_object(...) FROM table t WHERE t.uuid = $2, with $1 the base
 * URL and $3 the actie.
 */

ngx_int_t
ngx_openzaak_notify_sql(ngx_pool_t *pool, ngx_openzaak_resource_t *res)
{
    ngx_openzaak_sb_t              sb, url;
    ngx_str_t                      urlexpr;
    const ngx_openzaak_kenmerk_t  *k;

    if (res->kanaal == NULL) {
        return NGX_OK;
    }

    ngx_openzaak_sb_init(&url, pool, 128);

    if (res->parent) {
        ngx_openzaak_sb_addf(&url, "($1 || '%V/%s/' || t.%s || '/%s/'"
                                   " || t.uuid)", &res->api->root,
                             res->parent->path, res->parent_column,
                             res->path);

    } else {
        ngx_openzaak_sb_addf(&url, "($1 || '%V/%s/' || t.uuid)",
                             &res->api->root, res->path);
    }
    if (ngx_openzaak_sb_str(&url, &urlexpr) != NGX_OK) {
        return NGX_ERROR;
    }

    ngx_openzaak_sb_init(&sb, pool, 1024);

    ngx_openzaak_sb_addf(&sb, "INSERT INTO zgw.notificatie (kanaal,"
                              " bericht) SELECT '%s', json_build_object("
                              "'kanaal', '%s', 'hoofdObject', %s,"
                              " 'resource', '%s', 'resourceUrl', %V,"
                              " 'actie', $3::text, 'aanmaakdatum',"
                              " zgw.dt(now()), 'kenmerken',"
                              " json_build_object(",
                         res->kanaal, res->kanaal,
                         res->hoofd_object ? res->hoofd_object
                                           : (char *) urlexpr.data,
                         res->name, &urlexpr);

    for (k = res->kenmerken; k && k->name; k++) {
        ngx_openzaak_sb_addf(&sb, "%s'%s', %s", k == res->kenmerken ? ""
                                                                    : ", ",
                             k->name, k->sql);
    }

    ngx_openzaak_sb_addf(&sb, ")) FROM %s t WHERE t.uuid = $2", res->table);

    if (ngx_openzaak_sb_str(&sb, &res->sql.notify) != NGX_OK) {
        return NGX_ERROR;
    }

    res->sql.notify_id = ngx_openzaak_pg_stmt_register(&res->sql.notify);

    return res->sql.notify_id == NGX_ERROR ? NGX_ERROR : NGX_OK;
}


ngx_int_t
ngx_openzaak_notify_add(ngx_openzaak_ctx_t *ctx, ngx_openzaak_pg_query_t *q,
    ngx_str_t *uuid, const char *actie)
{
    char                     *base, *u;
    ngx_openzaak_resource_t  *res;

    res = ctx->resource;

    if (res->kanaal == NULL
        || (res->notify_acties
            && !ngx_openzaak_word_in(res->notify_acties, actie)))
    {
        return NGX_OK;
    }

    /*
     * A NULL parameter is SQL NULL: a failed copy would write a message
     * without URLs, or none at all (t.uuid = NULL matches no row), and
     * the write would still commit.
     */

    base = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, &ctx->base);
    u = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, uuid);

    if (base == NULL || u == NULL) {
        return NGX_ERROR;
    }

    if (ngx_openzaak_sql_add_id(q, ctx->request->pool, res->sql.notify_id, 3,
                                base, u, actie)
        == NULL)
    {
        return NGX_ERROR;
    }

    return NGX_OK;
}
