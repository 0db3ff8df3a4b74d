/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Catalogi API 1.3.1: BesluitType.  Its informatieobjecttypen are given
 * by omschrijving (ztc-011b); zaaktypen and resultaattypen point at it by
 * its omschrijving.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_catalogi.h"


#define NGX_OZ_ZTC_BT_URIS(item)                                             \
    (const ngx_openzaak_field_t []) {                                        \
        { .name = item, .type = NGX_OZ_URI }, { .name = NULL } }

#define NGX_OZ_ZTC_BT_STRINGS(item)                                          \
    (const ngx_openzaak_field_t []) {                                        \
        { .name = item, .type = NGX_OZ_STRING }, { .name = NULL } }


/* the resultaattypen of zaaktypen of this catalogus that name it */
#define NGX_OZ_ZTC_BT_RESULTAATTYPEN(expr)                                   \
    "ARRAY(SELECT " expr " FROM catalogi.resultaattype r"                    \
    " JOIN catalogi.zaaktype z ON z.uuid = r.zaaktype"                       \
    " WHERE z.catalogus = %a.catalogus"                                      \
    " AND r.besluittypen @> ARRAY[%a.omschrijving] ORDER BY r.id)"


static const ngx_openzaak_field_t  ngx_openzaak_ztc_besluittype_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZTC_URL("besluittypen"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "catalogus", .column = "catalogus", .type = NGX_OZ_REF,
      .flags = NGX_OZ_REQUIRED, .ref = "catalogi/catalogussen",
      .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar de CATALOGUS waartoe dit "
                     "BESLUITTYPE behoort." },

    { .name = "zaaktypen", .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,
      .fields = NGX_OZ_ZTC_BT_URIS("zaaktype"),
      .url = "catalogi/zaaktypen",
      .render = "ARRAY(SELECT o.uuid FROM (SELECT DISTINCT z.identificatie"
                " FROM catalogi.zaaktype z WHERE z.catalogus = %a.catalogus"
                " AND z.besluittypen @> ARRAY[%a.omschrijving]) k"
                " CROSS JOIN LATERAL (" NGX_OZ_ZTC_VERSION(
                    "vo.uuid, vo.besluittypen", "zaaktype", "identificatie",
                    "%a.catalogus", "k.identificatie") ") o"
                " WHERE o.besluittypen @> ARRAY[%a.omschrijving]"
                " ORDER BY k.identificatie)",
      .description = "ZAAKTYPE met ZAAKen die relevant kunnen zijn voor dit "
                     "BESLUITTYPE" },

    { .name = "omschrijving", .column = "omschrijving", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 80,
      .description = "Omschrijving van de aard van BESLUITen van het "
                     "BESLUITTYPE." },

    { .name = "omschrijvingGeneriek", .column = "omschrijving_generiek",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 80,
      .description = "Algemeen gehanteerde omschrijving van de aard van "
                     "BESLUITen van het BESLUITTYPE" },

    { .name = "besluitcategorie", .column = "besluitcategorie",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 40,
      .description = "Typering van de aard van BESLUITen van het "
                     "BESLUITTYPE." },

    { .name = "reactietermijn", .column = "reactietermijn",
      .type = NGX_OZ_DURATION, .flags = NGX_OZ_NULLABLE,
      .description = "Een tijdsduur in ISO 8601 formaat waarbinnen de "
                     "Initiator van een BESLUIT bezwaar kan maken." },

    { .name = "publicatieIndicatie", .column = "publicatie_indicatie",
      .type = NGX_OZ_BOOLEAN, .flags = NGX_OZ_REQUIRED,
      .description = "Aanduiding of BESLUITen van dit BESLUITTYPE "
                     "gepubliceerd moeten worden." },

    { .name = "publicatietekst", .column = "publicatietekst",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK,
      .description = "De generieke tekst van de publicatie van BESLUITen van "
                     "dit BESLUITTYPE" },

    { .name = "publicatietermijn", .column = "publicatietermijn",
      .type = NGX_OZ_DURATION, .flags = NGX_OZ_NULLABLE,
      .description = "Een tijdsduur in ISO 8601 formaat waarbinnen BESLUITen "
                     "van dit BESLUITTYPE gepubliceerd moeten blijven." },

    { .name = "toelichting", .column = "toelichting", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .description = "Een eventuele toelichting op dit BESLUITTYPE." },

    { .name = "informatieobjecttypen", .column = "informatieobjecttypen",
      .type = NGX_OZ_ARRAY, .flags = NGX_OZ_REQUIRED,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "informatieobjecttype", .type = NGX_OZ_STRING,
            .min_length = 1, .format = "uri" },
          { .name = NULL } },
      .url = "catalogi/informatieobjecttypen",
      .render = NGX_OZ_ZTC_KEYS("informatieobjecttype", "omschrijving",
                                "%a.catalogus", "%a.informatieobjecttypen"),
      .description = "URL-referenties naar het INFORMATIEOBJECTTYPE van "
                     "informatieobjecten waarin besluiten van dit "
                     "BESLUITTYPE worden vastgelegd." },

    NGX_OZ_ZTC_GELDIGHEID(NGX_OZ_REQUIRED),

    { .name = "concept", .type = NGX_OZ_BOOLEAN, .flags = NGX_OZ_READONLY,
      .render = "%a.concept",
      .description = "Geeft aan of het object een concept betreft. Concepten "
                     "zijn niet-definitieve versies en zouden niet gebruikt "
                     "moeten worden buiten deze API." },

    { .name = "resultaattypen", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_READONLY, .fields = NGX_OZ_ZTC_BT_URIS("resultaattype"),
      .url = "catalogi/resultaattypen",
      .render = NGX_OZ_ZTC_BT_RESULTAATTYPEN("r.uuid"),
      .description = "De RESULTAATTYPEN die bij dit BESLUITTYPE horen." },

    { .name = "resultaattypenOmschrijving", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_READONLY,
      .fields = NGX_OZ_ZTC_BT_STRINGS("omschrijving"),
      .render = NGX_OZ_ZTC_BT_RESULTAATTYPEN("r.omschrijving"),
      .description = "Omschrijving van de aard van resultaten van het "
                     "RESULTAATTYPE." },

    { .name = "vastgelegdIn", .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,
      .fields = NGX_OZ_ZTC_BT_STRINGS("omschrijving"),
      .render = "%a.informatieobjecttypen",
      .description = "Omschrijving van de aard van informatieobjecten van "
                     "dit INFORMATIEOBJECTTYPE." },

    NGX_OZ_ZTC_OBJECT_LIFE("besluittype", "omschrijving"),

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_ztc_besluittype_filters[] = {

    { .name = "catalogus", .type = NGX_OZ_REF, .ref = "catalogi/catalogussen",
      .sql = "t.catalogus = $?::uuid",
      .description = "URL-referentie naar de CATALOGUS waartoe dit "
                     "BESLUITTYPE behoort." },

    NGX_OZ_ZTC_DATUM_GELDIGHEID_FILTER,

    { .name = "informatieobjecttypen", .type = NGX_OZ_REF,
      .ref = "catalogi/informatieobjecttypen",
      .sql = "t.informatieobjecttypen @> ARRAY[(SELECT i.omschrijving"
             " FROM catalogi.informatieobjecttype i WHERE i.uuid = $?::uuid"
             " AND i.catalogus = t.catalogus)]",
      .description = "URL-referentie naar het INFORMATIEOBJECTTYPE." },

    { .name = "omschrijving", .type = NGX_OZ_STRING,
      .sql = "t.omschrijving = $?::text",
      .description = "Omschrijving van de aard van BESLUITen van het "
                     "BESLUITTYPE." },

    { .name = "status", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_ztc_status_enum,
      .sql = "CASE $?::text WHEN 'alles' THEN true"
             " WHEN 'concept' THEN t.concept ELSE NOT t.concept END",
      .absent_sql = "NOT t.concept",
      .description = "Filter objecten op hun concept status:\n\n"
                     "* `alles` - Alles\n* `concept` - Concept\n"
                     "* `definitief` - Definitief" },

    { .name = "zaaktypen", .type = NGX_OZ_REF, .ref = "catalogi/zaaktypen",
      .sql = "EXISTS (SELECT 1 FROM catalogi.zaaktype z"
             " WHERE z.uuid = $?::uuid AND z.catalogus = t.catalogus"
             " AND z.besluittypen @> ARRAY[t.omschrijving])",
      .description = "URL-referentie naar het ZAAKTYPE." },

    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_ztc_besluittype_ops[] = {
    NGX_OZ_ZTC_TYPE_OPS("besluittype", "BESLUITTYPE"),
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


ngx_openzaak_resource_t  ngx_openzaak_ztc_besluittype = {
    .path = "besluittypen",
    .name = "besluittype",
    .schema = "BesluitType",
    .table = "catalogi.besluittype",
    .fields = ngx_openzaak_ztc_besluittype_fields,
    .filters = ngx_openzaak_ztc_besluittype_filters,
    .operations = ngx_openzaak_ztc_besluittype_ops,
    .order = "t.id DESC",
    .kanaal = "besluittypen",
    .kenmerken = ngx_openzaak_ztc_kenmerken,
    .hooks = &ngx_openzaak_ztc_type_hooks,
    .description = "BesluitType."
};
