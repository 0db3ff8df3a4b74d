/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * The generic engine: list, read, create, update, partial update and
 * delete of any resource, driven by its descriptor.
 *
 * Each operation is one query (one round trip).  A write is a batch run
 * as one implicit transaction: the existence check, the hooks' checks,
 * the DML, child rows, the notification outbox row and the rendering of
 * the result either all commit or none does.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_pg.h"
#include "ngx_openzaak_engine.h"


static void ngx_openzaak_engine_list_done(ngx_openzaak_pg_query_t *q);
static ngx_int_t ngx_openzaak_engine_read(ngx_openzaak_ctx_t *ctx);
static void ngx_openzaak_engine_read_handler(ngx_openzaak_pg_query_t *q);
static ngx_int_t ngx_openzaak_engine_expanded_done(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_uint_t stmt);
static ngx_int_t ngx_openzaak_engine_write(ngx_openzaak_ctx_t *ctx);
static ngx_int_t ngx_openzaak_engine_delete(ngx_openzaak_ctx_t *ctx);
static void ngx_openzaak_engine_write_done(ngx_openzaak_pg_query_t *q);
static void ngx_openzaak_engine_invalid_done(ngx_openzaak_pg_query_t *q);
static ngx_int_t ngx_openzaak_engine_dml(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_engine_invalid(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_url(ngx_openzaak_ctx_t *ctx, ngx_str_t *uuid,
    ngx_str_t *url);
static void ngx_openzaak_engine_json_str(ngx_openzaak_sb_t *sb,
    ngx_str_t *s);
static ngx_int_t ngx_openzaak_engine_add_rows(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_stmt_t *rows,
    ngx_openzaak_stmt_t *stmts, ngx_str_t *key, ngx_uint_t limit,
    ngx_uint_t offset);
static void ngx_openzaak_engine_list_send(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_sb_t *sb, const char *tail);
static ngx_int_t ngx_openzaak_engine_guard(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_engine_geometries(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_engine_nested(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q);


typedef struct {
    ngx_openzaak_list_args_t         la;
    ngx_openzaak_write_t            *write;
    ngx_uint_t                       render_stmt;
    ngx_uint_t                       batch_status;
} ngx_openzaak_engine_ctx_t;


ngx_int_t
ngx_openzaak_engine_run(ngx_openzaak_ctx_t *ctx)
{
    ngx_openzaak_operation_t  *op;

    op = ctx->operation;

    ctx->engine = ngx_pcalloc(ctx->request->pool,
                              sizeof(ngx_openzaak_engine_ctx_t));
    if (ctx->engine == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if ((op->flags & NGX_OZ_OP_ALL_ONLY)
        && (ctx->client == NULL || !ctx->client->heeft_alle_autorisaties))
    {
        return ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN, NULL, NULL);
    }

    if (op->handler) {
        return op->handler(ctx);
    }

    switch (op->kind) {

    case NGX_OZ_OP_LIST:
        return ngx_openzaak_engine_list(ctx);

    case NGX_OZ_OP_READ:
        return ngx_openzaak_engine_read(ctx);

    case NGX_OZ_OP_CREATE:
    case NGX_OZ_OP_UPDATE:
    case NGX_OZ_OP_PATCH:
        return ngx_openzaak_engine_write(ctx);

    case NGX_OZ_OP_DELETE:
        return ngx_openzaak_engine_delete(ctx);

    default:
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }
}


ngx_openzaak_pg_query_t *
ngx_openzaak_engine_new_query(ngx_openzaak_ctx_t *ctx)
{
    ngx_openzaak_pg_query_t  *q;

    q = ngx_openzaak_pg_query_create(ctx->request->pool,
                                     ctx->request->connection->log);
    if (q == NULL) {
        return NULL;
    }

    q->data = ctx;
    ctx->query = q;

    return q;
}


/* Sends the query; NGX_AGAIN while it runs, or the rc of the answer. */

ngx_int_t
ngx_openzaak_engine_query(ngx_openzaak_ctx_t *ctx, ngx_openzaak_pg_query_t *q,
    ngx_openzaak_pg_handler_pt handler)
{
    ngx_int_t  rc;

    q->handler = handler;
    q->data = ctx;

    rc = ngx_openzaak_pg_run(ngx_openzaak_pg_pool_get(), q);

    if (rc == NGX_AGAIN) {
        ctx->waiting = 1;
        return NGX_AGAIN;
    }

    if (rc == NGX_DECLINED) {
        return ngx_openzaak_problem_pg(ctx, q);
    }

    return NGX_HTTP_INTERNAL_SERVER_ERROR;
}


ngx_int_t
ngx_openzaak_engine_query_failed(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q)
{
    return ngx_openzaak_problem_pg(ctx, q);
}


/* ---------------------------------------------------------------- list */


/* also the answer of a search (_zoek): its filters come from the body */

ngx_int_t
ngx_openzaak_engine_list(ngx_openzaak_ctx_t *ctx)
{
    ngx_int_t                   rc;
    ngx_str_t                  *parent;
    ngx_uint_t                  flags, offset;
    ngx_openzaak_shape_t       *sh;
    ngx_openzaak_resource_t    *res;
    ngx_openzaak_pg_query_t    *q;
    ngx_openzaak_engine_ctx_t  *ec;

    ec = ctx->engine;
    res = ctx->resource;

    /* expand's scopes are checked with the permissions, before the
     * query's other parameters */
    rc = ngx_openzaak_expand_parse(ctx, &ec->la);
    if (rc != NGX_OK) {
        return rc;
    }

    rc = ngx_openzaak_filter_parse(ctx, &ec->la);

    if (rc == NGX_ERROR) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (rc == NGX_DECLINED) {
        return ngx_openzaak_problem_invalid(ctx);
    }

    if (ec->la.page < 0) {
        return ngx_openzaak_problem(ctx, NGX_HTTP_NOT_FOUND, NULL,
                                    "Ongeldige pagina.");
    }

    /*
     * One round trip: the count, the page's rows and the rows of their
     * child tables, each a prepared statement of this shape of list.
     * The rows are limited in PostgreSQL and rendered here, so an OFFSET
     * never renders the rows it skips.
     */

    flags = 0;

    if (ctx->operation->flags & NGX_OZ_OP_PAGINATED) {
        flags = ec->la.page == 0 ? NGX_OZ_SHAPE_LAST : NGX_OZ_SHAPE_PAGE;
    }

    /* only the objects the client's autorisaties cover (zrc-006) */

    rc = ngx_openzaak_objauth_grants(ctx, res, ctx->operation->scopes,
                                     &ec->la.grants);
    if (rc == NGX_ERROR) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (rc == NGX_OK) {
        flags |= NGX_OZ_SHAPE_AUTH;
    }

    sh = ngx_openzaak_sql_shape(ctx->request->pool, res, ctx->operation,
                                &ec->la, flags);
    if (sh == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    offset = ec->la.page > 0 ? (ec->la.page - 1) * ec->la.page_size : 0;

    q = ngx_openzaak_engine_new_query(ctx);
    if (q == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /* a nested list: the children of the parent in the path, its key */

    parent = res->parent ? &ctx->parent_uuid : NULL;

    if (ngx_openzaak_engine_nested(ctx, q) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if ((flags & (NGX_OZ_SHAPE_PAGE|NGX_OZ_SHAPE_LAST))
        && ngx_openzaak_sql_run(ctx, q, &sh->count, &ec->la, parent, 0, 0)
           != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    rc = ngx_openzaak_engine_add_rows(ctx, q, &sh->page, sh->children,
                                      parent, ec->la.page_size, offset);
    if (rc == NGX_ERROR) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ec->render_stmt = rc;

    if (ngx_openzaak_expand_add(ctx, q, &ec->la, sh, NULL) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_openzaak_engine_query(ctx, q, ngx_openzaak_engine_list_done);
}


static void
ngx_openzaak_engine_list_done(ngx_openzaak_pg_query_t *q)
{
    ngx_int_t                   rc, count, pages, page;
    ngx_str_t                   countstr, next, prev;
    ngx_openzaak_sb_t           sb;
    ngx_openzaak_ctx_t         *ctx;
    ngx_openzaak_engine_ctx_t  *ec;

    ctx = q->data;
    ec = ctx->engine;

    if (q->rc != NGX_OPENZAAK_PG_OK) {
        ngx_openzaak_finish(ctx, ngx_openzaak_problem_pg(ctx, q));
        return;
    }

    ngx_openzaak_sb_init(&sb, ctx->request->pool, 4096);

    if (!(ctx->operation->flags & NGX_OZ_OP_PAGINATED)) {
        ngx_openzaak_sb_add(&sb, "[");
        ngx_openzaak_engine_list_send(ctx, q, &sb, "]");
        return;
    }

    /* the count is the statement before the page's rows */
    (void) ngx_openzaak_pg_value(q, ec->render_stmt - 1, 0, 0, &countstr);

    count = ngx_atoi(countstr.data, countstr.len);
    if (count == NGX_ERROR) {
        count = 0;
    }

    pages = count ? (count + ec->la.page_size - 1) / ec->la.page_size : 1;
    page = ec->la.page ? ec->la.page : pages;

    if (page > pages) {
        rc = ngx_openzaak_problem(ctx, NGX_HTTP_NOT_FOUND, NULL,
                                  "Ongeldige pagina.");
        ngx_openzaak_finish(ctx, rc);
        return;
    }

    if (page < pages
        && ngx_openzaak_page_url(ctx, &ec->la, page + 1, &next) != NGX_OK)
    {
        ngx_openzaak_finish(ctx, NGX_HTTP_INTERNAL_SERVER_ERROR);
        return;
    }

    if (page > 1
        && ngx_openzaak_page_url(ctx, &ec->la, page - 1, &prev) != NGX_OK)
    {
        ngx_openzaak_finish(ctx, NGX_HTTP_INTERNAL_SERVER_ERROR);
        return;
    }

    ngx_openzaak_sb_addf(&sb, "{\"count\":%i,\"next\":", count);

    if (page < pages) {
        ngx_openzaak_engine_json_str(&sb, &next);

    } else {
        ngx_openzaak_sb_add(&sb, "null");
    }

    ngx_openzaak_sb_add(&sb, ",\"previous\":");

    if (page > 1) {
        ngx_openzaak_engine_json_str(&sb, &prev);

    } else {
        ngx_openzaak_sb_add(&sb, "null");
    }

    ngx_openzaak_sb_add(&sb, ",\"results\":[");
    ngx_openzaak_engine_list_send(ctx, q, &sb, "]}");
}


/* Answers with the rows of a list page between what sb holds and tail. */

static void
ngx_openzaak_engine_list_send(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_sb_t *sb, const char *tail)
{
    ngx_str_t                   body;
    ngx_openzaak_engine_ctx_t  *ec;

    ec = ctx->engine;

    if (ngx_openzaak_expand_render(ctx, q, &ec->la, ec->render_stmt, sb,
                                   NULL)
        != NGX_OK)
    {
        ngx_openzaak_finish(ctx, NGX_HTTP_INTERNAL_SERVER_ERROR);
        return;
    }

    ngx_openzaak_sb_add(sb, tail);

    if (ngx_openzaak_sb_str(sb, &body) != NGX_OK) {
        ngx_openzaak_finish(ctx, NGX_HTTP_INTERNAL_SERVER_ERROR);
        return;
    }

    ngx_openzaak_finish(ctx, ngx_openzaak_send_json(ctx, NGX_HTTP_OK, &body,
                                                    0));
}


static void
ngx_openzaak_engine_json_str(ngx_openzaak_sb_t *sb, ngx_str_t *s)
{
    u_char  *p, *q;

    p = ngx_pnalloc(sb->pool, ngx_openzaak_json_escape_len(s->data, s->len)
                              + 2);
    if (p == NULL) {
        sb->failed = 1;
        return;
    }

    q = p;
    *q++ = '"';
    q = ngx_openzaak_json_escape(q, s->data, s->len);
    *q++ = '"';

    ngx_openzaak_sb_addn(sb, p, q - p);
}


/* ---------------------------------------------------------------- read */


static ngx_int_t
ngx_openzaak_engine_read(ngx_openzaak_ctx_t *ctx)
{
    ngx_int_t                   rc;
    ngx_openzaak_pg_query_t    *q;
    ngx_openzaak_engine_ctx_t  *ec;

    ec = ctx->engine;

    rc = ngx_openzaak_expand_parse(ctx, &ec->la);
    if (rc != NGX_OK) {
        return rc;
    }

    /* the parameters of a detail only set the reference date */
    rc = ngx_openzaak_filter_parse(ctx, &ec->la);

    if (rc == NGX_ERROR) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (rc == NGX_DECLINED) {
        return ngx_openzaak_problem_invalid(ctx);
    }

    q = ngx_openzaak_engine_new_query(ctx);
    if (q == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ngx_openzaak_engine_nested(ctx, q) != NGX_OK
        || ngx_openzaak_objauth_guard(ctx, q, &ctx->uuid, 0,
                                      ctx->operation->scopes)
           != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ec->render_stmt = q->nstmts;

    if (ngx_openzaak_engine_add_render(ctx, q, &ctx->uuid) == NGX_ERROR
        || ngx_openzaak_expand_add(ctx, q, &ec->la, NULL, &ctx->uuid)
           != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_openzaak_engine_query(ctx, q, ngx_openzaak_engine_read_handler);
}


/*
 * Adds the statements that read object uuid (its row, then the rows of
 * its child tables); returns the index of the first.  The reference date
 * is the request's (datumGeldigheid) if it has one.
 */

ngx_int_t
ngx_openzaak_engine_add_render(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_str_t *uuid)
{
    ngx_openzaak_resource_t  *res;

    res = ctx->resource;

    return ngx_openzaak_engine_add_rows(ctx, q, &res->sql.read,
                                        res->sql.child_read, uuid, 0, 0);
}


/*
 * Adds a statement of the resource's rows and those of its child tables
 * (stmts, one per child table), all with the same parameters; returns the
 * index of the first, which ngx_openzaak_render_rows() starts from.
 */

static ngx_int_t
ngx_openzaak_engine_add_rows(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_stmt_t *rows,
    ngx_openzaak_stmt_t *stmts, ngx_str_t *key, ngx_uint_t limit,
    ngx_uint_t offset)
{
    ngx_uint_t                  n, i;
    ngx_openzaak_engine_ctx_t  *ec;

    ec = ctx->engine;
    n = q->nstmts;

    if (ngx_openzaak_sql_run(ctx, q, rows, &ec->la, key, limit, offset)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    for (i = 0; i < ctx->resource->sql.plan->nchildren; i++) {
        if (ngx_openzaak_sql_run(ctx, q, &stmts[i], &ec->la, key, limit,
                                 offset)
            != NGX_OK)
        {
            return NGX_ERROR;
        }
    }

    return n;
}


static void
ngx_openzaak_engine_read_handler(ngx_openzaak_pg_query_t *q)
{
    ngx_openzaak_ctx_t         *ctx;
    ngx_openzaak_engine_ctx_t  *ec;

    ctx = q->data;
    ec = ctx->engine;

    if (ec->la.expand) {
        ngx_openzaak_finish(ctx, ngx_openzaak_engine_expanded_done(ctx, q,
                                                           ec->render_stmt));
        return;
    }

    ngx_openzaak_finish(ctx, ngx_openzaak_engine_read_done(ctx, q,
                                                           ec->render_stmt));
}


/*
 * A detail with its "_expand" (ngx_openzaak_expand.c); its ETag is that
 * of the object without it, as a GET without expand answers.
 */

static ngx_int_t
ngx_openzaak_engine_expanded_done(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_uint_t stmt)
{
    u_char                     *p;
    size_t                      tagged;
    ngx_str_t                   body, plain;
    ngx_openzaak_sb_t           sb;
    ngx_openzaak_engine_ctx_t  *ec;

    ec = ctx->engine;

    if (q->rc != NGX_OPENZAAK_PG_OK) {
        return ngx_openzaak_problem_pg(ctx, q);
    }

    if (ngx_openzaak_pg_rows(q, stmt) == 0) {
        return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_FOUND);
    }

    ngx_openzaak_sb_init(&sb, ctx->request->pool, 4096);

    if (ngx_openzaak_expand_render(ctx, q, &ec->la, stmt, &sb, &tagged)
        != NGX_OK
        || ngx_openzaak_sb_str(&sb, &body) != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    plain.data = ngx_pnalloc(ctx->request->pool, tagged + 1);
    if (plain.data == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    p = ngx_cpymem(plain.data, body.data, tagged);
    *p++ = '}';
    plain.len = p - plain.data;

    return ngx_openzaak_send_json_etag(ctx, NGX_HTTP_OK, &body,
                                       (ctx->operation->flags & NGX_OZ_OP_ETAG)
                                       ? &plain : NULL);
}


/* Answers with the object read by statement stmt, or 404. */

ngx_int_t
ngx_openzaak_engine_read_done(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_uint_t stmt)
{
    ngx_str_t  body;

    if (q->rc != NGX_OPENZAAK_PG_OK) {
        return ngx_openzaak_problem_pg(ctx, q);
    }

    if (ngx_openzaak_engine_object(ctx, q, stmt, &body) != NGX_OK) {
        return ngx_openzaak_problem_status(ctx, NGX_HTTP_NOT_FOUND);
    }

    return ngx_openzaak_send_json(ctx, NGX_HTTP_OK, &body,
                                    (ctx->operation->flags & NGX_OZ_OP_ETAG)
                                    != 0);
}


/*
 * The JSON of the object read by statement stmt: NGX_DECLINED when there
 * is no such row, NGX_ERROR when it cannot be written.
 */

ngx_int_t
ngx_openzaak_engine_object(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_uint_t stmt, ngx_str_t *body)
{
    ngx_openzaak_sb_t  sb;

    if (ngx_openzaak_pg_rows(q, stmt) == 0) {
        return NGX_DECLINED;
    }

    ngx_openzaak_sb_init(&sb, ctx->request->pool, 2048);

    if (ngx_openzaak_render_rows(ctx, ctx->resource->sql.plan, q, stmt, &sb)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    return ngx_openzaak_sb_str(&sb, body);
}


/* ---------------------------------------------------------------- writes */


/*
 * The body as JSON: 415 for another media type, 400 parse_error for bad
 * JSON, 400 for a body over the location's limits (refused before a tree
 * is built for the rest of it).  An empty body is an empty object, as
 * with DRF; the document "null" is *body == NULL.
 */

ngx_int_t
ngx_openzaak_engine_body(ngx_openzaak_ctx_t *ctx, json_object **body)
{
    u_char                     *p, *end;
    ngx_int_t                   rc;
    ngx_str_t                   type, name;
    ngx_http_request_t         *r;
    ngx_openzaak_json_error_t   err;
    u_char                      detail[512];

    r = ctx->request;

    if (ngx_openzaak_json_body_size(r) > 0) {
        ngx_str_set(&type, "");

        if (r->headers_in.content_type) {
            type = r->headers_in.content_type->value;
        }

        end = type.data + type.len;
        p = ngx_strlchr(type.data, end, ';');
        if (p) {
            end = p;
        }

        while (end > type.data && end[-1] == ' ') {
            end--;
        }

        if ((size_t) (end - type.data) != sizeof("application/json") - 1
            || ngx_strncasecmp(type.data, (u_char *) "application/json",
                               end - type.data) != 0)
        {
            /* echoed as sent: the problem document makes it valid UTF-8 */
            p = ngx_snprintf(detail, sizeof(detail) - 1,
                             "Ongeldige media type \"%V\" in aanvraag.",
                             &type);
            *p = '\0';

            return ngx_openzaak_problem(ctx, NGX_HTTP_UNSUPPORTED_MEDIA_TYPE,
                                        NULL, (char *) detail);
        }
    }

    rc = ngx_openzaak_json_parse_body(r, &ctx->lcf->json_limits, body, &err);

    if (rc == NGX_OK) {
        return NGX_OK;
    }

    switch (err.rc) {

    case NGX_OPENZAAK_JSON_SYNTAX:
        p = ngx_snprintf(detail, sizeof(detail) - 1,
                         "JSON parse error - %V", &err.message);
        *p = '\0';

        return ngx_openzaak_problem(ctx, NGX_HTTP_BAD_REQUEST, "parse_error",
                                    (char *) detail);

    case NGX_OPENZAAK_JSON_VALUES:
        ngx_str_set(&name, "nonFieldErrors");

        return ngx_openzaak_invalidf(ctx, &name, "too-many-values",
                                     "Het verzoek bevat meer dan %ui "
                                     "JSON-waarden.", err.limit) == NGX_OK
               ? ngx_openzaak_problem_invalid(ctx)
               : NGX_HTTP_INTERNAL_SERVER_ERROR;

    case NGX_OPENZAAK_JSON_ITEMS:
        /* DRF's ListField max_length */
        return ngx_openzaak_invalidf(ctx, &err.path, "max_length",
                                     "Zorg ervoor dat dit veld niet meer dan"
                                     " %ui elementen bevat.", err.limit)
               == NGX_OK
               ? ngx_openzaak_problem_invalid(ctx)
               : NGX_HTTP_INTERNAL_SERVER_ERROR;

    default:
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "openzaak: the request body could not be read");
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }
}


static ngx_int_t
ngx_openzaak_engine_write(ngx_openzaak_ctx_t *ctx)
{
    u_char                     *uuid;
    ngx_int_t                   rc;
    ngx_uint_t                  n;
    json_object                *body;
    ngx_openzaak_write_t       *w;
    ngx_openzaak_resource_t    *res;
    ngx_openzaak_engine_ctx_t  *ec;

    ec = ctx->engine;
    res = ctx->resource;

    rc = ngx_openzaak_engine_body(ctx, &body);
    if (rc != NGX_OK) {
        return rc;
    }

    w = ngx_pcalloc(ctx->request->pool, sizeof(ngx_openzaak_write_t));
    if (w == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ec->write = w;
    w->kind = ctx->operation->kind;
    w->input = body;
    ctx->body = body;

    if (w->kind == NGX_OZ_OP_CREATE) {
        uuid = ngx_pnalloc(ctx->request->pool, NGX_OPENZAAK_UUID_LEN);
        if (uuid == NULL || ngx_openzaak_uuid4(uuid) != NGX_OK) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        w->uuid.data = uuid;
        w->uuid.len = NGX_OPENZAAK_UUID_LEN;

    } else {
        w->uuid = ctx->uuid;
    }

    if (ngx_openzaak_url(ctx, &w->uuid, &w->url) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    rc = ngx_openzaak_validate_body(ctx, w);

    if (rc == NGX_ERROR) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (!json_object_is_type(body, json_type_object)) {
        /* one error and nothing else, as DRF answers a body that is no
         * mapping: the hooks expect an object */
        return ngx_openzaak_engine_invalid(ctx, w);
    }

    /* the hook also runs after field errors: it judges the valid parts,
     * as DRF validates every item of a nested list on its own */

    if (res->hooks && res->hooks->validate) {
        n = ctx->errors ? ctx->errors->nelts : 0;

        rc = res->hooks->validate(ctx, w);

        if (rc == NGX_ERROR) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        if (rc == NGX_DONE || rc > NGX_OK) {
            /* the hook answered itself */
            return rc;
        }

        if (res->hooks->rules && ctx->errors) {
            w->rules = ctx->errors->nelts - n;
        }
    }

    if (w->kind == NGX_OZ_OP_CREATE) {
        json_object_object_add(w->row, "uuid",
            json_object_new_string_len((char *) w->uuid.data, w->uuid.len));

        if (res->parent) {
            /* a nested object belongs to the parent in the path, as in
             * Open Zaak, whatever the body names */
            json_object_object_add(w->row, res->parent_column,
                json_object_new_string_len((char *) ctx->parent_uuid.data,
                                           ctx->parent_uuid.len));
        }
    }

    /* references to other APIs are fields too: their errors come with
     * the other field errors, so they are fetched also after those */

    if (res->hooks && res->hooks->fetch) {
        rc = res->hooks->fetch(ctx, w);

        if (rc != NGX_OK) {
            return rc;
        }
    }

    return ngx_openzaak_engine_write_continue(ctx);
}


/*
 * Resumes a write whose hook fetched something: field errors are the
 * answer; rules alone go on into the batch (see hooks->rules).
 */

ngx_int_t
ngx_openzaak_engine_write_continue(ngx_openzaak_ctx_t *ctx)
{
    ngx_openzaak_write_t       *w;
    ngx_openzaak_engine_ctx_t  *ec;

    ec = ctx->engine;
    w = ec->write;

    if (ctx->errors && ctx->errors->nelts > w->rules) {
        return ngx_openzaak_engine_invalid(ctx, w);
    }

    return ngx_openzaak_engine_dml(ctx, w);
}


ngx_openzaak_write_t *
ngx_openzaak_engine_write_of(ngx_openzaak_ctx_t *ctx)
{
    ngx_openzaak_engine_ctx_t  *ec;

    ec = ctx->engine;

    return ec->write;
}


/*
 * A body that does not validate.  For an update of an object that does
 * not exist the answer is 404 first, as in Open Zaak, which looks the
 * object up before it reads the body.
 */

static ngx_int_t
ngx_openzaak_engine_invalid(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    char                     *uuid;
    ngx_openzaak_pg_query_t  *q;

    if (w->kind == NGX_OZ_OP_CREATE) {
        return ngx_openzaak_problem_invalid(ctx);
    }

    q = ngx_openzaak_engine_new_query(ctx);
    uuid = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, &w->uuid);

    if (q == NULL || uuid == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /* and 403 before 400 for an object the client may not write, as
     * Open Zaak checks the object's permissions before the body */

    if (ngx_openzaak_sql_add_id(q, ctx->request->pool,
                                ctx->resource->sql.exists_id, 1, uuid)
        == NULL
        || ngx_openzaak_engine_guard(ctx, q, w) != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_openzaak_engine_query(ctx, q,
                                     ngx_openzaak_engine_invalid_done);
}


static void
ngx_openzaak_engine_invalid_done(ngx_openzaak_pg_query_t *q)
{
    ngx_openzaak_ctx_t  *ctx;

    ctx = q->data;

    if (q->rc == NGX_OPENZAAK_PG_OK) {
        ngx_openzaak_finish(ctx, ngx_openzaak_problem_invalid(ctx));
        return;
    }

    /* ZG404 when the object is gone; other failures as they are */
    ctx->errors = NULL;
    ngx_openzaak_finish(ctx, ngx_openzaak_problem_pg(ctx, q));
}


/*
 * The write batch: [exists] [hook checks] DML [child rows] [hook
 * statements] [notification] render.
 */

static ngx_int_t
ngx_openzaak_engine_dml(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    char                       *uuid, *rowjson;
    ngx_int_t                   rc;
    ngx_str_t                   sql, js, rjs;
    ngx_uint_t                  n;
    ngx_pool_t                 *pool;
    const char                 *actie;
    ngx_openzaak_sb_t           sb, cols, rcols;
    ngx_openzaak_pg_query_t    *q;
    ngx_openzaak_resource_t    *res;
    ngx_openzaak_engine_ctx_t  *ec;
    const ngx_openzaak_field_t *f;

    ec = ctx->engine;
    res = ctx->resource;
    pool = ctx->request->pool;

    q = ngx_openzaak_engine_new_query(ctx);
    if (q == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    w->query = q;

    uuid = (char *) ngx_openzaak_pstrdup0(pool, &w->uuid);

    if (uuid == NULL
        || ngx_openzaak_json_to_str(pool, w->row, &js) != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    rowjson = (char *) js.data;

    if (ngx_openzaak_engine_nested(ctx, q) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (w->kind != NGX_OZ_OP_CREATE) {
        if (ngx_openzaak_sql_add_id(q, pool, res->sql.exists_id, 1, uuid)
            == NULL)
        {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
    }

    if (ngx_openzaak_engine_guard(ctx, q, w) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (w->kind != NGX_OZ_OP_CREATE && res->sql.immutable_id >= 0
        && ngx_openzaak_sql_add_id(q, pool, res->sql.immutable_id, 2, uuid,
                                   rowjson)
           == NULL)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /* rules found in C wait for those the database finds */

    if (w->rules) {
        if (ngx_openzaak_errors_json(ctx, &js) != NGX_OK
            || ngx_openzaak_sql_add(q, pool,
                                    "SELECT zgw.problems_add($1::jsonb)", 1,
                                    (char *) js.data)
               == NULL)
        {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        ctx->errors = NULL;
    }

    if (res->hooks && res->hooks->before
        && res->hooks->before(ctx, w) != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ngx_openzaak_engine_geometries(ctx, w) != NGX_OK
        || ngx_openzaak_audit_before(ctx, q, w) != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /* the columns present in the normalised row, in descriptor order */

    ngx_openzaak_sb_init(&cols, pool, 256);
    ngx_openzaak_sb_init(&rcols, pool, 256);
    n = 0;

    if (json_object_object_get_ex(w->row, "uuid", NULL)) {
        ngx_openzaak_sb_add(&cols, "uuid");
        ngx_openzaak_sb_add(&rcols, "r.uuid");
        n++;
    }

    {
        struct json_object_iterator  it, end;

        it = json_object_iter_begin(w->row);
        end = json_object_iter_end(w->row);

        for ( ; !json_object_iter_equal(&it, &end);
              json_object_iter_next(&it))
        {
            const char  *key = json_object_iter_peek_name(&it);

            if (ngx_strcmp(key, "uuid") == 0) {
                continue;
            }

            ngx_openzaak_sb_addf(&rcols, "%sr.%s", n ? ", " : "", key);
            ngx_openzaak_sb_addf(&cols, "%s%s", n++ ? ", " : "", key);
        }
    }

    if (n) {
        if (ngx_openzaak_sb_str(&cols, &js) != NGX_OK
            || ngx_openzaak_sb_str(&rcols, &rjs) != NGX_OK)
        {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        ngx_openzaak_sb_init(&sb, pool, 2 * js.len + 256);

        if (w->kind == NGX_OZ_OP_CREATE) {
            ngx_openzaak_sb_addf(&sb, "INSERT INTO %s (%V) SELECT %V FROM"
                                      " jsonb_populate_record(NULL::%s,"
                                      " $1::jsonb) r",
                                 res->table, &js, &rjs, res->table);
        } else {
            /* columns not in the row keep their value: the record is
             * populated on top of the stored one */
            ngx_openzaak_sb_addf(&sb, "UPDATE %s t SET (%V) = (SELECT %V"
                                      " FROM jsonb_populate_record(t,"
                                      " $1::jsonb) r) WHERE t.uuid = $2",
                                 res->table, &js, &rjs);
        }

        if (ngx_openzaak_sb_str(&sb, &sql) != NGX_OK) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        if (w->kind == NGX_OZ_OP_CREATE) {
            if (ngx_openzaak_sql_add_text(q, pool, (char *) sql.data, 1,
                                          rowjson)
                == NULL)
            {
                return NGX_HTTP_INTERNAL_SERVER_ERROR;
            }

        } else if (ngx_openzaak_sql_add_text(q, pool, (char *) sql.data, 2,
                                             rowjson, uuid)
                   == NULL)
        {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
    }

    /* child tables: replaced as a whole when the field is given */

    for (f = res->fields; f->name; f++) {
        json_object  *rows;

        if (f->type != NGX_OZ_ARRAY || f->child == NULL
            || !json_object_object_get_ex(w->children, f->name, &rows))
        {
            continue;
        }

        if (w->kind != NGX_OZ_OP_CREATE) {
            ngx_openzaak_sb_init(&sb, pool, 128);
            ngx_openzaak_sb_addf(&sb, "DELETE FROM %s WHERE %s = $1",
                                 f->child->table, f->child->parent);

            if (ngx_openzaak_sb_str(&sb, &sql) != NGX_OK
                || ngx_openzaak_sql_add_text(q, pool, (char *) sql.data, 1,
                                             uuid)
                   == NULL)
            {
                return NGX_HTTP_INTERNAL_SERVER_ERROR;
            }
        }

        if (json_object_array_length(rows) == 0) {
            continue;
        }

        ngx_openzaak_sb_init(&sb, pool, 128);
        ngx_openzaak_sb_addf(&sb, "INSERT INTO %s SELECT * FROM"
                                  " jsonb_populate_recordset(NULL::%s,"
                                  " $1::jsonb)",
                             f->child->table, f->child->table);

        if (ngx_openzaak_sb_str(&sb, &sql) != NGX_OK
            || ngx_openzaak_json_to_str(pool, rows, &js) != NGX_OK
            || ngx_openzaak_sql_add_text(q, pool, (char *) sql.data, 1,
                                         (char *) js.data)
               == NULL)
        {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
    }

    if (res->hooks && res->hooks->after
        && res->hooks->after(ctx, w) != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ngx_openzaak_engine_add_problems(ctx, q) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    actie = (w->kind == NGX_OZ_OP_CREATE) ? "create"
            : (w->kind == NGX_OZ_OP_UPDATE) ? "update" : "partial_update";

    if (ngx_openzaak_notify_add(ctx, q, &w->uuid, actie) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    rc = ngx_openzaak_engine_add_render(ctx, q, &w->uuid);
    if (rc == NGX_ERROR) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ec->render_stmt = rc;

    if (ngx_openzaak_audit_after(ctx, q, w, rc) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_openzaak_engine_query(ctx, q, ngx_openzaak_engine_write_done);
}


/*
 * The GeoJSON of a geometry field is checked for its structure only
 * (ngx_openzaak_valid_geojson); what PostGIS cannot build from it (a ring
 * of three points, ...) would fail the row's write.  Checked before it,
 * such a geometry is a 400 "invalid" on the field.
 */

static ngx_int_t
ngx_openzaak_engine_geometries(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w)
{
    ngx_str_t                    js;
    json_object                 *g;
    const ngx_openzaak_field_t  *f;

    for (f = ctx->resource->fields; f->name; f++) {

        if (f->type != NGX_OZ_GEOMETRY || f->column == NULL
            || !json_object_object_get_ex(w->row, f->column, &g)
            || g == NULL)
        {
            continue;
        }

        if (ngx_openzaak_json_to_str(ctx->request->pool, g, &js) != NGX_OK
            || ngx_openzaak_sql_add(w->query, ctx->request->pool,
                   "SELECT zgw.check_geometry($1, $2, $3)", 3,
                   (char *) js.data, f->name, NGX_OPENZAAK_MSG_GEOMETRY)
               == NULL)
        {
            return NGX_ERROR;
        }
    }

    return NGX_OK;
}


/*
 * The last check of a write's batch: every problem the statements before
 * it recorded (zgw.problem) is answered in one 400, as DRF answers all of
 * a serializer's validators at once.  Actions that write call it too.
 */

ngx_int_t
ngx_openzaak_engine_add_problems(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q)
{
    return ngx_openzaak_sql_add(q, ctx->request->pool,
                                "SELECT zgw.problems_raise()", 0)
           ? NGX_OK : NGX_ERROR;
}


static ngx_int_t
ngx_openzaak_engine_delete(ngx_openzaak_ctx_t *ctx)
{
    char                       *uuid;
    ngx_int_t                   rc;
    ngx_pool_t                 *pool;
    ngx_openzaak_write_t       *w;
    ngx_openzaak_pg_query_t    *q;
    ngx_openzaak_resource_t    *res;
    ngx_openzaak_engine_ctx_t  *ec;

    ec = ctx->engine;
    res = ctx->resource;
    pool = ctx->request->pool;

    w = ngx_pcalloc(pool, sizeof(ngx_openzaak_write_t));
    if (w == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ec->write = w;
    w->kind = NGX_OZ_OP_DELETE;
    w->uuid = ctx->uuid;

    if (ngx_openzaak_url(ctx, &w->uuid, &w->url) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    q = ngx_openzaak_engine_new_query(ctx);
    uuid = (char *) ngx_openzaak_pstrdup0(pool, &w->uuid);

    if (q == NULL || uuid == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    w->query = q;

    if (ngx_openzaak_engine_nested(ctx, q) != NGX_OK
        || ngx_openzaak_sql_add_id(q, pool, res->sql.exists_id, 1, uuid)
           == NULL
        || ngx_openzaak_engine_guard(ctx, q, w) != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (res->hooks && res->hooks->before
        && res->hooks->before(ctx, w) != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /* the message reads the row, so it goes before the row does */

    rc = ngx_openzaak_notify_add(ctx, q, &w->uuid, "destroy");
    if (rc != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ngx_openzaak_audit_before(ctx, q, w) != NGX_OK
        || ngx_openzaak_sql_add_id(q, pool, res->sql.remove_id, 1, uuid)
           == NULL)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (res->hooks && res->hooks->after
        && res->hooks->after(ctx, w) != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ngx_openzaak_audit_after(ctx, q, w, 0) != NGX_OK) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /* a delete answers without a body */
    ec->render_stmt = NGX_OPENZAAK_PG_NO_STMT;

    return ngx_openzaak_engine_query(ctx, q, ngx_openzaak_engine_write_done);
}


static void
ngx_openzaak_engine_write_done(ngx_openzaak_pg_query_t *q)
{
    ngx_int_t                   rc;
    ngx_str_t                   body;
    ngx_openzaak_ctx_t         *ctx;
    ngx_openzaak_engine_ctx_t  *ec;

    ctx = q->data;
    ec = ctx->engine;

    if (q->rc != NGX_OPENZAAK_PG_OK) {
        ngx_openzaak_finish(ctx, ngx_openzaak_problem_pg(ctx, q));
        return;
    }

    if (ctx->resource->flags & NGX_OZ_RES_AUTH_DATA) {
        /* committed: every worker must re-read authorisations */
        ngx_openzaak_auth_changed();
        ngx_openzaak_auth_flush();
    }

    if (ec->write->kind == NGX_OZ_OP_DELETE) {
        ngx_openzaak_finish(ctx, ngx_openzaak_send(ctx, NGX_HTTP_NO_CONTENT,
                                                   NULL, NULL));
        return;
    }

    rc = ngx_openzaak_engine_object(ctx, q, ec->render_stmt, &body);

    if (rc != NGX_OK) {
        ngx_openzaak_finish(ctx, rc == NGX_DECLINED
                                 ? ngx_openzaak_problem_status(ctx,
                                                        NGX_HTTP_NOT_FOUND)
                                 : NGX_HTTP_INTERNAL_SERVER_ERROR);
        return;
    }

    if (ec->write->kind == NGX_OZ_OP_CREATE) {
        if (ngx_openzaak_set_header(ctx->request, "Location", &ec->write->url)
            != NGX_OK)
        {
            ngx_openzaak_finish(ctx, NGX_HTTP_INTERNAL_SERVER_ERROR);
            return;
        }

        rc = ngx_openzaak_send_json(ctx, NGX_HTTP_CREATED, &body, 0);

    } else {
        rc = ngx_openzaak_send_json(ctx, NGX_HTTP_OK, &body, 0);
    }

    ngx_openzaak_finish(ctx, rc);
}


static ngx_int_t
ngx_openzaak_url(ngx_openzaak_ctx_t *ctx, ngx_str_t *uuid, ngx_str_t *url)
{
    u_char  *p;

    ngx_openzaak_resource_t  *res;

    res = ctx->resource;

    url->len = ctx->base.len + ctx->api->root.len + 1 + res->path_len + 1
               + uuid->len;

    if (res->parent) {
        url->len += res->parent->path_len + ctx->parent_uuid.len + 2;
    }

    url->data = ngx_pnalloc(ctx->request->pool, url->len + 1);
    if (url->data == NULL) {
        return NGX_ERROR;
    }

    p = ngx_sprintf(url->data, "%V%V/", &ctx->base, &ctx->api->root);

    if (res->parent) {
        p = ngx_sprintf(p, "%s/%V/", res->parent->path, &ctx->parent_uuid);
    }

    p = ngx_sprintf(p, "%s/%V", res->path, uuid);
    *p = '\0';

    url->len = p - url->data;

    return NGX_OK;
}


/*
 * Per-object authorisation of a write: the object written, or for a new
 * one what the body says of it (the main object a part names, or the
 * type and vertrouwelijkheidaanduiding of a main object).
 */

static ngx_int_t
ngx_openzaak_engine_guard(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_write_t *w)
{
    ngx_str_t                   key;
    json_object                *v;
    const ngx_openzaak_auth_t  *a;

    a = ctx->resource->auth;

    if (a == NULL) {
        return NGX_OK;
    }

    if (w->kind != NGX_OZ_OP_CREATE) {
        if (ngx_openzaak_objauth_guard(ctx, q, &w->uuid, 0,
                                       ctx->operation->scopes)
            != NGX_OK)
        {
            return NGX_ERROR;
        }

        return ngx_openzaak_objauth_closed_guard(ctx, q, &w->uuid, 0);
    }

    if (a->from) {
        if (!json_object_object_get_ex(w->row, a->parent, &v)
            || !json_object_is_type(v, json_type_string))
        {
            /* no main object: the body's error answers */
            return NGX_OK;
        }

        key.data = (u_char *) json_object_get_string(v);
        key.len = json_object_get_string_len(v);

    } else if (ngx_openzaak_json_to_str(ctx->request->pool, w->row, &key)
               != NGX_OK)
    {
        return NGX_ERROR;
    }

    if (ngx_openzaak_objauth_guard(ctx, q, &key, 1, ctx->operation->scopes)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    /* a write to a closed zaak needs more (zrc-007) */
    return ngx_openzaak_objauth_closed_guard(ctx, q, &key, 1);
}


/*
 * The first statements of any operation on a nested resource, as Open
 * Zaak checks them: the parent in the path exists (404), the client may
 * see it (403, ZaakNestedAuthRequired), and the object of a detail is
 * one of its children (404).
 */

static ngx_int_t
ngx_openzaak_engine_nested(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q)
{
    char                     *parent, *uuid;
    ngx_pool_t               *pool;
    ngx_openzaak_resource_t  *res;

    res = ctx->resource;
    pool = ctx->request->pool;

    if (res->parent == NULL) {
        return NGX_OK;
    }

    parent = (char *) ngx_openzaak_pstrdup0(pool, &ctx->parent_uuid);
    if (parent == NULL) {
        return NGX_ERROR;
    }

    if (ngx_openzaak_sql_add_id(q, pool, res->parent->sql.exists_id, 1,
                                parent)
        == NULL)
    {
        return NGX_ERROR;
    }

    /* a part is authorised through its parent: the guard of a new part */

    if (res->auth && res->auth->from
        && ngx_openzaak_objauth_guard(ctx, q, &ctx->parent_uuid, 1,
                                      ctx->operation->scopes)
           != NGX_OK)
    {
        return NGX_ERROR;
    }

    if (ctx->uuid.len == 0) {
        return NGX_OK;
    }

    uuid = (char *) ngx_openzaak_pstrdup0(pool, &ctx->uuid);
    if (uuid == NULL) {
        return NGX_ERROR;
    }

    return ngx_openzaak_sql_add_id(q, pool, res->sql.nested_id, 2, uuid,
                                   parent)
           ? NGX_OK : NGX_ERROR;
}


/* ---------------------------------------------------------------- find */


/*
 * An action that answers the one object its (required) filters select,
 * or 404: /applicaties/consumer?clientId=...
 */

ngx_int_t
ngx_openzaak_engine_find(ngx_openzaak_ctx_t *ctx)
{
    ngx_int_t                   rc;
    ngx_openzaak_shape_t       *sh;
    ngx_openzaak_pg_query_t    *q;
    ngx_openzaak_resource_t    *res;
    ngx_openzaak_engine_ctx_t  *ec;

    ec = ctx->engine;
    res = ctx->resource;

    rc = ngx_openzaak_filter_parse(ctx, &ec->la);

    if (rc == NGX_ERROR) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (rc == NGX_DECLINED) {
        return ngx_openzaak_problem_invalid(ctx);
    }

    sh = ngx_openzaak_sql_shape(ctx->request->pool, res, ctx->operation,
                                &ec->la, NGX_OZ_SHAPE_ONE);
    if (sh == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    q = ngx_openzaak_engine_new_query(ctx);
    if (q == NULL
        || ngx_openzaak_engine_add_rows(ctx, q, &sh->page, sh->children, NULL,
                                        0, 0)
           == NGX_ERROR)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_openzaak_engine_query(ctx, q, ngx_openzaak_engine_read_handler);
}


/* ---------------------------------------------------------------- batch */


static void ngx_openzaak_engine_batch_done(ngx_openzaak_pg_query_t *q);


/*
 * Runs a batch built by an action (publish, ...) and answers with the
 * object rendered by statement render_stmt.
 */

ngx_int_t
ngx_openzaak_engine_batch(ngx_openzaak_ctx_t *ctx, ngx_openzaak_pg_query_t *q,
    ngx_uint_t render_stmt, ngx_uint_t status)
{
    ngx_openzaak_engine_ctx_t  *ec;

    ec = ctx->engine;
    ec->render_stmt = render_stmt;
    ec->batch_status = status;

    return ngx_openzaak_engine_query(ctx, q, ngx_openzaak_engine_batch_done);
}


static void
ngx_openzaak_engine_batch_done(ngx_openzaak_pg_query_t *q)
{
    ngx_int_t                   rc;
    ngx_str_t                   body;
    ngx_openzaak_ctx_t         *ctx;
    ngx_openzaak_engine_ctx_t  *ec;

    ctx = q->data;
    ec = ctx->engine;

    if (q->rc != NGX_OPENZAAK_PG_OK) {
        ngx_openzaak_finish(ctx, ngx_openzaak_problem_pg(ctx, q));
        return;
    }

    rc = ngx_openzaak_engine_object(ctx, q, ec->render_stmt, &body);

    if (rc != NGX_OK) {
        ngx_openzaak_finish(ctx, rc == NGX_DECLINED
                                 ? ngx_openzaak_problem_status(ctx,
                                                        NGX_HTTP_NOT_FOUND)
                                 : NGX_HTTP_INTERNAL_SERVER_ERROR);
        return;
    }

    ngx_openzaak_finish(ctx, ngx_openzaak_send_json(ctx, ec->batch_status,
                                                    &body, 0));
}
