/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Catalogi API 1.3.1: Catalogus.  Created through the API and read; the
 * standard has no update or delete (C12).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_catalogi.h"


static const ngx_openzaak_field_t  ngx_openzaak_ztc_catalogus_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZTC_URL("catalogussen"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "domein", .column = "domein", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 5,
      .check = ngx_openzaak_check_uppercase,
      .description = "Een afkorting waarmee wordt aangegeven voor welk "
                     "domein in een CATALOGUS ZAAKTYPEn zijn uitgewerkt." },

    { .name = "rsin", .column = "rsin", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 9, .max_length = 9,
      .check = ngx_openzaak_check_rsin,
      .description = "Het door een kamer toegekend uniek nummer voor de "
                     "INGESCHREVEN NIET-NATUURLIJK PERSOON die de "
                     "eigenaar is van een CATALOGUS." },

    { .name = "contactpersoonBeheerNaam",
      .column = "contactpersoon_beheer_naam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 40,
      .description = "De naam van de contactpersoon die verantwoordelijk is "
                     "voor het beheer van de CATALOGUS." },

    { .name = "contactpersoonBeheerTelefoonnummer",
      .column = "contactpersoon_beheer_telefoonnummer",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 20,
      .description = "Het telefoonnummer van de contactpersoon die "
                     "verantwoordelijk is voor het beheer van de "
                     "CATALOGUS." },

    { .name = "contactpersoonBeheerEmailadres",
      .column = "contactpersoon_beheer_emailadres", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 254,
      .check = ngx_openzaak_check_email, .format = "email",
      .description = "Het emailadres van de contactpersoon die "
                     "verantwoordelijk is voor het beheer van de "
                     "CATALOGUS." },

    { .name = "zaaktypen", .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "zaaktype", .type = NGX_OZ_URI }, { .name = NULL } },
      .url = "catalogi/zaaktypen",
      .render = "ARRAY(SELECT x.uuid FROM catalogi.zaaktype x"
                " WHERE x.catalogus = %a.uuid ORDER BY x.id)",
      .description = "URL-referenties naar ZAAKTYPEn die in deze CATALOGUS "
                     "worden ontsloten." },

    { .name = "besluittypen", .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "besluittype", .type = NGX_OZ_URI }, { .name = NULL } },
      .url = "catalogi/besluittypen",
      .render = "ARRAY(SELECT x.uuid FROM catalogi.besluittype x"
                " WHERE x.catalogus = %a.uuid ORDER BY x.id)",
      .description = "URL-referenties naar BESLUITTYPEn die in deze "
                     "CATALOGUS worden ontsloten." },

    { .name = "informatieobjecttypen", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "informatieobjecttype", .type = NGX_OZ_URI },
          { .name = NULL } },
      .url = "catalogi/informatieobjecttypen",
      .render = "ARRAY(SELECT x.uuid FROM catalogi.informatieobjecttype x"
                " WHERE x.catalogus = %a.uuid ORDER BY x.id)",
      .description = "URL-referenties naar INFORMATIEOBJECTTYPEn die in deze "
                     "CATALOGUS worden ontsloten." },

    { .name = "naam", .column = "naam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 200,
      .description = "De benaming die is gegeven aan de zaaktypecatalogus." },

    { .name = "versie", .column = "versie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 20,
      .description = "Versie-aanduiding van de van toepassing zijnde "
                     "zaaktypecatalogus." },

    { .name = "begindatumVersie", .column = "begindatum_versie",
      .type = NGX_OZ_DATE, .flags = NGX_OZ_NULLABLE,
      .description = "Datum waarop de versie van de zaaktypecatalogus van "
                     "toepassing is geworden." },

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_ztc_catalogus_filters[] = {
    { .name = "domein", .type = NGX_OZ_STRING, .sql = "t.domein = $?::text" },
    { .name = "domein__in", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_FILTER_CSV,
      .sql = "t.domein = ANY (string_to_array($?::text, ','))",
      .description = "Meerdere waarden kunnen gescheiden worden door "
                     "komma's." },
    { .name = "rsin", .type = NGX_OZ_STRING, .sql = "t.rsin = $?::text" },
    { .name = "rsin__in", .type = NGX_OZ_STRING, .flags = NGX_OZ_FILTER_CSV,
      .sql = "t.rsin = ANY (string_to_array($?::text, ','))",
      .description = "Meerdere waarden kunnen gescheiden worden door "
                     "komma's." },
    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_ztc_catalogus_ops[] = {

    { NGX_OZ_OP_LIST, 0, NULL, NGX_OZ_OP_PAGINATED, "catalogus_list",
      "Alle CATALOGUSsen opvragen.", ngx_openzaak_ztc_lezen, NULL, NULL,
      "Deze lijst kan gefilterd wordt met query-string parameters." },

    { NGX_OZ_OP_CREATE, 0, NULL, 0, "catalogus_create",
      "Maak een CATALOGUS aan.", ngx_openzaak_ztc_schrijven, NULL, NULL,
      NULL },

    { NGX_OZ_OP_READ, 0, NULL, NGX_OZ_OP_ETAG|NGX_OZ_OP_HEAD,
      "catalogus_read", "Een specifieke CATALOGUS opvragen.",
      ngx_openzaak_ztc_lezen, NULL, NULL, NULL },

    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_constraint_t  ngx_openzaak_ztc_catalogus_uniques[] = {
    { "catalogus_domein_rsin_key", "nonFieldErrors", "unique",
      "De velden domein, rsin moeten een unieke set zijn." },
    { NULL, NULL, NULL, NULL }
};


ngx_openzaak_resource_t  ngx_openzaak_ztc_catalogus = {
    .path = "catalogussen",
    .name = "catalogus",
    .schema = "Catalogus",
    .table = "catalogi.catalogus",
    .fields = ngx_openzaak_ztc_catalogus_fields,
    .filters = ngx_openzaak_ztc_catalogus_filters,
    .operations = ngx_openzaak_ztc_catalogus_ops,
    .order = "t.id DESC",
    .constraints = ngx_openzaak_ztc_catalogus_uniques,
    .description = "Catalogus."
};
