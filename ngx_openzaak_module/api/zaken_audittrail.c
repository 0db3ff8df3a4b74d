/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: the audit trail of a zaak, /zaken/{zaak_uuid}/
 * audittrail[/{uuid}], oldest first.  Its rows are written with every
 * audited write (ngx_openzaak_audit.c, sql/0013_audittrail.sql).
 *
 * The OAS asks for the scope audittrails.lezen; Open Zaak checks it
 * against autorisaties of the component "audittrails", which no
 * autorisatie can name, so only applicaties with heeftAlleAutorisaties
 * read a trail (ZGW-INVENTORY 3.3).  The module does the same
 * (NGX_OZ_OP_ALL_ONLY) and documents the OAS's scope.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


static const char *const  ngx_openzaak_zrc_audittrail_lezen[] = {
    "audittrails.lezen", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_wijzigingen[] = {
    { .name = "oud", .type = NGX_OZ_ANY, .flags = NGX_OZ_READONLY,
      .description = "Volledige JSON body van het object zoals dat bestond "
                     "voordat de actie heeft plaatsgevonden." },
    { .name = "nieuw", .type = NGX_OZ_ANY, .flags = NGX_OZ_READONLY,
      .description = "Volledige JSON body van het object na de actie." },
    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_audittrail_fields[] = {

    { .name = "uuid", .column = "uuid", .type = NGX_OZ_UUID,
      .description = "Unieke identificatie van de audit regel." },

    { .name = "bron", .column = "bron", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED, .enums = ngx_openzaak_component_enum,
      .description = "De naam van het component waar de wijziging in is "
                     "gedaan." },

    { .name = "applicatieId", .column = "applicatie_id",
      .type = NGX_OZ_STRING, .max_length = 100,
      .description = "Unieke identificatie van de applicatie, binnen de "
                     "organisatie." },

    { .name = "applicatieWeergave", .column = "applicatie_weergave",
      .type = NGX_OZ_STRING, .max_length = 200,
      .description = "Vriendelijke naam van de applicatie." },

    { .name = "gebruikersId", .column = "gebruikers_id",
      .type = NGX_OZ_STRING, .max_length = 255,
      .description = "Unieke identificatie van de gebruiker die binnen de "
                     "organisatie herleid kan worden naar een persoon." },

    { .name = "gebruikersWeergave", .column = "gebruikers_weergave",
      .type = NGX_OZ_STRING, .max_length = 255,
      .description = "Vriendelijke naam van de gebruiker." },

    { .name = "actie", .column = "actie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .max_length = 50,
      .description = "De uitgevoerde handeling." },

    { .name = "actieWeergave", .column = "actie_weergave",
      .type = NGX_OZ_STRING, .max_length = 200,
      .description = "Vriendelijke naam van de actie." },

    { .name = "resultaat", .column = "resultaat", .type = NGX_OZ_INTEGER,
      .flags = NGX_OZ_REQUIRED, .min_length = 100, .max_length = 599,
      .description = "HTTP status code van de API response van de "
                     "uitgevoerde handeling." },

    { .name = "hoofdObject", .column = "hoofd_object", .type = NGX_OZ_URI,
      .flags = NGX_OZ_REQUIRED, .max_length = 1000,
      .description = "De URL naar het hoofdobject van een component." },

    { .name = "resource", .column = "resource", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .max_length = 50,
      .description = "Het type resource waarop de actie gebeurde." },

    { .name = "resourceUrl", .column = "resource_url", .type = NGX_OZ_URI,
      .flags = NGX_OZ_REQUIRED, .max_length = 1000,
      .description = "De URL naar het object." },

    { .name = "toelichting", .column = "toelichting", .type = NGX_OZ_STRING,
      .description = "Toelichting waarom de handeling is uitgevoerd." },

    { .name = "resourceWeergave", .column = "resource_weergave",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED, .max_length = 200,
      .description = "Vriendelijke identificatie van het object." },

    { .name = "aanmaakdatum", .column = "aanmaakdatum",
      .type = NGX_OZ_DATETIME, .flags = NGX_OZ_READONLY,
      .description = "De datum waarop de handeling is gedaan." },

    { .name = "wijzigingen", .column = "wijzigingen", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_REQUIRED, .fields = ngx_openzaak_zrc_wijzigingen },

    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_zrc_audittrail_ops[] = {
    { NGX_OZ_OP_LIST, 0, NULL, NGX_OZ_OP_ALL_ONLY, "audittrail_list",
      "Alle audit trail regels behorend bij de ZAAK.",
      ngx_openzaak_zrc_audittrail_lezen, NULL, NULL,
      "Alle audit trail regels behorend bij de ZAAK." },
    { NGX_OZ_OP_READ, 0, NULL, NGX_OZ_OP_ALL_ONLY, "audittrail_read",
      "Een specifieke audit trail regel opvragen.",
      ngx_openzaak_zrc_audittrail_lezen, NULL, NULL,
      "Een specifieke audit trail regel opvragen." },
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_zrc_audittrail_filters[] = {
    { .name = NULL }
};


ngx_openzaak_resource_t  ngx_openzaak_zrc_audittrail = {
    .path = "audittrail",
    .name = "audittrail",
    .schema = "AuditTrail",
    .table = "zgw.audittrail",
    .fields = ngx_openzaak_zrc_audittrail_fields,
    .filters = ngx_openzaak_zrc_audittrail_filters,
    .operations = ngx_openzaak_zrc_audittrail_ops,
    .order = "t.aanmaakdatum, t.id",
    .parent = &ngx_openzaak_zrc_zaak,
    .parent_column = "hoofd",
    .parent_param = "zaak_uuid"
};
