/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/* Catalogi API 1.3.1: ZaakObjectType. */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_catalogi.h"


static const ngx_openzaak_field_t  ngx_openzaak_ztc_zaakobjecttype_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZTC_URL("zaakobjecttypen"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "anderObjecttype", .column = "ander_objecttype",
      .type = NGX_OZ_BOOLEAN, .flags = NGX_OZ_REQUIRED,
      .description = "Aanduiding waarmee wordt aangegeven of het "
                     "ZAAKOBJECTTYPE een ander, niet in RSGB en RGBZ "
                     "voorkomend, objecttype betreft." },

    { .name = "objecttype", .column = "objecttype", .type = NGX_OZ_URI,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 200,
      .description = "URL-referentie naar de OBJECTTYPE waartoe dit "
                     "ZAAKOBJECTTYPE behoort." },

    { .name = "relatieOmschrijving", .column = "relatie_omschrijving",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED, .min_length = 1,
      .max_length = 80,
      .description = "Omschrijving van de betrekking van het Objecttype op "
                     "zaken van het gerelateerde ZAAKTYPE." },

    NGX_OZ_ZTC_SUB_ZAAKTYPE,

    /* no resultaattype points at a zaakobjecttype in Catalogi 1.3 */
    { .name = "resultaattypen", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "resultaattype", .type = NGX_OZ_URI, .min_length = 1,
            .max_length = 1000 },
          { .name = NULL } },
      .render = "'{}'::text[]",
      .description = "URL-referenties naar de RESULTAATTYPEN." },

    { .name = "statustype", .column = "statustype", .type = NGX_OZ_REF,
      .flags = NGX_OZ_NULLABLE, .ref = "catalogi/statustypen",
      .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar de STATUSTYPE waartoe dit "
                     "ZAAKOBJECTTYPE behoort." },

    NGX_OZ_ZTC_SUB_CATALOGUS_FIELD,

    NGX_OZ_ZTC_GELDIGHEID(NGX_OZ_NULLABLE),

    NGX_OZ_ZTC_SUB_OBJECT_LIFE("zaakobjecttype", "relatie_omschrijving"),

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_ztc_zaakobjecttype_filters[]
= {
    { .name = "anderObjecttype", .type = NGX_OZ_BOOLEAN,
      .sql = "t.ander_objecttype = $?::boolean",
      .description = "Aanduiding waarmee wordt aangegeven of het "
                     "ZAAKOBJECTTYPE een ander, niet in RSGB en RGBZ "
                     "voorkomend, objecttype betreft." },
    { .name = "catalogus", .type = NGX_OZ_REF, .ref = "catalogi/catalogussen",
      .sql = "(SELECT z.catalogus FROM catalogi.zaaktype z"
             " WHERE z.uuid = t.zaaktype) = $?::uuid",
      .description = "URL-referentie naar de CATALOGUS waartoe dit "
                     "ZAAKOBJECTTYPE behoort." },
    { .name = "datumBeginGeldigheid", .type = NGX_OZ_DATE,
      .sql = "t.begin_geldigheid = $?::date",
      .description = "De datum waarop het is ontstaan." },
    { .name = "datumEindeGeldigheid", .type = NGX_OZ_DATE,
      .sql = "t.einde_geldigheid = $?::date",
      .description = "De datum waarop het is opgeheven." },
    NGX_OZ_ZTC_DATUM_GELDIGHEID_FILTER,
    { .name = "objecttype", .type = NGX_OZ_URI,
      .sql = "t.objecttype = $?::text",
      .description = "URL-referentie naar de OBJECTTYPE waartoe dit "
                     "ZAAKOBJECTTYPE behoort." },
    { .name = "relatieOmschrijving", .type = NGX_OZ_STRING,
      .sql = "t.relatie_omschrijving = $?::text",
      .description = "Omschrijving van de betrekking van het Objecttype op "
                     "zaken van het gerelateerde ZAAKTYPE." },
    NGX_OZ_ZTC_SUB_STATUS_FILTER,
    NGX_OZ_ZTC_SUB_ZAAKTYPE_FILTERS,
    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_ztc_zaakobjecttype_ops[] = {
    NGX_OZ_ZTC_OPS("zaakobjecttype", "ZAAKOBJECTTYPE",
                   ngx_openzaak_ztc_schrijven_forced),
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


ngx_openzaak_resource_t  ngx_openzaak_ztc_zaakobjecttype = {
    .path = "zaakobjecttypen",
    .name = "zaakobjecttype",
    .schema = "ZaakObjectType",
    .table = "catalogi.zaakobjecttype",
    .fields = ngx_openzaak_ztc_zaakobjecttype_fields,
    .filters = ngx_openzaak_ztc_zaakobjecttype_filters,
    .operations = ngx_openzaak_ztc_zaakobjecttype_ops,
    .order = "t.id DESC",
    .hooks = &ngx_openzaak_ztc_sub_hooks,
    .description = "ZaakObjectType."
};
