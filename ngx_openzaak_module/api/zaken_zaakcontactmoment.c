/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: ZaakContactMoment: list (a plain array), create,
 * read, delete; unique (zaak, contactmoment).  Open Zaak checks the
 * contactmoment URL against the Contactmomenten API's OAS and mirrors
 * the relation there (objectcontactmomenten); the module has no client
 * of that API: the URL's shape is validated only (docs/zaken.md).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


static const ngx_openzaak_field_t  ngx_openzaak_zrc_zaakcontactmoment_fields[]
= {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZRC_URL("zaakcontactmomenten"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "uuid", .column = "uuid", .type = NGX_OZ_UUID,
      .flags = NGX_OZ_READONLY,
      .description = "Unieke resource identifier (UUID4)" },

    NGX_OZ_ZRC_PART_ZAAK(""),

    { .name = "contactmoment", .column = "contactmoment", .type = NGX_OZ_URI,
      .flags = NGX_OZ_REQUIRED, .max_length = 1000,
      .description = "URL-referentie naar het CONTACTMOMENT (in de CMC API)" },

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_zrc_zaakcontactmoment_filters[]
= {
    { .name = "contactmoment", .type = NGX_OZ_URI,
      .sql = "t.contactmoment = $?::text",
      .description = "URL-referentie naar het CONTACTMOMENT (in de CMC API)" },
    { .name = "zaak", .type = NGX_OZ_REF, .ref = "zaken/zaken",
      .sql = "t.zaak = $?::uuid",
      .description = "URL-referentie naar de ZAAK." },
    { .name = NULL }
};


static const char *const  ngx_openzaak_zrc_zaakcontactmoment_schrijven[] = {
    "zaken.bijwerken", NULL
};


static const ngx_openzaak_operation_t  ngx_openzaak_zrc_zaakcontactmoment_ops[]
= {
    { NGX_OZ_OP_LIST, 0, NULL, 0, "zaakcontactmoment_list",
      "Alle ZAAKCONTACTMOMENTen opvragen.",
      ngx_openzaak_zrc_lezen, NULL, NULL, NULL },
    { NGX_OZ_OP_CREATE, 0, NULL, 0, "zaakcontactmoment_create",
      "Maak een ZAAKCONTACTMOMENT aan.",
      ngx_openzaak_zrc_zaakcontactmoment_schrijven, NULL, NULL, NULL },
    { NGX_OZ_OP_READ, 0, NULL, 0, "zaakcontactmoment_read",
      "Een specifiek ZAAKCONTACTMOMENT opvragen.",
      ngx_openzaak_zrc_lezen, NULL, NULL, NULL },
    { NGX_OZ_OP_DELETE, 0, NULL, 0, "zaakcontactmoment_delete",
      "Verwijder een ZAAKCONTACTMOMENT.",
      ngx_openzaak_zrc_zaakcontactmoment_schrijven, NULL, NULL, NULL },
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_constraint_t
    ngx_openzaak_zrc_zaakcontactmoment_constraints[] =
{
    { "zaakcontactmoment_zaak_contactmoment_key", "nonFieldErrors", "unique",
      "De velden zaak, contactmoment moeten een unieke set zijn." },
    { NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_audit_t  ngx_openzaak_zrc_zaakcontactmoment_audit = {
    .bron = "zrc",
    .weergave = "(SELECT '(' || z.bronorganisatie || ' - '"
                " || z.identificatie || ') - ' || t.contactmoment"
                " FROM zaken.zaak z WHERE z.uuid = t.zaak)",
    .hoofd = "t.zaak",
    .hoofd_path = "zaken"
};


ngx_openzaak_resource_t  ngx_openzaak_zrc_zaakcontactmoment = {
    .path = "zaakcontactmomenten",
    .name = "zaakcontactmoment",
    .schema = "ZaakContactMoment",
    .table = "zaken.zaakcontactmoment",
    .fields = ngx_openzaak_zrc_zaakcontactmoment_fields,
    .filters = ngx_openzaak_zrc_zaakcontactmoment_filters,
    .operations = ngx_openzaak_zrc_zaakcontactmoment_ops,
    .order = "t.id",
    .kanaal = "zaken",
    .hoofd_object = NGX_OZ_ZRC_PART_HOOFD_OBJECT,
    .kenmerken = ngx_openzaak_zrc_part_kenmerken,
    .constraints = ngx_openzaak_zrc_zaakcontactmoment_constraints,
    .notify_acties = "create",
    .auth = &ngx_openzaak_zrc_part_auth,
    .audit = &ngx_openzaak_zrc_zaakcontactmoment_audit,
    .description = "Een contactmoment van een zaak."
};
