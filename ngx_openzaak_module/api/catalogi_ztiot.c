/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Catalogi API 1.3.1: ZaakTypeInformatieObjectType.  The
 * informatieobjecttype is named by its omschrijving (ztc-011c), in the
 * catalogus of the zaaktype (ztc-013).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_catalogi.h"


static const char *const  ngx_openzaak_ztc_richting[] = {
    "inkomend", "intern", "uitgaand", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_ztc_ztiot_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZTC_URL("zaaktype-informatieobjecttypen"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    NGX_OZ_ZTC_SUB_ZAAKTYPE,

    { .name = "informatieobjecttype", .column = "informatieobjecttype",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED, .min_length = 1,
      .max_length = 1000, .format = "uri",
      .url = "catalogi/informatieobjecttypen",
      .render = "(" NGX_OZ_ZTC_VERSION("vo.uuid", "informatieobjecttype",
                                       "omschrijving",
                                       NGX_OZ_ZTC_SUB_CATALOGUS,
                                       "%a.informatieobjecttype") ")",
      .description = "URL-referentie naar het INFORMATIEOBJECTTYPE." },

    { .name = "volgnummer", .column = "volgnummer", .type = NGX_OZ_INTEGER,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 999,
      .description = "Uniek volgnummer van het INFORMATIEOBJECTTYPE binnen "
                     "het ZAAKTYPE." },

    { .name = "richting", .column = "richting", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED, .enums = ngx_openzaak_ztc_richting,
      .description = "Aanduiding van de richting van informatieobjecten van "
                     "het gerelateerde INFORMATIEOBJECTTYPE bij zaken van "
                     "het gerelateerde ZAAKTYPE." },

    { .name = "statustype", .column = "statustype", .type = NGX_OZ_REF,
      .flags = NGX_OZ_NULLABLE, .ref = "catalogi/statustypen",
      .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar het STATUSTYPE waarbij deze "
                     "INFORMATIEOBJECTTYPEn verplicht aanwezig moeten zijn." },

    NGX_OZ_ZTC_SUB_CATALOGUS_FIELD,

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_ztc_ztiot_filters[] = {
    { .name = "informatieobjecttype", .type = NGX_OZ_REF,
      .ref = "catalogi/informatieobjecttypen",
      .sql = "t.informatieobjecttype = (SELECT i.omschrijving"
             " FROM catalogi.informatieobjecttype i"
             " JOIN catalogi.zaaktype z ON z.catalogus = i.catalogus"
             " WHERE i.uuid = $?::uuid AND z.uuid = t.zaaktype)",
      .description = "URL-referentie naar het INFORMATIEOBJECTTYPE." },
    { .name = "richting", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_ztc_richting, .sql = "t.richting = $?::text",
      .description = "Aanduiding van de richting van informatieobjecten van "
                     "het gerelateerde INFORMATIEOBJECTTYPE bij zaken van "
                     "het gerelateerde ZAAKTYPE." },
    NGX_OZ_ZTC_SUB_STATUS_FILTER,
    { .name = "zaaktype", .type = NGX_OZ_REF, .ref = "catalogi/zaaktypen",
      .sql = "t.zaaktype = $?::uuid",
      .description = "URL-referentie naar het ZAAKTYPE." },
    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_ztc_ztiot_ops[] = {
    NGX_OZ_ZTC_OPS("zaaktypeinformatieobjecttype",
                   "ZAAKTYPE-INFORMATIEOBJECTTYPE relatie",
                   ngx_openzaak_ztc_schrijven_forced),
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_hooks_t  ngx_openzaak_ztc_ztiot_hooks = {
    .before = ngx_openzaak_ztc_ztiot_before
};


static const ngx_openzaak_constraint_t  ngx_openzaak_ztc_ztiot_uniques[] = {
    { "zaaktypeinformatieobjecttype_zaaktype_volgnummer_key",
      "nonFieldErrors", "unique",
      "De velden zaaktype, volgnummer moeten een unieke set zijn." },
    { NULL, NULL, NULL, NULL }
};


ngx_openzaak_resource_t  ngx_openzaak_ztc_ztiot = {
    .path = "zaaktype-informatieobjecttypen",
    .name = "zaaktypeinformatieobjecttype",
    .schema = "ZaakTypeInformatieObjectType",
    .table = "catalogi.zaaktypeinformatieobjecttype",
    .fields = ngx_openzaak_ztc_ztiot_fields,
    .filters = ngx_openzaak_ztc_ztiot_filters,
    .operations = ngx_openzaak_ztc_ztiot_ops,
    .order = "t.id DESC",
    .constraints = ngx_openzaak_ztc_ztiot_uniques,
    .hooks = &ngx_openzaak_ztc_ztiot_hooks,
    .description = "ZaakTypeInformatieObjectType."
};
