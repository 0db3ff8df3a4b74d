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


/*
 * Resources are data.  A descriptor names every field once: its JSON name,
 * where it lives in SQL, its type and constraints.  One engine turns the
 * descriptors into request validation, parameterised SQL, JSON rendering,
 * filters, pagination, notifications and the OpenAPI document.  Hooks hold
 * the behaviour a descriptor cannot express.
 *
 * SQL conventions: the resource table has a uuid primary key "uuid" and a
 * bigint "id" giving the insertion order.  In generated SQL the resource
 * table is aliased "t", and $1 is always the public base URL
 * (scheme://host[/prefix]) used to render absolute URLs.
 */


typedef enum {
    NGX_OZ_STRING = 1,
    NGX_OZ_BOOLEAN,
    NGX_OZ_INTEGER,
    NGX_OZ_DATE,
    NGX_OZ_DATETIME,
    NGX_OZ_DURATION,
    NGX_OZ_URI,
    NGX_OZ_ENUM,
    NGX_OZ_REF,          /* URL of a local resource, stored as its uuid */
    NGX_OZ_UUID,
    NGX_OZ_OBJECT,       /* gegevensgroep: sub-fields, stored as jsonb */
    NGX_OZ_ARRAY         /* items described by fields[0] */
} ngx_openzaak_type_e;


/* field flags */
#define NGX_OZ_REQUIRED       0x0001    /* required on create and PUT */
#define NGX_OZ_READONLY       0x0002
#define NGX_OZ_WRITEONLY      0x0004
#define NGX_OZ_NULLABLE       0x0008
#define NGX_OZ_BLANK          0x0010    /* "" allowed */
#define NGX_OZ_NONEMPTY       0x0020    /* at least one array item */
#define NGX_OZ_IMMUTABLE      0x0040    /* wijzigen-niet-toegelaten */
#define NGX_OZ_DISCRIMINATOR  0x0080    /* selects the variant fields */
#define NGX_OZ_NO_TRIM        0x0100    /* keep surrounding whitespace */
#define NGX_OZ_ENUM_BLANK     0x0200    /* "" is an extra enum value */
#define NGX_OZ_CHILD_POSITION 0x0400


/* Arrays of objects kept in their own table, one row per item. */
typedef struct {
    const char                       *table;
    const char                       *parent;     /* FK column to t.uuid */
    const char                       *position;   /* item order column */
} ngx_openzaak_child_t;


typedef ngx_int_t (*ngx_openzaak_check_pt)(ngx_openzaak_ctx_t *ctx,
    ngx_str_t *name, ngx_str_t *value);


struct ngx_openzaak_field_s {
    const char                       *name;       /* JSON name; NULL ends */
    const char                       *column;     /* SQL column, or NULL */
    ngx_openzaak_type_e               type;
    ngx_uint_t                        flags;
    ngx_uint_t                        min_length;
    ngx_uint_t                        max_length;
    const char *const                *enums;      /* NULL terminated */
    const char                       *ref;        /* "api/path" of NGX_OZ_REF */
    const ngx_openzaak_field_t       *fields;     /* OBJECT members or the
                                                     ARRAY item */
    const ngx_openzaak_child_t       *child;      /* ARRAY stored in a table */
    const char                       *render;     /* SQL for output, "%a" =
                                                     the row alias */
    const char                       *dflt;       /* JSON default on create */
    const char                       *variants;   /* discriminator values
                                                     where present, space
                                                     separated; NULL = all */
    const char                       *description;

    /* an extra check of a valid string value (RSIN, upper case, ...);
     * records its errors itself and returns NGX_DECLINED after one */
    ngx_openzaak_check_pt             check;

    /* the OpenAPI "format" when it is not the type's own, e.g. "uri" for
     * a relation that also takes an omschrijving */
    const char                       *format;
};


/* A query parameter filter.  "sql" is a condition on alias t in which
 * "$?" stands for the parameter holding the value. */

#define NGX_OZ_FILTER_REQUIRED  0x01
#define NGX_OZ_FILTER_CSV       0x02    /* comma separated list */
#define NGX_OZ_FILTER_DATE_REF  0x04    /* also the date relations are
                                           resolved on (datumGeldigheid) */

typedef struct {
    const char                       *name;
    ngx_openzaak_type_e               type;
    ngx_uint_t                        flags;
    const char                       *sql;
    const char *const                *enums;
    const char                       *ref;
    const char                       *description;

    /* the condition applied when the parameter is absent or empty, e.g.
     * "published only" for status */
    const char                       *absent_sql;
} ngx_openzaak_filter_t;


typedef enum {
    NGX_OZ_OP_LIST = 1,
    NGX_OZ_OP_CREATE,
    NGX_OZ_OP_READ,
    NGX_OZ_OP_UPDATE,
    NGX_OZ_OP_PATCH,
    NGX_OZ_OP_DELETE,
    NGX_OZ_OP_ACTION
} ngx_openzaak_op_kind_e;


/* operation flags */
#define NGX_OZ_OP_PAGINATED   0x01
#define NGX_OZ_OP_ETAG        0x02
#define NGX_OZ_OP_DETAIL      0x04      /* action on /{uuid}/action */
#define NGX_OZ_OP_HEAD        0x08      /* HEAD documented in the spec */
#define NGX_OZ_OP_BODY        0x10      /* action takes a JSON body */


typedef struct ngx_openzaak_write_s  ngx_openzaak_write_t;

typedef ngx_int_t (*ngx_openzaak_op_handler_pt)(ngx_openzaak_ctx_t *ctx);


struct ngx_openzaak_operation_s {
    ngx_openzaak_op_kind_e            kind;
    ngx_uint_t                        method;     /* NGX_HTTP_*, actions */
    const char                       *action;     /* path segment */
    ngx_uint_t                        flags;
    const char                       *operation_id;
    const char                       *summary;
    const char *const                *scopes;     /* AND of "a|b" groups */
    const ngx_openzaak_filter_t      *filters;    /* overrides resource's */
    ngx_openzaak_op_handler_pt        handler;    /* actions */
    const char                       *description;
};


/* A kenmerk of the notification message: JSON name and SQL on alias t. */
typedef struct {
    const char                       *name;
    const char                       *sql;
} ngx_openzaak_kenmerk_t;


/* Maps an SQL constraint to the validation error clients should see. */
typedef struct {
    const char                       *constraint;
    const char                       *name;
    const char                       *code;
    const char                       *reason;
} ngx_openzaak_constraint_t;


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
};


typedef struct {
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
} ngx_openzaak_hooks_t;


/*
 * SQL generated from the descriptor.  Rendering SQL takes $1, the base
 * URL, and, when nbase is 2, $2, the date on which versioned relations are
 * resolved (NULL: today); statement parameters follow.
 */
typedef struct {
    ngx_uint_t                        nbase;
    ngx_str_t                         render;     /* row JSON over alias t */
    ngx_str_t                         read;
    ngx_str_t                         exists;
    ngx_str_t                         remove;
    ngx_str_t                         notify;     /* outbox insert */

    /* the same, registered: ngx_openzaak_pg_add_id() */
    ngx_int_t                         read_id;
    ngx_int_t                         exists_id;
    ngx_int_t                         remove_id;
    ngx_int_t                         notify_id;
} ngx_openzaak_resource_sql_t;


/* resource flags */
#define NGX_OZ_RES_AUTH_DATA  0x01      /* writes change authorisations */


struct ngx_openzaak_resource_s {
    const char                       *path;       /* "applicaties" */
    const char                       *name;       /* "applicatie" */
    const char                       *schema;     /* OpenAPI schema name */
    const char                       *table;
    ngx_uint_t                        flags;
    const ngx_openzaak_field_t       *fields;
    const ngx_openzaak_filter_t      *filters;
    const ngx_openzaak_operation_t   *operations;
    const char                       *list_where; /* always applied */
    const char                       *order;      /* default ORDER BY */
    const char                       *kanaal;
    const char                       *hoofd_object; /* SQL; NULL = url */
    const ngx_openzaak_kenmerk_t     *kenmerken;
    const ngx_openzaak_constraint_t  *constraints;
    const ngx_openzaak_hooks_t       *hooks;
    const char                       *description;

    /* filled in at start-up */
    ngx_openzaak_api_t               *api;
    ngx_openzaak_resource_sql_t       sql;
};


struct ngx_openzaak_api_s {
    ngx_str_t                         name;       /* "autorisaties" */
    const char                       *component;  /* "ac" */
    const char                       *version;    /* "1.0.0" */
    const char                       *title;
    const char                       *description;
    ngx_openzaak_resource_t         **resources;  /* NULL terminated */

    /* filled in at start-up */
    ngx_str_t                         root;       /* "/autorisaties/api/v1" */
    ngx_str_t                         openapi_json;
    ngx_str_t                         openapi_yaml;
};


/* ngx_openzaak_engine.c */
ngx_int_t ngx_openzaak_engine_run(ngx_openzaak_ctx_t *ctx);
ngx_int_t ngx_openzaak_engine_query(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_openzaak_pg_handler_pt handler);
ngx_openzaak_pg_query_t *ngx_openzaak_engine_new_query(
    ngx_openzaak_ctx_t *ctx);
ngx_int_t ngx_openzaak_engine_read_done(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q, ngx_uint_t stmt);
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

/* ngx_openzaak_sql.c */
ngx_int_t ngx_openzaak_sql_init(ngx_pool_t *pool, ngx_openzaak_api_t *api,
    ngx_openzaak_resource_t *res);
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

/* ngx_openzaak_validate.c */
ngx_int_t ngx_openzaak_validate_body(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
ngx_int_t ngx_openzaak_parse_ref(ngx_openzaak_ctx_t *ctx, const char *ref,
    ngx_str_t *url, ngx_str_t *uuid);
ngx_flag_t ngx_openzaak_valid_url(u_char *p, size_t len);
ngx_flag_t ngx_openzaak_valid_date(u_char *p, size_t len);
ngx_flag_t ngx_openzaak_valid_duration(u_char *p, size_t len);
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

/* ngx_openzaak_filter.c */
typedef struct {
    ngx_str_t                         where;      /* " AND ..." */
    const char                      **values;     /* filter parameters */
    ngx_uint_t                        nvalues;
    const char                       *date;       /* reference date */
    ngx_int_t                         page;       /* 0 = last */
    ngx_uint_t                        page_size;
    ngx_array_t                       args;       /* parsed query args */
} ngx_openzaak_list_args_t;

ngx_int_t ngx_openzaak_filter_parse(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la, ngx_uint_t first_param);
ngx_int_t ngx_openzaak_page_url(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_list_args_t *la, ngx_int_t page, ngx_str_t *out);
const ngx_openzaak_filter_t *ngx_openzaak_op_filters(
    ngx_openzaak_resource_t *res, ngx_openzaak_operation_t *op);

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

/* ngx_openzaak_openapi.c */
ngx_int_t ngx_openzaak_openapi_init(ngx_pool_t *pool, ngx_openzaak_api_t *api);
ngx_int_t ngx_openzaak_openapi_send(ngx_openzaak_ctx_t *ctx,
    ngx_flag_t yaml);

/* api/ngx_openzaak_api.c */
ngx_openzaak_api_t *ngx_openzaak_api_find(ngx_str_t *name);
ngx_int_t ngx_openzaak_apis_init(ngx_pool_t *pool, ngx_log_t *log);


#endif /* _NGX_OPENZAAK_ENGINE_H_INCLUDED_ */
