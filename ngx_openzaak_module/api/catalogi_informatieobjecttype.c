/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Catalogi API 1.3.1: InformatieObjectType.  Versions share an
 * omschrijving within their catalogus; zaaktypen and besluittypen refer
 * to it by that omschrijving.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_catalogi.h"


/* omschrijvingGeneriek: required members that may be blank (the spec
 * gives them no minLength) */

static const ngx_openzaak_field_t  ngx_openzaak_ztc_iot_generiek[] = {
    { .name = "informatieobjecttypeOmschrijvingGeneriek",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED|NGX_OZ_BLANK,
      .max_length = 80,
      .description = "Algemeen gehanteerde omschrijving van het type "
                     "informatieobject." },
    { .name = "definitieInformatieobjecttypeOmschrijvingGeneriek",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED|NGX_OZ_BLANK,
      .max_length = 255,
      .description = "Nauwkeurige beschrijving van het generieke type "
                     "informatieobject" },
    { .name = "herkomstInformatieobjecttypeOmschrijvingGeneriek",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED|NGX_OZ_BLANK,
      .max_length = 12,
      .description = "De naam van de waardenverzameling, of van de "
                     "beherende organisatie daarvan, waaruit de waarde is "
                     "overgenomen." },
    { .name = "hierarchieInformatieobjecttypeOmschrijvingGeneriek",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED|NGX_OZ_BLANK,
      .max_length = 80,
      .description = "De plaats in de rangorde van het informatieobjecttype." },
    { .name = "opmerkingInformatieobjecttypeOmschrijvingGeneriek",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 255,
      .dflt = "\"\"",
      .description = "Zinvolle toelichting bij het informatieobjecttype" },
    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_ztc_iot_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZTC_URL("informatieobjecttypen"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "catalogus", .column = "catalogus", .type = NGX_OZ_REF,
      .flags = NGX_OZ_REQUIRED, .ref = "catalogi/catalogussen",
      .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar de CATALOGUS waartoe dit "
                     "INFORMATIEOBJECTTYPE behoort." },

    { .name = "omschrijving", .column = "omschrijving", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 80,
      .description = "Omschrijving van de aard van informatieobjecten van "
                     "dit INFORMATIEOBJECTTYPE." },

    { .name = "vertrouwelijkheidaanduiding",
      .column = "vertrouwelijkheidaanduiding", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED, .enums = ngx_openzaak_va_enum,
      .description = "Aanduiding van de mate waarin informatieobjecten van "
                     "dit INFORMATIEOBJECTTYPE voor de openbaarheid bestemd "
                     "zijn." },

    NGX_OZ_ZTC_GELDIGHEID(NGX_OZ_REQUIRED),

    { .name = "concept", .type = NGX_OZ_BOOLEAN, .flags = NGX_OZ_READONLY,
      .render = "%a.concept",
      .description = "Geeft aan of het object een concept betreft. Concepten "
                     "zijn niet-definitieve versies en zouden niet gebruikt "
                     "moeten worden buiten deze API." },

    { .name = "besluittypen", .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "besluittype", .type = NGX_OZ_URI, .min_length = 1,
            .max_length = 1000 },
          { .name = NULL } },
      .url = "catalogi/besluittypen",
      .render = "ARRAY(SELECT o.uuid FROM (SELECT DISTINCT b.omschrijving"
                " FROM catalogi.besluittype b WHERE b.catalogus = %a.catalogus"
                " AND b.informatieobjecttypen @> ARRAY[%a.omschrijving]) k"
                " CROSS JOIN LATERAL (" NGX_OZ_ZTC_VERSION(
                    "vo.uuid, vo.informatieobjecttypen", "besluittype",
                    "omschrijving", "%a.catalogus", "k.omschrijving") ") o"
                " WHERE o.informatieobjecttypen @> ARRAY[%a.omschrijving]"
                " ORDER BY k.omschrijving)",
      .description = "URL-referenties naar de BESLUITTYPEN" },

    { .name = "informatieobjectcategorie",
      .column = "informatieobjectcategorie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 80,
      .description = "Typering van de aard van informatieobjecten van dit "
                     "INFORMATIEOBJECTTYPE." },

    { .name = "trefwoord", .column = "trefwoord", .type = NGX_OZ_ARRAY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "trefwoord", .type = NGX_OZ_STRING, .min_length = 1,
            .max_length = 30 },
          { .name = NULL } },
      .description = "Trefwoord(en) waarmee informatieobjecten van het "
                     "INFORMATIEOBJECTTYPE kunnen worden gekarakteriseerd. "
                     "(Gebruik een komma om waarden van elkaar te "
                     "onderscheiden.)" },

    { .name = "omschrijvingGeneriek", .column = "omschrijving_generiek",
      .type = NGX_OZ_OBJECT, .fields = ngx_openzaak_ztc_iot_generiek,
      .dflt = "{\"informatieobjecttypeOmschrijvingGeneriek\": \"\","
              " \"definitieInformatieobjecttypeOmschrijvingGeneriek\": \"\","
              " \"herkomstInformatieobjecttypeOmschrijvingGeneriek\": \"\","
              " \"hierarchieInformatieobjecttypeOmschrijvingGeneriek\": \"\","
              " \"opmerkingInformatieobjecttypeOmschrijvingGeneriek\": \"\"}",
      .description = "Generieke aanduiding van het soort informatieobject." },

    { .name = "zaaktypen", .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "zaaktype", .type = NGX_OZ_URI, .min_length = 1,
            .max_length = 1000 },
          { .name = NULL } },
      .url = "catalogi/zaaktypen",
      .render = "ARRAY(SELECT o.uuid FROM (SELECT DISTINCT z.identificatie"
                " FROM catalogi.zaaktypeinformatieobjecttype r"
                " JOIN catalogi.zaaktype z ON z.uuid = r.zaaktype"
                " WHERE z.catalogus = %a.catalogus"
                " AND r.informatieobjecttype = %a.omschrijving) k"
                " CROSS JOIN LATERAL (" NGX_OZ_ZTC_VERSION(
                    "vo.uuid", "zaaktype", "identificatie", "%a.catalogus",
                    "k.identificatie") ") o"
                " WHERE EXISTS (SELECT 1"
                " FROM catalogi.zaaktypeinformatieobjecttype r"
                " WHERE r.zaaktype = o.uuid"
                " AND r.informatieobjecttype = %a.omschrijving)"
                " ORDER BY k.identificatie)",
      .description = "URL-referenties naar de ZAAKTYPEN" },

    NGX_OZ_ZTC_OBJECT_LIFE("informatieobjecttype", "omschrijving"),

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_ztc_iot_filters[] = {

    { .name = "catalogus", .type = NGX_OZ_REF, .ref = "catalogi/catalogussen",
      .sql = "t.catalogus = $?::uuid",
      .description = "URL-referentie naar de CATALOGUS waartoe dit "
                     "INFORMATIEOBJECTTYPE behoort." },

    NGX_OZ_ZTC_DATUM_GELDIGHEID_FILTER,

    { .name = "omschrijving", .type = NGX_OZ_STRING,
      .sql = "t.omschrijving = $?::text",
      .description = "Omschrijving van de aard van informatieobjecten van "
                     "dit INFORMATIEOBJECTTYPE." },

    { .name = "omschrijving__icontains", .type = NGX_OZ_STRING,
      .sql = "strpos(lower(t.omschrijving), lower($?::text)) > 0",
      .description = "Omschrijving van de aard van informatieobjecten van "
                     "dit INFORMATIEOBJECTTYPE." },

    { .name = "status", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_ztc_status_enum,
      .sql = "CASE $?::text WHEN 'alles' THEN true"
             " WHEN 'concept' THEN t.concept ELSE NOT t.concept END",
      .absent_sql = "NOT t.concept",
      .description = "Filter objecten op hun concept status:\n\n"
                     "* `alles` - Alles\n* `concept` - Concept\n"
                     "* `definitief` - Definitief" },

    { .name = "zaaktype", .type = NGX_OZ_REF, .ref = "catalogi/zaaktypen",
      .sql = "EXISTS (SELECT 1 FROM catalogi.zaaktypeinformatieobjecttype r"
             " JOIN catalogi.zaaktype z ON z.uuid = r.zaaktype"
             " WHERE r.zaaktype = $?::uuid AND z.catalogus = t.catalogus"
             " AND r.informatieobjecttype = t.omschrijving)",
      .description = "URL-referentie naar het ZAAKTYPE." },

    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_ztc_iot_ops[] = {
    NGX_OZ_ZTC_TYPE_OPS("informatieobjecttype", "INFORMATIEOBJECTTYPE"),
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


ngx_openzaak_resource_t  ngx_openzaak_ztc_informatieobjecttype = {
    .path = "informatieobjecttypen",
    .name = "informatieobjecttype",
    .schema = "InformatieObjectType",
    .table = "catalogi.informatieobjecttype",
    .fields = ngx_openzaak_ztc_iot_fields,
    .filters = ngx_openzaak_ztc_iot_filters,
    .operations = ngx_openzaak_ztc_iot_ops,
    .order = "t.id DESC",
    .kanaal = "informatieobjecttypen",
    .kenmerken = ngx_openzaak_ztc_kenmerken,
    .hooks = &ngx_openzaak_ztc_type_hooks,
    .description = "InformatieObjectType."
};
