/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * One PostgreSQL connection on nginx's event loop.
 *
 * libpq is used only through its asynchronous API: PQconnectStartParams +
 * PQconnectPoll to connect, pipeline mode with PQsend* + PQflush to send,
 * PQconsumeInput + PQgetResult to read.  The socket is wrapped in an nginx
 * connection whose events drive the state machine.  Level-triggered read
 * events are used on purpose: libpq decides how much it reads, so an
 * edge-triggered registration could leave buffered data without a wakeup.
 *
 * This file knows nothing about HTTP; the pool decides who uses a
 * connection.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_event.h>
#include <sys/stat.h>

#include "ngx_openzaak_pg.h"


enum {
    NGX_OPENZAAK_PG_SLOT_DEALLOCATE = 0,
    NGX_OPENZAAK_PG_SLOT_PREPARE,
    NGX_OPENZAAK_PG_SLOT_EXEC
};

/* prepared statement states */
#define NGX_OPENZAAK_PG_PREPARING   1   /* Parse sent, result to come */
#define NGX_OPENZAAK_PG_PREPARED    2   /* the server has it */

/* "DEALLOCATE oz<id>", or a statement name "oz<id>" */
#define NGX_OPENZAAK_PG_SQL_LEN     (sizeof("DEALLOCATE oz") + NGX_INT_T_LEN)


static ngx_int_t ngx_openzaak_pg_wrap(ngx_openzaak_pg_conn_t *pc);
static void ngx_openzaak_pg_unwrap(ngx_openzaak_pg_conn_t *pc,
    ngx_flag_t fd_alive);
static ngx_int_t ngx_openzaak_pg_events(ngx_openzaak_pg_conn_t *pc,
    ngx_flag_t rd, ngx_flag_t wr);
static void ngx_openzaak_pg_connect_poll(ngx_openzaak_pg_conn_t *pc);
static void ngx_openzaak_pg_read_handler(ngx_event_t *rev);
static void ngx_openzaak_pg_write_handler(ngx_event_t *wev);
static ngx_int_t ngx_openzaak_pg_flush(ngx_openzaak_pg_conn_t *pc);
static void ngx_openzaak_pg_process(ngx_openzaak_pg_conn_t *pc);
static void ngx_openzaak_pg_batch_done(ngx_openzaak_pg_conn_t *pc);
static size_t ngx_openzaak_pg_result_bytes(PGresult *res);
static void ngx_openzaak_pg_broken(ngx_openzaak_pg_conn_t *pc,
    ngx_openzaak_pg_rc_e rc);
static void ngx_openzaak_pg_listen_input(ngx_openzaak_pg_conn_t *pc);
static ngx_int_t ngx_openzaak_pg_prepare(ngx_openzaak_pg_conn_t *pc,
    ngx_uint_t i, ngx_int_t *entry);
static ngx_int_t ngx_openzaak_pg_prepared_entry(ngx_openzaak_pg_conn_t *pc);
static ngx_int_t ngx_openzaak_pg_prepared_bind(ngx_openzaak_pg_conn_t *pc,
    ngx_int_t e, ngx_int_t id, ngx_uint_t state);
static void ngx_openzaak_pg_prepared_free(ngx_openzaak_pg_conn_t *pc,
    ngx_int_t e);
static void ngx_openzaak_pg_prepared_result(ngx_openzaak_pg_conn_t *pc,
    ngx_openzaak_pg_slot_t *slot, PGresult *res);
static ino_t ngx_openzaak_pg_inode(int fd);
static u_char *ngx_openzaak_pg_log_error(ngx_log_t *log, u_char *buf,
    size_t len);


ngx_openzaak_pg_conn_t *
ngx_openzaak_pg_connect(ngx_openzaak_pg_pool_t *pool, ngx_flag_t listener)
{
    ngx_pool_t              *mem;
    ngx_openzaak_pg_conn_t  *pc;

    mem = ngx_create_pool(4096, pool->log);
    if (mem == NULL) {
        return NULL;
    }

    pc = ngx_pcalloc(mem, sizeof(ngx_openzaak_pg_conn_t));
    if (pc == NULL) {
        ngx_destroy_pool(mem);
        return NULL;
    }

    pc->mem = mem;
    pc->pool = pool;
    pc->listener = listener;
    pc->state = NGX_OPENZAAK_PG_CONNECTING;

    pc->log = *pool->log;
    pc->log.handler = ngx_openzaak_pg_log_error;
    pc->log.data = pc;
    pc->log.action = "connecting to PostgreSQL";

    /* openzaak_db_max_lifetime counts from the start of the attempt */
    pc->created = ngx_current_msec;

    pc->pg = PQconnectStartParams(pool->keywords, pool->values, 0);

    if (pc->pg == NULL) {
        ngx_log_error(NGX_LOG_ERR, &pc->log, 0,
                      "PQconnectStartParams() failed");
        ngx_destroy_pool(mem);
        return NULL;
    }

    if (PQstatus(pc->pg) == CONNECTION_BAD || PQsocket(pc->pg) == -1) {
        ngx_log_error(NGX_LOG_ERR, &pc->log, 0, "could not connect: %s",
                      PQerrorMessage(pc->pg));
        PQfinish(pc->pg);
        ngx_destroy_pool(mem);
        return NULL;
    }

    if (ngx_openzaak_pg_wrap(pc) != NGX_OK) {
        PQfinish(pc->pg);
        ngx_destroy_pool(mem);
        return NULL;
    }

    ngx_add_timer(pc->c->read, pool->conf->connect_timeout);

    /* libpq: right after PQconnectStart, behave as if polling wants write */

    if (ngx_openzaak_pg_events(pc, 0, 1) != NGX_OK) {
        ngx_openzaak_pg_close(pc);
        return NULL;
    }

    return pc;
}


void
ngx_openzaak_pg_close(ngx_openzaak_pg_conn_t *pc)
{
    /* libpq closes the socket itself when it sees EOF or a failed connect */
    ngx_openzaak_pg_unwrap(pc, pc->c && pc->pg
                               && PQsocket(pc->pg) == pc->c->fd);

    if (pc->pg) {
        PQfinish(pc->pg);
        pc->pg = NULL;
    }

    if (pc->slots) {
        ngx_free(pc->slots);
    }

    ngx_destroy_pool(pc->mem);
}


static ngx_int_t
ngx_openzaak_pg_wrap(ngx_openzaak_pg_conn_t *pc)
{
    int                fd;
    ngx_connection_t  *c;

    fd = PQsocket(pc->pg);
    if (fd == -1) {
        return NGX_ERROR;
    }

    c = ngx_get_connection(fd, &pc->log);
    if (c == NULL) {
        return NGX_ERROR;
    }

    c->data = pc;
    c->read->handler = ngx_openzaak_pg_read_handler;
    c->write->handler = ngx_openzaak_pg_write_handler;
    c->read->log = &pc->log;
    c->write->log = &pc->log;

    /* timers on database connections must not hold up a graceful exit */
    c->read->cancelable = 1;
    c->write->cancelable = 1;

    pc->c = c;
    pc->log.data = pc;

    return NGX_OK;
}


/*
 * Gives the nginx connection back without closing the socket: the socket
 * belongs to libpq.  When libpq already closed it (a reconnect attempt to
 * the next address), the kernel dropped the epoll registration with it.
 */

static void
ngx_openzaak_pg_unwrap(ngx_openzaak_pg_conn_t *pc, ngx_flag_t fd_alive)
{
    ngx_connection_t  *c;

    c = pc->c;
    if (c == NULL) {
        return;
    }

    if (c->read->timer_set) {
        ngx_del_timer(c->read);
    }

    if (c->write->timer_set) {
        ngx_del_timer(c->write);
    }

    if (fd_alive) {
        if (c->read->active) {
            ngx_del_event(c->read, NGX_READ_EVENT, 0);
        }

        if (c->write->active) {
            ngx_del_event(c->write, NGX_WRITE_EVENT, 0);
        }

    } else {
        c->read->active = 0;
        c->write->active = 0;
    }

    if (c->read->posted) {
        ngx_delete_posted_event(c->read);
    }

    if (c->write->posted) {
        ngx_delete_posted_event(c->write);
    }

    ngx_free_connection(c);
    c->fd = (ngx_socket_t) -1;

    pc->c = NULL;
}


static ngx_int_t
ngx_openzaak_pg_events(ngx_openzaak_pg_conn_t *pc, ngx_flag_t rd,
    ngx_flag_t wr)
{
    ngx_connection_t  *c;

    c = pc->c;

    if (rd && !c->read->active) {
        if (ngx_add_event(c->read, NGX_READ_EVENT, NGX_LEVEL_EVENT)
            != NGX_OK)
        {
            return NGX_ERROR;
        }

    } else if (!rd && c->read->active) {
        if (ngx_del_event(c->read, NGX_READ_EVENT, 0) != NGX_OK) {
            return NGX_ERROR;
        }
    }

    if (wr && !c->write->active) {
        if (ngx_add_event(c->write, NGX_WRITE_EVENT, NGX_LEVEL_EVENT)
            != NGX_OK)
        {
            return NGX_ERROR;
        }

    } else if (!wr && c->write->active) {
        if (ngx_del_event(c->write, NGX_WRITE_EVENT, 0) != NGX_OK) {
            return NGX_ERROR;
        }
    }

    return NGX_OK;
}


static ino_t
ngx_openzaak_pg_inode(int fd)
{
    struct stat  st;

    if (fd == -1 || fstat(fd, &st) == -1) {
        return 0;
    }

    return st.st_ino;
}


static void
ngx_openzaak_pg_connect_poll(ngx_openzaak_pg_conn_t *pc)
{
    int                      fd;
    ino_t                    ino;
    ngx_msec_t               timeout;
    PostgresPollingStatusType  st;

    ino = ngx_openzaak_pg_inode(pc->c->fd);

    st = PQconnectPoll(pc->pg);

    /*
     * libpq opens a new socket for every address it tries; the new one may
     * even reuse the old descriptor number, hence the inode comparison.
     */

    fd = PQsocket(pc->pg);

    if (st != PGRES_POLLING_FAILED
        && (fd != pc->c->fd || ngx_openzaak_pg_inode(fd) != ino))
    {
        timeout = pc->pool->conf->connect_timeout;

        ngx_openzaak_pg_unwrap(pc, 0);

        if (ngx_openzaak_pg_wrap(pc) != NGX_OK) {
            ngx_openzaak_pg_pool_failed(pc);
            return;
        }

        ngx_add_timer(pc->c->read, timeout);
    }

    switch (st) {

    case PGRES_POLLING_READING:
        if (ngx_openzaak_pg_events(pc, 1, 0) != NGX_OK) {
            ngx_openzaak_pg_pool_failed(pc);
        }
        return;

    case PGRES_POLLING_WRITING:
        if (ngx_openzaak_pg_events(pc, 0, 1) != NGX_OK) {
            ngx_openzaak_pg_pool_failed(pc);
        }
        return;

    case PGRES_POLLING_OK:
        break;

    default: /* PGRES_POLLING_FAILED */
        ngx_log_error(NGX_LOG_ERR, &pc->log, 0, "could not connect: %s",
                      PQerrorMessage(pc->pg));
        ngx_openzaak_pg_pool_failed(pc);
        return;
    }

    if (pc->c->read->timer_set) {
        ngx_del_timer(pc->c->read);
    }

    pc->log.action = NULL;

    if (PQsetnonblocking(pc->pg, 1) == -1) {
        ngx_log_error(NGX_LOG_ERR, &pc->log, 0,
                      "PQsetnonblocking() failed: %s",
                      PQerrorMessage(pc->pg));
        ngx_openzaak_pg_pool_failed(pc);
        return;
    }

    if (pc->listener) {
        pc->state = NGX_OPENZAAK_PG_LISTENING;

        if (PQsendQuery(pc->pg, pc->pool->listen_channel) == 0
            || ngx_openzaak_pg_flush(pc) != NGX_OK)
        {
            ngx_log_error(NGX_LOG_ERR, &pc->log, 0, "LISTEN failed: %s",
                          PQerrorMessage(pc->pg));
            ngx_openzaak_pg_pool_failed(pc);
            return;
        }

        ngx_openzaak_pg_pool_connected(pc);
        return;
    }

    if (PQenterPipelineMode(pc->pg) == 0) {
        ngx_log_error(NGX_LOG_ERR, &pc->log, 0,
                      "PQenterPipelineMode() failed: %s",
                      PQerrorMessage(pc->pg));
        ngx_openzaak_pg_pool_failed(pc);
        return;
    }

    if (ngx_openzaak_pg_events(pc, 1, 0) != NGX_OK) {
        ngx_openzaak_pg_pool_failed(pc);
        return;
    }

    pc->state = NGX_OPENZAAK_PG_IDLE;

    ngx_log_debug1(NGX_LOG_DEBUG_HTTP, &pc->log, 0,
                   "openzaak pg: connected, backend pid %d",
                   PQbackendPID(pc->pg));

    ngx_openzaak_pg_pool_connected(pc);
}


void
ngx_openzaak_pg_set_idle(ngx_openzaak_pg_conn_t *pc)
{
    ngx_msec_t  timeout, left;

    pc->state = NGX_OPENZAAK_PG_IDLE;

    if (pc->c->read->timer_set) {
        ngx_del_timer(pc->c->read);
    }

    /* an idle connection must not hold up a graceful exit */
    pc->c->read->cancelable = 1;

    timeout = pc->pool->conf->idle_timeout;

    /* an idle connection is closed when its lifetime is over, too */
    if (pc->pool->conf->max_lifetime) {
        left = ngx_openzaak_pg_expired(pc)
               ? 1 : pc->pool->conf->max_lifetime
                     - (ngx_current_msec - pc->created);

        if (timeout == 0 || left < timeout) {
            timeout = left;
        }
    }

    if (timeout) {
        ngx_add_timer(pc->c->read, timeout);
    }
}


ngx_flag_t
ngx_openzaak_pg_expired(ngx_openzaak_pg_conn_t *pc)
{
    ngx_msec_t  lifetime;

    lifetime = pc->pool->conf->max_lifetime;

    return lifetime && ngx_current_msec - pc->created >= lifetime;
}


ngx_int_t
ngx_openzaak_pg_send(ngx_openzaak_pg_conn_t *pc, ngx_openzaak_pg_query_t *q)
{
    int                      ok;
    u_char                   name[NGX_OPENZAAK_PG_SQL_LEN];
    ngx_int_t                e, id;
    ngx_uint_t               i, j;
    ngx_openzaak_pg_slot_t  *slot;
    ngx_openzaak_pg_stmt_t  *s;

    /*
     * Room for every result the batch can bring: a statement may need a
     * DEALLOCATE and a Parse before it runs.  Sized before anything is
     * sent, so a failure leaves the connection as it was.
     */

    if (3 * q->nstmts > pc->slots_cap) {
        if (pc->slots) {
            ngx_free(pc->slots);
            pc->slots = NULL;
            pc->slots_cap = 0;
        }

        i = ngx_max(3 * q->nstmts, NGX_OPENZAAK_PG_SLOTS_KEEP);

        pc->slots = ngx_alloc(i * sizeof(ngx_openzaak_pg_slot_t), &pc->log);
        if (pc->slots == NULL) {
            return NGX_ERROR;
        }

        pc->slots_cap = i;
    }

    pc->query = q;
    pc->state = NGX_OPENZAAK_PG_BUSY;
    pc->nslots = 0;
    pc->slot = 0;
    pc->expect_null = 0;
    pc->failed = 0;
    pc->bytes = 0;
    pc->batch++;

    q->conn = pc;
    q->running = 1;

    if (pc->c->read->timer_set) {
        ngx_del_timer(pc->c->read);
    }

    /*
     * The statements of this batch that are prepared already are marked
     * used first: making room for one statement must not evict another
     * that the same batch runs later.  (It also means that a statement
     * deallocated in a batch is not prepared again in the same batch.)
     */

    for (i = 0; i < q->nstmts; i++) {
        id = q->stmts[i].id;

        if (id >= 0 && (ngx_uint_t) id < pc->nindex && pc->index[id] >= 0) {
            pc->prepared[pc->index[id]].used = pc->batch;
        }
    }

    for (i = 0; i < q->nstmts; i++) {
        s = &q->stmts[i];
        e = -1;

        for (j = 0; j < s->nparams; j++) {
            if (s->values[j]) {
                pc->bytes += ngx_strlen(s->values[j]);
            }
        }

        if (s->id >= 0 && ngx_openzaak_pg_prepare(pc, i, &e) != NGX_OK) {
            goto failed;
        }

        if (e >= 0) {
            ngx_sprintf(name, "oz%i%Z", s->id);

            ok = PQsendQueryPrepared(pc->pg, (char *) name, (int) s->nparams,
                                     s->values, NULL, NULL, 0);

        } else {
            ok = PQsendQueryParams(pc->pg, (char *) s->sql.data,
                                   (int) s->nparams, NULL, s->values,
                                   NULL, NULL, 0);
        }

        if (ok == 0) {
            goto failed;
        }

        slot = &pc->slots[pc->nslots++];
        slot->kind = NGX_OPENZAAK_PG_SLOT_EXEC;
        slot->stmt = i;
        slot->prepared = e;
        slot->id = s->id;
    }

    if (PQpipelineSync(pc->pg) == 0) {
        goto failed;
    }

    if (ngx_openzaak_pg_flush(pc) != NGX_OK) {
        goto failed;
    }

    /* one line per round trip: the tests count them */
    ngx_log_debug2(NGX_LOG_DEBUG_HTTP, &pc->log, 0,
                   "openzaak pg: round trip, %ui statement(s), %ui result(s)",
                   q->nstmts, pc->nslots);

    /*
     * A running query keeps a worker that exits gracefully (reload) alive
     * until it is answered: nginx waits for timers that are not cancelable.
     */
    pc->c->read->cancelable = 0;
    ngx_add_timer(pc->c->read, pc->pool->conf->query_timeout);

    return NGX_OK;

failed:

    /* the caller closes the connection: its cache goes with it */

    ngx_log_error(NGX_LOG_ERR, &pc->log, 0, "sending query failed: %s",
                  PQerrorMessage(pc->pg));

    pc->query = NULL;
    q->conn = NULL;
    q->running = 0;

    return NGX_ERROR;
}


/*
 * Makes statement i of the batch run prepared: *entry is its entry in the
 * cache, or -1 when it is to run unnamed because every entry is used by
 * this batch.  A statement the connection has not prepared gets a free
 * entry, or the least recently used one: the statement held there is
 * deallocated first, in the same pipeline, then the new one is prepared.
 * Every batch is one pipeline, so this costs no round trip.
 */

static ngx_int_t
ngx_openzaak_pg_prepare(ngx_openzaak_pg_conn_t *pc, ngx_uint_t i,
    ngx_int_t *entry)
{
    u_char                   sql[NGX_OPENZAAK_PG_SQL_LEN];
    ngx_int_t                e, id, old;
    ngx_openzaak_pg_slot_t  *slot;
    ngx_openzaak_pg_stmt_t  *s;

    s = &pc->query->stmts[i];
    id = s->id;

    if ((ngx_uint_t) id < pc->nindex && pc->index[id] >= 0) {
        /* prepared, or being prepared by an earlier statement of the batch */
        *entry = pc->index[id];
        return NGX_OK;
    }

    e = ngx_openzaak_pg_prepared_entry(pc);

    if (e == NGX_ERROR) {
        return NGX_ERROR;
    }

    if (e == NGX_DECLINED) {
        ngx_log_debug1(NGX_LOG_DEBUG_HTTP, &pc->log, 0,
                       "openzaak pg: oz%i runs unprepared, every prepared "
                       "statement is used by the batch", id);
        *entry = -1;
        return NGX_OK;
    }

    old = pc->prepared[e].id;

    if (old >= 0) {
        /*
         * An entry used by this batch is never chosen, so the old statement
         * is one the server holds (PREPARED): DEALLOCATE of a name the
         * server does not know would fail and abort the whole batch.
         */
        ngx_sprintf(sql, "DEALLOCATE oz%i%Z", old);

        if (PQsendQueryParams(pc->pg, (char *) sql, 0, NULL, NULL, NULL,
                              NULL, 0)
            == 0)
        {
            return NGX_ERROR;
        }

        slot = &pc->slots[pc->nslots++];
        slot->kind = NGX_OPENZAAK_PG_SLOT_DEALLOCATE;
        slot->stmt = i;
        slot->prepared = e;
        slot->id = old;

        /* the tests count these lines */
        ngx_log_debug2(NGX_LOG_DEBUG_HTTP, &pc->log, 0,
                       "openzaak pg: deallocate oz%i for oz%i", old, id);

        ngx_openzaak_pg_prepared_free(pc, e);
    }

    if (ngx_openzaak_pg_prepared_bind(pc, e, id, NGX_OPENZAAK_PG_PREPARING)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    ngx_sprintf(sql, "oz%i%Z", id);

    if (PQsendPrepare(pc->pg, (char *) sql, (char *) s->sql.data,
                      (int) s->nparams, NULL)
        == 0)
    {
        return NGX_ERROR;
    }

    slot = &pc->slots[pc->nslots++];
    slot->kind = NGX_OPENZAAK_PG_SLOT_PREPARE;
    slot->stmt = i;
    slot->prepared = e;
    slot->id = id;

    *entry = e;

    return NGX_OK;
}


/*
 * An entry for a statement to prepare: a free one, a new one while there
 * are fewer than openzaak_db_prepared_statements, else the least recently
 * used one that this batch does not use (NGX_DECLINED: none).  This scan
 * runs only when a statement is not prepared yet.
 */

static ngx_int_t
ngx_openzaak_pg_prepared_entry(ngx_openzaak_pg_conn_t *pc)
{
    ngx_int_t                    victim;
    ngx_uint_t                   i, max, cap;
    ngx_openzaak_pg_prepared_t  *e, *entries;

    victim = NGX_DECLINED;

    for (i = 0; i < pc->nprepared; i++) {
        e = &pc->prepared[i];

        if (e->id == -1) {
            return i;
        }

        if (e->used == pc->batch) {
            continue;
        }

        if (victim == NGX_DECLINED || e->used < pc->prepared[victim].used) {
            victim = i;
        }
    }

    max = pc->pool->conf->prepared_statements;

    if (pc->nprepared == max) {
        return victim;
    }

    if (pc->nprepared == pc->prepared_cap) {
        cap = ngx_max(2 * pc->prepared_cap, 16);
        cap = ngx_min(cap, max);

        entries = ngx_palloc(pc->mem,
                             cap * sizeof(ngx_openzaak_pg_prepared_t));
        if (entries == NULL) {
            return NGX_ERROR;
        }

        if (pc->nprepared) {
            ngx_memcpy(entries, pc->prepared,
                       pc->nprepared * sizeof(ngx_openzaak_pg_prepared_t));
        }

        pc->prepared = entries;
        pc->prepared_cap = cap;
    }

    e = &pc->prepared[pc->nprepared];
    e->id = -1;
    e->state = 0;
    e->used = 0;

    return pc->nprepared++;
}


static ngx_int_t
ngx_openzaak_pg_prepared_bind(ngx_openzaak_pg_conn_t *pc, ngx_int_t e,
    ngx_int_t id, ngx_uint_t state)
{
    ngx_int_t   *index;
    ngx_uint_t   i, n;

    if ((ngx_uint_t) id >= pc->nindex) {
        n = ngx_max(2 * pc->nindex, ngx_openzaak_pg_stmt_count());
        n = ngx_max(n, (ngx_uint_t) id + 1);

        index = ngx_palloc(pc->mem, n * sizeof(ngx_int_t));
        if (index == NULL) {
            return NGX_ERROR;
        }

        for (i = 0; i < n; i++) {
            index[i] = (i < pc->nindex) ? pc->index[i] : -1;
        }

        pc->index = index;
        pc->nindex = n;
    }

    pc->index[id] = e;
    pc->prepared[e].id = id;
    pc->prepared[e].state = state;
    pc->prepared[e].used = pc->batch;

    return NGX_OK;
}


static void
ngx_openzaak_pg_prepared_free(ngx_openzaak_pg_conn_t *pc, ngx_int_t e)
{
    ngx_int_t  id;

    id = pc->prepared[e].id;

    if (id >= 0 && pc->index[id] == e) {
        pc->index[id] = -1;
    }

    pc->prepared[e].id = -1;
    pc->prepared[e].state = 0;
}


/*
 * Keeps the cache what the server holds, whatever became of the batch.
 * Prepared statements are not transactional: a Parse or a DEALLOCATE that
 * ran stays done when a later statement fails and the batch's transaction
 * rolls back.  One that the server skipped after an earlier failure
 * (PGRES_PIPELINE_ABORTED) never happened.
 */

static void
ngx_openzaak_pg_prepared_result(ngx_openzaak_pg_conn_t *pc,
    ngx_openzaak_pg_slot_t *slot, PGresult *res)
{
    char                        *code;
    ExecStatusType               st;
    ngx_openzaak_pg_prepared_t  *e;

    st = PQresultStatus(res);
    e = &pc->prepared[slot->prepared];

    switch (slot->kind) {

    case NGX_OPENZAAK_PG_SLOT_DEALLOCATE:

        if (st == PGRES_COMMAND_OK) {
            /* gone from the server, as from the cache since it was sent */
            return;
        }

        if (st == PGRES_PIPELINE_ABORTED) {
            /*
             * Skipped: the old statement is still on the server under its
             * name, so the entry holds it again.  The new statement's
             * Parse, later in the pipeline, was skipped too and finds the
             * entry no longer its own.  The old id cannot have been
             * prepared again in the batch: it is not one of the batch's
             * statements (those are never evicted), and its index slot
             * exists, so binding it cannot fail.
             */
            ngx_log_debug1(NGX_LOG_DEBUG_HTTP, &pc->log, 0,
                           "openzaak pg: kept oz%i, the batch failed before "
                           "its DEALLOCATE", slot->id);

            ngx_openzaak_pg_prepared_free(pc, slot->prepared);
            (void) ngx_openzaak_pg_prepared_bind(pc, slot->prepared, slot->id,
                                                 NGX_OPENZAAK_PG_PREPARED);
            return;
        }

        /*
         * DEALLOCATE failed: the server did not hold the name the cache
         * says it did.  The cache is not to be trusted any more.
         */
        ngx_log_error(NGX_LOG_ALERT, &pc->log, 0,
                      "DEALLOCATE oz%i failed: %s", slot->id,
                      PQresultErrorMessage(res));
        pc->unsure = 1;
        return;

    case NGX_OPENZAAK_PG_SLOT_PREPARE:

        if (e->id != slot->id) {
            /* given back to the statement its DEALLOCATE did not remove */
            return;
        }

        if (st == PGRES_COMMAND_OK) {
            e->state = NGX_OPENZAAK_PG_PREPARED;
            return;
        }

        /* failed or skipped: the server does not know the name */
        ngx_openzaak_pg_prepared_free(pc, slot->prepared);
        return;

    default: /* NGX_OPENZAAK_PG_SLOT_EXEC */

        if (st != PGRES_FATAL_ERROR) {
            return;
        }

        /* 26000: no such prepared statement, the cache said there was */
        code = PQresultErrorField(res, PG_DIAG_SQLSTATE);

        if (code && ngx_strcmp(code, "26000") == 0) {
            ngx_log_error(NGX_LOG_ALERT, &pc->log, 0,
                          "prepared statement oz%i is unknown to the server",
                          slot->id);
            pc->unsure = 1;
        }

        return;
    }
}


static ngx_int_t
ngx_openzaak_pg_flush(ngx_openzaak_pg_conn_t *pc)
{
    int  rc;

    rc = PQflush(pc->pg);

    if (rc == -1) {
        return NGX_ERROR;
    }

    /* rc == 1: more to send once the socket is writable */

    return ngx_openzaak_pg_events(pc, 1, rc == 1);
}


static void
ngx_openzaak_pg_read_handler(ngx_event_t *rev)
{
    ngx_connection_t        *c;
    ngx_openzaak_pg_conn_t  *pc;

    c = rev->data;
    pc = c->data;

    if (rev->timedout) {
        rev->timedout = 0;

        switch (pc->state) {

        case NGX_OPENZAAK_PG_CONNECTING:
            ngx_log_error(NGX_LOG_ERR, &pc->log, NGX_ETIMEDOUT,
                          "connecting timed out");
            ngx_openzaak_pg_pool_failed(pc);
            return;

        case NGX_OPENZAAK_PG_BUSY:
            pc->log.action = NULL;
            ngx_log_error(NGX_LOG_ERR, &pc->log, NGX_ETIMEDOUT,
                          "query timed out, closing the connection");
            ngx_openzaak_pg_broken(pc, NGX_OPENZAAK_PG_TIMEOUT);
            return;

        default: /* idle */
            if (ngx_openzaak_pg_expired(pc)) {
                ngx_log_debug0(NGX_LOG_DEBUG_HTTP, &pc->log, 0,
                               "openzaak pg: retire, max lifetime reached");

            } else {
                ngx_log_debug0(NGX_LOG_DEBUG_HTTP, &pc->log, 0,
                               "openzaak pg: idle timeout");
            }

            ngx_openzaak_pg_pool_retire(pc);
            return;
        }
    }

    switch (pc->state) {

    case NGX_OPENZAAK_PG_CONNECTING:
        ngx_openzaak_pg_connect_poll(pc);
        return;

    case NGX_OPENZAAK_PG_LISTENING:
        ngx_openzaak_pg_listen_input(pc);
        return;

    case NGX_OPENZAAK_PG_IDLE:

        /* the server may have closed the connection, or sent a notice */

        if (PQconsumeInput(pc->pg) == 0 || PQstatus(pc->pg) != CONNECTION_OK)
        {
            ngx_log_error(NGX_LOG_WARN, &pc->log, 0,
                          "idle connection lost: %s", PQerrorMessage(pc->pg));
            ngx_openzaak_pg_pool_failed(pc);
        }

        return;

    default: /* busy */
        break;
    }

    if (PQconsumeInput(pc->pg) == 0) {
        ngx_log_error(NGX_LOG_ERR, &pc->log, 0, "connection lost: %s",
                      PQerrorMessage(pc->pg));
        ngx_openzaak_pg_broken(pc, NGX_OPENZAAK_PG_UNAVAILABLE);
        return;
    }

    if (PQisnonblocking(pc->pg) && ngx_openzaak_pg_flush(pc) != NGX_OK) {
        ngx_openzaak_pg_broken(pc, NGX_OPENZAAK_PG_UNAVAILABLE);
        return;
    }

    ngx_openzaak_pg_process(pc);
}


static void
ngx_openzaak_pg_write_handler(ngx_event_t *wev)
{
    ngx_connection_t        *c;
    ngx_openzaak_pg_conn_t  *pc;

    c = wev->data;
    pc = c->data;

    switch (pc->state) {

    case NGX_OPENZAAK_PG_CONNECTING:
        ngx_openzaak_pg_connect_poll(pc);
        return;

    case NGX_OPENZAAK_PG_BUSY:
        if (ngx_openzaak_pg_flush(pc) != NGX_OK) {
            ngx_log_error(NGX_LOG_ERR, &pc->log, 0, "sending failed: %s",
                          PQerrorMessage(pc->pg));
            ngx_openzaak_pg_broken(pc, NGX_OPENZAAK_PG_UNAVAILABLE);
        }
        return;

    case NGX_OPENZAAK_PG_LISTENING:
        if (ngx_openzaak_pg_flush(pc) != NGX_OK) {
            ngx_openzaak_pg_pool_failed(pc);
        }
        return;

    default:
        (void) ngx_openzaak_pg_events(pc, 1, 0);
        return;
    }
}


/*
 * Reads the results of the batch in flight.  In pipeline mode every
 * statement (and every Prepare) yields its result followed by a NULL;
 * after a failure the remaining ones yield PGRES_PIPELINE_ABORTED; the
 * batch ends with PGRES_PIPELINE_SYNC, which commits or rolls back the
 * implicit transaction.
 */

static void
ngx_openzaak_pg_process(ngx_openzaak_pg_conn_t *pc)
{
    PGresult                 *res;
    ExecStatusType            st;
    ngx_openzaak_pg_slot_t   *slot;
    ngx_openzaak_pg_query_t  *q;

    for ( ;; ) {

        if (PQisBusy(pc->pg)) {
            return;
        }

        res = PQgetResult(pc->pg);

        if (res == NULL) {
            if (pc->expect_null) {
                pc->expect_null = 0;
                pc->slot++;
                continue;
            }

            return;
        }

        st = PQresultStatus(res);

        if (st == PGRES_PIPELINE_SYNC) {
            PQclear(res);
            ngx_openzaak_pg_batch_done(pc);
            return;
        }

        if (pc->slot >= pc->nslots) {
            ngx_log_error(NGX_LOG_ALERT, &pc->log, 0,
                          "unexpected result %s", PQresStatus(st));
            PQclear(res);
            ngx_openzaak_pg_broken(pc, NGX_OPENZAAK_PG_UNAVAILABLE);
            return;
        }

        slot = &pc->slots[pc->slot];
        pc->expect_null = 1;
        q = pc->query;

        if (slot->prepared >= 0) {
            ngx_openzaak_pg_prepared_result(pc, slot, res);
        }

        if (st == PGRES_FATAL_ERROR && !pc->failed) {
            pc->failed = 1;

            if (q) {
                q->failed = slot->stmt;
                q->error = res;
                continue;
            }

            PQclear(res);
            continue;
        }

        if (st == PGRES_TUPLES_OK) {
            pc->bytes += ngx_openzaak_pg_result_bytes(res);
        }

        if (slot->kind == NGX_OPENZAAK_PG_SLOT_EXEC && q
            && (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK))
        {
            q->results[slot->stmt] = res;
            continue;
        }

        PQclear(res);
    }
}


/* What a result holds: its values, the bulk of what libpq received. */

static size_t
ngx_openzaak_pg_result_bytes(PGresult *res)
{
    int     row, col, nrows, ncols;
    size_t  n;

    n = 0;
    nrows = PQntuples(res);
    ncols = PQnfields(res);

    for (row = 0; row < nrows; row++) {
        for (col = 0; col < ncols; col++) {
            n += PQgetlength(res, row, col);
        }
    }

    return n;
}


static void
ngx_openzaak_pg_batch_done(ngx_openzaak_pg_conn_t *pc)
{
    ngx_openzaak_pg_query_t  *q;

    if (pc->c->read->timer_set) {
        ngx_del_timer(pc->c->read);
    }

    q = pc->query;
    pc->query = NULL;

    if (pc->slots_cap > NGX_OPENZAAK_PG_SLOTS_KEEP) {
        /* grown for one big batch: not kept for the life of the
         * connection */
        ngx_free(pc->slots);
        pc->slots = NULL;
        pc->slots_cap = 0;
        pc->nslots = 0;
        pc->slot = 0;
    }

    if (q) {
        q->rc = pc->failed ? NGX_OPENZAAK_PG_SQL_ERROR : NGX_OPENZAAK_PG_OK;
        q->conn = NULL;
        q->running = 0;
        q->done = 1;
    }

    if (PQtransactionStatus(pc->pg) != PQTRANS_IDLE) {
        /* cannot happen with implicit transactions; never reuse it then */
        ngx_log_error(NGX_LOG_ALERT, &pc->log, 0,
                      "connection not idle after a batch, closing it");
        ngx_openzaak_pg_pool_failed(pc);

    } else if (pc->unsure) {
        ngx_log_error(NGX_LOG_WARN, &pc->log, 0,
                      "closing the connection: its prepared statements "
                      "are not what the module thought");
        ngx_openzaak_pg_pool_retire(pc);

    } else if (pc->bytes > NGX_OPENZAAK_PG_RECYCLE_BYTES) {
        ngx_log_error(NGX_LOG_INFO, &pc->log, 0,
                      "closing the connection after a batch of %uz bytes: "
                      "libpq would keep buffers that large", pc->bytes);
        ngx_openzaak_pg_pool_retire(pc);

    } else {
        ngx_openzaak_pg_pool_done(pc);
    }

    if (q) {
        q->handler(q);
    }
}


/*
 * The connection cannot be used any more (lost, timed out): the query in
 * flight fails and the connection is closed.  Closing a timed out
 * connection abandons the statement; statement_timeout, set on every
 * connection, makes the server give up on it too.
 */

static void
ngx_openzaak_pg_broken(ngx_openzaak_pg_conn_t *pc, ngx_openzaak_pg_rc_e rc)
{
    ngx_openzaak_pg_query_t  *q;

    q = pc->query;
    pc->query = NULL;

    ngx_openzaak_pg_pool_failed(pc);

    if (q) {
        q->rc = rc;
        q->conn = NULL;
        q->running = 0;
        q->done = 1;
        q->handler(q);
    }
}


static void
ngx_openzaak_pg_listen_input(ngx_openzaak_pg_conn_t *pc)
{
    PGresult   *res;
    PGnotify   *n;
    ngx_uint_t  notified;

    if (PQconsumeInput(pc->pg) == 0) {
        ngx_log_error(NGX_LOG_WARN, &pc->log, 0,
                      "notification connection lost: %s",
                      PQerrorMessage(pc->pg));
        ngx_openzaak_pg_pool_failed(pc);
        return;
    }

    while (!PQisBusy(pc->pg)) {
        res = PQgetResult(pc->pg);
        if (res == NULL) {
            break;
        }

        if (PQresultStatus(res) == PGRES_FATAL_ERROR) {
            ngx_log_error(NGX_LOG_ERR, &pc->log, 0, "LISTEN failed: %s",
                          PQresultErrorMessage(res));
        }

        PQclear(res);
    }

    notified = 0;

    while ((n = PQnotifies(pc->pg)) != NULL) {
        PQfreemem(n);
        notified = 1;
    }

    if (notified) {
        ngx_openzaak_pg_pool_notified(pc);
    }
}


PGresult *
ngx_openzaak_pg_result(ngx_openzaak_pg_query_t *q, ngx_uint_t stmt)
{
    return stmt < q->nstmts ? q->results[stmt] : NULL;
}


ngx_int_t
ngx_openzaak_pg_value(ngx_openzaak_pg_query_t *q, ngx_uint_t stmt, int row,
    int col, ngx_str_t *out)
{
    PGresult  *res;

    res = ngx_openzaak_pg_result(q, stmt);

    if (res == NULL || row >= PQntuples(res) || col >= PQnfields(res)
        || PQgetisnull(res, row, col))
    {
        ngx_str_null(out);
        return NGX_DECLINED;
    }

    out->data = (u_char *) PQgetvalue(res, row, col);
    out->len = PQgetlength(res, row, col);

    return NGX_OK;
}


int
ngx_openzaak_pg_rows(ngx_openzaak_pg_query_t *q, ngx_uint_t stmt)
{
    PGresult  *res;

    res = ngx_openzaak_pg_result(q, stmt);

    return res ? PQntuples(res) : 0;
}


static u_char *
ngx_openzaak_pg_log_error(ngx_log_t *log, u_char *buf, size_t len)
{
    u_char                  *p;
    ngx_openzaak_pg_conn_t  *pc;

    p = buf;

    if (log->action) {
        p = ngx_snprintf(buf, len, " while %s", log->action);
        len -= p - buf;
        buf = p;
    }

    pc = log->data;

    if (pc && pc->pg && PQbackendPID(pc->pg)) {
        p = ngx_snprintf(buf, len, ", PostgreSQL backend %d",
                         PQbackendPID(pc->pg));
    }

    return p;
}
