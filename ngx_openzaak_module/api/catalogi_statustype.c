/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/* Catalogi API 1.3.1: StatusType. */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_catalogi.h"


static const ngx_openzaak_field_t  ngx_openzaak_ztc_checklistitem[] = {
    { .name = "itemnaam", .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED,
      .min_length = 1, .max_length = 30,
      .description = "De betekenisvolle benaming van het checklistitem" },
    { .name = "toelichting", .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK,
      .max_length = 1000, .dflt = "\"\"",
      .description = "Beschrijving van de overwegingen bij het controleren "
                     "van het aandachtspunt" },
    { .name = "vraagstelling", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 255,
      .description = "Een betekenisvolle vraag waaruit blijkt waarop het "
                     "aandachtspunt gecontroleerd moet worden." },
    { .name = "verplicht", .type = NGX_OZ_BOOLEAN, .dflt = "false",
      .description = "Het al dan niet verplicht zijn van controle van het "
                     "aandachtspunt voorafgaand aan het bereiken van de "
                     "status van het gerelateerde STATUSTYPE." },
    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_ztc_statustype_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZTC_URL("statustypen"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "omschrijving", .column = "omschrijving", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 80,
      .description = "Een korte, voor de initiator van de zaak relevante, "
                     "omschrijving van de aard van de STATUS van zaken van "
                     "een ZAAKTYPE." },

    { .name = "omschrijvingGeneriek", .column = "omschrijving_generiek",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 80,
      .description = "Algemeen gehanteerde omschrijving van de aard van "
                     "STATUSsen van het STATUSTYPE" },

    { .name = "statustekst", .column = "statustekst", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 1000,
      .description = "De tekst die ten behoeve van de Initiator van de zaak "
                     "kan worden gegenereerd, zodra de STATUS van dit "
                     "STATUSTYPE is bereikt." },

    NGX_OZ_ZTC_SUB_ZAAKTYPE,

    { .name = "volgnummer", .column = "volgnummer", .type = NGX_OZ_INTEGER,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 9999,
      .description = "Een volgnummer voor statussen van het STATUSTYPE "
                     "binnen een zaak." },

    { .name = "isEindstatus", .type = NGX_OZ_BOOLEAN, .flags = NGX_OZ_READONLY,
      .render = "(%a.volgnummer = (SELECT max(s.volgnummer)"
                " FROM catalogi.statustype s WHERE s.zaaktype = %a.zaaktype))",
      .description = "Geeft aan dat dit STATUSTYPE een eindstatus betreft. "
                     "Dit gegeven is afgeleid uit alle STATUSTYPEn van dit "
                     "ZAAKTYPE met het hoogste volgnummer." },

    { .name = "informeren", .column = "informeren", .type = NGX_OZ_BOOLEAN,
      .dflt = "false",
      .description = "Aanduiding die aangeeft of na het zetten van een "
                     "STATUS van dit STATUSTYPE de Initiator moet worden "
                     "geïnformeerd over de statusovergang." },

    { .name = "doorlooptijd", .column = "doorlooptijd",
      .type = NGX_OZ_DURATION, .flags = NGX_OZ_NULLABLE,
      .description = "De door de zaakbehandelende organisatie(s) gestelde "
                     "norm voor de doorlooptijd voor het bereiken van "
                     "STATUSsen van dit STATUSTYPE bij het desbetreffende "
                     "ZAAKTYPE." },

    { .name = "toelichting", .column = "toelichting", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_NULLABLE|NGX_OZ_BLANK, .max_length = 1000,
      .description = "Een eventuele toelichting op dit STATUSTYPE." },

    { .name = "checklistitemStatustype", .column = "checklistitem_statustype",
      .type = NGX_OZ_ARRAY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "CheckListItem", .type = NGX_OZ_OBJECT,
            .fields = ngx_openzaak_ztc_checklistitem },
          { .name = NULL } },
      .description = "Te controleren aandachtspunt voorafgaand aan het "
                     "bereiken van een status van het STATUSTYPE." },

    NGX_OZ_ZTC_SUB_CATALOGUS_FIELD,

    { .name = "eigenschappen", .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "eigenschap", .type = NGX_OZ_URI }, { .name = NULL } },
      .url = "catalogi/eigenschappen",
      .render = "ARRAY(SELECT e.uuid FROM catalogi.eigenschap e"
                " WHERE e.statustype = %a.uuid ORDER BY e.id)",
      .description = "de EIGENSCHAPpen die verplicht een waarde moeten "
                     "hebben gekregen, voordat een STATUS van dit STATUSTYPE "
                     "kan worden gezet." },

    { .name = "zaakobjecttypen", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "zaakobjecttype", .type = NGX_OZ_URI }, { .name = NULL } },
      .url = "catalogi/zaakobjecttypen",
      .render = "ARRAY(SELECT o.uuid FROM catalogi.zaakobjecttype o"
                " WHERE o.statustype = %a.uuid ORDER BY o.id)",
      .description = "De ZAAKOBJECTTYPEN die verplicht een waarde moeten "
                     "hebben gekregen, voordat een STATUS van dit STATUSTYPE "
                     "kan worden gezet." },

    NGX_OZ_ZTC_GELDIGHEID(NGX_OZ_NULLABLE),

    NGX_OZ_ZTC_SUB_OBJECT_LIFE("statustype", "omschrijving"),

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_ztc_statustype_filters[] = {
    NGX_OZ_ZTC_DATUM_GELDIGHEID_FILTER,
    NGX_OZ_ZTC_SUB_STATUS_FILTER,
    NGX_OZ_ZTC_SUB_ZAAKTYPE_FILTERS,
    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_ztc_statustype_ops[] = {
    NGX_OZ_ZTC_OPS("statustype", "STATUSTYPE",
                   ngx_openzaak_ztc_schrijven_forced),
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_constraint_t  ngx_openzaak_ztc_statustype_uniques[]
= {
    { "statustype_zaaktype_volgnummer_key", "nonFieldErrors", "unique",
      "De velden zaaktype, volgnummer moeten een unieke set zijn." },
    { NULL, NULL, NULL, NULL }
};


ngx_openzaak_resource_t  ngx_openzaak_ztc_statustype = {
    .path = "statustypen",
    .name = "statustype",
    .schema = "StatusType",
    .table = "catalogi.statustype",
    .fields = ngx_openzaak_ztc_statustype_fields,
    .filters = ngx_openzaak_ztc_statustype_filters,
    .operations = ngx_openzaak_ztc_statustype_ops,
    .order = "t.id DESC",
    .constraints = ngx_openzaak_ztc_statustype_uniques,
    .hooks = &ngx_openzaak_ztc_sub_hooks,
    .description = "StatusType."
};
