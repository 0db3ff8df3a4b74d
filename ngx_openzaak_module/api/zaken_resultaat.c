/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: Resultaat.
 *
 * One per zaak, of a resultaattype of the zaak's zaaktype
 * (zaken.check_resultaat(), before the row is written).  On a closed
 * zaak the archive fields follow the resultaat (Z19): a trigger on the
 * table recalculates them (sql/0010_zaken_status.sql).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


static ngx_int_t ngx_openzaak_zrc_resultaat_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);


static const ngx_openzaak_field_t  ngx_openzaak_zrc_resultaat_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZRC_URL("resultaten"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "uuid", .column = "uuid", .type = NGX_OZ_UUID,
      .flags = NGX_OZ_READONLY,
      .description = "Unieke resource identifier (UUID4)" },

    NGX_OZ_ZRC_PART_ZAAK(""),

    { .name = "resultaattype", .column = "resultaattype",
      .type = NGX_OZ_REF, .flags = NGX_OZ_REQUIRED|NGX_OZ_IMMUTABLE,
      .ref = "catalogi/resultaattypen", .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar het RESULTAATTYPE (in de Catalogi "
                     "API)." },

    { .name = "toelichting", .column = "toelichting", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 1000,
      .description = "Een toelichting op wat het resultaat van de zaak "
                     "inhoudt." },

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_zrc_resultaat_filters[] = {
    { .name = "resultaattype", .type = NGX_OZ_REF,
      .ref = "catalogi/resultaattypen", .sql = "t.resultaattype = $?::uuid",
      .description = "URL-referentie naar het RESULTAATTYPE (in de Catalogi "
                     "API)." },
    { .name = "zaak", .type = NGX_OZ_REF, .ref = "zaken/zaken",
      .sql = "t.zaak = $?::uuid",
      .description = "URL-referentie naar de ZAAK." },
    { .name = NULL }
};


#define NGX_OZ_ZRC_RESULTAAT_VALIDATIE                                       \
    "**Er wordt gevalideerd op**\n"                                          \
    "- geldigheid URL naar de ZAAK\n"                                        \
    "- het RESULTAATTYPE mag niet gewijzigd worden"


static const ngx_openzaak_operation_t  ngx_openzaak_zrc_resultaat_ops[] = {
    { NGX_OZ_OP_LIST, 0, NULL, NGX_OZ_OP_PAGINATED, "resultaat_list",
      "Alle RESULTAATen van ZAAKen opvragen.", ngx_openzaak_zrc_lezen, NULL,
      NULL, "Deze lijst kan gefilterd wordt met query-string parameters." },
    { NGX_OZ_OP_CREATE, 0, NULL, 0, "resultaat_create",
      "Maak een RESULTAAT bij een ZAAK aan.",
      ngx_openzaak_zrc_part_schrijven, NULL, NULL,
      "**Er wordt gevalideerd op**\n"
      "- geldigheid URL naar de ZAAK\n"
      "- geldigheid URL naar het RESULTAATTYPE\n" },
    { NGX_OZ_OP_READ, 0, NULL, NGX_OZ_OP_ETAG|NGX_OZ_OP_HEAD,
      "resultaat_read", "Een specifiek RESULTAAT opvragen.",
      ngx_openzaak_zrc_lezen, NULL, NULL,
      "Een specifiek RESULTAAT opvragen." },
    { NGX_OZ_OP_UPDATE, 0, NULL, 0, "resultaat_update",
      "Werk een RESULTAAT in zijn geheel bij.",
      ngx_openzaak_zrc_part_schrijven, NULL, NULL,
      NGX_OZ_ZRC_RESULTAAT_VALIDATIE },
    { NGX_OZ_OP_PATCH, 0, NULL, 0, "resultaat_partial_update",
      "Werk een RESULTAAT deels bij.", ngx_openzaak_zrc_part_schrijven,
      NULL, NULL, NGX_OZ_ZRC_RESULTAAT_VALIDATIE },
    { NGX_OZ_OP_DELETE, 0, NULL, 0, "resultaat_delete",
      "Verwijder een RESULTAAT van een ZAAK.",
      ngx_openzaak_zrc_part_schrijven, NULL, NULL,
      "Verwijder een RESULTAAT van een ZAAK." },
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


/* the same rule as zaken.check_resultaat() checks first, for a race */
static const ngx_openzaak_constraint_t
    ngx_openzaak_zrc_resultaat_constraints[] =
{
    { "resultaat_zaak_key", "zaak", "unique",
      "resultaat met deze zaak bestaat al." },
    { NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_hooks_t  ngx_openzaak_zrc_resultaat_hooks = {
    .before = ngx_openzaak_zrc_resultaat_before
};


ngx_openzaak_resource_t  ngx_openzaak_zrc_resultaat = {
    .path = "resultaten",
    .name = "resultaat",
    .schema = "Resultaat",
    .table = "zaken.resultaat",
    .fields = ngx_openzaak_zrc_resultaat_fields,
    .filters = ngx_openzaak_zrc_resultaat_filters,
    .operations = ngx_openzaak_zrc_resultaat_ops,
    .order = "t.id DESC",
    .kanaal = "zaken",
    .hoofd_object = NGX_OZ_ZRC_PART_HOOFD_OBJECT,
    .kenmerken = ngx_openzaak_zrc_part_kenmerken,
    .constraints = ngx_openzaak_zrc_resultaat_constraints,
    .hooks = &ngx_openzaak_zrc_resultaat_hooks,
    .auth = &ngx_openzaak_zrc_part_auth,
    .description = "Het behaalde RESULTAAT is een koppeling tussen een "
                   "RESULTAATTYPE en een ZAAK."
};


/* the rules of the resultaat as it will be: the stored one with the body
 * on top */

static ngx_int_t
ngx_openzaak_zrc_resultaat_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w)
{
    char       *uuid;
    ngx_str_t   row;

    if (w->kind == NGX_OZ_OP_DELETE) {
        return NGX_OK;
    }

    uuid = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, &w->uuid);

    if (uuid == NULL
        || ngx_openzaak_json_to_str(ctx->request->pool, w->row, &row)
           != NGX_OK)
    {
        return NGX_ERROR;
    }

    return ngx_openzaak_sql_add(w->query, ctx->request->pool,
               "SELECT zaken.check_resultaat(jsonb_populate_record("
               "coalesce((SELECT r FROM zaken.resultaat r WHERE r.uuid = $1),"
               " NULL::zaken.resultaat), $2::jsonb || jsonb_build_object("
               "'uuid', $1::uuid)))", 2,
               uuid, (char *) row.data)
           ? NGX_OK : NGX_ERROR;
}
