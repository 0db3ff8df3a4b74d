/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: ZaakBesluit, below its zaak: /zaken/{zaak_uuid}/
 * besluiten.  The relation is kept by the Besluiten API (brc-006), which
 * adds its create and delete; until then it is read only, and empty.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


static const ngx_openzaak_field_t  ngx_openzaak_zrc_zaakbesluit_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .render = "%a.zaak || '/besluiten/' || %a.uuid",
      .url = "zaken/zaken",
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "uuid", .column = "uuid", .type = NGX_OZ_UUID,
      .flags = NGX_OZ_READONLY,
      .description = "Unieke resource identifier (UUID4)" },

    { .name = "besluit", .column = "besluit", .type = NGX_OZ_URI,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 1000,
      .url = "besluiten/besluiten",
      .description = "URL-referentie naar het BESLUIT (in de Besluiten "
                     "API), waar ook de relatieinformatie opgevraagd kan "
                     "worden." },

    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_zrc_zaakbesluit_ops[] = {
    { NGX_OZ_OP_LIST, 0, NULL, 0, "zaakbesluit_list",
      "Alle ZAAKBESLUITen opvragen.", ngx_openzaak_zrc_lezen, NULL, NULL,
      NULL },
    { NGX_OZ_OP_READ, 0, NULL, 0, "zaakbesluit_read",
      "Een specifiek ZAAKBESLUIT opvragen.", ngx_openzaak_zrc_lezen, NULL,
      NULL, NULL },
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_zrc_zaakbesluit_filters[] = {
    { .name = NULL }
};


ngx_openzaak_resource_t  ngx_openzaak_zrc_zaakbesluit = {
    .path = "besluiten",
    .name = "zaakbesluit",
    .schema = "ZaakBesluit",
    .table = "zaken.zaakbesluit",
    .fields = ngx_openzaak_zrc_zaakbesluit_fields,
    .filters = ngx_openzaak_zrc_zaakbesluit_filters,
    .operations = ngx_openzaak_zrc_zaakbesluit_ops,
    .order = "t.id",
    .auth = &ngx_openzaak_zrc_part_auth,
    .parent = &ngx_openzaak_zrc_zaak,
    .parent_column = "zaak",
    .parent_param = "zaak_uuid",
    .description = "De BESLUITen van een ZAAK."
};
