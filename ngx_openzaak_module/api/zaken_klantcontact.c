/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: KlantContact (deprecated in the standard, still
 * served): list, create, read.  Without an identificatie one of 12
 * random characters is made (the column's default,
 * sql/0014_zaken_parts.sql); datumtijd may not be in the future
 * (date-in-future).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


static ngx_int_t ngx_openzaak_zrc_klantcontact_validate(
    ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_zrc_klantcontact_before(
    ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w);


static const ngx_openzaak_field_t  ngx_openzaak_zrc_klantcontact_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZRC_URL("klantcontacten"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "uuid", .column = "uuid", .type = NGX_OZ_UUID,
      .flags = NGX_OZ_READONLY,
      .description = "Unieke resource identifier (UUID4)" },

    NGX_OZ_ZRC_PART_ZAAK(""),

    { .name = "identificatie", .column = "identificatie",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 14,
      .description = "De unieke aanduiding van een KLANTCONTACT" },

    { .name = "datumtijd", .column = "datumtijd", .type = NGX_OZ_DATETIME,
      .flags = NGX_OZ_REQUIRED,
      .description = "De datum en het tijdstip waarop het KLANTCONTACT "
                     "begint" },

    { .name = "kanaal", .column = "kanaal", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 20,
      .description = "Het communicatiekanaal waarlangs het KLANTCONTACT "
                     "gevoerd wordt" },

    { .name = "onderwerp", .column = "onderwerp", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 200,
      .description = "Het onderwerp waarover contact is geweest met de "
                     "klant." },

    { .name = "toelichting", .column = "toelichting", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 1000,
      .description = "Een toelichting die inhoudelijk het contact met de "
                     "klant beschrijft." },

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_zrc_klantcontact_filters[] = {
    { .name = "zaak", .type = NGX_OZ_REF, .ref = "zaken/zaken",
      .sql = "t.zaak = $?::uuid",
      .description = "URL-referentie naar de ZAAK." },
    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_zrc_klantcontact_ops[] = {
    { NGX_OZ_OP_LIST, 0, NULL, NGX_OZ_OP_PAGINATED, "klantcontact_list",
      "Alle KLANTCONTACTen opvragen.", ngx_openzaak_zrc_lezen, NULL, NULL,
      "**DEPRECATED**: Deze resource is verhuisd naar de Contactmomenten "
      "API." },
    { NGX_OZ_OP_CREATE, 0, NULL, 0, "klantcontact_create",
      "Maak een KLANTCONTACT bij een ZAAK aan.",
      ngx_openzaak_zrc_part_schrijven, NULL, NULL,
      "Indien geen identificatie gegeven is, dan wordt deze automatisch "
      "gegenereerd." },
    { NGX_OZ_OP_READ, 0, NULL, 0, "klantcontact_read",
      "Een specifiek KLANTCONTACT bij een ZAAK opvragen.",
      ngx_openzaak_zrc_lezen, NULL, NULL, NULL },
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_hooks_t  ngx_openzaak_zrc_klantcontact_hooks = {
    .validate = ngx_openzaak_zrc_klantcontact_validate,
    .before = ngx_openzaak_zrc_klantcontact_before
};


static const ngx_openzaak_audit_t  ngx_openzaak_zrc_klantcontact_audit = {
    .bron = "zrc",
    .weergave = "(SELECT '(' || z.bronorganisatie || ' - '"
                " || z.identificatie || ') - ' || t.identificatie"
                " FROM zaken.zaak z WHERE z.uuid = t.zaak)",
    .hoofd = "t.zaak",
    .hoofd_path = "zaken"
};


ngx_openzaak_resource_t  ngx_openzaak_zrc_klantcontact = {
    .path = "klantcontacten",
    .name = "klantcontact",
    .schema = "KlantContact",
    .table = "zaken.klantcontact",
    .fields = ngx_openzaak_zrc_klantcontact_fields,
    .filters = ngx_openzaak_zrc_klantcontact_filters,
    .operations = ngx_openzaak_zrc_klantcontact_ops,
    .order = "t.id",
    .kanaal = "zaken",
    .hoofd_object = NGX_OZ_ZRC_PART_HOOFD_OBJECT,
    .kenmerken = ngx_openzaak_zrc_part_kenmerken,
    .hooks = &ngx_openzaak_zrc_klantcontact_hooks,
    .auth = &ngx_openzaak_zrc_part_auth,
    .audit = &ngx_openzaak_zrc_klantcontact_audit,
    .description = "Een uniek en persoonlijk contact met een burger of "
                   "bedrijfsmedewerker van een zaak."
};


/*
 * An identificatie the body does not give is the column's default (12
 * random characters); one it gives, "" too, is kept, as in Open Zaak.
 */

static ngx_int_t
ngx_openzaak_zrc_klantcontact_validate(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w)
{
    if (w->kind == NGX_OZ_OP_CREATE && w->row
        && json_object_is_type(w->input, json_type_object)
        && !json_object_object_get_ex(w->input, "identificatie", NULL))
    {
        json_object_object_del(w->row, "identificatie");
    }

    return NGX_OK;
}


/* X6: datumtijd not in the future, answered with the other rules */

static ngx_int_t
ngx_openzaak_zrc_klantcontact_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w)
{
    ngx_str_t  row;

    if (w->kind == NGX_OZ_OP_DELETE) {
        return NGX_OK;
    }

    if (ngx_openzaak_json_to_str(ctx->request->pool, w->row, &row)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    return ngx_openzaak_sql_add(w->query, ctx->request->pool,
               "SELECT zgw.problem('datumtijd', 'date-in-future',"
               " 'Deze datum mag niet in de toekomst zijn')"
               " FROM jsonb_populate_record(NULL::zaken.klantcontact,"
               " $1::jsonb) r WHERE r.datumtijd > now()", 1,
               (char *) row.data)
           ? NGX_OK : NGX_ERROR;
}
