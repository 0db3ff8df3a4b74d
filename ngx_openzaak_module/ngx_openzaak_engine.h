/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


#ifndef _NGX_OPENZAAK_ENGINE_H_INCLUDED_
#define _NGX_OPENZAAK_ENGINE_H_INCLUDED_


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_pg.h"

#include "ngx_openzaak_descriptor.h"


/* The normalised body of a write, ready for SQL. */
struct ngx_openzaak_write_s {
    ngx_openzaak_op_kind_e            kind;
    json_object                      *input;      /* the request body */
    json_object                      *row;        /* column -> value */
    json_object                      *children;   /* child field -> rows */
    ngx_str_t                         uuid;
    ngx_str_t                         url;
    ngx_openzaak_pg_query_t          *query;

    /* the last entries of ctx->errors: object-level rules the validate
     * hook found (hooks->rules), answered with those checked in SQL */
    ngx_uint_t                        rules;

    /* the audit trail: the statements that read the object before the
     * write, after it, and what the trail says of it (-1: none) */
    ngx_int_t                         audit_old;
    ngx_int_t                         audit_new;
    ngx_int_t                         audit_info;
};


struct ngx_openzaak_hooks_s {
    /* validation beyond the descriptor; runs after the field checks, also
     * when they failed (w->row and w->children hold the valid parts) */
    ngx_int_t  (*validate)(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w);

    /* statements of the write batch: before and after the main DML */
    ngx_int_t  (*before)(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w);
    ngx_int_t  (*after)(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w);

    /*
     * After a valid body, before the batch: fetch what other APIs know
     * (ngx_openzaak_fetch).  NGX_OK: nothing to wait for; NGX_AGAIN: the
     * hook resumes the write with ngx_openzaak_engine_write_continue();
     * otherwise the rc of the answer.
     */
    ngx_int_t  (*fetch)(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w);

    /*
     * The validate hook checks object-level rules (DRF's Meta validators),
     * not fields: when the fields are valid its errors go into the write's
     * transaction and are answered together with every rule the database
     * checks (zgw.problem), as DRF answers all its validators at once.
     */
    ngx_flag_t  rules;
};



/* ngx_openzaak_engine.c */
ngx_int_t ngx_openzaak_engine_run(ngx_openzaak_ctx_t *ctx);
ngx_int_t ngx_openzaak_engine_query(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_pg_handler_pt handler);
ngx_openzaak_pg_query_t *ngx_openzaak_engine_new_query(
    ngx_openzaak_ctx_t *ctx);
ngx_int_t ngx_openzaak_engine_read_done(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_uint_t stmt);
ngx_int_t ngx_openzaak_engine_object(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_uint_t stmt, ngx_str_t *body);
ngx_int_t ngx_openzaak_engine_query_failed(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q);
ngx_int_t ngx_openzaak_engine_find(ngx_openzaak_ctx_t *ctx);
ngx_int_t ngx_openzaak_engine_write_continue(ngx_openzaak_ctx_t *ctx);
ngx_openzaak_write_t *ngx_openzaak_engine_write_of(ngx_openzaak_ctx_t *ctx);
ngx_int_t ngx_openzaak_engine_batch(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_uint_t render_stmt, ngx_uint_t status);
ngx_int_t ngx_openzaak_engine_add_render(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_str_t *uuid);
ngx_int_t ngx_openzaak_engine_add_problems(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q);
ngx_int_t ngx_openzaak_engine_list(ngx_openzaak_ctx_t *ctx);
ngx_int_t ngx_openzaak_engine_body(ngx_openzaak_ctx_t *ctx,
    json_object **body);

/* ngx_openzaak_zoek.c */
ngx_int_t ngx_openzaak_zoek(ngx_openzaak_ctx_t *ctx);

/* ngx_openzaak_crs.c */
ngx_int_t ngx_openzaak_crs_check(ngx_openzaak_ctx_t *ctx);
ngx_int_t ngx_openzaak_crs_header(ngx_openzaak_ctx_t *ctx, ngx_uint_t status);

/* ngx_openzaak_validate.c */
ngx_int_t ngx_openzaak_validate_body(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
ngx_int_t ngx_openzaak_parse_ref(ngx_openzaak_ctx_t *ctx, const char *ref,
    ngx_str_t *url, ngx_str_t *uuid);
ngx_flag_t ngx_openzaak_valid_url(u_char *p, size_t len);
ngx_flag_t ngx_openzaak_valid_date(u_char *p, size_t len);
ngx_flag_t ngx_openzaak_valid_duration(u_char *p, size_t len);
ngx_flag_t ngx_openzaak_valid_geojson(json_object *v, ngx_uint_t nesting);
const char *ngx_openzaak_json_type_name(json_object *v);

/* ngx_openzaak_checks.c */
ngx_int_t ngx_openzaak_check_rsin(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    ngx_str_t *value);
ngx_int_t ngx_openzaak_check_uppercase(ngx_openzaak_ctx_t *ctx,
    ngx_str_t *name, ngx_str_t *value);
ngx_int_t ngx_openzaak_check_word(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    ngx_str_t *value);
ngx_int_t ngx_openzaak_check_email(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    ngx_str_t *value);
ngx_int_t ngx_openzaak_check_nonzero_duration(ngx_openzaak_ctx_t *ctx,
    ngx_str_t *name, ngx_str_t *value);

/* ngx_openzaak_objauth.c */

/* The grants of a client for one operation, as array parameters. */
typedef struct {
    char                             *keys;       /* '{uuid,...}' */
    char                             *vas;        /* '{8,...}' */
    ngx_uint_t                        ntypes;
    unsigned                          set:1;      /* restricted */
} ngx_openzaak_grants_t;

ngx_int_t ngx_openzaak_objauth_init(ngx_pool_t *pool,
    ngx_openzaak_resource_t *res);
ngx_int_t ngx_openzaak_objauth_grants(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_resource_t *res, const char *const *scopes,
    ngx_openzaak_grants_t *g);
ngx_int_t ngx_openzaak_objauth_guard(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_str_t *key, ngx_flag_t creating,
    const char *const *scopes);
ngx_int_t ngx_openzaak_objauth_closed_guard(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_str_t *key, ngx_flag_t creating);

/* ngx_openzaak_filter.c */

/*
 * Sets of the filters of an operation: a bit per filter, in filter order,
 * in as many words as the operation has filters (nwords), so that an
 * operation may have any number of them.
 */
#define ngx_openzaak_bit_words(n)   (((n) + 63) / 64)
#define ngx_openzaak_bit_set(map, i)                                          \
    ((map)[(i) / 64] |= (uint64_t) 1 << ((i) % 64))
#define ngx_openzaak_bit_test(map, i)                                         \
    (((map)[(i) / 64] >> ((i) % 64)) & 1)

typedef struct {
    uint64_t                         *cond;       /* filters with a value */
    uint64_t                         *absent;     /* absent_sql applied */
    ngx_uint_t                        nwords;     /* of cond, of absent */
    const char                      **values;     /* filter parameters */
    ngx_uint_t                        nvalues;
    const char                       *date;       /* reference date */
    ngx_int_t                         page;       /* 0 = last */
    ngx_uint_t                        page_size;
    ngx_array_t                       args;       /* parsed query args */
    ngx_openzaak_grants_t             grants;     /* per-object auth */

    /* "ordering": the ORDER BY list, or empty for the resource's order */
    ngx_str_t                         order;

    /* the filters of a search (_zoek) come from this JSON object */
    json_object                      *body;
    void                             *expand;     /* expand.c's request */
} ngx_openzaak_list_args_t;

ngx_int_t ngx_openzaak_filter_parse(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la);
ngx_int_t ngx_openzaak_page_url(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la, ngx_int_t page, ngx_str_t *out);
const ngx_openzaak_filter_t *ngx_openzaak_op_filters(
    ngx_openzaak_resource_t *res, ngx_openzaak_operation_t *op);

/* ngx_openzaak_sql.c */

#define NGX_OZ_SHAPE_PAGE  0x01     /* LIMIT and OFFSET, with the count */
#define NGX_OZ_SHAPE_LAST  0x02     /* the last page, with the count */
#define NGX_OZ_SHAPE_ONE   0x04     /* the first row only */
#define NGX_OZ_SHAPE_AUTH  0x08     /* per-object authorisation */

/* parameter markers in statement text, numbered by sql_finish() */
#define NGX_OZ_P_BASE     '\x01'
#define NGX_OZ_P_DATE     '\x02'
#define NGX_OZ_P_FILTER   '\x03'    /* followed by the filter's number + 1 */
#define NGX_OZ_P_LIMIT    '\x04'
#define NGX_OZ_P_OFFSET   '\x05'
#define NGX_OZ_P_KEY      '\x06'
#define NGX_OZ_P_GRANT_K  '\x07'    /* the granted type keys */
#define NGX_OZ_P_GRANT_V  '\x08'    /* their highest va order */

/* The statements of a list with given filters present. */
typedef struct {
    ngx_openzaak_operation_t         *op;
    uint64_t                         *cond;       /* nwords, then absent */
    uint64_t                         *absent;
    ngx_uint_t                        nwords;
    ngx_uint_t                        flags;
    ngx_str_t                         order;      /* "ordering", or empty */
    ngx_openzaak_stmt_t               count;
    ngx_openzaak_stmt_t               page;
    ngx_openzaak_stmt_t              *children;
    ngx_str_t                         rows;       /* " WHERE ... LIMIT"
                                                     with markers */
    void                             *expand;     /* expand.c's statements
                                                     of this shape */
} ngx_openzaak_shape_t;

ngx_int_t ngx_openzaak_sql_init(ngx_pool_t *pool, ngx_openzaak_api_t *api,
    ngx_openzaak_resource_t *res);
ngx_int_t ngx_openzaak_sql_finish(ngx_pool_t *pool, ngx_openzaak_sb_t *sb,
    ngx_uint_t nfilters, ngx_openzaak_stmt_t *st, ngx_flag_t keep);
ngx_openzaak_shape_t *ngx_openzaak_sql_shape(ngx_pool_t *rpool,
    ngx_openzaak_resource_t *res, ngx_openzaak_operation_t *op,
    ngx_openzaak_list_args_t *la, ngx_uint_t flags);
ngx_int_t ngx_openzaak_sql_run(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_stmt_t *st,
    ngx_openzaak_list_args_t *la, ngx_str_t *key, ngx_uint_t limit,
    ngx_uint_t offset);
/*
 * Statements with nparams C-string values as varargs (NULL = SQL NULL):
 * ngx_openzaak_sql_add() for SQL written as a string literal (it runs
 * prepared, found by the literal's address: the "" makes anything but a
 * literal a compile error), ngx_openzaak_sql_add_id() for a registered
 * statement, ngx_openzaak_sql_add_text() for text built per request (it
 * runs unprepared).
 */
#define ngx_openzaak_sql_add(q, pool, sql, ...)                               \
    ngx_openzaak_sql_add_literal(q, pool, "" sql, __VA_ARGS__)
ngx_openzaak_pg_stmt_t *ngx_openzaak_sql_add_literal(
    ngx_openzaak_pg_query_t *q, ngx_pool_t *pool, const char *sql,
    ngx_uint_t nparams, ...);
ngx_openzaak_pg_stmt_t *ngx_openzaak_sql_add_id(ngx_openzaak_pg_query_t *q,
    ngx_pool_t *pool, ngx_int_t id, ngx_uint_t nparams, ...);
ngx_openzaak_pg_stmt_t *ngx_openzaak_sql_add_text(ngx_openzaak_pg_query_t *q,
    ngx_pool_t *pool, const char *sql, ngx_uint_t nparams, ...);
ngx_int_t ngx_openzaak_sql_ref_path(ngx_pool_t *pool, const char *ref,
    ngx_str_t *out);
ngx_openzaak_resource_t *ngx_openzaak_resource_by_ref(const char *ref);

/* ngx_openzaak_render.c */

typedef struct ngx_openzaak_render_s  ngx_openzaak_render_t;

/* writes more members of an object of rd->plan, before its "}" */
typedef void (*ngx_openzaak_render_tail_pt)(ngx_openzaak_render_t *rd,
    int row);

struct ngx_openzaak_render_s {
    ngx_openzaak_sb_t                *sb;
    ngx_str_t                         base;
    ngx_openzaak_pg_query_t          *q;
    ngx_uint_t                        stmt;       /* the rows' statement */
    int                              *cursor;     /* next row per child
                                                     table */
    ngx_openzaak_plan_t              *plan;
    ngx_openzaak_render_tail_pt       tail;
    void                             *data;
};

ngx_int_t ngx_openzaak_render_rows(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_plan_t *plan, ngx_openzaak_pg_query_t *q, ngx_uint_t stmt,
    ngx_openzaak_sb_t *sb);
ngx_int_t ngx_openzaak_render_init(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_render_t *rd, ngx_openzaak_plan_t *plan,
    ngx_openzaak_pg_query_t *q, ngx_uint_t stmt, ngx_openzaak_sb_t *sb);
ngx_int_t ngx_openzaak_render_all(ngx_openzaak_render_t *rd);
void ngx_openzaak_render_one(ngx_openzaak_render_t *rd, int row);

/* ngx_openzaak_expand.c */
ngx_int_t ngx_openzaak_expand_init(ngx_pool_t *pool,
    ngx_openzaak_resource_t *res);
ngx_int_t ngx_openzaak_expand_parse(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la);
ngx_int_t ngx_openzaak_expand_validate(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la);
ngx_int_t ngx_openzaak_expand_add(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_list_args_t *la,
    ngx_openzaak_shape_t *sh, ngx_str_t *key);
ngx_int_t ngx_openzaak_expand_render(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_list_args_t *la,
    ngx_uint_t stmt, ngx_openzaak_sb_t *sb, size_t *tagged);

/* rest_framework_gis's GeometryField, for what is no GeoJSON geometry */
#define NGX_OPENZAAK_MSG_GEOMETRY                                            \
    "Ongeldig formaat: string of unicode invoer niet herkend als GeoJSON, "  \
    "WKT EWKT of HEXEWKB."

/* Django's text for a NUL in a CharField, of a body or a filter */
#define NGX_OPENZAAK_MSG_NUL  "Null-tekens zijn niet toegestaan."

/* the range of a PostgreSQL integer, which Django gives an IntegerField */
#define NGX_OPENZAAK_INT32_MIN  (-2147483647 - 1)
#define NGX_OPENZAAK_INT32_MAX  2147483647


/* ngx_openzaak_json.c */

typedef enum {
    NGX_OPENZAAK_JSON_OK = 0,
    NGX_OPENZAAK_JSON_SYNTAX,         /* not JSON: message */
    NGX_OPENZAAK_JSON_VALUES,         /* more than max_values: limit */
    NGX_OPENZAAK_JSON_ITEMS,          /* an array longer than max_items:
                                         limit, path */
    NGX_OPENZAAK_JSON_ERROR           /* no memory, the body unreadable */
} ngx_openzaak_json_rc_e;

typedef struct {
    ngx_openzaak_json_rc_e            rc;
    ngx_str_t                         message;
    ngx_str_t                         path;
    ngx_uint_t                        limit;
} ngx_openzaak_json_error_t;

ngx_int_t ngx_openzaak_json_parse(ngx_pool_t *pool, u_char *p, size_t len,
    const ngx_openzaak_json_limits_t *limits, json_object **out,
    ngx_openzaak_json_error_t *err);
ngx_int_t ngx_openzaak_json_parse_body(ngx_http_request_t *r,
    const ngx_openzaak_json_limits_t *limits, json_object **out,
    ngx_openzaak_json_error_t *err);
off_t ngx_openzaak_json_body_size(ngx_http_request_t *r);
size_t ngx_openzaak_json_string_problems(u_char *p, size_t len,
    ngx_flag_t *nul, ngx_uint_t *surrogate);
ngx_int_t ngx_openzaak_utf8_sanitize(ngx_pool_t *pool, ngx_str_t *s,
    ngx_str_t *out);
u_char *ngx_openzaak_utf8_next(u_char *p, u_char *end);
ngx_int_t ngx_openzaak_json_to_str(ngx_pool_t *pool, json_object *obj,
    ngx_str_t *out);
ngx_int_t ngx_openzaak_json_cleanup(ngx_pool_t *pool, json_object *obj);
u_char *ngx_openzaak_json_escape(u_char *dst, u_char *src, size_t len);
size_t ngx_openzaak_json_escape_len(u_char *src, size_t len);

/* ngx_openzaak_notify.c */
ngx_int_t ngx_openzaak_notify_sql(ngx_pool_t *pool,
    ngx_openzaak_resource_t *res);
ngx_int_t ngx_openzaak_notify_add(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_str_t *uuid, const char *actie);

/* ngx_openzaak_audit.c */
ngx_int_t ngx_openzaak_audit_init(ngx_pool_t *pool,
    ngx_openzaak_resource_t *res);
ngx_int_t ngx_openzaak_audit_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_write_t *w);
ngx_int_t ngx_openzaak_audit_after(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_write_t *w,
    ngx_uint_t render_stmt);

/* ngx_openzaak_openapi.c */
ngx_int_t ngx_openzaak_openapi_init(ngx_pool_t *pool, ngx_openzaak_api_t *api);
ngx_int_t ngx_openzaak_openapi_send(ngx_openzaak_ctx_t *ctx,
    ngx_flag_t yaml);

/* api/ngx_openzaak_api.c */
ngx_openzaak_api_t *ngx_openzaak_api_find(ngx_str_t *name);
ngx_int_t ngx_openzaak_apis_init(ngx_pool_t *pool, ngx_log_t *log);


#endif /* _NGX_OPENZAAK_ENGINE_H_INCLUDED_ */
