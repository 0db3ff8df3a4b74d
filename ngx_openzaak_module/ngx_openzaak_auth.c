/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Who is calling and what may they do.
 *
 * Clients (secret + applicatie + autorisaties) are looked up in the
 * database by client_id and kept in a per-worker cache.  The cache is
 * only trusted while this worker's LISTEN connection is up: a trigger on
 * the autorisaties tables notifies every worker of any change, however it
 * was made.  A worker that changes applicaties itself also bumps a
 * counter in shared memory, so the other workers drop their caches before
 * their next request even if the notification is still on its way.
 *
 * Cache entries are reference counted: a request keeps the entry it
 * authenticated with even if the cache is flushed meanwhile.
 *
 * The tokens verified against a cached client are kept too (the jwt
 * cache), for as long as the client stays in this cache and no longer.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_pg.h"
#include "ngx_openzaak_engine.h"


typedef struct {
    ngx_rbtree_t                tree;
    ngx_rbtree_node_t           sentinel;
    ngx_queue_t                 lru;
    ngx_uint_t                  count;
    ngx_uint_t                  max;
    ngx_atomic_uint_t           shm_generation;
    ngx_uint_t                  local_generation;
} ngx_openzaak_auth_cache_t;


static ngx_openzaak_client_t *ngx_openzaak_auth_lookup(ngx_str_t *id);
static ngx_int_t ngx_openzaak_auth_query(ngx_openzaak_ctx_t *ctx);
static void ngx_openzaak_auth_query_done(ngx_openzaak_pg_query_t *q);
static ngx_openzaak_client_t *ngx_openzaak_auth_client(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q);
static ngx_int_t ngx_openzaak_auth_autorisaties(ngx_openzaak_client_t *client,
    ngx_str_t *json);
static void ngx_openzaak_auth_hold(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_client_t *client);
static void ngx_openzaak_auth_release(void *data);
static void ngx_openzaak_auth_drop(ngx_openzaak_client_t *client);
static void ngx_openzaak_auth_notify(ngx_openzaak_pg_pool_t *pool,
    ngx_flag_t reconnected);
static ngx_flag_t ngx_openzaak_auth_cache_usable(void);
static ngx_flag_t ngx_openzaak_auth_cache_current(void);


static ngx_openzaak_auth_cache_t  *ngx_openzaak_auth_cache;


static ngx_str_t  ngx_openzaak_auth_sql = ngx_string(
    "SELECT s.secret, a.uuid, a.label, a.heeft_alle_autorisaties,"
    " (SELECT coalesce(json_agg(json_build_array(x.component, x.scopes,"
    " x.zaaktype, x.informatieobjecttype, x.besluittype,"
    " x.max_vertrouwelijkheidaanduiding) ORDER BY x.position), '[]')"
    " FROM autorisaties.autorisatie x WHERE x.applicatie_uuid = a.uuid)"
    " FROM autorisaties.jwt_secret s"
    " LEFT JOIN autorisaties.applicatie a ON a.client_ids @> ARRAY[s.client_id]"
    " WHERE s.client_id = $1 LIMIT 1");


static const char  *ngx_openzaak_va[] = {
    "openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk",
    "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim", NULL
};


ngx_int_t
ngx_openzaak_auth_init_worker(ngx_cycle_t *cycle)
{
    ngx_openzaak_pg_pool_t     *pool;
    ngx_openzaak_shm_t         *shm;
    ngx_openzaak_auth_cache_t  *cache;
    ngx_openzaak_main_conf_t   *omcf;

    cache = ngx_pcalloc(cycle->pool, sizeof(ngx_openzaak_auth_cache_t));
    if (cache == NULL) {
        return NGX_ERROR;
    }

    ngx_rbtree_init(&cache->tree, &cache->sentinel,
                    ngx_str_rbtree_insert_value);
    ngx_queue_init(&cache->lru);

    pool = ngx_openzaak_pg_pool_get();
    omcf = pool->conf;

    cache->max = omcf->auth_cache_size;

    shm = ngx_openzaak_shm();
    if (shm) {
        cache->shm_generation = shm->auth_generation;
    }

    ngx_openzaak_auth_cache = cache;

    if (ngx_openzaak_jwt_cache_init(cycle, omcf->jwt_cache_size) != NGX_OK) {
        return NGX_ERROR;
    }

    return ngx_openzaak_pg_listen(pool, "openzaak_auth",
                                  ngx_openzaak_auth_notify);
}


void
ngx_openzaak_auth_exit_worker(ngx_cycle_t *cycle)
{
    if (ngx_openzaak_auth_cache) {
        ngx_openzaak_auth_flush();
        ngx_openzaak_auth_cache = NULL;
    }

    ngx_openzaak_jwt_cache_exit();
}


static ngx_flag_t
ngx_openzaak_auth_cache_usable(void)
{
    ngx_openzaak_pg_pool_t  *pool;

    pool = ngx_openzaak_pg_pool_get();

    return ngx_openzaak_auth_cache && pool && pool->listener
           && pool->listener->state == NGX_OPENZAAK_PG_LISTENING;
}


static void
ngx_openzaak_auth_notify(ngx_openzaak_pg_pool_t *pool, ngx_flag_t reconnected)
{
    ngx_log_debug1(NGX_LOG_DEBUG_HTTP, pool->log, 0,
                   "openzaak auth: flushing cache (%s)",
                   reconnected ? "listener (re)connected or lost"
                               : "notified");

    ngx_openzaak_auth_flush();
}


void
ngx_openzaak_auth_flush(void)
{
    ngx_queue_t                *qe;
    ngx_openzaak_client_t      *client;
    ngx_openzaak_auth_cache_t  *cache;

    cache = ngx_openzaak_auth_cache;
    if (cache == NULL) {
        return;
    }

    while (!ngx_queue_empty(&cache->lru)) {
        qe = ngx_queue_head(&cache->lru);
        client = ngx_queue_data(qe, ngx_openzaak_client_t, queue);
        ngx_openzaak_auth_drop(client);
    }

    cache->local_generation++;
}


/* Takes an entry out of the cache; it lives on while requests hold it. */

static void
ngx_openzaak_auth_drop(ngx_openzaak_client_t *client)
{
    ngx_openzaak_auth_cache_t  *cache;

    cache = ngx_openzaak_auth_cache;

    if (client->cached) {
        ngx_openzaak_jwt_cache_forget(client);
        ngx_queue_remove(&client->queue);
        ngx_rbtree_delete(&cache->tree, &client->sn.node);
        client->cached = 0;
        cache->count--;
    }

    if (client->refs == 0) {
        ngx_destroy_pool(client->pool);
    }
}


/*
 * Can the cache be trusted now?  It is emptied first when another worker
 * changed applicaties, or when this worker's LISTEN connection is not up
 * (a notification could be missed).
 */

static ngx_flag_t
ngx_openzaak_auth_cache_current(void)
{
    ngx_openzaak_shm_t         *shm;
    ngx_openzaak_auth_cache_t  *cache;

    cache = ngx_openzaak_auth_cache;

    shm = ngx_openzaak_shm();

    if (shm && shm->auth_generation != cache->shm_generation) {
        ngx_openzaak_auth_flush();
        cache->shm_generation = shm->auth_generation;
    }

    if (!ngx_openzaak_auth_cache_usable()) {
        if (cache->count) {
            ngx_openzaak_auth_flush();
        }
        return 0;
    }

    return 1;
}


static ngx_openzaak_client_t *
ngx_openzaak_auth_lookup(ngx_str_t *id)
{
    uint32_t                    hash;
    ngx_str_node_t             *sn;
    ngx_openzaak_client_t      *client;
    ngx_openzaak_auth_cache_t  *cache;

    cache = ngx_openzaak_auth_cache;

    if (!ngx_openzaak_auth_cache_current()) {
        return NULL;
    }

    hash = ngx_crc32_long(id->data, id->len);
    sn = ngx_str_rbtree_lookup(&cache->tree, id, hash);

    if (sn == NULL) {
        return NULL;
    }

    client = (ngx_openzaak_client_t *)
                 ((u_char *) sn - offsetof(ngx_openzaak_client_t, sn));

    ngx_queue_remove(&client->queue);
    ngx_queue_insert_head(&cache->lru, &client->queue);

    return client;
}


/*
 * NGX_OK: ctx->client is set (or the request has no token at all),
 * NGX_AGAIN: the client is being looked up, otherwise the rc of the 403
 * (or 503) already sent.
 */

ngx_int_t
ngx_openzaak_authenticate(ngx_openzaak_ctx_t *ctx)
{
    ngx_int_t                  rc;
    ngx_openzaak_client_t     *client;
    ngx_openzaak_jwt_times_t   times;

    if (ctx->client == NULL && !ctx->anonymous) {

        if (ngx_openzaak_jwt_token(ctx) == NGX_OPENZAAK_JWT_NONE) {
            /* no token: nothing is allowed, the scope check says so */
            ctx->anonymous = 1;
            return NGX_OK;
        }

        /*
         * A token verified before against the client as cached now: only
         * its time claims can have made it invalid since.
         */

        if (ngx_openzaak_auth_cache_current()) {
            client = ngx_openzaak_jwt_cache_lookup(ctx, &times);

            if (client) {
                /* in use: the client must not look idle to the LRU */
                ngx_queue_remove(&client->queue);
                ngx_queue_insert_head(&ngx_openzaak_auth_cache->lru,
                                      &client->queue);

                ngx_openzaak_auth_hold(ctx, client);
                ctx->client_id = client->client_id;
                return ngx_openzaak_jwt_check_times(ctx, &times);
            }
        }

        switch (ngx_openzaak_jwt_parse(ctx)) {

        case NGX_OPENZAAK_JWT_DECODE:
            return ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN,
                                        "jwt-decode-error",
                                        "Het JWT kon niet gedecodeerd "
                                        "worden. Mogelijks heb je een "
                                        "copy-paste fout gemaakt.");

        case NGX_OPENZAAK_JWT_NO_CLIENT:
            return ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN,
                                        "missing-client-identifier",
                                        "Client identifier is niet "
                                        "aanwezig in JWT");

        case NGX_OPENZAAK_JWT_BAD_CLIENT:
            return ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN,
                                        "invalid-client-identifier",
                                        "Client identifier bestaat niet");

        default:
            break;
        }

        client = ngx_openzaak_auth_lookup(&ctx->client_id);

        if (client == NULL) {
            return ngx_openzaak_auth_query(ctx);
        }

        ngx_openzaak_auth_hold(ctx, client);
    }

    if (ctx->anonymous) {
        return NGX_OK;
    }

    if (ctx->client->secret.len == 0) {
        return ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN,
                                    "invalid-client-identifier",
                                    "Client identifier bestaat niet");
    }

    rc = ngx_openzaak_jwt_verify(ctx);

    if (rc == NGX_OK) {
        ngx_openzaak_jwt_cache_add(ctx);
    }

    return rc;
}


static ngx_int_t
ngx_openzaak_auth_query(ngx_openzaak_ctx_t *ctx)
{
    const char               **values;
    ngx_openzaak_pg_query_t   *q;
    ngx_openzaak_shm_t        *shm;

    q = ngx_openzaak_engine_new_query(ctx);
    if (q == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    values = ngx_palloc(ctx->request->pool, sizeof(char *));
    if (values == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    values[0] = (char *) ngx_openzaak_pstrdup0(ctx->request->pool,
                                               &ctx->client_id);
    if (values[0] == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ngx_openzaak_pg_add_id(q, ngx_openzaak_pg_stmt_static(
                                      (char *) ngx_openzaak_auth_sql.data),
                               1, values)
        == NULL)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    /* a change committed while the lookup runs makes its answer stale */

    shm = ngx_openzaak_shm();
    ctx->auth_generation = ngx_openzaak_auth_cache->local_generation
                           + (shm ? shm->auth_generation : 0);

    return ngx_openzaak_engine_query(ctx, q, ngx_openzaak_auth_query_done);
}


static void
ngx_openzaak_auth_query_done(ngx_openzaak_pg_query_t *q)
{
    ngx_int_t               rc;
    ngx_openzaak_ctx_t     *ctx;
    ngx_openzaak_client_t  *client;

    ctx = q->data;

    if (q->rc != NGX_OPENZAAK_PG_OK) {
        ngx_openzaak_finish(ctx, ngx_openzaak_problem_pg(ctx, q));
        return;
    }

    if (ngx_openzaak_pg_rows(q, 0) == 0) {
        rc = ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN,
                                  "invalid-client-identifier",
                                  "Client identifier bestaat niet");
        ngx_openzaak_finish(ctx, rc);
        return;
    }

    client = ngx_openzaak_auth_client(ctx, q);

    if (client == NULL) {
        ngx_openzaak_finish(ctx, NGX_HTTP_INTERNAL_SERVER_ERROR);
        return;
    }

    ngx_openzaak_auth_hold(ctx, client);

    ngx_openzaak_continue(ctx);
}


/* Builds a client from the lookup row and caches it when that is safe. */

static ngx_openzaak_client_t *
ngx_openzaak_auth_client(ngx_openzaak_ctx_t *ctx, ngx_openzaak_pg_query_t *q)
{
    ngx_str_t                   v;
    ngx_pool_t                 *pool;
    ngx_queue_t                *qe;
    ngx_openzaak_shm_t         *shm;
    ngx_openzaak_client_t      *client, *old;
    ngx_openzaak_auth_cache_t  *cache;

    pool = ngx_create_pool(1024, ngx_cycle->log);
    if (pool == NULL) {
        return NULL;
    }

    client = ngx_pcalloc(pool, sizeof(ngx_openzaak_client_t));
    if (client == NULL) {
        goto failed;
    }

    client->pool = pool;
    ngx_queue_init(&client->tokens);

    client->client_id.data = ngx_pstrdup(pool, &ctx->client_id);
    if (client->client_id.data == NULL) {
        goto failed;
    }
    client->client_id.len = ctx->client_id.len;

    (void) ngx_openzaak_pg_value(q, 0, 0, 0, &v);
    client->secret.len = v.len;
    client->secret.data = ngx_pnalloc(pool, v.len + 1);
    if (client->secret.data == NULL) {
        goto failed;
    }
    ngx_memcpy(client->secret.data, v.data, v.len);
    client->secret.data[v.len] = '\0';

    if (ngx_array_init(&client->autorisaties, pool, 4,
                       sizeof(ngx_openzaak_autorisatie_t))
        != NGX_OK)
    {
        goto failed;
    }

    if (ngx_openzaak_pg_value(q, 0, 0, 1, &v) == NGX_OK) {
        client->has_applicatie = 1;

        client->applicatie_uuid.data = ngx_pstrdup(pool, &v);
        client->applicatie_uuid.len = v.len;

        (void) ngx_openzaak_pg_value(q, 0, 0, 2, &v);
        client->label.data = ngx_pstrdup(pool, &v);
        client->label.len = v.len;

        (void) ngx_openzaak_pg_value(q, 0, 0, 3, &v);
        client->heeft_alle_autorisaties = (v.len && v.data[0] == 't');

        (void) ngx_openzaak_pg_value(q, 0, 0, 4, &v);
        if (ngx_openzaak_auth_autorisaties(client, &v) != NGX_OK) {
            goto failed;
        }
    }

    cache = ngx_openzaak_auth_cache;
    shm = ngx_openzaak_shm();

    if (!ngx_openzaak_auth_cache_usable()
        || ctx->auth_generation != cache->local_generation
                                   + (shm ? shm->auth_generation : 0))
    {
        /* used by this request only */
        return client;
    }

    client->sn.str = client->client_id;
    client->sn.node.key = ngx_crc32_long(client->client_id.data,
                                         client->client_id.len);

    old = ngx_openzaak_auth_lookup(&client->client_id);
    if (old) {
        ngx_openzaak_auth_drop(old);
    }

    while (cache->count >= cache->max && !ngx_queue_empty(&cache->lru)) {
        qe = ngx_queue_last(&cache->lru);
        old = ngx_queue_data(qe, ngx_openzaak_client_t, queue);
        ngx_openzaak_auth_drop(old);
    }

    ngx_rbtree_insert(&cache->tree, &client->sn.node);
    ngx_queue_insert_head(&cache->lru, &client->queue);
    client->cached = 1;
    cache->count++;

    return client;

failed:

    ngx_destroy_pool(pool);
    return NULL;
}


/* [[component, [scopes], zaaktype, iotype, besluittype, maxVA], ...] */

static ngx_int_t
ngx_openzaak_auth_autorisaties(ngx_openzaak_client_t *client, ngx_str_t *json)
{
    size_t                       i, n, j, m;
    ngx_str_t                   *scope, s;
    json_object                 *arr, *item, *v, *scopes;
    const char                  *str;
    ngx_uint_t                   k;
    ngx_openzaak_autorisatie_t  *a;

    arr = json_tokener_parse((char *) json->data);
    if (arr == NULL || !json_object_is_type(arr, json_type_array)) {
        if (arr) {
            json_object_put(arr);
        }
        return NGX_ERROR;
    }

    n = json_object_array_length(arr);

    for (i = 0; i < n; i++) {
        item = json_object_array_get_idx(arr, i);

        a = ngx_array_push(&client->autorisaties);
        if (a == NULL) {
            goto failed;
        }

        ngx_memzero(a, sizeof(ngx_openzaak_autorisatie_t));

        if (ngx_array_init(&a->scopes, client->pool, 4, sizeof(ngx_str_t))
            != NGX_OK)
        {
            goto failed;
        }

        for (j = 0; j < 6; j++) {
            v = json_object_array_get_idx(item, j);

            if (j == 1) {
                scopes = v;
                m = scopes ? json_object_array_length(scopes) : 0;

                for (k = 0; k < m; k++) {
                    scope = ngx_array_push(&a->scopes);
                    if (scope == NULL) {
                        goto failed;
                    }

                    str = json_object_get_string(
                              json_object_array_get_idx(scopes, k));
                    s.data = (u_char *) str;
                    s.len = ngx_strlen(str);
                    scope->data = ngx_pstrdup(client->pool, &s);
                    scope->len = s.len;
                }

                continue;
            }

            if (v == NULL || json_object_is_type(v, json_type_null)) {
                continue;
            }

            str = json_object_get_string(v);
            s.data = (u_char *) str;
            s.len = ngx_strlen(str);

            switch (j) {
            case 0:
                a->component.data = ngx_pstrdup(client->pool, &s);
                a->component.len = s.len;
                break;
            case 2:
                a->zaaktype.data = ngx_pstrdup(client->pool, &s);
                a->zaaktype.len = s.len;
                break;
            case 3:
                a->informatieobjecttype.data = ngx_pstrdup(client->pool, &s);
                a->informatieobjecttype.len = s.len;
                break;
            case 4:
                a->besluittype.data = ngx_pstrdup(client->pool, &s);
                a->besluittype.len = s.len;
                break;
            default:
                for (k = 0; ngx_openzaak_va[k]; k++) {
                    if (ngx_strcmp(ngx_openzaak_va[k], str) == 0) {
                        a->max_va = k + 1;
                    }
                }
                break;
            }
        }
    }

    json_object_put(arr);
    return NGX_OK;

failed:

    json_object_put(arr);
    return NGX_ERROR;
}


static void
ngx_openzaak_auth_hold(ngx_openzaak_ctx_t *ctx, ngx_openzaak_client_t *client)
{
    ngx_pool_cleanup_t  *cln;

    cln = ngx_pool_cleanup_add(ctx->request->pool, 0);
    if (cln == NULL) {
        /* keep it: a leak of one entry beats a dangling pointer */
        client->refs++;
        ctx->client = client;
        return;
    }

    client->refs++;
    cln->handler = ngx_openzaak_auth_release;
    cln->data = client;

    ctx->client = client;
}


static void
ngx_openzaak_auth_release(void *data)
{
    ngx_openzaak_client_t  *client = data;

    client->refs--;

    if (client->refs == 0 && !client->cached) {
        ngx_destroy_pool(client->pool);
    }
}


/* Does the client hold the scope for this component? */

ngx_flag_t
ngx_openzaak_has_scope(ngx_openzaak_ctx_t *ctx, const char *component,
    const char *scope)
{
    if (ctx->client && ctx->client->has_applicatie
        && ctx->client->heeft_alle_autorisaties)
    {
        return 1;
    }

    return ngx_openzaak_has_named_scope(ctx, component, scope);
}


/*
 * Does an autorisatie of the client name the scope?  heeftAlleAutorisaties
 * does not count: the standard wants some scopes "expliciet", as the
 * Catalogi corrections of published types (catalogi.geforceerd-*).
 */

ngx_flag_t
ngx_openzaak_has_named_scope(ngx_openzaak_ctx_t *ctx, const char *component,
    const char *scope)
{
    size_t                       len, clen;
    ngx_uint_t                   i, j;
    ngx_str_t                   *s;
    ngx_openzaak_client_t       *client;
    ngx_openzaak_autorisatie_t  *a;

    client = ctx->client;

    if (client == NULL || !client->has_applicatie) {
        return 0;
    }

    len = ngx_strlen(scope);
    clen = ngx_strlen(component);
    a = client->autorisaties.elts;

    for (i = 0; i < client->autorisaties.nelts; i++) {
        if (a[i].component.len != clen
            || ngx_strncmp(a[i].component.data, component, clen) != 0)
        {
            continue;
        }

        s = a[i].scopes.elts;

        for (j = 0; j < a[i].scopes.nelts; j++) {
            if (s[j].len == len && ngx_strncmp(s[j].data, scope, len) == 0) {
                return 1;
            }
        }
    }

    return 0;
}


/*
 * Scope expressions are an AND of groups, each group "a|b|c" an OR, as
 * the OAS writes them: "(zaken.bijwerken | zaken.geforceerd-bijwerken)".
 */

ngx_int_t
ngx_openzaak_authorize(ngx_openzaak_ctx_t *ctx, const char *const *scopes,
    const char *component)
{
    u_char              buf[128], *colon;
    const char         *p, *bar;
    ngx_flag_t          ok;
    const char *const  *group;

    if (ctx->client == NULL || !ctx->client->has_applicatie) {
        goto denied;
    }

    if (ctx->client->heeft_alle_autorisaties || scopes == NULL) {
        return NGX_OK;
    }

    for (group = scopes; *group; group++) {
        ok = 0;
        p = *group;

        while (*p && !ok) {
            bar = ngx_strchr(p, '|');
            if (bar == NULL) {
                bar = p + ngx_strlen(p);
            }

            if ((size_t) (bar - p) < sizeof(buf)) {
                ngx_memcpy(buf, p, bar - p);
                buf[bar - p] = '\0';

                /* "zrc:zaken.lezen": a scope of another component */
                colon = (u_char *) ngx_strchr(buf, ':');

                if (colon) {
                    *colon = '\0';
                    ok = ngx_openzaak_has_scope(ctx, (char *) buf,
                                                (char *) colon + 1);

                } else {
                    ok = ngx_openzaak_has_scope(ctx, component, (char *) buf);
                }
            }

            p = *bar ? bar + 1 : bar;
        }

        if (!ok) {
            goto denied;
        }
    }

    return NGX_OK;

denied:

    return ngx_openzaak_problem(ctx, NGX_HTTP_FORBIDDEN, NULL, NULL);
}
