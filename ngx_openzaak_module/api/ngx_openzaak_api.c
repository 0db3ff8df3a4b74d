/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * The APIs the module can serve, with their resources.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_api.h"
#include "ngx_openzaak_catalogi.h"
#include "ngx_openzaak_zaken.h"


const char *const  ngx_openzaak_va_enum[] = {
    "openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk",
    "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim", NULL
};


const char *const  ngx_openzaak_component_enum[] = {
    "ac", "nrc", "zrc", "ztc", "drc", "brc", "cmc", "kc", "vrc", NULL
};


static ngx_openzaak_resource_t  *ngx_openzaak_autorisaties_resources[] = {
    &ngx_openzaak_ac_applicatie,
    NULL
};

static ngx_openzaak_resource_t  *ngx_openzaak_zaken_resources[] = {
    &ngx_openzaak_zrc_zaak,
    &ngx_openzaak_zrc_status,
    &ngx_openzaak_zrc_resultaat,
    &ngx_openzaak_zrc_rol,
    &ngx_openzaak_zrc_zaakobject,
    &ngx_openzaak_zrc_zaakeigenschap,
    &ngx_openzaak_zrc_zaakbesluit,
    &ngx_openzaak_zrc_audittrail,
    &ngx_openzaak_zrc_klantcontact,
    &ngx_openzaak_zrc_zaakcontactmoment,
    &ngx_openzaak_zrc_zaakverzoek,
    NULL
};
static ngx_openzaak_resource_t  *ngx_openzaak_catalogi_resources[] = {
    &ngx_openzaak_ztc_besluittype,
    &ngx_openzaak_ztc_catalogus,
    &ngx_openzaak_ztc_eigenschap,
    &ngx_openzaak_ztc_informatieobjecttype,
    &ngx_openzaak_ztc_resultaattype,
    &ngx_openzaak_ztc_roltype,
    &ngx_openzaak_ztc_statustype,
    &ngx_openzaak_ztc_zaakobjecttype,
    &ngx_openzaak_ztc_ztiot,
    &ngx_openzaak_ztc_zaaktype,
    NULL
};
static ngx_openzaak_resource_t  *ngx_openzaak_documenten_resources[] = {
    NULL
};
static ngx_openzaak_resource_t  *ngx_openzaak_besluiten_resources[] = {
    NULL
};


static ngx_openzaak_api_t  ngx_openzaak_apis[] = {

    { ngx_string("autorisaties"), "ac", "1.0.0", "Autorisaties API",
      "Een API om een autorisatiecomponent (AC) te benaderen.\n\n"
      "De `AUTORISATIE` is het kernobject in deze API. Autorisaties worden "
      "toegekend aan applicaties. Een applicatie is een representatie van "
      "een (web) app die communiceert met de API van (andere) componenten, "
      "zoals het ZRC, DRC, ZTC en BRC.\n\n"
      "Deze API publiceert notificaties op het kanaal `autorisaties`.",
      ngx_openzaak_autorisaties_resources,
      ngx_null_string, ngx_null_string, ngx_null_string },

    { ngx_string("zaken"), "zrc", "1.5.1", "Zaken API",
      "Een API om een zaakregistratiecomponent (ZRC) te benaderen.",
      ngx_openzaak_zaken_resources,
      ngx_null_string, ngx_null_string, ngx_null_string },

    { ngx_string("catalogi"), "ztc", "1.3.1", "Catalogi API",
      "Een API om een zaaktypecatalogus (ZTC) te benaderen.",
      ngx_openzaak_catalogi_resources,
      ngx_null_string, ngx_null_string, ngx_null_string },

    { ngx_string("documenten"), "drc", "1.4.2", "Documenten API",
      "Een API om een documentregistratiecomponent (DRC) te benaderen.",
      ngx_openzaak_documenten_resources,
      ngx_null_string, ngx_null_string, ngx_null_string },

    { ngx_string("besluiten"), "brc", "1.1.0", "Besluiten API",
      "Een API om een besluitregistratiecomponent (BRC) te benaderen.",
      ngx_openzaak_besluiten_resources,
      ngx_null_string, ngx_null_string, ngx_null_string },

    { ngx_null_string, NULL, NULL, NULL, NULL, NULL,
      ngx_null_string, ngx_null_string, ngx_null_string }
};


ngx_openzaak_api_t *
ngx_openzaak_api_find(ngx_str_t *name)
{
    ngx_openzaak_api_t  *api;

    for (api = ngx_openzaak_apis; api->name.len; api++) {
        if (api->name.len == name->len
            && ngx_strncmp(api->name.data, name->data, name->len) == 0)
        {
            return api;
        }
    }

    return NULL;
}


/* The resource a reference like "catalogi/zaaktypen" names. */

ngx_openzaak_resource_t *
ngx_openzaak_resource_by_ref(const char *ref)
{
    size_t                     len;
    const char                *slash;
    ngx_openzaak_api_t        *api;
    ngx_openzaak_resource_t  **res;

    slash = ngx_strchr(ref, '/');
    if (slash == NULL) {
        return NULL;
    }

    len = slash - ref;

    for (api = ngx_openzaak_apis; api->name.len; api++) {
        if (api->name.len != len
            || ngx_strncmp(api->name.data, ref, len) != 0)
        {
            continue;
        }

        for (res = api->resources; *res; res++) {
            if (ngx_strcmp((*res)->path, slash + 1) == 0) {
                return *res;
            }
        }
    }

    return NULL;
}


/*
 * The route table: every resource's path length, and below every
 * resource the resources nested in it, so that routing a request
 * compares only the segments of its own path.
 */

static ngx_int_t
ngx_openzaak_api_nested(ngx_pool_t *pool, ngx_openzaak_api_t *api)
{
    ngx_uint_t                 n;
    ngx_openzaak_resource_t  **res, **child;

    for (res = api->resources; *res; res++) {
        (*res)->path_len = ngx_strlen((*res)->path);
        (*res)->nested = NULL;
    }

    for (res = api->resources; *res; res++) {
        if ((*res)->parent == NULL) {
            continue;
        }

        n = 0;

        for (child = api->resources; *child; child++) {
            n += ((*child)->parent == (*res)->parent);
        }

        if ((*res)->parent->nested) {
            continue;
        }

        (*res)->parent->nested = ngx_pcalloc(pool, (n + 1) * sizeof(void *));
        if ((*res)->parent->nested == NULL) {
            return NGX_ERROR;
        }

        n = 0;

        for (child = api->resources; *child; child++) {
            if ((*child)->parent == (*res)->parent) {
                (*res)->parent->nested[n++] = *child;
            }
        }
    }

    return NGX_OK;
}


/*
 * Builds what is derived from the descriptors (SQL, OpenAPI documents) in
 * the given pool.  Done at configuration time, to refuse a configuration
 * that cannot work, and again in every worker from the cycle it runs
 * with: a failed reload then never leaves a worker with pointers into a
 * destroyed pool.
 */

ngx_int_t
ngx_openzaak_apis_init(ngx_pool_t *pool, ngx_log_t *log)
{
    u_char                    *p;
    ngx_openzaak_api_t        *api;
    ngx_openzaak_resource_t  **res;

    /* statements are registered anew for this cycle (or worker) */
    ngx_openzaak_pg_stmt_reset();

    for (api = ngx_openzaak_apis; api->name.len; api++) {

        p = ngx_pnalloc(pool, api->name.len + sizeof("//api/v1"));
        if (p == NULL) {
            return NGX_ERROR;
        }

        api->root.data = p;
        p = ngx_sprintf(p, "/%V/api/v1", &api->name);
        *p = '\0';
        api->root.len = p - api->root.data;

        if (ngx_openzaak_api_nested(pool, api) != NGX_OK) {
            return NGX_ERROR;
        }

        for (res = api->resources; *res; res++) {
            if (ngx_openzaak_sql_init(pool, api, *res) != NGX_OK) {
                ngx_log_error(NGX_LOG_EMERG, log, 0,
                              "openzaak: cannot build the SQL of %V/%s",
                              &api->name, (*res)->path);
                return NGX_ERROR;
            }
        }

        if (ngx_openzaak_openapi_init(pool, api) != NGX_OK) {
            ngx_log_error(NGX_LOG_EMERG, log, 0,
                          "openzaak: cannot build the OpenAPI document "
                          "of %V", &api->name);
            return NGX_ERROR;
        }
    }

    /* expansions read other resources: once every resource has its plan */

    for (api = ngx_openzaak_apis; api->name.len; api++) {
        for (res = api->resources; *res; res++) {
            if (ngx_openzaak_expand_init(pool, *res) != NGX_OK) {
                ngx_log_error(NGX_LOG_EMERG, log, 0,
                              "openzaak: cannot resolve the expand paths"
                              " of %V/%s", &api->name, (*res)->path);
                return NGX_ERROR;
            }
        }
    }

    return NGX_OK;
}
