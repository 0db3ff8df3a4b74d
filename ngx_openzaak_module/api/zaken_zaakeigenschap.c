/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: ZaakEigenschap, nested below its zaak
 * (/zaken/{zaak_uuid}/zaakeigenschappen).  The eigenschap must be one of
 * the zaak's zaaktype (zrc-018, zaaktype-mismatch); zaak and eigenschap
 * are immutable, so only waarde changes; naam is copied from the
 * eigenschap by the table's trigger (sql/0014_zaken_parts.sql).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


static ngx_int_t ngx_openzaak_zrc_zaakeigenschap_before(
    ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w);


static const ngx_openzaak_field_t  ngx_openzaak_zrc_zaakeigenschap_fields[]
= {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .render = "%a.zaak || '/zaakeigenschappen/' || %a.uuid",
      .url = "zaken/zaken" },

    { .name = "uuid", .column = "uuid", .type = NGX_OZ_UUID,
      .flags = NGX_OZ_READONLY,
      .description = "Unieke resource identifier (UUID4)" },

    { .name = "zaak", .column = "zaak", .type = NGX_OZ_REF,
      .flags = NGX_OZ_REQUIRED|NGX_OZ_IMMUTABLE, .ref = "zaken/zaken" },

    { .name = "eigenschap", .column = "eigenschap", .type = NGX_OZ_REF,
      .flags = NGX_OZ_REQUIRED|NGX_OZ_IMMUTABLE,
      .ref = "catalogi/eigenschappen", .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar de EIGENSCHAP (in de Catalogi "
                     "API)." },

    { .name = "naam", .column = "naam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_READONLY,
      .description = "De naam van de EIGENSCHAP (overgenomen uit de "
                     "Catalogi API)." },

    { .name = "waarde", .column = "waarde", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED|NGX_OZ_BLANK },

    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_zrc_zaakeigenschap_ops[]
= {
    { NGX_OZ_OP_LIST, 0, NULL, 0, "zaakeigenschap_list",
      "Alle ZAAKEIGENSCHAPpen opvragen.", ngx_openzaak_zrc_lezen, NULL,
      NULL, NULL },
    { NGX_OZ_OP_CREATE, 0, NULL, 0, "zaakeigenschap_create",
      "Maak een ZAAKEIGENSCHAP aan.", ngx_openzaak_zrc_part_schrijven, NULL,
      NULL, NULL },
    { NGX_OZ_OP_READ, 0, NULL, NGX_OZ_OP_ETAG|NGX_OZ_OP_HEAD,
      "zaakeigenschap_read", "Een specifieke ZAAKEIGENSCHAP opvragen.",
      ngx_openzaak_zrc_lezen, NULL, NULL, NULL },
    { NGX_OZ_OP_UPDATE, 0, NULL, 0, "zaakeigenschap_update",
      "Werk een ZAAKEIGENSCHAP in zijn geheel bij.",
      ngx_openzaak_zrc_part_schrijven, NULL, NULL, NULL },
    { NGX_OZ_OP_PATCH, 0, NULL, 0, "zaakeigenschap_partial_update",
      "Werk een ZAAKEIGENSCHAP deels bij.", ngx_openzaak_zrc_part_schrijven,
      NULL, NULL, NULL },
    { NGX_OZ_OP_DELETE, 0, NULL, 0, "zaakeigenschap_delete",
      "Verwijder een ZAAKEIGENSCHAP.", ngx_openzaak_zrc_part_schrijven, NULL,
      NULL, NULL },
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_zrc_zaakeigenschap_filters[]
= {
    { .name = NULL }
};


static const ngx_openzaak_hooks_t  ngx_openzaak_zrc_zaakeigenschap_hooks = {
    .before = ngx_openzaak_zrc_zaakeigenschap_before
};


static const ngx_openzaak_audit_t  ngx_openzaak_zrc_zaakeigenschap_audit = {
    .bron = "zrc",
    /* Open Zaak's ZaakEigenschap.unique_representation() */
    .weergave = "(SELECT '(' || z.bronorganisatie || ' - '"
                " || z.identificatie || ') - ' || t.naam"
                " FROM zaken.zaak z WHERE z.uuid = t.zaak)",
    .hoofd = "t.zaak",
    .hoofd_path = "zaken"
};


ngx_openzaak_resource_t  ngx_openzaak_zrc_zaakeigenschap = {
    .path = "zaakeigenschappen",
    .name = "zaakeigenschap",
    .schema = "ZaakEigenschap",
    .table = "zaken.zaakeigenschap",
    .fields = ngx_openzaak_zrc_zaakeigenschap_fields,
    .filters = ngx_openzaak_zrc_zaakeigenschap_filters,
    .operations = ngx_openzaak_zrc_zaakeigenschap_ops,
    .order = "t.id",
    .kanaal = "zaken",
    .hoofd_object = NGX_OZ_ZRC_PART_HOOFD_OBJECT,
    .kenmerken = ngx_openzaak_zrc_part_kenmerken,
    .hooks = &ngx_openzaak_zrc_zaakeigenschap_hooks,
    .auth = &ngx_openzaak_zrc_part_auth,
    .parent = &ngx_openzaak_zrc_zaak,
    .parent_column = "zaak",
    .parent_param = "zaak_uuid",
    .audit = &ngx_openzaak_zrc_zaakeigenschap_audit,
    .description = "Een relevant inhoudelijk gegeven waarvan waarden bij "
                   "deze ZAAK worden vastgelegd."
};


/*
 * zrc-018: the eigenschap of a new zaakeigenschap is one of its zaak's
 * zaaktype (later both are immutable).  A problem only: answered with
 * the rest by zgw.problems_raise().
 */

static ngx_int_t
ngx_openzaak_zrc_zaakeigenschap_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w)
{
    ngx_str_t  row;

    if (w->kind != NGX_OZ_OP_CREATE) {
        return NGX_OK;
    }

    if (ngx_openzaak_json_to_str(ctx->request->pool, w->row, &row)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    return ngx_openzaak_sql_add(w->query, ctx->request->pool,
               "SELECT zgw.problem('nonFieldErrors', 'zaaktype-mismatch',"
               " 'De referentie hoort niet bij het zaaktype van de zaak.')"
               " FROM jsonb_populate_record(NULL::zaken.zaakeigenschap,"
               " $1::jsonb) r"
               " JOIN zaken.zaak z ON z.uuid = r.zaak"
               " JOIN catalogi.eigenschap e ON e.uuid = r.eigenschap"
               " WHERE e.zaaktype <> z.zaaktype", 1,
               (char *) row.data)
           ? NGX_OK : NGX_ERROR;
}
