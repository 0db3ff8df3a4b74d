/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * The per-worker connection pool: at most openzaak_db_pool_size
 * connections, a bounded wait queue with a timer per waiter, idle
 * timeouts, reconnects with exponential backoff, and the LISTEN
 * connection used to invalidate the authorisation cache.
 *
 * A waiter is never handed a failure synchronously from
 * ngx_openzaak_pg_run(): the caller gets NGX_DECLINED instead, so request
 * code never runs its completion handler re-entrantly.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_event.h>

#include "ngx_openzaak_pg.h"


#define NGX_OPENZAAK_PG_BACKOFF_MIN  100
#define NGX_OPENZAAK_PG_BACKOFF_MAX  2000


static ngx_int_t ngx_openzaak_pg_conninfo(ngx_openzaak_pg_pool_t *pool,
    ngx_pool_t *mp);
static ngx_int_t ngx_openzaak_pg_maybe_connect(ngx_openzaak_pg_pool_t *pool);
static void ngx_openzaak_pg_dispatch(ngx_openzaak_pg_pool_t *pool);
static void ngx_openzaak_pg_fail_waiters(ngx_openzaak_pg_pool_t *pool);
static void ngx_openzaak_pg_retry_handler(ngx_event_t *ev);
static void ngx_openzaak_pg_wait_handler(ngx_event_t *ev);
static void ngx_openzaak_pg_listen_retry_handler(ngx_event_t *ev);
static void ngx_openzaak_pg_listen_start(ngx_openzaak_pg_pool_t *pool);
static void ngx_openzaak_pg_query_cleanup(void *data);
static void ngx_openzaak_pg_close_queue(ngx_queue_t *q);
static void ngx_openzaak_pg_backoff(ngx_msec_t *backoff);
static void ngx_openzaak_pg_log_limit_init(ngx_openzaak_pg_log_limit_t *ll,
    const char *what, ngx_log_t *log);
static void ngx_openzaak_pg_log_limited(ngx_openzaak_pg_pool_t *pool,
    ngx_openzaak_pg_log_limit_t *ll, ngx_log_t *log);
static void ngx_openzaak_pg_log_flush(ngx_event_t *ev);
static char *ngx_openzaak_cstrdup(ngx_pool_t *pool, const char *s);


static ngx_openzaak_pg_pool_t  *ngx_openzaak_pg_worker_pool;


ngx_openzaak_pg_pool_t *
ngx_openzaak_pg_pool_create(ngx_cycle_t *cycle, ngx_openzaak_main_conf_t *omcf)
{
    ngx_openzaak_pg_pool_t  *pool;

    pool = ngx_pcalloc(cycle->pool, sizeof(ngx_openzaak_pg_pool_t));
    if (pool == NULL) {
        return NULL;
    }

    pool->conf = omcf;
    pool->log = cycle->log;

    ngx_queue_init(&pool->idle);
    ngx_queue_init(&pool->busy);
    ngx_queue_init(&pool->connecting);
    ngx_queue_init(&pool->waiting);

    pool->retry.handler = ngx_openzaak_pg_retry_handler;
    pool->retry.data = pool;
    pool->retry.log = cycle->log;
    pool->retry.cancelable = 1;

    pool->listen_retry.handler = ngx_openzaak_pg_listen_retry_handler;
    pool->listen_retry.data = pool;
    pool->listen_retry.log = cycle->log;
    pool->listen_retry.cancelable = 1;

    ngx_openzaak_pg_log_limit_init(&pool->full_log,
        "server busy, request refused",
        cycle->log);
    ngx_openzaak_pg_log_limit_init(&pool->wait_log,
        "no database connection became free in time", cycle->log);

    if (ngx_openzaak_pg_conninfo(pool, cycle->pool) != NGX_OK) {
        return NULL;
    }

    ngx_openzaak_pg_worker_pool = pool;

    return pool;
}


ngx_openzaak_pg_pool_t *
ngx_openzaak_pg_pool_get(void)
{
    return ngx_openzaak_pg_worker_pool;
}


/*
 * The user's conninfo plus what the module relies on: UTC timestamps,
 * UTF-8, a server-side statement_timeout equal to the query timeout (so
 * an abandoned statement does not run on), and an application_name that
 * makes the module's backends easy to find in pg_stat_activity.
 */

static ngx_int_t
ngx_openzaak_pg_conninfo(ngx_openzaak_pg_pool_t *pool, ngx_pool_t *mp)
{
    char                *err;
    u_char              *p, *conninfo;
    size_t               len;
    ngx_uint_t           n, i, has_appname;
    PQconninfoOption    *opts, *o;
    const char          *user_options;

    conninfo = ngx_pnalloc(mp, pool->conf->db_conninfo.len + 1);
    if (conninfo == NULL) {
        return NGX_ERROR;
    }

    ngx_cpystrn(conninfo, pool->conf->db_conninfo.data,
                pool->conf->db_conninfo.len + 1);

    err = NULL;
    opts = PQconninfoParse((char *) conninfo, &err);

    if (opts == NULL) {
        ngx_log_error(NGX_LOG_EMERG, pool->log, 0,
                      "invalid openzaak_db \"%V\": %s",
                      &pool->conf->db_conninfo, err ? err : "out of memory");
        if (err) {
            PQfreemem(err);
        }
        return NGX_ERROR;
    }

    n = 0;
    for (o = opts; o->keyword; o++) {
        n++;
    }

    pool->keywords = ngx_pcalloc(mp, (n + 4) * sizeof(char *));
    pool->values = ngx_pcalloc(mp, (n + 4) * sizeof(char *));

    if (pool->keywords == NULL || pool->values == NULL) {
        PQconninfoFree(opts);
        return NGX_ERROR;
    }

    i = 0;
    has_appname = 0;
    user_options = NULL;

    for (o = opts; o->keyword; o++) {
        if (o->val == NULL) {
            continue;
        }

        if (ngx_strcmp(o->keyword, "options") == 0) {
            user_options = o->val;
            continue;
        }

        if (ngx_strcmp(o->keyword, "application_name") == 0) {
            has_appname = 1;
        }

        pool->keywords[i] = ngx_openzaak_cstrdup(mp, o->keyword);
        pool->values[i] = ngx_openzaak_cstrdup(mp, o->val);

        if (pool->keywords[i] == NULL || pool->values[i] == NULL) {
            PQconninfoFree(opts);
            return NGX_ERROR;
        }

        i++;
    }

    if (!has_appname) {
        pool->keywords[i] = "application_name";
        pool->values[i] = "ngx_openzaak";
        i++;
    }

    pool->keywords[i] = "client_encoding";
    pool->values[i] = "UTF8";
    i++;

    /*
     * Ours come after the user's, so they win: the renderer reads
     * timestamps in UTC and dates in ISO form; the overlap check's lock
     * (sql/0007) relies on READ COMMITTED; and JIT compilation, which
     * PostgreSQL starts for any statement its planner costs high (a list
     * page with a dozen relations per row), costs 70-140 ms per execution
     * where the statement runs in 10.
     */

#define NGX_OPENZAAK_PG_OPTIONS                                              \
    "-c TimeZone=UTC -c DateStyle=ISO -c jit=off"                            \
    " -c default_transaction_isolation=read\\ committed"                     \
    " -c statement_timeout="

    len = sizeof(NGX_OPENZAAK_PG_OPTIONS) - 1 + NGX_INT_T_LEN
          + (user_options ? ngx_strlen(user_options) + 1 : 0) + 1;

    p = ngx_pnalloc(mp, len);
    if (p == NULL) {
        PQconninfoFree(opts);
        return NGX_ERROR;
    }

    ngx_snprintf(p, len, "%s%s" NGX_OPENZAAK_PG_OPTIONS "%M%Z",
                 user_options ? user_options : "",
                 user_options ? " " : "", pool->conf->query_timeout);

    pool->keywords[i] = "options";
    pool->values[i] = (char *) p;
    i++;

    PQconninfoFree(opts);

    return NGX_OK;
}


void
ngx_openzaak_pg_pool_destroy(ngx_openzaak_pg_pool_t *pool)
{
    ngx_openzaak_pg_query_t  *q;
    ngx_queue_t              *qe;

    pool->exiting = 1;

    if (pool->retry.timer_set) {
        ngx_del_timer(&pool->retry);
    }

    if (pool->listen_retry.timer_set) {
        ngx_del_timer(&pool->listen_retry);
    }

    if (pool->full_log.flush.timer_set) {
        ngx_del_timer(&pool->full_log.flush);
    }

    if (pool->wait_log.flush.timer_set) {
        ngx_del_timer(&pool->wait_log.flush);
    }

    while (!ngx_queue_empty(&pool->waiting)) {
        qe = ngx_queue_head(&pool->waiting);
        q = ngx_queue_data(qe, ngx_openzaak_pg_query_t, queue);
        ngx_queue_remove(qe);
        q->queued = 0;

        if (q->wait.timer_set) {
            ngx_del_timer(&q->wait);
        }
    }

    ngx_openzaak_pg_close_queue(&pool->idle);
    ngx_openzaak_pg_close_queue(&pool->busy);
    ngx_openzaak_pg_close_queue(&pool->connecting);

    if (pool->listener) {
        ngx_openzaak_pg_close(pool->listener);
        pool->listener = NULL;
    }

    pool->nconns = 0;
    ngx_openzaak_pg_worker_pool = NULL;
}


static void
ngx_openzaak_pg_close_queue(ngx_queue_t *queue)
{
    ngx_queue_t             *qe;
    ngx_openzaak_pg_conn_t  *pc;

    while (!ngx_queue_empty(queue)) {
        qe = ngx_queue_head(queue);
        pc = ngx_queue_data(qe, ngx_openzaak_pg_conn_t, queue);
        ngx_queue_remove(qe);

        if (pc->query) {
            pc->query->conn = NULL;
            pc->query->running = 0;
        }

        ngx_openzaak_pg_close(pc);
    }
}


ngx_openzaak_pg_query_t *
ngx_openzaak_pg_query_create(ngx_pool_t *pool, ngx_log_t *log)
{
    ngx_pool_cleanup_t       *cln;
    ngx_openzaak_pg_query_t  *q;

    q = ngx_pcalloc(pool, sizeof(ngx_openzaak_pg_query_t));
    if (q == NULL) {
        return NULL;
    }

    cln = ngx_pool_cleanup_add(pool, 0);
    if (cln == NULL) {
        return NULL;
    }

    cln->handler = ngx_openzaak_pg_query_cleanup;
    cln->data = q;

    q->pool = pool;
    q->log = log;
    q->failed = -1;

    q->wait.handler = ngx_openzaak_pg_wait_handler;
    q->wait.data = q;
    q->wait.log = log;

    return q;
}


/*
 * An ad hoc statement: sent as the unnamed statement, never prepared.
 * For text built per request; what runs often is registered and added
 * by its id.
 */

ngx_openzaak_pg_stmt_t *
ngx_openzaak_pg_add(ngx_openzaak_pg_query_t *q, ngx_str_t *sql,
    ngx_uint_t nparams, const char **values)
{
    ngx_uint_t               n;
    PGresult               **results;
    ngx_openzaak_pg_stmt_t  *s, *stmts;

    if (q->nstmts == q->nalloc) {
        /*
         * Doubled: a batch of n statements costs O(n) copies.  The old
         * arrays stay in the pool unless they were large allocations;
         * no result is set before the batch runs, but they are copied
         * anyway, so that growing never loses one.
         */
        n = q->nalloc ? 2 * q->nalloc : 16;

        stmts = ngx_palloc(q->pool, n * sizeof(ngx_openzaak_pg_stmt_t));
        results = ngx_pcalloc(q->pool, n * sizeof(PGresult *));

        if (stmts == NULL || results == NULL) {
            return NULL;
        }

        if (q->nstmts) {
            ngx_memcpy(stmts, q->stmts,
                       q->nstmts * sizeof(ngx_openzaak_pg_stmt_t));
            ngx_memcpy(results, q->results, q->nstmts * sizeof(PGresult *));

            (void) ngx_pfree(q->pool, q->stmts);
            (void) ngx_pfree(q->pool, q->results);
        }

        q->stmts = stmts;
        q->results = results;
        q->nalloc = n;
    }

    s = &q->stmts[q->nstmts++];

    s->sql = *sql;
    s->nparams = nparams;
    s->values = values;
    s->id = -1;

    return s;
}


/* A registered statement: it runs prepared (see ngx_openzaak_pg_send). */

ngx_openzaak_pg_stmt_t *
ngx_openzaak_pg_add_id(ngx_openzaak_pg_query_t *q, ngx_int_t id,
    ngx_uint_t nparams, const char **values)
{
    ngx_str_t               *sql;
    ngx_openzaak_pg_stmt_t  *s;

    sql = ngx_openzaak_pg_stmt_sql(id);

    if (sql == NULL) {
        ngx_log_error(NGX_LOG_ALERT, q->log, 0,
                      "openzaak: no statement with id %i", id);
        return NULL;
    }

    s = ngx_openzaak_pg_add(q, sql, nparams, values);

    if (s) {
        s->id = id;
    }

    return s;
}


/*
 * Returns NGX_AGAIN when the query is on its way (its handler will run),
 * NGX_DECLINED when no database connection can take it now (the caller
 * answers 503), NGX_ERROR on internal failure.
 */

ngx_int_t
ngx_openzaak_pg_run(ngx_openzaak_pg_pool_t *pool, ngx_openzaak_pg_query_t *q)
{
    ngx_queue_t             *qe;
    ngx_openzaak_pg_conn_t  *pc;

    q->rc = NGX_OPENZAAK_PG_OK;
    q->failed = -1;
    q->error = NULL;
    q->done = 0;

    if (pool == NULL || pool->exiting) {
        q->rc = NGX_OPENZAAK_PG_UNAVAILABLE;
        return NGX_DECLINED;
    }

    while (!ngx_queue_empty(&pool->idle) && ngx_queue_empty(&pool->waiting)) {
        qe = ngx_queue_head(&pool->idle);
        pc = ngx_queue_data(qe, ngx_openzaak_pg_conn_t, queue);
        ngx_queue_remove(qe);

        if (ngx_openzaak_pg_send(pc, q) == NGX_OK) {
            ngx_queue_insert_tail(&pool->busy, &pc->queue);
            return NGX_AGAIN;
        }

        pool->nconns--;
        ngx_openzaak_pg_close(pc);
    }

    if (pool->nconns == 0 && ngx_current_msec < pool->backoff_until) {
        /* the database was unreachable a moment ago: answer at once */
        q->rc = NGX_OPENZAAK_PG_UNAVAILABLE;
        return NGX_DECLINED;
    }

    /* the queue is for busy connections; a request may always wait for
     * a connection that is opened for it */
    if (pool->nwaiting >= pool->conf->queue_size
                          + (pool->conf->pool_size - pool->nconns))
    {
        /* overload, not an outage: the client is told to come back */
        ngx_openzaak_pg_log_limited(pool, &pool->full_log, q->log);
        q->rc = NGX_OPENZAAK_PG_OVERLOADED;
        return NGX_DECLINED;
    }

    ngx_queue_insert_tail(&pool->waiting, &q->queue);
    pool->nwaiting++;
    q->queued = 1;

    ngx_add_timer(&q->wait, pool->conf->wait_timeout);

    if (ngx_openzaak_pg_maybe_connect(pool) != NGX_OK && pool->nconns == 0) {
        /* the connection attempt failed at once: the database is down */
        ngx_queue_remove(&q->queue);
        pool->nwaiting--;
        q->queued = 0;
        ngx_del_timer(&q->wait);
        q->rc = NGX_OPENZAAK_PG_UNAVAILABLE;
        return NGX_DECLINED;
    }

    return NGX_AGAIN;
}


/*
 * The request that owned the query is going away.  A waiting query just
 * leaves the queue.  A running one is detached: the connection reads and
 * discards the rest of the batch and then returns to the pool, so no
 * backend is left behind and no connection is wasted.
 */

void
ngx_openzaak_pg_cancel(ngx_openzaak_pg_query_t *q)
{
    ngx_openzaak_pg_pool_t  *pool;

    if (q->wait.timer_set) {
        ngx_del_timer(&q->wait);
    }

    if (q->queued) {
        ngx_queue_remove(&q->queue);
        q->queued = 0;

        pool = ngx_openzaak_pg_worker_pool;
        if (pool) {
            pool->nwaiting--;
        }
    }

    if (q->running && q->conn) {
        ngx_log_debug0(NGX_LOG_DEBUG_HTTP, q->log, 0,
                       "openzaak pg: query abandoned, draining");
        q->conn->query = NULL;
        q->conn = NULL;
        q->running = 0;
    }
}


static void
ngx_openzaak_pg_query_cleanup(void *data)
{
    ngx_openzaak_pg_query_t *q = data;

    ngx_uint_t  i;

    ngx_openzaak_pg_cancel(q);

    for (i = 0; i < q->nstmts; i++) {
        if (q->results[i]) {
            PQclear(q->results[i]);
            q->results[i] = NULL;
        }
    }

    if (q->error) {
        PQclear(q->error);
        q->error = NULL;
    }
}


/*
 * Opens connections for the waiters, within the pool size and outside the
 * backoff period.  NGX_ERROR means an attempt failed immediately.
 */

static ngx_int_t
ngx_openzaak_pg_maybe_connect(ngx_openzaak_pg_pool_t *pool)
{
    ngx_uint_t               want, connecting;
    ngx_queue_t             *qe;
    ngx_openzaak_pg_conn_t  *pc;

    if (pool->exiting || pool->nwaiting == 0) {
        return NGX_OK;
    }

    if (ngx_current_msec < pool->backoff_until) {
        if (!pool->retry.timer_set) {
            ngx_add_timer(&pool->retry, pool->backoff_until - ngx_current_msec);
        }
        return NGX_OK;
    }

    connecting = 0;
    for (qe = ngx_queue_head(&pool->connecting);
         qe != ngx_queue_sentinel(&pool->connecting);
         qe = ngx_queue_next(qe))
    {
        connecting++;
    }

    want = pool->nwaiting > connecting ? pool->nwaiting - connecting : 0;

    while (want-- && pool->nconns < pool->conf->pool_size) {
        pc = ngx_openzaak_pg_connect(pool, 0);

        if (pc == NULL) {
            ngx_openzaak_pg_backoff(&pool->backoff);
            pool->backoff_until = ngx_current_msec + pool->backoff;

            if (pool->nconns > 0 && !pool->retry.timer_set) {
                ngx_add_timer(&pool->retry, pool->backoff);
            }

            return NGX_ERROR;
        }

        pool->nconns++;
        ngx_queue_insert_tail(&pool->connecting, &pc->queue);
    }

    return NGX_OK;
}


static void
ngx_openzaak_pg_log_limit_init(ngx_openzaak_pg_log_limit_t *ll,
    const char *what, ngx_log_t *log)
{
    ll->what = what;
    ll->flush.handler = ngx_openzaak_pg_log_flush;
    ll->flush.data = ll;
    ll->flush.log = log;
    ll->flush.cancelable = 1;
}


/*
 * Logs an overload warning at most once a second: the first of a second
 * at once, with the state of the pool; the rest as a count, a second
 * later.  600 refused connections must not write 100,000 lines.
 */

static void
ngx_openzaak_pg_log_limited(ngx_openzaak_pg_pool_t *pool,
    ngx_openzaak_pg_log_limit_t *ll, ngx_log_t *log)
{
    if (ll->last == ngx_time()) {
        ll->more++;

        if (!ll->flush.timer_set) {
            ngx_add_timer(&ll->flush, 1000);
        }

        return;
    }

    ll->last = ngx_time();

    ngx_log_error(NGX_LOG_WARN, log, 0,
                  "openzaak: %s: all %ui database connections busy and "
                  "%ui requests waiting", ll->what, pool->nconns,
                  pool->nwaiting);
}


static void
ngx_openzaak_pg_log_flush(ngx_event_t *ev)
{
    ngx_openzaak_pg_log_limit_t  *ll = ev->data;

    if (ll->more == 0) {
        return;
    }

    ngx_log_error(NGX_LOG_WARN, ev->log, 0,
                  "openzaak: %s: %ui more times in the last second",
                  ll->what, ll->more);

    ll->more = 0;
    ll->last = ngx_time();
}


static void
ngx_openzaak_pg_backoff(ngx_msec_t *backoff)
{
    if (*backoff == 0) {
        *backoff = NGX_OPENZAAK_PG_BACKOFF_MIN;

    } else if (*backoff < NGX_OPENZAAK_PG_BACKOFF_MAX) {
        *backoff *= 2;

        if (*backoff > NGX_OPENZAAK_PG_BACKOFF_MAX) {
            *backoff = NGX_OPENZAAK_PG_BACKOFF_MAX;
        }
    }
}


static void
ngx_openzaak_pg_dispatch(ngx_openzaak_pg_pool_t *pool)
{
    ngx_queue_t              *qe;
    ngx_openzaak_pg_conn_t   *pc;
    ngx_openzaak_pg_query_t  *q;

    while (!ngx_queue_empty(&pool->idle) && !ngx_queue_empty(&pool->waiting))
    {
        qe = ngx_queue_head(&pool->waiting);
        q = ngx_queue_data(qe, ngx_openzaak_pg_query_t, queue);
        ngx_queue_remove(qe);
        pool->nwaiting--;
        q->queued = 0;

        if (q->wait.timer_set) {
            ngx_del_timer(&q->wait);
        }

        qe = ngx_queue_head(&pool->idle);
        pc = ngx_queue_data(qe, ngx_openzaak_pg_conn_t, queue);
        ngx_queue_remove(qe);

        if (ngx_openzaak_pg_send(pc, q) == NGX_OK) {
            ngx_queue_insert_tail(&pool->busy, &pc->queue);
            continue;
        }

        pool->nconns--;
        ngx_openzaak_pg_close(pc);

        q->rc = NGX_OPENZAAK_PG_UNAVAILABLE;
        q->done = 1;
        q->handler(q);
    }
}


void
ngx_openzaak_pg_pool_connected(ngx_openzaak_pg_conn_t *pc)
{
    ngx_openzaak_pg_pool_t  *pool;

    pool = pc->pool;

    if (pc->listener) {
        pool->listen_backoff = 0;

        /* notifications may have been missed while it was down */
        pool->notify(pool, 1);
        return;
    }

    pool->backoff = 0;
    pool->backoff_until = 0;

    ngx_queue_remove(&pc->queue);
    ngx_queue_insert_tail(&pool->idle, &pc->queue);
    ngx_openzaak_pg_set_idle(pc);

    ngx_openzaak_pg_dispatch(pool);
}


void
ngx_openzaak_pg_pool_done(ngx_openzaak_pg_conn_t *pc)
{
    ngx_openzaak_pg_pool_t  *pool;

    pool = pc->pool;

    /*
     * openzaak_db_max_lifetime: a connection is replaced now and then (a
     * backend's memory, a new server behind the same address), but only
     * between batches, so no request notices.
     */
    if (ngx_openzaak_pg_expired(pc)) {
        ngx_log_debug0(NGX_LOG_DEBUG_HTTP, &pc->log, 0,
                       "openzaak pg: retire, max lifetime reached");
        ngx_openzaak_pg_pool_retire(pc);
        return;
    }

    ngx_queue_remove(&pc->queue);
    ngx_queue_insert_tail(&pool->idle, &pc->queue);
    ngx_openzaak_pg_set_idle(pc);

    ngx_openzaak_pg_dispatch(pool);
}


/*
 * A connection that works but is not kept (it carried a batch so large
 * that libpq's buffers would stay that large): it leaves the pool as a
 * lost one does, without a backoff, and a waiter gets a new one.
 */

void
ngx_openzaak_pg_pool_retire(ngx_openzaak_pg_conn_t *pc)
{
    ngx_openzaak_pg_pool_failed(pc);
}


/*
 * A connection failed: connecting, lost, timed out, or idle for too long.
 * It leaves the pool.  A failed attempt to connect starts the backoff; if
 * no connection is left at all the database is down, and waiting requests
 * are answered now instead of when their wait times out.
 */

void
ngx_openzaak_pg_pool_failed(ngx_openzaak_pg_conn_t *pc)
{
    ngx_flag_t               connect_failed;
    ngx_openzaak_pg_pool_t  *pool;

    pool = pc->pool;

    if (pc->listener) {
        ngx_openzaak_pg_close(pc);
        pool->listener = NULL;

        if (!pool->exiting) {
            ngx_openzaak_pg_backoff(&pool->listen_backoff);
            ngx_add_timer(&pool->listen_retry, pool->listen_backoff);

            /* without notifications the cache cannot be trusted */
            pool->notify(pool, 1);
        }

        return;
    }

    connect_failed = (pc->state == NGX_OPENZAAK_PG_CONNECTING);

    ngx_queue_remove(&pc->queue);
    pool->nconns--;

    if (pc->query) {
        pc->query->conn = NULL;
        pc->query->running = 0;
    }

    ngx_openzaak_pg_close(pc);

    if (pool->exiting) {
        return;
    }

    if (connect_failed) {
        ngx_openzaak_pg_backoff(&pool->backoff);
        pool->backoff_until = ngx_current_msec + pool->backoff;

        if (pool->nconns == 0) {
            ngx_openzaak_pg_fail_waiters(pool);
            return;
        }
    }

    if (ngx_openzaak_pg_maybe_connect(pool) != NGX_OK && pool->nconns == 0) {
        ngx_openzaak_pg_fail_waiters(pool);
    }
}


static void
ngx_openzaak_pg_fail_waiters(ngx_openzaak_pg_pool_t *pool)
{
    ngx_queue_t              *qe;
    ngx_openzaak_pg_query_t  *q;

    while (!ngx_queue_empty(&pool->waiting)) {
        qe = ngx_queue_head(&pool->waiting);
        q = ngx_queue_data(qe, ngx_openzaak_pg_query_t, queue);
        ngx_queue_remove(qe);
        pool->nwaiting--;
        q->queued = 0;

        if (q->wait.timer_set) {
            ngx_del_timer(&q->wait);
        }

        q->rc = NGX_OPENZAAK_PG_UNAVAILABLE;
        q->done = 1;
        q->handler(q);
    }
}


static void
ngx_openzaak_pg_retry_handler(ngx_event_t *ev)
{
    ngx_openzaak_pg_pool_t  *pool = ev->data;

    if (ngx_openzaak_pg_maybe_connect(pool) != NGX_OK && pool->nconns == 0) {
        ngx_openzaak_pg_fail_waiters(pool);
    }
}


static void
ngx_openzaak_pg_wait_handler(ngx_event_t *ev)
{
    ngx_openzaak_pg_query_t  *q = ev->data;
    ngx_openzaak_pg_pool_t   *pool;

    pool = ngx_openzaak_pg_worker_pool;

    if (q->queued) {
        ngx_queue_remove(&q->queue);
        q->queued = 0;

        if (pool) {
            pool->nwaiting--;
        }
    }

    /*
     * Connections that are busy and never freed in time: overload.  With
     * none working (only attempts to connect) the database is the cause.
     */
    if (pool && !ngx_queue_empty(&pool->busy)) {
        ngx_openzaak_pg_log_limited(pool, &pool->wait_log, q->log);
        q->rc = NGX_OPENZAAK_PG_OVERLOADED;

    } else {
        ngx_log_error(NGX_LOG_WARN, q->log, 0,
                      "openzaak: no database connection became free in "
                      "time; none is working");
        q->rc = NGX_OPENZAAK_PG_UNAVAILABLE;
    }

    q->done = 1;
    q->handler(q);
}


ngx_int_t
ngx_openzaak_pg_listen(ngx_openzaak_pg_pool_t *pool, const char *channel,
    ngx_openzaak_pg_notify_pt notify)
{
    u_char  *p;
    size_t   len;

    len = sizeof("LISTEN ") + ngx_strlen(channel);

    p = ngx_pnalloc(ngx_cycle->pool, len);
    if (p == NULL) {
        return NGX_ERROR;
    }

    ngx_snprintf(p, len, "LISTEN %s%Z", channel);

    pool->listen_channel = (const char *) p;
    pool->notify = notify;

    ngx_openzaak_pg_listen_start(pool);

    return NGX_OK;
}


static void
ngx_openzaak_pg_listen_start(ngx_openzaak_pg_pool_t *pool)
{
    if (pool->exiting || pool->listener) {
        return;
    }

    pool->listener = ngx_openzaak_pg_connect(pool, 1);

    if (pool->listener == NULL) {
        ngx_openzaak_pg_backoff(&pool->listen_backoff);
        ngx_add_timer(&pool->listen_retry, pool->listen_backoff);
    }
}


static void
ngx_openzaak_pg_listen_retry_handler(ngx_event_t *ev)
{
    ngx_openzaak_pg_listen_start(ev->data);
}


void
ngx_openzaak_pg_pool_notified(ngx_openzaak_pg_conn_t *pc)
{
    pc->pool->notify(pc->pool, 0);
}


static char *
ngx_openzaak_cstrdup(ngx_pool_t *pool, const char *s)
{
    size_t   len;
    u_char  *p;

    len = ngx_strlen(s) + 1;

    p = ngx_pnalloc(pool, len);
    if (p == NULL) {
        return NULL;
    }

    ngx_memcpy(p, s, len);

    return (char *) p;
}
