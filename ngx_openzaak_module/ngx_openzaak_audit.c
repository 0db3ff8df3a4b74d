/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * The audit trail (ZGW-INVENTORY X3): every create, update, partial
 * update and delete of a resource with an "audit" descriptor adds one
 * zgw.audittrail row in the write's transaction, with the object's JSON
 * before (oud) and after (nieuw) the write as the API answers it.
 *
 * The JSON is written by the module's renderer, not by PostgreSQL, so the
 * row cannot be inserted by a statement sent with the rest of the batch:
 * the batch is sent in two parts of one transaction.  The first part
 * reads the object before the write (the same statements as a detail
 * GET), writes, and reads it again (the answer's own read); when its
 * results are in, both are rendered here and the second part, the
 * INSERT, is sent with the Sync (ngx_openzaak_pg_query_t.more).  Either
 * everything commits, the trail included, or nothing does; an audited
 * write costs one more round trip.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_pg.h"
#include "ngx_openzaak_engine.h"


static void ngx_openzaak_audit_more(ngx_openzaak_pg_query_t *q);
static ngx_int_t ngx_openzaak_audit_add(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_write_t *w);
static char *ngx_openzaak_audit_claim(ngx_openzaak_ctx_t *ctx,
    const char *name);
static char *ngx_openzaak_audit_header(ngx_openzaak_ctx_t *ctx,
    const char *name);
static ngx_int_t ngx_openzaak_audit_render(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_uint_t stmt, ngx_openzaak_sb_t *sb);


/* What the trail says of the object: resourceWeergave, the main key. */

ngx_int_t
ngx_openzaak_audit_init(ngx_pool_t *pool, ngx_openzaak_resource_t *res)
{
    ngx_openzaak_sb_t            sb;
    const ngx_openzaak_audit_t  *a;

    res->sql.audit_id = -1;
    a = res->audit;

    if (a == NULL) {
        return NGX_OK;
    }

    ngx_openzaak_sb_init(&sb, pool, 256);
    ngx_openzaak_sb_addf(&sb, "SELECT (%s)::text, (%s)::text FROM %s t"
                              " WHERE t.uuid = $1",
                         a->weergave, a->hoofd ? a->hoofd : "t.uuid",
                         res->table);

    if (ngx_openzaak_sb_str(&sb, &res->sql.audit) != NGX_OK) {
        return NGX_ERROR;
    }

    res->sql.audit_id = ngx_openzaak_pg_stmt_register(&res->sql.audit);

    return res->sql.audit_id == NGX_ERROR ? NGX_ERROR : NGX_OK;
}


/*
 * Before the write's DML: the object as it is (an update, a delete), and
 * for a delete what the trail says of it, while it exists.  A main
 * object's delete writes no trail: the trail goes with the object (Z27).
 */

ngx_int_t
ngx_openzaak_audit_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_write_t *w)
{
    char                     *uuid;
    ngx_int_t                 rc;
    ngx_openzaak_resource_t  *res;

    res = ctx->resource;

    if (res->audit == NULL || w->kind == NGX_OZ_OP_CREATE
        || (w->kind == NGX_OZ_OP_DELETE && res->audit->hoofd == NULL))
    {
        return NGX_OK;
    }

    rc = ngx_openzaak_engine_add_render(ctx, q, &w->uuid);
    if (rc == NGX_ERROR) {
        return NGX_ERROR;
    }

    w->audit_old = rc;

    if (w->kind != NGX_OZ_OP_DELETE) {
        return NGX_OK;
    }

    uuid = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, &w->uuid);
    if (uuid == NULL) {
        return NGX_ERROR;
    }

    w->audit_info = q->nstmts;

    return ngx_openzaak_sql_add_id(q, ctx->request->pool, res->sql.audit_id,
                                   1, uuid)
           ? NGX_OK : NGX_ERROR;
}


/*
 * After the read of the result (render_stmt; none for a delete): what
 * the trail says of the object as written, and the second part of the
 * batch.
 */

ngx_int_t
ngx_openzaak_audit_after(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_write_t *w,
    ngx_uint_t render_stmt)
{
    char                     *uuid;
    ngx_openzaak_resource_t  *res;

    res = ctx->resource;

    if (res->audit == NULL
        || (w->kind == NGX_OZ_OP_DELETE && res->audit->hoofd == NULL))
    {
        return NGX_OK;
    }

    q->more = ngx_openzaak_audit_more;

    if (w->kind == NGX_OZ_OP_DELETE) {
        return NGX_OK;
    }

    w->audit_new = render_stmt;

    uuid = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, &w->uuid);
    if (uuid == NULL) {
        return NGX_ERROR;
    }

    w->audit_info = q->nstmts;

    return ngx_openzaak_sql_add_id(q, ctx->request->pool, res->sql.audit_id,
                                   1, uuid)
           ? NGX_OK : NGX_ERROR;
}


/*
 * The first part's results are in: the trail's row.  When it cannot be
 * made, the transaction must not commit without it.
 */

static void
ngx_openzaak_audit_more(ngx_openzaak_pg_query_t *q)
{
    ngx_openzaak_ctx_t    *ctx;
    ngx_openzaak_write_t  *w;

    ctx = q->data;
    w = ngx_openzaak_engine_write_of(ctx);

    if (ngx_openzaak_audit_add(ctx, q, w) == NGX_OK) {
        return;
    }

    ngx_log_error(NGX_LOG_ERR, ctx->request->connection->log, 0,
                  "openzaak: the audit trail could not be written");

    (void) ngx_openzaak_sql_add(q, ctx->request->pool,
                                "SELECT zgw.abort('no audit trail')", 0);
}


static ngx_int_t
ngx_openzaak_audit_add(ngx_openzaak_ctx_t *ctx, ngx_openzaak_pg_query_t *q,
    ngx_openzaak_write_t *w)
{
    ngx_str_t                     weergave, hoofd, js, hoofd_url;
    ngx_pool_t                   *pool;
    const char                   *actie, *actie_weergave, *resultaat;
    ngx_openzaak_sb_t             sb;
    ngx_openzaak_client_t        *client;
    ngx_openzaak_resource_t      *res;
    const ngx_openzaak_audit_t   *a;

    res = ctx->resource;
    a = res->audit;
    pool = ctx->request->pool;

    if (ngx_openzaak_pg_value(q, w->audit_info, 0, 0, &weergave) != NGX_OK
        || ngx_openzaak_pg_value(q, w->audit_info, 0, 1, &hoofd) != NGX_OK)
    {
        return NGX_ERROR;
    }

    /* {"oud": ..., "nieuw": ...}, the bodies as the API answers them */

    ngx_openzaak_sb_init(&sb, pool, 4096);
    ngx_openzaak_sb_add(&sb, "{\"oud\":");

    if (w->kind == NGX_OZ_OP_CREATE) {
        ngx_openzaak_sb_add(&sb, "null");

    } else if (ngx_openzaak_audit_render(ctx, q, w->audit_old, &sb)
               != NGX_OK)
    {
        return NGX_ERROR;
    }

    ngx_openzaak_sb_add(&sb, ",\"nieuw\":");

    if (w->kind == NGX_OZ_OP_DELETE) {
        ngx_openzaak_sb_add(&sb, "null");

    } else if (ngx_openzaak_audit_render(ctx, q, w->audit_new, &sb)
               != NGX_OK)
    {
        return NGX_ERROR;
    }

    ngx_openzaak_sb_add(&sb, "}");

    if (ngx_openzaak_sb_str(&sb, &js) != NGX_OK) {
        return NGX_ERROR;
    }

    switch (w->kind) {

    case NGX_OZ_OP_CREATE:
        actie = "create";
        actie_weergave = "Object aangemaakt";
        resultaat = "201";
        break;

    case NGX_OZ_OP_UPDATE:
        actie = "update";
        actie_weergave = "Object bijgewerkt";
        resultaat = "200";
        break;

    case NGX_OZ_OP_PATCH:
        actie = "partial_update";
        actie_weergave = "Object deels bijgewerkt";
        resultaat = "200";
        break;

    default:
        actie = "destroy";
        actie_weergave = "Object verwijderd";
        resultaat = "204";
        break;
    }

    hoofd_url.len = ctx->base.len + ctx->api->root.len + 2
                    + ngx_strlen(a->hoofd_path ? a->hoofd_path : res->path)
                    + hoofd.len;
    hoofd_url.data = ngx_pnalloc(pool, hoofd_url.len + 1);
    if (hoofd_url.data == NULL) {
        return NGX_ERROR;
    }

    (void) ngx_sprintf(hoofd_url.data, "%V%V/%s/%V%Z", &ctx->base,
                       &ctx->api->root,
                       a->hoofd_path ? a->hoofd_path : res->path, &hoofd);

    client = ctx->client;

    return ngx_openzaak_sql_add(q, pool,
               "INSERT INTO zgw.audittrail (bron, applicatie_id,"
               " applicatie_weergave, gebruikers_id, gebruikers_weergave,"
               " actie, actie_weergave, resultaat, hoofd, hoofd_object,"
               " resource, resource_url, resource_weergave, toelichting,"
               " wijzigingen) VALUES ($1, $2, $3, $4, $5, $6, $7,"
               " $8::integer, $9::uuid, $10, $11, $12, $13, $14, $15::json)",
               15,
               a->bron,
               client && client->has_applicatie
               ? (char *) ngx_openzaak_pstrdup0(pool,
                                                &client->applicatie_uuid)
               : "",
               client && client->has_applicatie
               ? (char *) ngx_openzaak_pstrdup0(pool, &client->label) : "",
               ngx_openzaak_audit_claim(ctx, "user_id"),
               ngx_openzaak_audit_claim(ctx, "user_representation"),
               actie, actie_weergave, resultaat,
               (char *) ngx_openzaak_pstrdup0(pool, &hoofd),
               (char *) hoofd_url.data,
               res->name,
               (char *) w->url.data,
               (char *) ngx_openzaak_pstrdup0(pool, &weergave),
               ngx_openzaak_audit_header(ctx, "X-Audit-Toelichting"),
               (char *) js.data)
           ? NGX_OK : NGX_ERROR;
}


/* The JSON of the object read by statement stmt, as a detail GET. */

static ngx_int_t
ngx_openzaak_audit_render(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_uint_t stmt, ngx_openzaak_sb_t *sb)
{
    if (ngx_openzaak_pg_rows(q, stmt) != 1) {
        return NGX_ERROR;
    }

    if (ngx_openzaak_render_rows(ctx, ctx->resource->sql.plan, q, stmt, sb)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    return sb->failed ? NGX_ERROR : NGX_OK;
}


/*
 * A claim of the token (gebruikersId, gebruikersWeergave), "" when
 * absent.  A token the worker verified before is not parsed again
 * (ngx_openzaak_jwt_cache.c): its claims are read here, from the same
 * bytes that were verified.
 */

static char *
ngx_openzaak_audit_claim(ngx_openzaak_ctx_t *ctx, const char *name)
{
    ngx_str_t     s;
    json_object  *v;

    if (ctx->claims == NULL && ctx->token.len
        && ngx_openzaak_jwt_parse(ctx) != NGX_OPENZAAK_JWT_OK)
    {
        ctx->claims = NULL;
    }

    if (ctx->claims == NULL
        || !json_object_object_get_ex(ctx->claims, name, &v)
        || !json_object_is_type(v, json_type_string))
    {
        return "";
    }

    s.data = (u_char *) json_object_get_string(v);
    s.len = json_object_get_string_len(v);

    return (char *) ngx_openzaak_pstrdup0(ctx->request->pool, &s);
}


static char *
ngx_openzaak_audit_header(ngx_openzaak_ctx_t *ctx, const char *name)
{
    size_t            len;
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h;

    len = ngx_strlen(name);
    part = &ctx->request->headers_in.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                return "";
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].key.len == len
            && ngx_strncasecmp(h[i].key.data, (u_char *) name, len) == 0)
        {
            return (char *) ngx_openzaak_pstrdup0(ctx->request->pool,
                                                  &h[i].value);
        }
    }
}
