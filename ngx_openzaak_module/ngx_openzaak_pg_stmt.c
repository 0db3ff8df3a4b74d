/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * The per-process registry of statements that run prepared.
 *
 * A statement is registered once, when its text is built (per resource
 * and per shape), and is known from then on by a small id: 0, 1, 2, ...
 * A connection finds its prepared statement by that id in an array, so
 * no request ever hashes or compares statement text, which is kilobytes
 * long for a resource with related lists.
 *
 * The registry only grows.  The configuration registers its statements
 * in the master and again in every worker (ngx_openzaak_apis_init), and a
 * reload registers a new set: the ids of an old configuration are never
 * used again, and their entries (two words each) stay behind.  Removing
 * them would need to know which configuration is alive in which process;
 * a few kilobytes per reload in the master are not worth that.
 *
 * Memory comes from the heap, not from a cycle's pool: the registry
 * outlives configurations.  The texts are not copied: they must live as
 * long as the process (literals, or memory of the cycle's pool, whose
 * ids die with it).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_event.h>

#include "ngx_openzaak_pg.h"


typedef struct {
    const char                 *sql;
    ngx_int_t                   id;
} ngx_openzaak_pg_static_t;


static ngx_int_t ngx_openzaak_pg_static_grow(void);


/* stable pointers: ngx_openzaak_pg_stmt_sql() hands them out */
static ngx_str_t               **ngx_openzaak_pg_stmts;
static ngx_uint_t                ngx_openzaak_pg_nstmts;
static ngx_uint_t                ngx_openzaak_pg_stmts_cap;

/* literal address -> id, open addressing, a power of two in size */
static ngx_openzaak_pg_static_t *ngx_openzaak_pg_statics;
static ngx_uint_t                ngx_openzaak_pg_nstatics;
static ngx_uint_t                ngx_openzaak_pg_statics_cap;


/*
 * Forgets every statement: the descriptors' statements are built anew for
 * each cycle (at configuration time in the master, then in each worker,
 * ngx_openzaak_apis_init()), in the memory of that cycle, and numbered
 * from 0 again.  Called before any connection of the process exists.
 */

void
ngx_openzaak_pg_stmt_reset(void)
{
    ngx_uint_t  i;

    for (i = 0; i < ngx_openzaak_pg_nstmts; i++) {
        ngx_free(ngx_openzaak_pg_stmts[i]);
    }

    ngx_openzaak_pg_nstmts = 0;

    if (ngx_openzaak_pg_statics) {
        ngx_memzero(ngx_openzaak_pg_statics,
                    ngx_openzaak_pg_statics_cap
                    * sizeof(ngx_openzaak_pg_static_t));
    }

    ngx_openzaak_pg_nstatics = 0;
}


/*
 * Frees the registry when the process exits: a dynamic module's statics
 * go with the module, and memory only they pointed at would be lost.
 */

void
ngx_openzaak_pg_stmt_free(void)
{
    ngx_openzaak_pg_stmt_reset();

    if (ngx_openzaak_pg_stmts) {
        ngx_free(ngx_openzaak_pg_stmts);
        ngx_openzaak_pg_stmts = NULL;
        ngx_openzaak_pg_stmts_cap = 0;
    }

    if (ngx_openzaak_pg_statics) {
        ngx_free(ngx_openzaak_pg_statics);
        ngx_openzaak_pg_statics = NULL;
        ngx_openzaak_pg_statics_cap = 0;
    }
}


ngx_int_t
ngx_openzaak_pg_stmt_register(ngx_str_t *sql)
{
    ngx_str_t   *s, **stmts;
    ngx_uint_t   cap;

    if (ngx_openzaak_pg_nstmts == ngx_openzaak_pg_stmts_cap) {
        cap = ngx_openzaak_pg_stmts_cap ? 2 * ngx_openzaak_pg_stmts_cap : 64;

        stmts = ngx_alloc(cap * sizeof(ngx_str_t *), ngx_cycle->log);
        if (stmts == NULL) {
            return NGX_ERROR;
        }

        if (ngx_openzaak_pg_stmts) {
            ngx_memcpy(stmts, ngx_openzaak_pg_stmts,
                       ngx_openzaak_pg_nstmts * sizeof(ngx_str_t *));
            ngx_free(ngx_openzaak_pg_stmts);
        }

        ngx_openzaak_pg_stmts = stmts;
        ngx_openzaak_pg_stmts_cap = cap;
    }

    /* a copy of the ngx_str_t: the caller's may be rebuilt in a worker */
    s = ngx_alloc(sizeof(ngx_str_t), ngx_cycle->log);
    if (s == NULL) {
        return NGX_ERROR;
    }

    *s = *sql;
    ngx_openzaak_pg_stmts[ngx_openzaak_pg_nstmts] = s;

    return ngx_openzaak_pg_nstmts++;
}


/*
 * The statements written as literals in the code (a hook's check, the
 * authorisation lookup) are registered on first use and found again by
 * the address of the literal: one pointer hashed, never the text.  This
 * is only right for string literals, whose address is theirs for the
 * life of the process; text built at run time would reuse addresses of
 * pool memory for other texts.
 */

ngx_int_t
ngx_openzaak_pg_stmt_static(const char *sql)
{
    ngx_int_t                  id;
    ngx_str_t                  s;
    ngx_uint_t                 i, mask;
    ngx_openzaak_pg_static_t  *e;

    if (2 * (ngx_openzaak_pg_nstatics + 1) > ngx_openzaak_pg_statics_cap
        && ngx_openzaak_pg_static_grow() != NGX_OK)
    {
        return NGX_ERROR;
    }

    mask = ngx_openzaak_pg_statics_cap - 1;

    /* literals are aligned: the low bits say little */
    i = (ngx_uint_t) (((uintptr_t) sql >> 3) * 0x9e3779b1) & mask;

    for ( ;; ) {
        e = &ngx_openzaak_pg_statics[i];

        if (e->sql == sql) {
            return e->id;
        }

        if (e->sql == NULL) {
            break;
        }

        i = (i + 1) & mask;
    }

    s.data = (u_char *) sql;
    s.len = ngx_strlen(sql);

    id = ngx_openzaak_pg_stmt_register(&s);
    if (id == NGX_ERROR) {
        return NGX_ERROR;
    }

    e->sql = sql;
    e->id = id;
    ngx_openzaak_pg_nstatics++;

    return id;
}


static ngx_int_t
ngx_openzaak_pg_static_grow(void)
{
    ngx_uint_t                 i, j, cap, mask;
    ngx_openzaak_pg_static_t  *old, *table;

    cap = ngx_openzaak_pg_statics_cap ? 2 * ngx_openzaak_pg_statics_cap : 64;
    mask = cap - 1;

    table = ngx_calloc(cap * sizeof(ngx_openzaak_pg_static_t),
                       ngx_cycle->log);
    if (table == NULL) {
        return NGX_ERROR;
    }

    old = ngx_openzaak_pg_statics;

    for (i = 0; i < ngx_openzaak_pg_statics_cap; i++) {
        if (old[i].sql == NULL) {
            continue;
        }

        j = (ngx_uint_t) (((uintptr_t) old[i].sql >> 3) * 0x9e3779b1) & mask;

        while (table[j].sql) {
            j = (j + 1) & mask;
        }

        table[j] = old[i];
    }

    if (old) {
        ngx_free(old);
    }

    ngx_openzaak_pg_statics = table;
    ngx_openzaak_pg_statics_cap = cap;

    return NGX_OK;
}


ngx_str_t *
ngx_openzaak_pg_stmt_sql(ngx_int_t id)
{
    if (id < 0 || (ngx_uint_t) id >= ngx_openzaak_pg_nstmts) {
        return NULL;
    }

    return ngx_openzaak_pg_stmts[id];
}


/* The number of ids handed out: a connection sizes its index by it. */

ngx_uint_t
ngx_openzaak_pg_stmt_count(void)
{
    return ngx_openzaak_pg_nstmts;
}
