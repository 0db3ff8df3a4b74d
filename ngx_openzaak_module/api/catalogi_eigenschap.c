/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Catalogi API 1.3.1: Eigenschap, with the rules of its specificatie
 * (lengte fits the formaat, ztc-015 for dates).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_catalogi.h"


static ngx_int_t ngx_openzaak_ztc_kardinaliteit(ngx_openzaak_ctx_t *ctx,
    ngx_str_t *name, ngx_str_t *value);
static ngx_int_t ngx_openzaak_ztc_eigenschap_validate(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);


static const char *const  ngx_openzaak_ztc_formaat[] = {
    "tekst", "getal", "datum", "datum_tijd", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_ztc_specificatie[] = {
    { .name = "groep", .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK,
      .max_length = 32, .dflt = "\"\"", .check = ngx_openzaak_check_word,
      .description = "Benaming van het object of groepattribuut waarvan de "
                     "EIGENSCHAP een inhoudelijk gegeven specificeert." },
    { .name = "formaat", .type = NGX_OZ_ENUM, .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_ztc_formaat,
      .description = "Het soort tekens waarmee waarden van de EIGENSCHAP "
                     "kunnen worden vastgelegd." },
    { .name = "lengte", .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED,
      .min_length = 1, .max_length = 14,
      .description = "Het aantal karakters (lengte) waarmee waarden van de "
                     "EIGENSCHAP worden vastgelegd." },
    { .name = "kardinaliteit", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 3,
      .check = ngx_openzaak_ztc_kardinaliteit,
      .description = "Het aantal mogelijke voorkomens van waarden van deze "
                     "EIGENSCHAP bij een zaak van het ZAAKTYPE." },
    { .name = "waardenverzameling", .type = NGX_OZ_ARRAY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "waarde", .type = NGX_OZ_STRING, .min_length = 1,
            .max_length = 100 },
          { .name = NULL } },
      .description = "Waarden die deze EIGENSCHAP kan hebben." },
    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_ztc_eigenschap_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZTC_URL("eigenschappen"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "naam", .column = "naam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 20,
      .description = "De naam van de EIGENSCHAP" },

    { .name = "definitie", .column = "definitie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 255,
      .description = "De beschrijving van de betekenis van deze "
                     "EIGENSCHAP" },

    { .name = "specificatie", .column = "specificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_REQUIRED,
      .fields = ngx_openzaak_ztc_specificatie,
      .description = "Specificatie van de eigenschap." },

    { .name = "toelichting", .column = "toelichting", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 1000,
      .description = "Een toelichting op deze EIGENSCHAP en het belang "
                     "hiervan voor zaken van dit ZAAKTYPE." },

    NGX_OZ_ZTC_SUB_ZAAKTYPE,

    NGX_OZ_ZTC_SUB_CATALOGUS_FIELD,

    { .name = "statustype", .column = "statustype", .type = NGX_OZ_REF,
      .flags = NGX_OZ_NULLABLE, .ref = "catalogi/statustypen",
      .min_length = 1, .max_length = 1000,
      .description = "Status type moet (onder andere) deze EIGENSCHAP hebben, "
                     "voordat een STATUS van het STATUSTYPE kan worden "
                     "gezet." },

    NGX_OZ_ZTC_GELDIGHEID(NGX_OZ_NULLABLE),

    NGX_OZ_ZTC_SUB_OBJECT_LIFE("eigenschap", "naam"),

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_ztc_eigenschap_filters[] = {
    NGX_OZ_ZTC_DATUM_GELDIGHEID_FILTER,
    NGX_OZ_ZTC_SUB_STATUS_FILTER,
    NGX_OZ_ZTC_SUB_ZAAKTYPE_FILTERS,
    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_ztc_eigenschap_ops[] = {
    NGX_OZ_ZTC_OPS("eigenschap", "EIGENSCHAP",
                   ngx_openzaak_ztc_schrijven_forced),
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_constraint_t  ngx_openzaak_ztc_eigenschap_uniques[]
= {
    { "eigenschap_zaaktype_naam_key", "nonFieldErrors", "unique",
      "De velden zaaktype, naam moeten een unieke set zijn." },
    { NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_hooks_t  ngx_openzaak_ztc_eigenschap_hooks = {
    .validate = ngx_openzaak_ztc_eigenschap_validate,
    .before = ngx_openzaak_ztc_sub_before
};


ngx_openzaak_resource_t  ngx_openzaak_ztc_eigenschap = {
    .path = "eigenschappen",
    .name = "eigenschap",
    .schema = "Eigenschap",
    .table = "catalogi.eigenschap",
    .fields = ngx_openzaak_ztc_eigenschap_fields,
    .filters = ngx_openzaak_ztc_eigenschap_filters,
    .operations = ngx_openzaak_ztc_eigenschap_ops,
    .order = "t.id DESC",
    .constraints = ngx_openzaak_ztc_eigenschap_uniques,
    .hooks = &ngx_openzaak_ztc_eigenschap_hooks,
    .description = "Eigenschap."
};


/* A positive number or "N" (any number of values). */

static ngx_int_t
ngx_openzaak_ztc_kardinaliteit(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    ngx_str_t *value)
{
    ngx_int_t  n;

    if (value->len == 1 && value->data[0] == 'N') {
        return NGX_OK;
    }

    n = ngx_atoi(value->data, value->len);

    if (n > 0) {
        return NGX_OK;
    }

    (void) ngx_openzaak_invalidf(ctx, name, "invalid",
                                 "Kardinaliteit moet een positief getal of "
                                 "\"N\" zijn.");
    return NGX_DECLINED;
}


/*
 * The lengte of a specificatie fits its formaat: tekst 0..255 characters,
 * getal "n" or "n,m", datum 8 (YYYYMMDD) and datum_tijd 14
 * (YYYYMMDDhhmmss), ztc-015.
 */

static ngx_int_t
ngx_openzaak_ztc_eigenschap_validate(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w)
{
    u_char        *comma;
    ngx_int_t      n;
    ngx_str_t      name, lengte;
    json_object   *spec, *v;
    const char    *formaat, *reason;

    if (!json_object_object_get_ex(w->row, "specificatie", &spec)
        || !json_object_object_get_ex(spec, "formaat", &v))
    {
        return NGX_OK;
    }

    formaat = json_object_get_string(v);

    if (!json_object_object_get_ex(spec, "lengte", &v)) {
        return NGX_OK;
    }

    lengte.data = (u_char *) json_object_get_string(v);
    lengte.len = json_object_get_string_len(v);

    reason = NULL;

    if (ngx_strcmp(formaat, "getal") == 0) {
        comma = ngx_strlchr(lengte.data, lengte.data + lengte.len, ',');

        if ((comma ? ngx_atoi(lengte.data, comma - lengte.data)
                   : ngx_atoi(lengte.data, lengte.len)) == NGX_ERROR
            || (comma && ngx_atoi(comma + 1,
                                  lengte.data + lengte.len - comma - 1)
                         == NGX_ERROR))
        {
            reason = "Voer een getal in als lengte, eventueel met decimalen "
                     "als \"n,m\".";
        }

    } else {
        n = ngx_atoi(lengte.data, lengte.len);

        if (n == NGX_ERROR) {
            reason = "Voer een getal in als lengte.";

        } else if (ngx_strcmp(formaat, "tekst") == 0 && n > 255) {
            reason = "De lengte van een tekst moet tussen 0 en 255 liggen.";

        } else if (ngx_strcmp(formaat, "datum") == 0 && n != 8) {
            reason = "De lengte van een datum moet 8 zijn (YYYYMMDD).";

        } else if (ngx_strcmp(formaat, "datum_tijd") == 0 && n != 14) {
            reason = "De lengte van een datum_tijd moet 14 zijn "
                     "(YYYYMMDDhhmmss).";
        }
    }

    if (reason) {
        ngx_str_set(&name, "specificatie.nonFieldErrors");

        if (ngx_openzaak_invalidf(ctx, &name, "invalid", "%s", reason)
            != NGX_OK)
        {
            return NGX_ERROR;
        }
    }

    return NGX_OK;
}
