/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/* Catalogi API 1.3.1: RolType. */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_catalogi.h"


static const char *const  ngx_openzaak_ztc_omschrijving_generiek[] = {
    "adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator",
    "klantcontacter", "zaakcoordinator", "mede_initiator", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_ztc_roltype_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZTC_URL("roltypen"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    NGX_OZ_ZTC_SUB_ZAAKTYPE,

    { .name = "omschrijving", .column = "omschrijving", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 100,
      .description = "Omschrijving van de aard van de ROL." },

    { .name = "omschrijvingGeneriek", .column = "omschrijving_generiek",
      .type = NGX_OZ_ENUM, .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_ztc_omschrijving_generiek,
      .description = "Algemeen gehanteerde omschrijving van de aard van de "
                     "ROL." },

    NGX_OZ_ZTC_SUB_CATALOGUS_FIELD,

    NGX_OZ_ZTC_GELDIGHEID(NGX_OZ_NULLABLE),

    NGX_OZ_ZTC_SUB_OBJECT_LIFE("roltype", "omschrijving"),

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_ztc_roltype_filters[] = {
    NGX_OZ_ZTC_DATUM_GELDIGHEID_FILTER,
    { .name = "omschrijving", .type = NGX_OZ_STRING,
      .sql = "strpos(lower(t.omschrijving), lower($?::text)) > 0",
      .description = "**EXPERIMENTEEL** Filter op (een deel van de) "
                     "omschrijving (hoofdletterongevoelig)." },
    { .name = "omschrijvingGeneriek", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_ztc_omschrijving_generiek,
      .sql = "t.omschrijving_generiek = $?::text",
      .description = "Algemeen gehanteerde omschrijving van de aard van de "
                     "ROL." },
    NGX_OZ_ZTC_SUB_STATUS_FILTER,
    NGX_OZ_ZTC_SUB_ZAAKTYPE_FILTERS,
    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_ztc_roltype_ops[] = {
    NGX_OZ_ZTC_OPS("roltype", "ROLTYPE", ngx_openzaak_ztc_schrijven_forced),
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_constraint_t  ngx_openzaak_ztc_roltype_uniques[] = {
    { "roltype_zaaktype_omschrijving_key", "nonFieldErrors", "unique",
      "De velden zaaktype, omschrijving moeten een unieke set zijn." },
    { NULL, NULL, NULL, NULL }
};


ngx_openzaak_resource_t  ngx_openzaak_ztc_roltype = {
    .path = "roltypen",
    .name = "roltype",
    .schema = "RolType",
    .table = "catalogi.roltype",
    .fields = ngx_openzaak_ztc_roltype_fields,
    .filters = ngx_openzaak_ztc_roltype_filters,
    .operations = ngx_openzaak_ztc_roltype_ops,
    .order = "t.id DESC",
    .constraints = ngx_openzaak_ztc_roltype_uniques,
    .hooks = &ngx_openzaak_ztc_sub_hooks,
    .description = "RolType."
};
