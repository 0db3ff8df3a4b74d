/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


#ifndef _NGX_OPENZAAK_H_INCLUDED_
#define _NGX_OPENZAAK_H_INCLUDED_


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>
#include <json-c/json.h>


typedef struct ngx_openzaak_api_s        ngx_openzaak_api_t;
typedef struct ngx_openzaak_resource_s   ngx_openzaak_resource_t;
typedef struct ngx_openzaak_field_s      ngx_openzaak_field_t;
typedef struct ngx_openzaak_operation_s  ngx_openzaak_operation_t;
typedef struct ngx_openzaak_ctx_s        ngx_openzaak_ctx_t;
typedef struct ngx_openzaak_client_s     ngx_openzaak_client_t;
typedef struct ngx_openzaak_pg_pool_s    ngx_openzaak_pg_pool_t;
typedef struct ngx_openzaak_pg_query_s   ngx_openzaak_pg_query_t;


/* Shared between all workers: lets a worker that changed applicaties
 * invalidate the authorisation caches of the others at once. */
typedef struct {
    ngx_atomic_t                auth_generation;
} ngx_openzaak_shm_t;


typedef struct {
    ngx_str_t                   db_conninfo;
    ngx_uint_t                  pool_size;
    ngx_uint_t                  queue_size;
    ngx_msec_t                  wait_timeout;
    ngx_msec_t                  query_timeout;
    ngx_msec_t                  idle_timeout;
    ngx_msec_t                  connect_timeout;
    ngx_msec_t                  max_lifetime;       /* 0: unlimited */
    ngx_uint_t                  prepared_statements; /* per connection */
    ngx_uint_t                  auth_cache_size;
    ngx_uint_t                  jwt_cache_size;

    ngx_shm_zone_t             *shm_zone;
    ngx_openzaak_shm_t         *shm;

    /* set when any location serves an API: workers then open the pool */
    ngx_flag_t                  enabled;
} ngx_openzaak_main_conf_t;


/* The work a JSON document may cost (0: no limit). */
typedef struct {
    ngx_uint_t                  max_values;     /* values in all */
    ngx_uint_t                  max_items;      /* items of one array */
} ngx_openzaak_json_limits_t;


typedef struct {
    ngx_openzaak_api_t         *api;
    ngx_openzaak_json_limits_t  json_limits;
    ngx_str_t                   base_url;
    ngx_str_t                   selectielijst_url;
    ngx_str_t                   selectielijst_location;
    time_t                      jwt_expiry;
    time_t                      jwt_leeway;
    time_t                      jwt_clock_skew;
    ngx_flag_t                  catalogi_publish_minimums;
    ngx_uint_t                  catalogi_forced_scopes;
} ngx_openzaak_loc_conf_t;


/* openzaak_catalogi_forced_scopes */
#define NGX_OPENZAAK_FORCED_NAMED      0   /* an autorisatie names them */
#define NGX_OPENZAAK_FORCED_IMPLIED    1   /* heeftAlleAutorisaties too */


typedef ngx_int_t (*ngx_openzaak_fetch_pt)(ngx_openzaak_ctx_t *ctx);


/* A resource of another API fetched through a subrequest. */
typedef struct {
    ngx_str_t                   url;
    ngx_uint_t                  status;     /* 0: could not be fetched */
    ngx_str_t                   body;
    json_object                *json;       /* NULL: not JSON */
    ngx_openzaak_ctx_t         *ctx;
    unsigned                    done:1;
    unsigned                    outside:1;  /* not below the API's URL */
} ngx_openzaak_fetch_t;


/* One validation error of a problem+json "invalidParams" list. */
typedef struct {
    ngx_str_t                   name;
    ngx_str_t                   code;
    ngx_str_t                   reason;
} ngx_openzaak_invalid_param_t;


/* An authorisation granted to an applicatie (Autorisaties API model). */
typedef struct {
    ngx_str_t                   component;
    ngx_array_t                 scopes;         /* of ngx_str_t */
    ngx_str_t                   zaaktype;
    ngx_str_t                   informatieobjecttype;
    ngx_str_t                   besluittype;
    ngx_int_t                   max_va;         /* 1..8, 0 = none */
} ngx_openzaak_autorisatie_t;


/*
 * The claims of a verified token that are checked anew on every use of it
 * (ngx_openzaak_jwt_check_times): its verification found them, the token
 * cache keeps them.
 */
#define NGX_OPENZAAK_JWT_TIME_ABSENT   0
#define NGX_OPENZAAK_JWT_TIME_SET      1
#define NGX_OPENZAAK_JWT_TIME_BAD      2   /* present, but no NumericDate */

typedef struct {
    int64_t                     iat;
    int64_t                     nbf;
    int64_t                     exp;
    unsigned                    nbf_state:2;
    unsigned                    exp_state:2;
    unsigned                    aud:1;
} ngx_openzaak_jwt_times_t;


/* A client as the authorisation cache knows it; lives in the cache's
 * own memory, never in a request pool. */
struct ngx_openzaak_client_s {
    ngx_str_t                   client_id;
    ngx_str_t                   secret;
    ngx_flag_t                  has_applicatie;
    ngx_str_t                   applicatie_uuid;
    ngx_str_t                   label;
    ngx_flag_t                  heeft_alle_autorisaties;
    ngx_array_t                 autorisaties;   /* ngx_openzaak_autorisatie_t */
    ngx_pool_t                 *pool;
    ngx_uint_t                  refs;
    ngx_queue_t                 queue;
    ngx_str_node_t              sn;         /* key: client_id */
    ngx_queue_t                 tokens;     /* its tokens in the jwt cache */
    unsigned                    cached:1;
};


typedef enum {
    NGX_OPENZAAK_STEP_AUTH = 0,
    NGX_OPENZAAK_STEP_RUN,
    NGX_OPENZAAK_STEP_DONE
} ngx_openzaak_step_e;


/* Per-request state of an API request. */
struct ngx_openzaak_ctx_s {
    ngx_http_request_t         *request;
    ngx_openzaak_loc_conf_t    *lcf;
    ngx_openzaak_api_t         *api;

    /* routing */
    ngx_openzaak_resource_t    *resource;
    ngx_openzaak_operation_t   *operation;
    ngx_str_t                   path;           /* below /{api}/api/v1 */
    ngx_str_t                   uuid;           /* object uuid, if any */
    ngx_str_t                   parent_uuid;    /* nested routes */

    /* public base URL: scheme://host[:port][/prefix] without slash */
    ngx_str_t                   base;

    /* authentication */
    ngx_str_t                   client_id;
    ngx_str_t                   token;
    time_t                      iat;
    ngx_openzaak_jwt_times_t    jwt_times;      /* of a verified token */
    ngx_openzaak_client_t      *client;         /* valid during request */
    json_object                *claims;

    /* request body */
    json_object                *body;

    /* subrequests to other APIs */
    ngx_uint_t                  fetching;
    ngx_openzaak_fetch_pt       fetch_handler;
    void                       *fetch_data;

    /* database */
    ngx_openzaak_pg_query_t    *query;
    ngx_uint_t                  auth_generation;

    /* validation */
    ngx_array_t                *errors;         /* invalid params */

    /* engine scratch, owned by the engine */
    void                       *engine;

    /* nginx's own error page, replaced by the error filter */
    ngx_str_t                   error_body;

    /* the output filters' answer to the response sent; the send and
     * problem functions return NGX_DONE ("answered") instead of it, so
     * that no caller mistakes a sent answer for "carry on" */
    ngx_int_t                   send_rc;

    ngx_openzaak_step_e         step;
    unsigned                    body_read:1;
    unsigned                    anonymous:1;
    unsigned                    alg_invalid:1;
    unsigned                    waiting:1;
    unsigned                    finalized:1;
    unsigned                    own_response:1;
    unsigned                    error_filter:1;
    unsigned                    error_sent:1;
};


extern ngx_module_t  ngx_http_openzaak_module;


/* ngx_openzaak_module.c */
ngx_openzaak_shm_t *ngx_openzaak_shm(void);
void ngx_openzaak_auth_changed(void);

/* ngx_openzaak_handler.c */
ngx_int_t ngx_openzaak_handler(ngx_http_request_t *r);
void ngx_openzaak_continue(ngx_openzaak_ctx_t *ctx);

/* ngx_openzaak_answer.c */
void ngx_openzaak_finish(ngx_openzaak_ctx_t *ctx, ngx_int_t rc);
ngx_int_t ngx_openzaak_send(ngx_openzaak_ctx_t *ctx, ngx_uint_t status,
    const char *content_type, ngx_str_t *body);
ngx_int_t ngx_openzaak_send_json(ngx_openzaak_ctx_t *ctx, ngx_uint_t status,
    ngx_str_t *body, ngx_flag_t etag);
ngx_int_t ngx_openzaak_send_json_etag(ngx_openzaak_ctx_t *ctx,
    ngx_uint_t status, ngx_str_t *body, ngx_str_t *tagged);
ngx_int_t ngx_openzaak_set_header(ngx_http_request_t *r, const char *name,
    ngx_str_t *value);

/* ngx_openzaak_router.c */
ngx_int_t ngx_openzaak_route(ngx_openzaak_ctx_t *ctx);

/* ngx_openzaak_error.c */
ngx_int_t ngx_openzaak_problem(ngx_openzaak_ctx_t *ctx, ngx_uint_t status,
    const char *code, const char *detail);
ngx_int_t ngx_openzaak_problem_invalid(ngx_openzaak_ctx_t *ctx);
ngx_int_t ngx_openzaak_problem_invalid1(ngx_openzaak_ctx_t *ctx,
    const char *name, const char *code, const char *reason);
ngx_int_t ngx_openzaak_problem_status(ngx_openzaak_ctx_t *ctx,
    ngx_uint_t status);
ngx_int_t ngx_openzaak_problem_pg(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_pg_query_t *q);
ngx_int_t ngx_openzaak_invalid(ngx_openzaak_ctx_t *ctx, const char *name,
    size_t name_len, const char *code, const char *reason, size_t reason_len);
ngx_int_t ngx_openzaak_invalidf(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    const char *code, const char *fmt, ...);
ngx_int_t ngx_openzaak_errors_json(ngx_openzaak_ctx_t *ctx, ngx_str_t *out);
ngx_int_t ngx_openzaak_problem_body(ngx_http_request_t *r, ngx_str_t *base,
    ngx_uint_t status, ngx_str_t *code, ngx_str_t *detail,
    ngx_array_t *errors, ngx_str_t *out);

/* ngx_openzaak_error_filter.c */
ngx_int_t ngx_openzaak_error_filter_init(ngx_conf_t *cf);

/* ngx_openzaak_jwt.c */
typedef enum {
    NGX_OPENZAAK_JWT_OK = 0,
    NGX_OPENZAAK_JWT_NONE,          /* no usable Authorization header */
    NGX_OPENZAAK_JWT_DECODE,        /* jwt-decode-error */
    NGX_OPENZAAK_JWT_ALG,           /* jwt-invalidalgorithmerror */
    NGX_OPENZAAK_JWT_NO_CLIENT,     /* missing-client-identifier */
    NGX_OPENZAAK_JWT_BAD_CLIENT     /* invalid-client-identifier: a client
                                       id no client can have */
} ngx_openzaak_jwt_rc_e;

ngx_openzaak_jwt_rc_e ngx_openzaak_jwt_token(ngx_openzaak_ctx_t *ctx);
ngx_openzaak_jwt_rc_e ngx_openzaak_jwt_parse(ngx_openzaak_ctx_t *ctx);
ngx_int_t ngx_openzaak_jwt_verify(ngx_openzaak_ctx_t *ctx);
ngx_int_t ngx_openzaak_jwt_check_times(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_jwt_times_t *t);

/* ngx_openzaak_jwt_cache.c */
ngx_int_t ngx_openzaak_jwt_cache_init(ngx_cycle_t *cycle, ngx_uint_t size);
void ngx_openzaak_jwt_cache_exit(void);
ngx_openzaak_client_t *ngx_openzaak_jwt_cache_lookup(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_jwt_times_t *times);
void ngx_openzaak_jwt_cache_add(ngx_openzaak_ctx_t *ctx);
void ngx_openzaak_jwt_cache_forget(ngx_openzaak_client_t *client);

/* ngx_openzaak_auth.c */
ngx_int_t ngx_openzaak_auth_init_worker(ngx_cycle_t *cycle);
void ngx_openzaak_auth_exit_worker(ngx_cycle_t *cycle);
ngx_int_t ngx_openzaak_authenticate(ngx_openzaak_ctx_t *ctx);
ngx_int_t ngx_openzaak_authorize(ngx_openzaak_ctx_t *ctx,
    const char *const *scopes, const char *component);
ngx_flag_t ngx_openzaak_has_named_scope(ngx_openzaak_ctx_t *ctx,
    const char *component, const char *scope);
ngx_flag_t ngx_openzaak_has_scope(ngx_openzaak_ctx_t *ctx,
    const char *component, const char *scope);
void ngx_openzaak_auth_flush(void);

/* A growing string in a pool; errors stick and are checked once. */
typedef struct {
    ngx_pool_t                 *pool;
    u_char                     *data;
    size_t                      len;
    size_t                      cap;
    ngx_flag_t                  failed;
} ngx_openzaak_sb_t;

/* ngx_openzaak_fetch.c */
ngx_int_t ngx_openzaak_fetch(ngx_openzaak_ctx_t *ctx, ngx_openzaak_fetch_t *f);
ngx_int_t ngx_openzaak_fetch_wait(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_fetch_pt handler);
ngx_int_t ngx_openzaak_fetch_check(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_fetch_t *f, const char *name, const char *resource,
    const char *const *keys);

/* ngx_openzaak_util.c */
void ngx_openzaak_sb_init(ngx_openzaak_sb_t *sb, ngx_pool_t *pool,
    size_t cap);
void ngx_openzaak_sb_addn(ngx_openzaak_sb_t *sb, const void *p, size_t len);
void ngx_openzaak_sb_add(ngx_openzaak_sb_t *sb, const char *s);
void ngx_openzaak_sb_addf(ngx_openzaak_sb_t *sb, const char *fmt, ...);
ngx_int_t ngx_openzaak_sb_str(ngx_openzaak_sb_t *sb, ngx_str_t *out);
ngx_int_t ngx_openzaak_uuid4(u_char *buf);
ngx_flag_t ngx_openzaak_is_uuid(u_char *p, size_t len);
ngx_int_t ngx_openzaak_base_url(ngx_openzaak_ctx_t *ctx);
u_char *ngx_openzaak_pstrdup0(ngx_pool_t *pool, ngx_str_t *s);
ngx_flag_t ngx_openzaak_word_in(const char *list, const char *word);
ngx_int_t ngx_openzaak_arg(ngx_http_request_t *r, const char *name,
    ngx_str_t *value);

#define NGX_OPENZAAK_UUID_LEN  36

#define ngx_openzaak_isdigit(c)  ((c) >= '0' && (c) <= '9')
#define ngx_openzaak_isalpha(c)                                              \
    (((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z')
#define ngx_openzaak_isalnum(c)                                              \
    (ngx_openzaak_isdigit(c) || ngx_openzaak_isalpha(c))
#define ngx_openzaak_isxdigit(c)                                             \
    (ngx_openzaak_isdigit(c) || (((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'f'))


#endif /* _NGX_OPENZAAK_H_INCLUDED_ */
