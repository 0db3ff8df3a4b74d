/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Tokens verified once per worker.  A client sends the same token for
 * many requests; parsing it and checking its HMAC every time costs more
 * CPU than the rest of a small GET.  A verified token is kept here, keyed
 * by the SHA-256 of the whole token, with the client it was verified
 * against and its time claims.  A hit skips the parse and the signature;
 * the time claims are checked again on every hit by the function the
 * verification used, so expiry and clock skew count exactly as before.
 *
 * An entry lives only while its client is in the authorisation cache:
 * when that client leaves it (flushed on NOTIFY, a lost or new LISTEN
 * connection, a change through the API, or evicted), its tokens go with
 * it.  A changed secret or applicatie is therefore refused on the next
 * request, as the client is looked up and the token verified afresh.
 * Only verified tokens of cached clients are kept; a refused token never.
 *
 * The entries are allocated once per worker (openzaak_jwt_cache_size);
 * when all are used the least recently used one is reused.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <openssl/evp.h>

#include "ngx_openzaak.h"


#define NGX_OPENZAAK_JWT_DIGEST_LEN  32     /* SHA-256 */


typedef struct {
    ngx_rbtree_node_t           node;       /* key: the digest's first bytes */
    u_char                      digest[NGX_OPENZAAK_JWT_DIGEST_LEN];
    ngx_openzaak_jwt_times_t    times;
    ngx_openzaak_client_t      *client;
    ngx_queue_t                 queue;      /* the LRU list or the free list */
    ngx_queue_t                 peers;      /* the client's other tokens */
} ngx_openzaak_jwt_entry_t;


typedef struct {
    ngx_rbtree_t                tree;
    ngx_rbtree_node_t           sentinel;
    ngx_queue_t                 lru;
    ngx_queue_t                 free;
    EVP_MD_CTX                 *md_ctx;
    const EVP_MD               *md;
} ngx_openzaak_jwt_cache_t;


static ngx_int_t ngx_openzaak_jwt_digest(ngx_str_t *token, u_char *digest);
static ngx_openzaak_jwt_entry_t *ngx_openzaak_jwt_cache_find(u_char *digest);
static void ngx_openzaak_jwt_cache_insert_value(ngx_rbtree_node_t *temp,
    ngx_rbtree_node_t *node, ngx_rbtree_node_t *sentinel);
static void ngx_openzaak_jwt_cache_remove(ngx_openzaak_jwt_entry_t *e);


static ngx_openzaak_jwt_cache_t  *ngx_openzaak_jwt_cache;


ngx_int_t
ngx_openzaak_jwt_cache_init(ngx_cycle_t *cycle, ngx_uint_t size)
{
    ngx_uint_t                 i;
    ngx_openzaak_jwt_cache_t  *cache;
    ngx_openzaak_jwt_entry_t  *entries;

    if (size == 0) {
        return NGX_OK;
    }

    cache = ngx_pcalloc(cycle->pool, sizeof(ngx_openzaak_jwt_cache_t));
    if (cache == NULL) {
        return NGX_ERROR;
    }

    /* all the memory the cache will ever use, so it stays bounded */

    entries = ngx_pcalloc(cycle->pool,
                          size * sizeof(ngx_openzaak_jwt_entry_t));
    if (entries == NULL) {
        return NGX_ERROR;
    }

    ngx_rbtree_init(&cache->tree, &cache->sentinel,
                    ngx_openzaak_jwt_cache_insert_value);
    ngx_queue_init(&cache->lru);
    ngx_queue_init(&cache->free);

    for (i = 0; i < size; i++) {
        ngx_queue_insert_tail(&cache->free, &entries[i].queue);
    }

    /* one digest context for the worker: no allocation per request */

    cache->md_ctx = EVP_MD_CTX_new();
    if (cache->md_ctx == NULL) {
        return NGX_ERROR;
    }

#if (OPENSSL_VERSION_NUMBER >= 0x30000000L)
    /* fetched once: an implicit fetch on every digest takes a lock */
    cache->md = EVP_MD_fetch(NULL, "SHA256", NULL);
#else
    cache->md = EVP_sha256();
#endif

    if (cache->md == NULL) {
        EVP_MD_CTX_free(cache->md_ctx);
        return NGX_ERROR;
    }

    ngx_openzaak_jwt_cache = cache;

    return NGX_OK;
}


void
ngx_openzaak_jwt_cache_exit(void)
{
    ngx_openzaak_jwt_cache_t  *cache;

    cache = ngx_openzaak_jwt_cache;
    if (cache == NULL) {
        return;
    }

    /* the authorisation cache was flushed first: no entry is left */

    EVP_MD_CTX_free(cache->md_ctx);

#if (OPENSSL_VERSION_NUMBER >= 0x30000000L)
    EVP_MD_free((EVP_MD *) cache->md);
#endif

    ngx_openzaak_jwt_cache = NULL;
}


/*
 * The client a token was verified against, if the token is cached;
 * *times are its time claims, still to be checked.  The caller has made
 * sure the authorisation cache is current.
 */

ngx_openzaak_client_t *
ngx_openzaak_jwt_cache_lookup(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_jwt_times_t *times)
{
    u_char                     digest[NGX_OPENZAAK_JWT_DIGEST_LEN];
    ngx_openzaak_jwt_cache_t  *cache;
    ngx_openzaak_jwt_entry_t  *e;

    cache = ngx_openzaak_jwt_cache;

    if (cache == NULL || ngx_queue_empty(&cache->lru)) {
        return NULL;
    }

    if (ngx_openzaak_jwt_digest(&ctx->token, digest) != NGX_OK) {
        return NULL;
    }

    e = ngx_openzaak_jwt_cache_find(digest);
    if (e == NULL) {
        return NULL;
    }

    ngx_queue_remove(&e->queue);
    ngx_queue_insert_head(&cache->lru, &e->queue);

    ngx_log_debug1(NGX_LOG_DEBUG_HTTP, ctx->request->connection->log, 0,
                   "openzaak jwt: cache hit, client \"%V\"",
                   &e->client->client_id);

    *times = e->times;

    return e->client;
}


/* Keeps the token just verified (ctx->token, ctx->jwt_times). */

void
ngx_openzaak_jwt_cache_add(ngx_openzaak_ctx_t *ctx)
{
    u_char                     digest[NGX_OPENZAAK_JWT_DIGEST_LEN];
    ngx_queue_t               *q;
    ngx_openzaak_client_t     *client;
    ngx_openzaak_jwt_cache_t  *cache;
    ngx_openzaak_jwt_entry_t  *e;

    cache = ngx_openzaak_jwt_cache;
    client = ctx->client;

    /*
     * A client outside the authorisation cache (looked up while the
     * cache was being flushed, or without a LISTEN connection) may
     * already be stale: its tokens would outlive the flush.
     */

    if (cache == NULL || client == NULL || !client->cached) {
        return;
    }

    if (ngx_openzaak_jwt_digest(&ctx->token, digest) != NGX_OK) {
        return;
    }

    if (ngx_openzaak_jwt_cache_find(digest)) {
        /* a concurrent request verified it too */
        return;
    }

    if (ngx_queue_empty(&cache->free)) {
        q = ngx_queue_last(&cache->lru);
        ngx_openzaak_jwt_cache_remove(
            ngx_queue_data(q, ngx_openzaak_jwt_entry_t, queue));
    }

    q = ngx_queue_head(&cache->free);
    ngx_queue_remove(q);

    e = ngx_queue_data(q, ngx_openzaak_jwt_entry_t, queue);

    ngx_memcpy(e->digest, digest, NGX_OPENZAAK_JWT_DIGEST_LEN);
    ngx_memcpy(&e->node.key, digest, sizeof(ngx_rbtree_key_t));
    e->times = ctx->jwt_times;
    e->client = client;

    ngx_rbtree_insert(&cache->tree, &e->node);
    ngx_queue_insert_head(&cache->lru, &e->queue);
    ngx_queue_insert_tail(&client->tokens, &e->peers);

    ngx_log_debug1(NGX_LOG_DEBUG_HTTP, ctx->request->connection->log, 0,
                   "openzaak jwt: cache store, client \"%V\"",
                   &client->client_id);
}


/* The client leaves the authorisation cache: its tokens leave this one. */

void
ngx_openzaak_jwt_cache_forget(ngx_openzaak_client_t *client)
{
    ngx_queue_t  *q;

    while (!ngx_queue_empty(&client->tokens)) {
        q = ngx_queue_head(&client->tokens);
        ngx_openzaak_jwt_cache_remove(
            ngx_queue_data(q, ngx_openzaak_jwt_entry_t, peers));
    }
}


static void
ngx_openzaak_jwt_cache_remove(ngx_openzaak_jwt_entry_t *e)
{
    ngx_openzaak_jwt_cache_t  *cache;

    cache = ngx_openzaak_jwt_cache;

    ngx_rbtree_delete(&cache->tree, &e->node);
    ngx_queue_remove(&e->peers);
    ngx_queue_remove(&e->queue);
    ngx_queue_insert_head(&cache->free, &e->queue);

    e->client = NULL;
}


static ngx_int_t
ngx_openzaak_jwt_digest(ngx_str_t *token, u_char *digest)
{
    EVP_MD_CTX  *md_ctx;

    md_ctx = ngx_openzaak_jwt_cache->md_ctx;

    if (EVP_DigestInit_ex(md_ctx, ngx_openzaak_jwt_cache->md, NULL) != 1
        || EVP_DigestUpdate(md_ctx, token->data, token->len) != 1
        || EVP_DigestFinal_ex(md_ctx, digest, NULL) != 1)
    {
        return NGX_ERROR;
    }

    return NGX_OK;
}


static ngx_openzaak_jwt_entry_t *
ngx_openzaak_jwt_cache_find(u_char *digest)
{
    ngx_int_t                  rc;
    ngx_rbtree_key_t           key;
    ngx_rbtree_node_t         *node, *sentinel;
    ngx_openzaak_jwt_entry_t  *e;

    ngx_memcpy(&key, digest, sizeof(ngx_rbtree_key_t));

    node = ngx_openzaak_jwt_cache->tree.root;
    sentinel = ngx_openzaak_jwt_cache->tree.sentinel;

    while (node != sentinel) {

        if (key != node->key) {
            node = (key < node->key) ? node->left : node->right;
            continue;
        }

        e = (ngx_openzaak_jwt_entry_t *) node;
        rc = ngx_memcmp(digest, e->digest, NGX_OPENZAAK_JWT_DIGEST_LEN);

        if (rc == 0) {
            return e;
        }

        node = (rc < 0) ? node->left : node->right;
    }

    return NULL;
}


/* Orders by key, then by the whole digest, as ngx_openzaak_jwt_cache_find
 * searches. */

static void
ngx_openzaak_jwt_cache_insert_value(ngx_rbtree_node_t *temp,
    ngx_rbtree_node_t *node, ngx_rbtree_node_t *sentinel)
{
    ngx_rbtree_node_t         **p;
    ngx_openzaak_jwt_entry_t   *e, *et;

    e = (ngx_openzaak_jwt_entry_t *) node;

    for ( ;; ) {

        if (node->key != temp->key) {
            p = (node->key < temp->key) ? &temp->left : &temp->right;

        } else {
            et = (ngx_openzaak_jwt_entry_t *) temp;
            p = (ngx_memcmp(e->digest, et->digest,
                            NGX_OPENZAAK_JWT_DIGEST_LEN) < 0)
                ? &temp->left : &temp->right;
        }

        if (*p == sentinel) {
            break;
        }

        temp = *p;
    }

    *p = node;
    node->parent = temp;
    node->left = sentinel;
    node->right = sentinel;
    ngx_rbt_red(node);
}
