/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Directives, configuration and the worker life cycle.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak.h"
#include "ngx_openzaak_pg.h"
#include "ngx_openzaak_engine.h"


static void *ngx_http_openzaak_create_main_conf(ngx_conf_t *cf);
static char *ngx_http_openzaak_init_main_conf(ngx_conf_t *cf, void *conf);
static void *ngx_http_openzaak_create_loc_conf(ngx_conf_t *cf);
static char *ngx_http_openzaak_merge_loc_conf(ngx_conf_t *cf, void *parent,
    void *child);
static ngx_int_t ngx_http_openzaak_postconfiguration(ngx_conf_t *cf);
static char *ngx_http_openzaak_api(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_openzaak_base_url(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_openzaak_max_lifetime(ngx_conf_t *cf,
    ngx_command_t *cmd, void *conf);
static ngx_int_t ngx_http_openzaak_shm_init(ngx_shm_zone_t *shm_zone,
    void *data);
static ngx_int_t ngx_http_openzaak_init_process(ngx_cycle_t *cycle);
static void ngx_http_openzaak_exit_process(ngx_cycle_t *cycle);
static void ngx_http_openzaak_exit_master(ngx_cycle_t *cycle);


static ngx_conf_num_bounds_t  ngx_http_openzaak_pool_size_bounds = {
    ngx_conf_check_num_bounds, 1, 1000
};

/* PostgreSQL keeps a plan cache per prepared statement in the backend */
static ngx_conf_num_bounds_t  ngx_http_openzaak_prepared_bounds = {
    ngx_conf_check_num_bounds, 1, 100000
};

static ngx_conf_num_bounds_t  ngx_http_openzaak_queue_bounds = {
    ngx_conf_check_num_bounds, 0, 100000
};

/* a limit of 0 would refuse every body; 10^7 values are about 8 GB */
static ngx_conf_num_bounds_t  ngx_http_openzaak_json_bounds = {
    ngx_conf_check_num_bounds, 1, 10000000
};


/* 0 turns the cache off; a million entries are some 150 MB a worker */
static ngx_conf_num_bounds_t  ngx_http_openzaak_jwt_cache_bounds = {
    ngx_conf_check_num_bounds, 0, 1000000
};


static ngx_conf_enum_t  ngx_http_openzaak_forced_scopes[] = {
    { ngx_string("named"), NGX_OPENZAAK_FORCED_NAMED },
    { ngx_string("implied"), NGX_OPENZAAK_FORCED_IMPLIED },
    { ngx_null_string, 0 }
};


static ngx_command_t  ngx_http_openzaak_commands[] = {

    { ngx_string("openzaak_db"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_str_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_openzaak_main_conf_t, db_conninfo),
      NULL },

    { ngx_string("openzaak_db_pool_size"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_num_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_openzaak_main_conf_t, pool_size),
      &ngx_http_openzaak_pool_size_bounds },

    { ngx_string("openzaak_db_queue"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_num_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_openzaak_main_conf_t, queue_size),
      &ngx_http_openzaak_queue_bounds },

    { ngx_string("openzaak_db_wait_timeout"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_msec_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_openzaak_main_conf_t, wait_timeout),
      NULL },

    { ngx_string("openzaak_db_query_timeout"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_msec_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_openzaak_main_conf_t, query_timeout),
      NULL },

    { ngx_string("openzaak_db_idle_timeout"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_msec_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_openzaak_main_conf_t, idle_timeout),
      NULL },

    { ngx_string("openzaak_db_connect_timeout"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_msec_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_openzaak_main_conf_t, connect_timeout),
      NULL },

    { ngx_string("openzaak_db_max_lifetime"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_http_openzaak_max_lifetime,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_openzaak_main_conf_t, max_lifetime),
      NULL },

    { ngx_string("openzaak_db_prepared_statements"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_num_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_openzaak_main_conf_t, prepared_statements),
      &ngx_http_openzaak_prepared_bounds },

    { ngx_string("openzaak_auth_cache_size"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_num_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_openzaak_main_conf_t, auth_cache_size),
      NULL },

    { ngx_string("openzaak_jwt_cache_size"),
      NGX_HTTP_MAIN_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_num_slot,
      NGX_HTTP_MAIN_CONF_OFFSET,
      offsetof(ngx_openzaak_main_conf_t, jwt_cache_size),
      &ngx_http_openzaak_jwt_cache_bounds },

    { ngx_string("openzaak_api"),
      NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_openzaak_api,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("openzaak_base_url"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_openzaak_base_url,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_openzaak_loc_conf_t, base_url),
      NULL },

    { ngx_string("openzaak_selectielijst_url"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_openzaak_base_url,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_openzaak_loc_conf_t, selectielijst_url),
      NULL },

    { ngx_string("openzaak_selectielijst_location"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_str_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_openzaak_loc_conf_t, selectielijst_location),
      NULL },

    { ngx_string("openzaak_jwt_expiry"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_sec_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_openzaak_loc_conf_t, jwt_expiry),
      NULL },

    { ngx_string("openzaak_jwt_leeway"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_sec_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_openzaak_loc_conf_t, jwt_leeway),
      NULL },

    { ngx_string("openzaak_json_max_values"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_num_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_openzaak_loc_conf_t, json_limits.max_values),
      &ngx_http_openzaak_json_bounds },

    { ngx_string("openzaak_json_max_items"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_num_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_openzaak_loc_conf_t, json_limits.max_items),
      &ngx_http_openzaak_json_bounds },

    { ngx_string("openzaak_catalogi_publish_minimums"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_openzaak_loc_conf_t, catalogi_publish_minimums),
      NULL },

    { ngx_string("openzaak_catalogi_forced_scopes"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_enum_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_openzaak_loc_conf_t, catalogi_forced_scopes),
      &ngx_http_openzaak_forced_scopes },

    { ngx_string("openzaak_jwt_clock_skew"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_sec_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_openzaak_loc_conf_t, jwt_clock_skew),
      NULL },

      ngx_null_command
};


static ngx_http_module_t  ngx_http_openzaak_module_ctx = {
    NULL,                                  /* preconfiguration */
    ngx_http_openzaak_postconfiguration,   /* postconfiguration */

    ngx_http_openzaak_create_main_conf,    /* create main configuration */
    ngx_http_openzaak_init_main_conf,      /* init main configuration */

    NULL,                                  /* create server configuration */
    NULL,                                  /* merge server configuration */

    ngx_http_openzaak_create_loc_conf,     /* create location configuration */
    ngx_http_openzaak_merge_loc_conf       /* merge location configuration */
};


ngx_module_t  ngx_http_openzaak_module = {
    NGX_MODULE_V1,
    &ngx_http_openzaak_module_ctx,         /* module context */
    ngx_http_openzaak_commands,            /* module directives */
    NGX_HTTP_MODULE,                       /* module type */
    NULL,                                  /* init master */
    NULL,                                  /* init module */
    ngx_http_openzaak_init_process,        /* init process */
    NULL,                                  /* init thread */
    NULL,                                  /* exit thread */
    ngx_http_openzaak_exit_process,        /* exit process */
    ngx_http_openzaak_exit_master,         /* exit master */
    NGX_MODULE_V1_PADDING
};


static ngx_openzaak_main_conf_t  *ngx_http_openzaak_main_conf;


static void *
ngx_http_openzaak_create_main_conf(ngx_conf_t *cf)
{
    ngx_openzaak_main_conf_t  *omcf;

    omcf = ngx_pcalloc(cf->pool, sizeof(ngx_openzaak_main_conf_t));
    if (omcf == NULL) {
        return NULL;
    }

    /*
     * set by ngx_pcalloc():
     *
     *     omcf->db_conninfo = { 0, NULL };
     *     omcf->shm_zone = NULL;
     *     omcf->shm = NULL;
     *     omcf->enabled = 0;
     */

    omcf->pool_size = NGX_CONF_UNSET_UINT;
    omcf->queue_size = NGX_CONF_UNSET_UINT;
    omcf->wait_timeout = NGX_CONF_UNSET_MSEC;
    omcf->query_timeout = NGX_CONF_UNSET_MSEC;
    omcf->idle_timeout = NGX_CONF_UNSET_MSEC;
    omcf->connect_timeout = NGX_CONF_UNSET_MSEC;
    omcf->max_lifetime = NGX_CONF_UNSET_MSEC;
    omcf->prepared_statements = NGX_CONF_UNSET_UINT;
    omcf->auth_cache_size = NGX_CONF_UNSET_UINT;
    omcf->jwt_cache_size = NGX_CONF_UNSET_UINT;

    return omcf;
}


static char *
ngx_http_openzaak_init_main_conf(ngx_conf_t *cf, void *conf)
{
    ngx_openzaak_main_conf_t *omcf = conf;

    ngx_conf_init_uint_value(omcf->pool_size, 10);
    ngx_conf_init_uint_value(omcf->queue_size, 128);
    ngx_conf_init_msec_value(omcf->wait_timeout, 5000);
    ngx_conf_init_msec_value(omcf->query_timeout, 30000);
    ngx_conf_init_msec_value(omcf->idle_timeout, 60000);
    ngx_conf_init_msec_value(omcf->connect_timeout, 5000);
    ngx_conf_init_msec_value(omcf->max_lifetime, 3600000);
    ngx_conf_init_uint_value(omcf->prepared_statements, 256);
    ngx_conf_init_uint_value(omcf->auth_cache_size, 1024);
    ngx_conf_init_uint_value(omcf->jwt_cache_size, 1024);

    return NGX_CONF_OK;
}


static void *
ngx_http_openzaak_create_loc_conf(ngx_conf_t *cf)
{
    ngx_openzaak_loc_conf_t  *olcf;

    olcf = ngx_pcalloc(cf->pool, sizeof(ngx_openzaak_loc_conf_t));
    if (olcf == NULL) {
        return NULL;
    }

    /*
     * set by ngx_pcalloc():
     *
     *     olcf->api = NULL;
     *     olcf->base_url = { 0, NULL };
     */

    olcf->jwt_expiry = NGX_CONF_UNSET;
    olcf->jwt_leeway = NGX_CONF_UNSET;
    olcf->jwt_clock_skew = NGX_CONF_UNSET;
    olcf->json_limits.max_values = NGX_CONF_UNSET_UINT;
    olcf->json_limits.max_items = NGX_CONF_UNSET_UINT;
    olcf->catalogi_publish_minimums = NGX_CONF_UNSET;
    olcf->catalogi_forced_scopes = NGX_CONF_UNSET_UINT;

    return olcf;
}


static char *
ngx_http_openzaak_merge_loc_conf(ngx_conf_t *cf, void *parent, void *child)
{
    ngx_openzaak_loc_conf_t *prev = parent;
    ngx_openzaak_loc_conf_t *conf = child;

    ngx_conf_merge_str_value(conf->base_url, prev->base_url, "");
    ngx_conf_merge_str_value(conf->selectielijst_url,
                             prev->selectielijst_url, "");
    ngx_conf_merge_str_value(conf->selectielijst_location,
                             prev->selectielijst_location,
                             "/_openzaak/selectielijst");

    /* the path below the Selectielijst base, "/procestypen/...", follows */

    if (conf->selectielijst_location.len == 0
        || conf->selectielijst_location.data[0] != '/')
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "openzaak_selectielijst_location \"%V\" must "
                           "start with /", &conf->selectielijst_location);
        return NGX_CONF_ERROR;
    }

    while (conf->selectielijst_location.len > 1
           && conf->selectielijst_location.data[
                  conf->selectielijst_location.len - 1] == '/')
    {
        conf->selectielijst_location.len--;
    }
    ngx_conf_merge_sec_value(conf->jwt_expiry, prev->jwt_expiry, 3600);
    ngx_conf_merge_sec_value(conf->jwt_leeway, prev->jwt_leeway, 0);

    /*
     * A token issued by a client whose clock runs a little ahead must
     * pass; one "issued" far in the future would otherwise never expire.
     */
    ngx_conf_merge_sec_value(conf->jwt_clock_skew, prev->jwt_clock_skew, 30);

    /*
     * What one body may cost: json-c spends 70 to 800 bytes a value, so
     * 10,000 values are at most 8 MB of tree.  1,000 items an array is
     * Django's DATA_UPLOAD_MAX_NUMBER_FIELDS, its bound on the fields of
     * one request; no ZGW relation list comes near it.
     */
    ngx_conf_merge_uint_value(conf->json_limits.max_values,
                              prev->json_limits.max_values, 10000);
    ngx_conf_merge_uint_value(conf->json_limits.max_items,
                              prev->json_limits.max_items, 1000);

    /* Open Zaak's own publish rule, not the standard's: off unless asked */
    ngx_conf_merge_value(conf->catalogi_publish_minimums,
                         prev->catalogi_publish_minimums, 0);

    /* the standard's correctie needs "een expliciete scope" */
    ngx_conf_merge_uint_value(conf->catalogi_forced_scopes,
                              prev->catalogi_forced_scopes,
                              NGX_OPENZAAK_FORCED_NAMED);

    return NGX_CONF_OK;
}


static char *
ngx_http_openzaak_api(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_openzaak_loc_conf_t *olcf = conf;

    ngx_str_t                 *value;
    ngx_http_core_loc_conf_t  *clcf;
    ngx_openzaak_main_conf_t  *omcf;

    if (olcf->api) {
        return "is duplicate";
    }

    value = cf->args->elts;

    olcf->api = ngx_openzaak_api_find(&value[1]);

    if (olcf->api == NULL) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "unknown API \"%V\", expected autorisaties, "
                           "zaken, catalogi, documenten or besluiten",
                           &value[1]);
        return NGX_CONF_ERROR;
    }

    clcf = ngx_http_conf_get_module_loc_conf(cf, ngx_http_core_module);
    clcf->handler = ngx_openzaak_handler;

    omcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_openzaak_module);
    omcf->enabled = 1;

    return NGX_CONF_OK;
}


/* A base URL: http(s), stored without a trailing slash. */

static char *
ngx_http_openzaak_base_url(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_str_t  *value, url, *field;

    field = (ngx_str_t *) ((u_char *) conf + cmd->offset);

    if (field->data) {
        return "is duplicate";
    }

    value = cf->args->elts;
    url = value[1];

    if (!((url.len > 7 && ngx_strncmp(url.data, "http://", 7) == 0)
          || (url.len > 8 && ngx_strncmp(url.data, "https://", 8) == 0)))
    {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "%V \"%V\" must start with http:// or https://",
                           &cmd->name, &url);
        return NGX_CONF_ERROR;
    }

    /* paths are appended: "/{api}/api/v1/..." */
    while (url.len && url.data[url.len - 1] == '/') {
        url.len--;
    }

    *field = url;

    return NGX_CONF_OK;
}


/* A time, or "off" (as "0"): connections are kept as long as they work. */

static char *
ngx_http_openzaak_max_lifetime(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf)
{
    ngx_str_t  *value;

    value = cf->args->elts;

    if (ngx_strcmp(value[1].data, "off") == 0) {
        if (*(ngx_msec_t *) ((u_char *) conf + cmd->offset)
            != NGX_CONF_UNSET_MSEC)
        {
            return "is duplicate";
        }

        *(ngx_msec_t *) ((u_char *) conf + cmd->offset) = 0;

        return NGX_CONF_OK;
    }

    return ngx_conf_set_msec_slot(cf, cmd, conf);
}


static ngx_int_t
ngx_http_openzaak_postconfiguration(ngx_conf_t *cf)
{
    char                      *err;
    size_t                     len;
    u_char                    *conninfo;
    ngx_str_t                  name;
    PQconninfoOption          *opts;
    ngx_openzaak_main_conf_t  *omcf;

    omcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_openzaak_module);
    ngx_http_openzaak_main_conf = omcf;

    if (ngx_openzaak_error_filter_init(cf) != NGX_OK) {
        return NGX_ERROR;
    }

    if (!omcf->enabled) {
        return NGX_OK;
    }

    if (omcf->db_conninfo.len == 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"openzaak_api\" needs \"openzaak_db\" "
                           "in the http block");
        return NGX_ERROR;
    }

    /*
     * A conninfo libpq cannot read would stop every worker at start.  The
     * value itself is not logged: it may hold a password.
     */
    conninfo = ngx_pnalloc(cf->temp_pool, omcf->db_conninfo.len + 1);
    if (conninfo == NULL) {
        return NGX_ERROR;
    }

    ngx_cpystrn(conninfo, omcf->db_conninfo.data, omcf->db_conninfo.len + 1);

    opts = PQconninfoParse((char *) conninfo, &err);
    if (opts == NULL) {
        if (err) {
            len = ngx_strlen(err);
            while (len && (err[len - 1] == '\n' || err[len - 1] == ' ')) {
                err[--len] = '\0';
            }
        }

        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "invalid \"openzaak_db\": %s",
                           err ? err : "out of memory");
        if (err) {
            PQfreemem(err);
        }
        return NGX_ERROR;
    }

    PQconninfoFree(opts);

    if (ngx_openzaak_apis_init(cf->pool, cf->log) != NGX_OK) {
        return NGX_ERROR;
    }

    ngx_str_set(&name, "openzaak");

    omcf->shm_zone = ngx_shared_memory_add(cf, &name, 8 * ngx_pagesize,
                                           &ngx_http_openzaak_module);
    if (omcf->shm_zone == NULL) {
        return NGX_ERROR;
    }

    omcf->shm_zone->init = ngx_http_openzaak_shm_init;
    omcf->shm_zone->data = omcf;

    return NGX_OK;
}


static ngx_int_t
ngx_http_openzaak_shm_init(ngx_shm_zone_t *shm_zone, void *data)
{
    ngx_openzaak_main_conf_t  *omcf = shm_zone->data;

    ngx_slab_pool_t  *shpool;

    shpool = (ngx_slab_pool_t *) shm_zone->shm.addr;

    if (data) {
        /*
         * Reload: the zone and its counters stay.  data is the old
         * cycle's zone data (its main conf, freed with that cycle), so
         * the counters are found where the first init put them.
         */
        omcf->shm = shpool->data;
        shm_zone->data = omcf;
        return NGX_OK;
    }

    if (shm_zone->shm.exists) {
        omcf->shm = shpool->data;
        return NGX_OK;
    }

    omcf->shm = ngx_slab_calloc(shpool, sizeof(ngx_openzaak_shm_t));
    if (omcf->shm == NULL) {
        return NGX_ERROR;
    }

    shpool->data = omcf->shm;
    shm_zone->data = omcf;

    return NGX_OK;
}


ngx_openzaak_shm_t *
ngx_openzaak_shm(void)
{
    if (ngx_http_openzaak_main_conf == NULL) {
        return NULL;
    }

    return ngx_http_openzaak_main_conf->shm;
}


/* Another worker may hold the changed data in its cache: tell them all. */

void
ngx_openzaak_auth_changed(void)
{
    ngx_openzaak_shm_t  *shm;

    shm = ngx_openzaak_shm();

    if (shm) {
        (void) ngx_atomic_fetch_add(&shm->auth_generation, 1);
    }
}


static ngx_int_t
ngx_http_openzaak_init_process(ngx_cycle_t *cycle)
{
    ngx_openzaak_main_conf_t  *omcf;

    omcf = ngx_http_cycle_get_module_main_conf(cycle,
                                               ngx_http_openzaak_module);

    if (omcf == NULL || !omcf->enabled) {
        return NGX_OK;
    }

    ngx_http_openzaak_main_conf = omcf;

    if (ngx_openzaak_apis_init(cycle->pool, cycle->log) != NGX_OK) {
        return NGX_ERROR;
    }

    if (ngx_openzaak_pg_pool_create(cycle, omcf) == NULL) {
        return NGX_ERROR;
    }

    return ngx_openzaak_auth_init_worker(cycle);
}


static void
ngx_http_openzaak_exit_process(ngx_cycle_t *cycle)
{
    ngx_openzaak_pg_pool_t  *pool;

    ngx_openzaak_auth_exit_worker(cycle);

    pool = ngx_openzaak_pg_pool_get();

    if (pool) {
        ngx_openzaak_pg_pool_destroy(pool);
    }

    ngx_openzaak_pg_stmt_free();
}


static void
ngx_http_openzaak_exit_master(ngx_cycle_t *cycle)
{
    /* what the configuration registered (see ngx_openzaak_apis_init()) */
    ngx_openzaak_pg_stmt_free();
}
