/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: ZaakVerzoek: list (a plain array), create, read, delete;
 * unique (zaak, verzoek).  Open Zaak checks the verzoek URL against the
 * other API's OAS and mirrors the relation there (objectverzoeken); the
 * module has no client of that API: the URL's shape is validated only
 * (docs/zaken.md).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


static const ngx_openzaak_field_t  ngx_openzaak_zrc_zaakverzoek_fields[]
= {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZRC_URL("zaakverzoeken"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "uuid", .column = "uuid", .type = NGX_OZ_UUID,
      .flags = NGX_OZ_READONLY,
      .description = "Unieke resource identifier (UUID4)" },

    NGX_OZ_ZRC_PART_ZAAK(""),

    { .name = "verzoek", .column = "verzoek", .type = NGX_OZ_URI,
      .flags = NGX_OZ_REQUIRED, .max_length = 1000,
      .description = "URL-referentie naar het VERZOEK (in de Klantinteractie "
                     "API)" },

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_zrc_zaakverzoek_filters[]
= {
    { .name = "verzoek", .type = NGX_OZ_URI,
      .sql = "t.verzoek = $?::text",
      .description = "URL-referentie naar het VERZOEK (in de Klantinteractie "
                     "API)" },
    { .name = "zaak", .type = NGX_OZ_REF, .ref = "zaken/zaken",
      .sql = "t.zaak = $?::uuid",
      .description = "URL-referentie naar de ZAAK." },
    { .name = NULL }
};


static const char *const  ngx_openzaak_zrc_zaakverzoek_schrijven[] = {
    "zaken.bijwerken", NULL
};


static const ngx_openzaak_operation_t  ngx_openzaak_zrc_zaakverzoek_ops[]
= {
    { NGX_OZ_OP_LIST, 0, NULL, 0, "zaakverzoek_list",
      "Alle ZAAK-VERZOEK opvragen.",
      ngx_openzaak_zrc_lezen, NULL, NULL, NULL },
    { NGX_OZ_OP_CREATE, 0, NULL, 0, "zaakverzoek_create",
      "Maak een ZAAK-VERZOEK aan.",
      ngx_openzaak_zrc_zaakverzoek_schrijven, NULL, NULL, NULL },
    { NGX_OZ_OP_READ, 0, NULL, 0, "zaakverzoek_read",
      "Een specifiek ZAAK-VERZOEK opvragen.",
      ngx_openzaak_zrc_lezen, NULL, NULL, NULL },
    { NGX_OZ_OP_DELETE, 0, NULL, 0, "zaakverzoek_delete",
      "Verwijder een ZAAK-VERZOEK.",
      ngx_openzaak_zrc_zaakverzoek_schrijven, NULL, NULL, NULL },
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_constraint_t
    ngx_openzaak_zrc_zaakverzoek_constraints[] =
{
    { "zaakverzoek_zaak_verzoek_key", "nonFieldErrors", "unique",
      "De velden zaak, verzoek moeten een unieke set zijn." },
    { NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_audit_t  ngx_openzaak_zrc_zaakverzoek_audit = {
    .bron = "zrc",
    .weergave = "(SELECT '(' || z.bronorganisatie || ' - '"
                " || z.identificatie || ') - ' || t.verzoek"
                " FROM zaken.zaak z WHERE z.uuid = t.zaak)",
    .hoofd = "t.zaak",
    .hoofd_path = "zaken"
};


ngx_openzaak_resource_t  ngx_openzaak_zrc_zaakverzoek = {
    .path = "zaakverzoeken",
    .name = "zaakverzoek",
    .schema = "ZaakVerzoek",
    .table = "zaken.zaakverzoek",
    .fields = ngx_openzaak_zrc_zaakverzoek_fields,
    .filters = ngx_openzaak_zrc_zaakverzoek_filters,
    .operations = ngx_openzaak_zrc_zaakverzoek_ops,
    .order = "t.id",
    .kanaal = "zaken",
    .hoofd_object = NGX_OZ_ZRC_PART_HOOFD_OBJECT,
    .kenmerken = ngx_openzaak_zrc_part_kenmerken,
    .constraints = ngx_openzaak_zrc_zaakverzoek_constraints,
    .notify_acties = "create",
    .auth = &ngx_openzaak_zrc_part_auth,
    .audit = &ngx_openzaak_zrc_zaakverzoek_audit,
    .description = "Een verzoek van een zaak."
};
