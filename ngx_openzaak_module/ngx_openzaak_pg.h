/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


#ifndef _NGX_OPENZAAK_PG_H_INCLUDED_
#define _NGX_OPENZAAK_PG_H_INCLUDED_


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_event.h>
#include <libpq-fe.h>

#include "ngx_openzaak.h"


/*
 * A query is a batch of statements sent in one pipeline and run in one
 * implicit transaction: either every statement commits or none does.
 * One round trip to the server per query, whatever the batch size.
 *
 * A batch has no fixed number of statements: its arrays grow in the
 * request's pool.  What bounds it is what it is built from: a request
 * body within client_max_body_size and the JSON limits
 * (openzaak_json_max_values), the filters and child tables of a
 * descriptor.
 */

/* "no statement": e.g. the statement to render after a DELETE */
#define NGX_OPENZAAK_PG_NO_STMT        ((ngx_uint_t) -1)

/*
 * A connection keeps its bookkeeping of a batch's results (three per
 * statement at most) for the next batch up to this many; a larger array,
 * grown for one big batch, is freed when that batch is done.
 */
#define NGX_OPENZAAK_PG_SLOTS_KEEP     192

/*
 * libpq keeps a connection's buffers as large as the largest message it
 * ever sent or received.  A connection that carried more than this in one
 * batch is closed instead of kept, so one 100 MB body does not stay in
 * the worker for the life of the connection.
 */
#define NGX_OPENZAAK_PG_RECYCLE_BYTES  (4 * 1024 * 1024)


typedef enum {
    NGX_OPENZAAK_PG_OK = 0,
    NGX_OPENZAAK_PG_UNAVAILABLE,    /* the database cannot be reached */
    NGX_OPENZAAK_PG_OVERLOADED,     /* every connection busy: queue full,
                                       or the wait for one was over */
    NGX_OPENZAAK_PG_TIMEOUT,        /* the query outlived its timeout */
    NGX_OPENZAAK_PG_SQL_ERROR       /* a statement failed: see error */
} ngx_openzaak_pg_rc_e;


typedef struct {
    ngx_str_t                   sql;        /* NUL-terminated */
    ngx_uint_t                  nparams;
    const char                **values;     /* NULL entry = SQL NULL */
    ngx_int_t                   id;         /* registered, runs prepared;
                                               -1: ad hoc, unnamed */
} ngx_openzaak_pg_stmt_t;


typedef struct ngx_openzaak_pg_conn_s  ngx_openzaak_pg_conn_t;

typedef void (*ngx_openzaak_pg_handler_pt)(ngx_openzaak_pg_query_t *q);


struct ngx_openzaak_pg_query_s {
    /* grown by ngx_openzaak_pg_add(): a pointer to a statement holds
     * only until the next one is added */
    ngx_openzaak_pg_stmt_t     *stmts;
    ngx_uint_t                  nstmts;
    ngx_uint_t                  nalloc;

    /* results, one per statement, owned by pool (cleared with it); read
     * them with ngx_openzaak_pg_result() */
    PGresult                  **results;

    ngx_openzaak_pg_rc_e        rc;
    ngx_int_t                   failed;     /* statement index or -1 */
    PGresult                   *error;      /* result of the failure */

    ngx_openzaak_pg_handler_pt  handler;
    void                       *data;
    ngx_pool_t                 *pool;
    ngx_log_t                  *log;

    /* pool internals */
    ngx_openzaak_pg_conn_t     *conn;
    ngx_queue_t                 queue;
    ngx_event_t                 wait;
    unsigned                    queued:1;
    unsigned                    running:1;
    unsigned                    done:1;
};


/* A result the batch in flight expects, in the order they come. */
typedef struct {
    ngx_uint_t                  kind;       /* deallocate, prepare, exec */
    ngx_uint_t                  stmt;
    ngx_int_t                   prepared;   /* entry in the cache or -1 */
    ngx_int_t                   id;         /* deallocate: the old id;
                                               prepare: the new one */
} ngx_openzaak_pg_slot_t;


/*
 * A statement the server holds (or is preparing in the batch in flight)
 * under the name "oz<id>".  The entries of a connection are at most
 * openzaak_db_prepared_statements; the least recently used one makes
 * room for a new statement.
 */
typedef struct {
    ngx_int_t                   id;         /* -1: free */
    ngx_uint_t                  state;
    ngx_uint_t                  used;       /* batch that used it last */
} ngx_openzaak_pg_prepared_t;


typedef enum {
    NGX_OPENZAAK_PG_CONNECTING = 0,
    NGX_OPENZAAK_PG_IDLE,
    NGX_OPENZAAK_PG_BUSY,
    NGX_OPENZAAK_PG_LISTENING
} ngx_openzaak_pg_state_e;


struct ngx_openzaak_pg_conn_s {
    ngx_queue_t                 queue;
    ngx_openzaak_pg_pool_t     *pool;
    PGconn                     *pg;
    ngx_connection_t           *c;
    ngx_openzaak_pg_state_e     state;
    ngx_log_t                   log;

    /* the batch in flight; query is NULL while draining an abandoned one */
    ngx_openzaak_pg_query_t    *query;
    /*
     * per statement: DEALLOCATE, Parse, execute.  Not in the query's pool:
     * an abandoned batch is drained after its request is gone.
     */
    ngx_openzaak_pg_slot_t     *slots;      /* ngx_alloc() */
    ngx_uint_t                  slots_cap;
    ngx_uint_t                  nslots;
    ngx_uint_t                  slot;
    ngx_flag_t                  expect_null;
    ngx_flag_t                  failed;
    size_t                      bytes;      /* sent and received, batch */

    /* the prepared statements: entries, and an index by id */
    ngx_openzaak_pg_prepared_t *prepared;
    ngx_uint_t                  nprepared;
    ngx_uint_t                  prepared_cap;
    ngx_int_t                  *index;      /* id -> entry or -1 */
    ngx_uint_t                  nindex;
    ngx_uint_t                  batch;      /* batches sent: LRU clock */

    ngx_msec_t                  created;    /* for openzaak_db_max_lifetime */
    ngx_pool_t                 *mem;

    unsigned                    listener:1;

    /* the cache may not be what the server holds: do not reuse */
    unsigned                    unsure:1;
};


typedef void (*ngx_openzaak_pg_notify_pt)(ngx_openzaak_pg_pool_t *pool,
    ngx_flag_t reconnected);


/* A warning that may come thousands of times a second under load. */
typedef struct {
    const char                 *what;       /* "refused: ..." */
    time_t                      last;       /* second of the last line */
    ngx_uint_t                  more;       /* since then, not logged */
    ngx_event_t                 flush;      /* logs "more" after 1 s */
} ngx_openzaak_pg_log_limit_t;


struct ngx_openzaak_pg_pool_s {
    ngx_openzaak_main_conf_t   *conf;
    ngx_log_t                  *log;

    const char                **keywords;
    const char                **values;

    ngx_queue_t                 idle;
    ngx_queue_t                 busy;
    ngx_queue_t                 connecting;
    ngx_uint_t                  nconns;

    ngx_queue_t                 waiting;
    ngx_uint_t                  nwaiting;

    /* reconnect backoff after a failed connection attempt */
    ngx_msec_t                  backoff;
    ngx_msec_t                  backoff_until;
    ngx_event_t                 retry;

    /* LISTEN connection for cache invalidation */
    const char                 *listen_channel;
    ngx_openzaak_pg_notify_pt   notify;
    ngx_openzaak_pg_conn_t     *listener;
    ngx_msec_t                  listen_backoff;
    ngx_event_t                 listen_retry;

    /* overload is logged once a second, with a count of the rest */
    ngx_openzaak_pg_log_limit_t  full_log;
    ngx_openzaak_pg_log_limit_t  wait_log;

    ngx_flag_t                  exiting;
};


/* ngx_openzaak_pg_pool.c */
ngx_openzaak_pg_pool_t *ngx_openzaak_pg_pool_create(ngx_cycle_t *cycle,
    ngx_openzaak_main_conf_t *omcf);
void ngx_openzaak_pg_pool_destroy(ngx_openzaak_pg_pool_t *pool);
ngx_openzaak_pg_pool_t *ngx_openzaak_pg_pool_get(void);
ngx_openzaak_pg_query_t *ngx_openzaak_pg_query_create(ngx_pool_t *pool,
    ngx_log_t *log);
ngx_openzaak_pg_stmt_t *ngx_openzaak_pg_add(ngx_openzaak_pg_query_t *q,
    ngx_str_t *sql, ngx_uint_t nparams, const char **values);
ngx_openzaak_pg_stmt_t *ngx_openzaak_pg_add_id(ngx_openzaak_pg_query_t *q,
    ngx_int_t id, ngx_uint_t nparams, const char **values);
ngx_int_t ngx_openzaak_pg_run(ngx_openzaak_pg_pool_t *pool,
    ngx_openzaak_pg_query_t *q);
void ngx_openzaak_pg_cancel(ngx_openzaak_pg_query_t *q);
ngx_int_t ngx_openzaak_pg_listen(ngx_openzaak_pg_pool_t *pool,
    const char *channel, ngx_openzaak_pg_notify_pt notify);

/* called by ngx_openzaak_pg.c */
void ngx_openzaak_pg_pool_connected(ngx_openzaak_pg_conn_t *pc);
void ngx_openzaak_pg_pool_failed(ngx_openzaak_pg_conn_t *pc);
void ngx_openzaak_pg_pool_done(ngx_openzaak_pg_conn_t *pc);
void ngx_openzaak_pg_pool_retire(ngx_openzaak_pg_conn_t *pc);
void ngx_openzaak_pg_pool_notified(ngx_openzaak_pg_conn_t *pc);

/* ngx_openzaak_pg.c */
ngx_openzaak_pg_conn_t *ngx_openzaak_pg_connect(ngx_openzaak_pg_pool_t *pool,
    ngx_flag_t listener);
ngx_int_t ngx_openzaak_pg_send(ngx_openzaak_pg_conn_t *pc,
    ngx_openzaak_pg_query_t *q);
void ngx_openzaak_pg_close(ngx_openzaak_pg_conn_t *pc);
void ngx_openzaak_pg_set_idle(ngx_openzaak_pg_conn_t *pc);
ngx_flag_t ngx_openzaak_pg_expired(ngx_openzaak_pg_conn_t *pc);

/*
 * ngx_openzaak_pg_stmt.c: the per-process statement registry.
 *
 * ngx_openzaak_pg_stmt_reset(): forgets every statement; the APIs'
 * statements are registered anew for every cycle and in every worker,
 * before its first connection.
 *
 * ngx_openzaak_pg_stmt_register(): the text (NUL-terminated) must live as
 * long as the cycle (a literal, or memory of the cycle's pool); returns
 * the id (0, 1, 2, ...) or NGX_ERROR.  Called at start-up and later in a
 * worker for list shapes (ids then differ per worker, which is fine:
 * caches are per connection).
 *
 * ngx_openzaak_pg_stmt_static(): the id of a statement whose text is a
 * string literal, found by the literal's address, registered on first
 * use; NGX_ERROR on failure.  Never pass text built at run time.
 */
void ngx_openzaak_pg_stmt_reset(void);
void ngx_openzaak_pg_stmt_free(void);
ngx_int_t ngx_openzaak_pg_stmt_register(ngx_str_t *sql);
ngx_int_t ngx_openzaak_pg_stmt_static(const char *sql);
ngx_str_t *ngx_openzaak_pg_stmt_sql(ngx_int_t id);
ngx_uint_t ngx_openzaak_pg_stmt_count(void);

/* result helpers: a statement that is not in the batch has no result */
PGresult *ngx_openzaak_pg_result(ngx_openzaak_pg_query_t *q, ngx_uint_t stmt);
ngx_int_t ngx_openzaak_pg_value(ngx_openzaak_pg_query_t *q, ngx_uint_t stmt,
    int row, int col, ngx_str_t *out);
int ngx_openzaak_pg_rows(ngx_openzaak_pg_query_t *q, ngx_uint_t stmt);


#endif /* _NGX_OPENZAAK_PG_H_INCLUDED_ */
