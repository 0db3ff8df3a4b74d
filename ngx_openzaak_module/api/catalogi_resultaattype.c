/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Catalogi API 1.3.1: ResultaatType, with the archiving rules ztc-002 to
 * ztc-008.  The resultaattypeomschrijving and the selectielijstklasse are
 * fetched from the Referentielijsten/Selectielijst API: the first gives
 * omschrijvingGeneriek, the second the procestype and procestermijn the
 * rules check and the archiefnominatie and archiefactietermijn defaults.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_catalogi.h"


typedef struct {
    ngx_openzaak_fetch_t   omschrijving;
    ngx_openzaak_fetch_t   klasse;
} ngx_openzaak_ztc_rt_fetch_t;


static ngx_int_t ngx_openzaak_ztc_rt_validate(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_ztc_rt_fetch(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_ztc_rt_fetched(ngx_openzaak_ctx_t *ctx);
static ngx_int_t ngx_openzaak_ztc_rt_after(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);


static const char *const  ngx_openzaak_ztc_archiefnominatie[] = {
    "blijvend_bewaren", "vernietigen", NULL
};

static const char *const  ngx_openzaak_ztc_afleidingswijze[] = {
    "afgehandeld", "ander_datumkenmerk", "eigenschap", "gerelateerde_zaak",
    "hoofdzaak", "ingangsdatum_besluit", "termijn", "vervaldatum_besluit",
    "zaakobject", NULL
};

static const char *const  ngx_openzaak_ztc_objecttype[] = {
    "adres", "besluit", "buurt", "enkelvoudig_document", "gemeente",
    "gemeentelijke_openbare_ruimte", "huishouden", "inrichtingselement",
    "kadastrale_onroerende_zaak", "kunstwerkdeel",
    "maatschappelijke_activiteit", "medewerker", "natuurlijk_persoon",
    "niet_natuurlijk_persoon", "openbare_ruimte", "organisatorische_eenheid",
    "pand", "spoorbaandeel", "status", "terreindeel",
    "terrein_gebouwd_object", "vestiging", "waterdeel", "wegdeel", "wijk",
    "woonplaats", "woz_deelobject", "woz_object", "woz_waarde",
    "zakelijk_recht", "overige", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_ztc_brondatum[] = {
    { .name = "afleidingswijze", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED, .enums = ngx_openzaak_ztc_afleidingswijze,
      .description = "Wijze van bepalen van de brondatum." },
    { .name = "datumkenmerk", .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK,
      .max_length = 80, .dflt = "\"\"",
      .description = "Naam van de attribuutsoort van het procesobject dat "
                     "bepalend is voor het einde van de procestermijn." },
    { .name = "einddatumBekend", .type = NGX_OZ_BOOLEAN, .dflt = "false",
      .description = "Indicatie dat de einddatum van het procesobject "
                     "gedurende de uitvoering van de zaak bekend moet "
                     "worden." },
    { .name = "objecttype", .type = NGX_OZ_ENUM, .flags = NGX_OZ_ENUM_BLANK,
      .enums = ngx_openzaak_ztc_objecttype, .dflt = "\"\"",
      .description = "Het soort object in de registratie dat het "
                     "procesobject representeert." },
    { .name = "registratie", .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK,
      .max_length = 80, .dflt = "\"\"",
      .description = "De naam van de registratie waarvan het procesobject "
                     "deel uit maakt." },
    { .name = "procestermijn", .type = NGX_OZ_DURATION,
      .flags = NGX_OZ_NULLABLE,
      .description = "De periode dat het zaakdossier na afronding van de "
                     "zaak actief gebruikt en/of geraadpleegd wordt ter "
                     "ondersteuning van de taakuitoefening van de "
                     "organisatie." },
    { .name = NULL }
};


#define NGX_OZ_ZTC_RT_KEYS(item)                                             \
    (const ngx_openzaak_field_t []) {                                        \
        { .name = item, .type = NGX_OZ_STRING, .min_length = 1,              \
          .max_length = 1000, .format = "uri" },                             \
        { .name = NULL } }

#define NGX_OZ_ZTC_RT_STRINGS(item)                                          \
    (const ngx_openzaak_field_t []) {                                        \
        { .name = item, .type = NGX_OZ_STRING }, { .name = NULL } }


static const ngx_openzaak_field_t  ngx_openzaak_ztc_rt_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZTC_URL("resultaattypen"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    NGX_OZ_ZTC_SUB_ZAAKTYPE,

    { .name = "omschrijving", .column = "omschrijving", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 30,
      .description = "Omschrijving van de aard van resultaten van het "
                     "RESULTAATTYPE." },

    { .name = "resultaattypeomschrijving",
      .column = "resultaattypeomschrijving", .type = NGX_OZ_URI,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 1000,
      .description = "Algemeen gehanteerde omschrijving van de aard van "
                     "resultaten van het RESULTAATTYPE. Dit moet een URL-"
                     "referentie zijn naar de referenlijst van generieke "
                     "resultaattypeomschrijvingen." },

    { .name = "omschrijvingGeneriek", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_READONLY, .render = "%a.omschrijving_generiek",
      .description = "Waarde van de omschrijving-generiek referentie "
                     "(attribuut `omschrijving`)" },

    { .name = "selectielijstklasse", .column = "selectielijstklasse",
      .type = NGX_OZ_URI, .flags = NGX_OZ_REQUIRED, .min_length = 1,
      .max_length = 1000,
      .description = "URL-referentie naar de, voor het archiefregime "
                     "bij het RESULTAATTYPE relevante, categorie in de "
                     "Selectielijst Archiefbescheiden (RESULTAAT in de "
                     "Selectielijst API) van de voor het ZAAKTYPE "
                     "verantwoordelijke overheidsorganisatie." },

    { .name = "toelichting", .column = "toelichting", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .description = "Een toelichting op dit RESULTAATTYPE en het belang "
                     "hiervan voor ZAAKen waarin een resultaat van dit "
                     "RESULTAATTYPE wordt geselecteerd." },

    { .name = "archiefnominatie", .column = "archiefnominatie",
      .type = NGX_OZ_ENUM, .flags = NGX_OZ_ENUM_BLANK,
      .enums = ngx_openzaak_ztc_archiefnominatie,
      .description = "Aanduiding die aangeeft of ZAAKen met een resultaat "
                     "van dit RESULTAATTYPE blijvend moeten worden bewaard "
                     "of (op termijn) moeten worden vernietigd." },

    { .name = "archiefactietermijn", .column = "archiefactietermijn",
      .type = NGX_OZ_DURATION, .flags = NGX_OZ_NULLABLE,
      .description = "De termijn, na het vervallen van het "
                     "bedrijfsvoeringsbelang, waarna het zaakdossier (de "
                     "ZAAK met alle bijbehorende INFORMATIEOBJECTen) van een "
                     "ZAAK met een resultaat van dit RESULTAATTYPE vernietigd "
                     "of overgebracht (naar een archiefbewaarplaats) moet "
                     "worden." },

    { .name = "brondatumArchiefprocedure",
      .column = "brondatum_archiefprocedure", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE, .fields = ngx_openzaak_ztc_brondatum,
      .description = "Specificatie voor het bepalen van de brondatum voor "
                     "de start van de Archiefactietermijn (=brondatum) van "
                     "het zaakdossier." },

    { .name = "procesobjectaard", .column = "procesobjectaard",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 200,
      .description = "Omschrijving van het object, subject of gebeurtenis "
                     "waarop, vanuit archiveringsoptiek, het resultaattype "
                     "bij zaken van dit type betrekking heeft." },

    { .name = "indicatieSpecifiek", .column = "indicatie_specifiek",
      .type = NGX_OZ_BOOLEAN, .flags = NGX_OZ_NULLABLE,
      .description = "Aanduiding of het, vanuit archiveringsoptiek, een "
                     "resultaattype betreft dat specifiek is voor een "
                     "bepaalde procesobjectaard." },

    { .name = "procestermijn", .column = "procestermijn",
      .type = NGX_OZ_DURATION, .flags = NGX_OZ_NULLABLE,
      .description = "De periode dat het zaakdossier na afronding van de "
                     "zaak actief gebruikt en/of geraadpleegd wordt ter "
                     "ondersteuning van de taakuitoefening van de "
                     "organisatie." },

    NGX_OZ_ZTC_SUB_CATALOGUS_FIELD,

    { .name = "besluittypen", .column = "besluittypen", .type = NGX_OZ_ARRAY,
      .fields = NGX_OZ_ZTC_RT_KEYS("besluittype"),
      .url = "catalogi/besluittypen",
      .render = NGX_OZ_ZTC_KEYS("besluittype", "omschrijving",
                                NGX_OZ_ZTC_SUB_CATALOGUS, "%a.besluittypen"),
      .description = "Het BESLUITTYPE van besluiten die gepaard gaan met "
                     "resultaten van het RESULTAATTYPE." },

    { .name = "besluittypeOmschrijving", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_READONLY,
      .fields = NGX_OZ_ZTC_RT_STRINGS("omschrijving"),
      .render = "%a.besluittypen",
      .description = "Omschrijving van de aard van BESLUITen van het "
                     "BESLUITTYPE." },

    { .name = "informatieobjecttypen", .column = "informatieobjecttypen",
      .type = NGX_OZ_ARRAY,
      .fields = NGX_OZ_ZTC_RT_KEYS("informatieobjecttype"),
      .url = "catalogi/informatieobjecttypen",
      .render = NGX_OZ_ZTC_KEYS("informatieobjecttype", "omschrijving",
                                NGX_OZ_ZTC_SUB_CATALOGUS,
                                "%a.informatieobjecttypen"),
      .description = "De INFORMATIEOBJECTTYPEn die verplicht aanwezig moeten "
                     "zijn in het zaakdossier van ZAAKen van dit ZAAKTYPE "
                     "voordat een resultaat van dit RESULTAATTYPE kan worden "
                     "gezet." },

    { .name = "informatieobjecttypeOmschrijving", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_READONLY,
      .fields = NGX_OZ_ZTC_RT_STRINGS("omschrijving"),
      .render = "%a.informatieobjecttypen",
      .description = "Omschrijving van de aard van informatieobjecten van "
                     "dit INFORMATIEOBJECTTYPE." },

    NGX_OZ_ZTC_GELDIGHEID(NGX_OZ_NULLABLE),

    NGX_OZ_ZTC_SUB_OBJECT_LIFE("resultaattype", "omschrijving"),

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_ztc_rt_filters[] = {
    NGX_OZ_ZTC_DATUM_GELDIGHEID_FILTER,
    NGX_OZ_ZTC_SUB_STATUS_FILTER,
    NGX_OZ_ZTC_SUB_ZAAKTYPE_FILTERS,
    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_ztc_rt_ops[] = {
    NGX_OZ_ZTC_OPS("resultaattype", "RESULTAATTYPE",
                   ngx_openzaak_ztc_schrijven_forced),
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_constraint_t  ngx_openzaak_ztc_rt_uniques[] = {
    { "resultaattype_zaaktype_omschrijving_key", "nonFieldErrors", "unique",
      "De velden zaaktype, omschrijving moeten een unieke set zijn." },
    { NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_hooks_t  ngx_openzaak_ztc_rt_hooks = {
    .validate = ngx_openzaak_ztc_rt_validate,
    .before = ngx_openzaak_ztc_sub_before,
    .after = ngx_openzaak_ztc_rt_after,
    .fetch = ngx_openzaak_ztc_rt_fetch,
    .rules = 1
};


ngx_openzaak_resource_t  ngx_openzaak_ztc_resultaattype = {
    .path = "resultaattypen",
    .name = "resultaattype",
    .schema = "ResultaatType",
    .table = "catalogi.resultaattype",
    .fields = ngx_openzaak_ztc_rt_fields,
    .filters = ngx_openzaak_ztc_rt_filters,
    .operations = ngx_openzaak_ztc_rt_ops,
    .order = "t.id DESC",
    .constraints = ngx_openzaak_ztc_rt_uniques,
    .hooks = &ngx_openzaak_ztc_rt_hooks,
    .description = "ResultaatType."
};


/*
 * ztc-004..ztc-008: which members of brondatumArchiefprocedure the
 * afleidingswijze needs (r) and which it forbids (e); all violations are
 * reported together.
 */

typedef struct {
    const char  *afleidingswijze;
    const char  *rules;     /* per member: r(equired), e(mpty), -(free) */
} ngx_openzaak_ztc_afl_t;

/* members: datumkenmerk, einddatumBekend, objecttype, registratie,
 * procestermijn */
static const ngx_openzaak_ztc_afl_t  ngx_openzaak_ztc_afl_rules[] = {
    { "afgehandeld",          "eeeee" },
    { "ander_datumkenmerk",   "r-rre" },
    { "eigenschap",           "r-eee" },
    { "gerelateerde_zaak",    "e-eee" },
    { "hoofdzaak",            "e-eee" },
    { "ingangsdatum_besluit", "e-eee" },
    { "termijn",              "eeeer" },
    { "vervaldatum_besluit",  "e-eee" },
    { "zaakobject",           "r-ree" },
    { NULL, NULL }
};

static const char *const  ngx_openzaak_ztc_afl_members[] = {
    "datumkenmerk", "einddatumBekend", "objecttype", "registratie",
    "procestermijn"
};


static ngx_int_t
ngx_openzaak_ztc_rt_validate(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    u_char                        buf[128], *p;
    ngx_str_t                     name;
    ngx_uint_t                    i;
    ngx_flag_t                    set;
    json_object                  *b, *v;
    const char                   *afl;
    const ngx_openzaak_ztc_afl_t *rule;

    if (!json_object_object_get_ex(w->row, "brondatum_archiefprocedure", &b)
        || b == NULL
        || !json_object_object_get_ex(b, "afleidingswijze", &v))
    {
        return NGX_OK;
    }

    afl = json_object_get_string(v);

    for (rule = ngx_openzaak_ztc_afl_rules; rule->afleidingswijze; rule++) {
        if (ngx_strcmp(rule->afleidingswijze, afl) == 0) {
            break;
        }
    }

    if (rule->afleidingswijze == NULL) {
        return NGX_OK;
    }

    for (i = 0; i < 5; i++) {
        set = json_object_object_get_ex(b, ngx_openzaak_ztc_afl_members[i],
                                        &v)
              && v != NULL
              && !(json_object_is_type(v, json_type_string)
                   && json_object_get_string_len(v) == 0)
              && !(json_object_is_type(v, json_type_boolean)
                   && !json_object_get_boolean(v));

        p = ngx_snprintf(buf, sizeof(buf), "brondatumArchiefprocedure.%s",
                         ngx_openzaak_ztc_afl_members[i]);
        name.data = buf;
        name.len = p - buf;

        if (rule->rules[i] == 'e' && set) {
            if (ngx_openzaak_invalidf(ctx, &name, "must-be-empty",
                                      "Dit veld mag geen waarde hebben voor "
                                      "de afleidingswijze `%s`", afl)
                != NGX_OK)
            {
                return NGX_ERROR;
            }

        } else if (rule->rules[i] == 'r' && !set) {
            if (ngx_openzaak_invalidf(ctx, &name, "required",
                                      "Dit veld is verplicht voor de "
                                      "afleidingswijze `%s`", afl)
                != NGX_OK)
            {
                return NGX_ERROR;
            }
        }
    }

    return NGX_OK;
}


static const char *const  ngx_openzaak_ztc_rto_keys[] = {
    "url", "omschrijving", "definitie", NULL
};

static const char *const  ngx_openzaak_ztc_resultaat_keys[] = {
    "url", "procesType", "nummer", "naam", NULL
};


static ngx_int_t
ngx_openzaak_ztc_rt_fetch(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    json_object                  *v;
    ngx_openzaak_ztc_rt_fetch_t  *f;

    f = ngx_pcalloc(ctx->request->pool, sizeof(ngx_openzaak_ztc_rt_fetch_t));
    if (f == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ctx->fetch_data = f;

    if (json_object_object_get_ex(w->row, "resultaattypeomschrijving", &v)) {
        f->omschrijving.url.data = (u_char *) json_object_get_string(v);
        f->omschrijving.url.len = json_object_get_string_len(v);

        if (ngx_openzaak_fetch(ctx, &f->omschrijving) == NGX_ERROR) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
    }

    if (json_object_object_get_ex(w->row, "selectielijstklasse", &v)) {
        f->klasse.url.data = (u_char *) json_object_get_string(v);
        f->klasse.url.len = json_object_get_string_len(v);

        if (ngx_openzaak_fetch(ctx, &f->klasse) == NGX_ERROR) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
    }

    if (f->omschrijving.url.len == 0 && f->klasse.url.len == 0) {
        return NGX_OK;
    }

    return ngx_openzaak_fetch_wait(ctx, ngx_openzaak_ztc_rt_fetched);
}


/* Copies a string member of a fetched resource into the row. */

static void
ngx_openzaak_ztc_rt_copy(json_object *row, const char *column,
    json_object *from, const char *key)
{
    json_object  *v;

    if (json_object_object_get_ex(from, key, &v)
        && json_object_is_type(v, json_type_string))
    {
        json_object_object_add(row, column,
                               json_object_new_string(
                                   json_object_get_string(v)));
    }
}


static ngx_int_t
ngx_openzaak_ztc_rt_fetched(ngx_openzaak_ctx_t *ctx)
{
    json_object                  *v;
    ngx_openzaak_write_t         *w;
    ngx_openzaak_ztc_rt_fetch_t  *f;

    f = ctx->fetch_data;
    w = ngx_openzaak_engine_write_of(ctx);

    if (f->omschrijving.url.len
        && ngx_openzaak_fetch_check(ctx, &f->omschrijving,
                                    "resultaattypeomschrijving",
                                    "ResultaattypeOmschrijvingGeneriek",
                                    ngx_openzaak_ztc_rto_keys)
           == NGX_OK)
    {
        ngx_openzaak_ztc_rt_copy(w->row, "omschrijving_generiek",
                                 f->omschrijving.json, "omschrijving");
    }

    if (f->klasse.url.len
        && ngx_openzaak_fetch_check(ctx, &f->klasse, "selectielijstklasse",
                                    "Resultaat",
                                    ngx_openzaak_ztc_resultaat_keys)
           == NGX_OK)
    {
        ngx_openzaak_ztc_rt_copy(w->row, "selectielijst_procestype",
                                 f->klasse.json, "procesType");
        ngx_openzaak_ztc_rt_copy(w->row, "selectielijst_procestermijn",
                                 f->klasse.json, "procestermijn");

        /* ztc-002: what is not given comes from the selectielijst */

        if (!json_object_object_get_ex(w->row, "archiefnominatie", &v)
            || json_object_get_string_len(v) == 0)
        {
            ngx_openzaak_ztc_rt_copy(w->row, "archiefnominatie",
                                     f->klasse.json, "waardering");
        }

        if (!json_object_object_get_ex(w->row, "archiefactietermijn", &v)
            || v == NULL)
        {
            if (json_object_object_get_ex(f->klasse.json, "bewaartermijn",
                                          &v)
                && json_object_is_type(v, json_type_string)
                && json_object_get_string_len(v)
                && ngx_openzaak_valid_duration(
                       (u_char *) json_object_get_string(v),
                       json_object_get_string_len(v)))
            {
                ngx_openzaak_ztc_rt_copy(w->row, "archiefactietermijn",
                                         f->klasse.json, "bewaartermijn");
            }
        }
    }

    return ngx_openzaak_engine_write_continue(ctx);
}


/* The rules on the stored result (ztc-002, ztc-003). */

static ngx_int_t
ngx_openzaak_ztc_rt_after(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    char  *uuid;

    if (w->kind == NGX_OZ_OP_DELETE) {
        return NGX_OK;
    }

    /* as SQL NULL the uuid would find no resultaattype: no rule checked */
    uuid = (char *) ngx_openzaak_pstrdup0(ctx->request->pool, &w->uuid);
    if (uuid == NULL) {
        return NGX_ERROR;
    }

    return ngx_openzaak_sql_add(w->query, ctx->request->pool,
               "SELECT catalogi.check_resultaattype($1::uuid)", 1, uuid)
           ? NGX_OK : NGX_ERROR;
}
