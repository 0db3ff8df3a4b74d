/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Catalogi API 1.3.1: ZaakType.
 *
 * besluittypen and deelzaaktypen are stored by key (omschrijving and
 * identificatie) and rendered as the URLs of the versions valid on the
 * reference date; gerelateerdeZaaktypen likewise for local zaaktypen.
 * The selectielijstProcestype is fetched from the Selectielijst API.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_catalogi.h"


static ngx_int_t ngx_openzaak_ztc_zaaktype_fetch(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_ztc_zaaktype_fetched(ngx_openzaak_ctx_t *ctx);


static const char *const  ngx_openzaak_ztc_intern_extern[] = {
    "intern", "extern", NULL
};

static const char *const  ngx_openzaak_ztc_aard_relatie[] = {
    "vervolg", "bijdrage", "onderwerp", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_ztc_referentieproces[] = {
    { .name = "naam", .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED,
      .min_length = 1, .max_length = 80,
      .description = "De naam van het Referentieproces." },
    { .name = "link", .type = NGX_OZ_URI, .flags = NGX_OZ_BLANK,
      .max_length = 200,
      .description = "De URL naar de beschrijving van het "
                     "Referentieproces" },
    { .name = NULL }
};

static const ngx_openzaak_field_t  ngx_openzaak_ztc_broncatalogus[] = {
    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_REQUIRED,
      .max_length = 200,
      .description = "URL-referentie naar de CATALOGUS." },
    { .name = "domein", .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED,
      .min_length = 1, .max_length = 5,
      .check = ngx_openzaak_check_uppercase,
      .description = "Het domein van de CATALOGUS waaraan het ZAAKTYPE is "
                     "ontleend." },
    { .name = "rsin", .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED,
      .min_length = 9, .max_length = 9, .check = ngx_openzaak_check_rsin,
      .description = "Het RSIN van de INGESCHREVEN NIET-NATUURLIJK PERSOON "
                     "die beheerder is van de CATALOGUS waaraan het "
                     "ZAAKTYPE is ontleend." },
    { .name = NULL }
};

static const ngx_openzaak_field_t  ngx_openzaak_ztc_bronzaaktype[] = {
    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_REQUIRED,
      .max_length = 200,
      .description = "URL-referentie naar het ZAAKTYPE." },
    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 50,
      .description = "De Zaaktype-identificatie van het bronzaaktype "
                     "binnen de CATALOGUS." },
    { .name = "omschrijving", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 80,
      .description = "De Zaaktype-omschrijving van het bronzaaktype, zoals "
                     "gehanteerd binnen de CATALOGUS." },
    { .name = NULL }
};

static const ngx_openzaak_field_t  ngx_openzaak_ztc_zaaktypenrelatie[] = {
    { .name = "zaaktype", .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED,
      .min_length = 1, .max_length = 200, .format = "uri",
      .render = "coalesce($1 || '/catalogi/api/v1/zaaktypen/' || ("
                NGX_OZ_ZTC_VERSION("vo.uuid", "zaaktype", "identificatie",
                                   "t.catalogus", "(%a->>'zaaktype')")
                "), %a->>'zaaktype')",
      .description = "URL referentie naar het gerelateerde zaaktype, "
                     "mogelijks in een extern ZTC." },
    { .name = "aardRelatie", .type = NGX_OZ_ENUM, .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_ztc_aard_relatie,
      .description = "Omschrijving van de aard van de relatie van zaken van "
                     "het ZAAKTYPE tot zaken van het andere ZAAKTYPE" },
    { .name = "toelichting", .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK,
      .max_length = 255, .dflt = "\"\"",
      .description = "Een toelichting op de aard van de relatie tussen beide "
                     "ZAAKTYPEN." },
    { .name = NULL }
};


#define NGX_OZ_ZTC_STRINGS(item, max)                                        \
    (const ngx_openzaak_field_t []) {                                        \
        { .name = item, .type = NGX_OZ_STRING, .min_length = 1,              \
          .max_length = max },                                               \
        { .name = NULL } }

#define NGX_OZ_ZTC_URIS(item)                                                \
    (const ngx_openzaak_field_t []) {                                        \
        { .name = item, .type = NGX_OZ_URI }, { .name = NULL } }

#define NGX_OZ_ZTC_REVERSE(field, table, order, desc)                        \
    { .name = field, .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,         \
      .fields = NGX_OZ_ZTC_URIS(field),                                      \
      .url = "catalogi/" field,                                               \
      .render = "ARRAY(SELECT x.uuid"                                        \
                " FROM catalogi." table " x WHERE x.zaaktype = %a.uuid"      \
                " ORDER BY " order ")",                                      \
      .description = desc }


static const ngx_openzaak_field_t  ngx_openzaak_ztc_zaaktype_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZTC_URL("zaaktypen"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "identificatie", .column = "identificatie",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 50,
      .description = "Unieke identificatie van het ZAAKTYPE binnen de "
                     "CATALOGUS waarin het ZAAKTYPE voorkomt." },

    { .name = "omschrijving", .column = "omschrijving", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 80,
      .description = "Omschrijving van de aard van ZAAKen van het "
                     "ZAAKTYPE." },

    { .name = "omschrijvingGeneriek", .column = "omschrijving_generiek",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 80,
      .description = "Algemeen gehanteerde omschrijving van de aard van "
                     "ZAAKen van het ZAAKTYPE" },

    { .name = "vertrouwelijkheidaanduiding",
      .column = "vertrouwelijkheidaanduiding", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED, .enums = ngx_openzaak_va_enum,
      .description = "Aanduiding van de mate waarin zaakdossiers van ZAAKen "
                     "van dit ZAAKTYPE voor de openbaarheid bestemd zijn." },

    { .name = "doel", .column = "doel", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1,
      .description = "Een omschrijving van hetgeen beoogd is te bereiken met "
                     "een zaak van dit zaaktype." },

    { .name = "aanleiding", .column = "aanleiding", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1,
      .description = "Een omschrijving van de gebeurtenis die leidt tot het "
                     "starten van een ZAAK van dit ZAAKTYPE." },

    { .name = "toelichting", .column = "toelichting", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .description = "Een eventuele toelichting op dit zaaktype, zoals een "
                     "beschrijving van het procesverloop op de hoofdlijnen." },

    { .name = "indicatieInternOfExtern",
      .column = "indicatie_intern_of_extern", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED, .enums = ngx_openzaak_ztc_intern_extern,
      .description = "Een aanduiding waarmee onderscheid wordt gemaakt "
                     "tussen ZAAKTYPEn die Intern respectievelijk Extern "
                     "geïnitieerd worden." },

    { .name = "handelingInitiator", .column = "handeling_initiator",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED, .min_length = 1,
      .max_length = 20,
      .description = "Werkwoord dat hoort bij de handeling die de initiator "
                     "verricht bij dit zaaktype." },

    { .name = "onderwerp", .column = "onderwerp", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 80,
      .description = "De naam van de aanleiding of het onderwerp van ZAAKen "
                     "van dit ZAAKTYPE." },

    { .name = "handelingBehandelaar", .column = "handeling_behandelaar",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED, .min_length = 1,
      .max_length = 20,
      .description = "Werkwoord dat hoort bij de handeling die de "
                     "behandelaar verricht bij het afdoen van ZAAKen van "
                     "dit ZAAKTYPE." },

    { .name = "doorlooptijd", .column = "doorlooptijd",
      .type = NGX_OZ_DURATION, .flags = NGX_OZ_REQUIRED,
      .description = "De periode waarbinnen volgens wet- en regelgeving een "
                     "ZAAK van het ZAAKTYPE afgerond dient te zijn, in "
                     "kalenderdagen." },

    { .name = "servicenorm", .column = "servicenorm",
      .type = NGX_OZ_DURATION, .flags = NGX_OZ_NULLABLE,
      .check = ngx_openzaak_check_nonzero_duration,
      .description = "De periode waarbinnen verwacht wordt dat een ZAAK van "
                     "het ZAAKTYPE afgerond wordt conform de geldende "
                     "servicenormen van de zaakbehandelende organisatie(s)." },

    { .name = "opschortingEnAanhoudingMogelijk",
      .column = "opschorting_en_aanhouding_mogelijk",
      .type = NGX_OZ_BOOLEAN, .flags = NGX_OZ_REQUIRED,
      .description = "Aanduiding die aangeeft of ZAAKen van dit mogelijk "
                     "ZAAKTYPE kunnen worden opgeschort en/of aangehouden." },

    { .name = "verlengingMogelijk", .column = "verlenging_mogelijk",
      .type = NGX_OZ_BOOLEAN, .flags = NGX_OZ_REQUIRED,
      .description = "Aanduiding die aangeeft of de Doorlooptijd behandeling "
                     "van ZAAKen van dit ZAAKTYPE kan worden verlengd." },

    { .name = "verlengingstermijn", .column = "verlengingstermijn",
      .type = NGX_OZ_DURATION, .flags = NGX_OZ_NULLABLE,
      .description = "De termijn in dagen waarmee de Doorlooptijd "
                     "behandeling van ZAAKen van dit ZAAKTYPE kan worden "
                     "verlengd. Mag alleen een waarde bevatten als "
                     "verlenging mogelijk is." },

    { .name = "trefwoorden", .column = "trefwoorden", .type = NGX_OZ_ARRAY,
      .fields = NGX_OZ_ZTC_STRINGS("trefwoord", 30),
      .description = "Een trefwoord waarmee ZAAKen van het ZAAKTYPE kunnen "
                     "worden gekarakteriseerd." },

    { .name = "publicatieIndicatie", .column = "publicatie_indicatie",
      .type = NGX_OZ_BOOLEAN, .flags = NGX_OZ_REQUIRED,
      .description = "Aanduiding of (het starten van) een ZAAK dit ZAAKTYPE "
                     "gepubliceerd moet worden." },

    { .name = "publicatietekst", .column = "publicatietekst",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK,
      .description = "De generieke tekst van de publicatie van ZAAKen van "
                     "dit ZAAKTYPE." },

    { .name = "verantwoordingsrelatie", .column = "verantwoordingsrelatie",
      .type = NGX_OZ_ARRAY,
      .fields = NGX_OZ_ZTC_STRINGS("verantwoordingsrelatie", 40),
      .description = "De relatie tussen ZAAKen van dit ZAAKTYPE en de "
                     "beleidsmatige en/of financiële verantwoording." },

    { .name = "productenOfDiensten", .column = "producten_of_diensten",
      .type = NGX_OZ_ARRAY, .flags = NGX_OZ_REQUIRED,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "productOfDienst", .type = NGX_OZ_URI, .min_length = 1,
            .max_length = 1000 },
          { .name = NULL } },
      .description = "Het product of de dienst die door ZAAKen van dit "
                     "ZAAKTYPE wordt voortgebracht." },

    { .name = "selectielijstProcestype", .column = "selectielijst_procestype",
      .type = NGX_OZ_URI, .flags = NGX_OZ_BLANK, .max_length = 200,
      .description = "URL-referentie naar een vanuit archiveringsoptiek "
                     "onderkende groep processen met dezelfde kenmerken "
                     "(PROCESTYPE in de Selectielijst API)." },

    { .name = "referentieproces", .column = "referentieproces",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_REQUIRED,
      .fields = ngx_openzaak_ztc_referentieproces,
      .description = "Het Referentieproces dat ten grondslag ligt aan dit "
                     "ZAAKTYPE." },

    { .name = "concept", .type = NGX_OZ_BOOLEAN, .flags = NGX_OZ_READONLY,
      .render = "%a.concept",
      .description = "Geeft aan of het object een concept betreft. Concepten "
                     "zijn niet-definitieve versies en zouden niet gebruikt "
                     "moeten worden buiten deze API." },

    { .name = "verantwoordelijke", .column = "verantwoordelijke",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED, .min_length = 1,
      .max_length = 50,
      .description = "De (soort) organisatorische eenheid of (functie van) "
                     "medewerker die verantwoordelijk is voor de uitvoering "
                     "van zaken van het ZAAKTYPE." },

    { .name = "broncatalogus", .column = "broncatalogus",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_ztc_broncatalogus,
      .description = "De CATALOGUS waaraan het ZAAKTYPE is ontleend." },

    { .name = "bronzaaktype", .column = "bronzaaktype",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_ztc_bronzaaktype,
      .description = "Het zaaktype binnen de CATALOGUS waaraan dit ZAAKTYPE "
                     "is ontleend." },

    NGX_OZ_ZTC_GELDIGHEID(NGX_OZ_REQUIRED),

    { .name = "versiedatum", .column = "versiedatum", .type = NGX_OZ_DATE,
      .flags = NGX_OZ_REQUIRED,
      .description = "De datum waarop de (gewijzigde) kenmerken van het "
                     "ZAAKTYPE geldig zijn geworden" },

    NGX_OZ_ZTC_OBJECT_LIFE("zaaktype", "identificatie"),

    { .name = "catalogus", .column = "catalogus", .type = NGX_OZ_REF,
      .flags = NGX_OZ_REQUIRED, .ref = "catalogi/catalogussen",
      .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar de CATALOGUS waartoe dit ZAAKTYPE "
                     "behoort." },

    NGX_OZ_ZTC_REVERSE("statustypen", "statustype", "x.volgnummer",
                       "URL-referenties naar de STATUSTYPEN die mogelijk "
                       "zijn binnen dit ZAAKTYPE."),

    NGX_OZ_ZTC_REVERSE("resultaattypen", "resultaattype", "x.id",
                       "URL-referenties naar de RESULTAATTYPEN die mogelijk "
                       "zijn binnen dit ZAAKTYPE."),

    NGX_OZ_ZTC_REVERSE("eigenschappen", "eigenschap", "x.id",
                       "URL-referenties naar de EIGENSCHAPPEN die aanwezig "
                       "moeten zijn in ZAKEN van dit ZAAKTYPE."),

    { .name = "informatieobjecttypen", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_READONLY,
      .fields = NGX_OZ_ZTC_URIS("informatieobjecttype"),
      .url = "catalogi/informatieobjecttypen",
      .render = "ARRAY(SELECT o.uuid FROM (SELECT r.informatieobjecttype"
                " AS oms, min(r.volgnummer) AS first"
                " FROM catalogi.zaaktypeinformatieobjecttype r"
                " WHERE r.zaaktype = %a.uuid GROUP BY r.informatieobjecttype)"
                " k CROSS JOIN LATERAL (" NGX_OZ_ZTC_VERSION(
                    "vo.uuid", "informatieobjecttype", "omschrijving",
                    "%a.catalogus", "k.oms") ") o ORDER BY k.first)",
      .description = "URL-referenties naar de INFORMATIEOBJECTTYPEN die "
                     "mogelijk zijn binnen dit ZAAKTYPE." },

    NGX_OZ_ZTC_REVERSE("roltypen", "roltype", "x.id",
                       "URL-referenties naar de ROLTYPEN die mogelijk zijn "
                       "binnen dit ZAAKTYPE."),

    { .name = "besluittypen", .column = "besluittypen", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_REQUIRED,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "besluittype", .type = NGX_OZ_STRING, .min_length = 1,
            .format = "uri" },
          { .name = NULL } },
      .url = "catalogi/besluittypen",
      .render = NGX_OZ_ZTC_KEYS("besluittype", "omschrijving", "%a.catalogus",
                                "%a.besluittypen"),
      .description = "URL-referenties naar de BESLUITTYPEN die mogelijk zijn "
                     "binnen dit ZAAKTYPE." },

    { .name = "deelzaaktypen", .column = "deelzaaktypen",
      .type = NGX_OZ_ARRAY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "deelzaaktype", .type = NGX_OZ_STRING, .min_length = 1,
            .max_length = 1000, .format = "uri" },
          { .name = NULL } },
      .url = "catalogi/zaaktypen",
      .render = NGX_OZ_ZTC_KEYS("zaaktype", "identificatie", "%a.catalogus",
                                "%a.deelzaaktypen"),
      .description = "De ZAAKTYPE(n) waaronder ZAAKen als deelzaak kunnen "
                     "voorkomen bij ZAAKen van dit ZAAKTYPE." },

    { .name = "gerelateerdeZaaktypen", .column = "gerelateerde_zaaktypen",
      .type = NGX_OZ_ARRAY, .flags = NGX_OZ_REQUIRED,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "ZaakTypenRelatie", .type = NGX_OZ_OBJECT,
            .fields = ngx_openzaak_ztc_zaaktypenrelatie },
          { .name = NULL } },
      .description = "De ZAAKTYPEn van zaken die relevant zijn voor zaken "
                     "van dit ZAAKTYPE." },

    NGX_OZ_ZTC_REVERSE("zaakobjecttypen", "zaakobjecttype", "x.id",
                       "URL-referenties naar de ZAAKOBJECTTYPEN die mogelijk "
                       "zijn binnen dit ZAAKTYPE."),

    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_ztc_zaaktype_filters[] = {

    { .name = "catalogus", .type = NGX_OZ_REF, .ref = "catalogi/catalogussen",
      .sql = "t.catalogus = $?::uuid",
      .description = "URL-referentie naar de CATALOGUS waartoe dit ZAAKTYPE "
                     "behoort." },

    NGX_OZ_ZTC_DATUM_GELDIGHEID_FILTER,

    { .name = "identificatie", .type = NGX_OZ_STRING,
      .sql = "t.identificatie = $?::text",
      .description = "Unieke identificatie van het ZAAKTYPE binnen de "
                     "CATALOGUS waarin het ZAAKTYPE voorkomt." },

    { .name = "identificatie__icontains", .type = NGX_OZ_STRING,
      .sql = "strpos(lower(t.identificatie), lower($?::text)) > 0",
      .description = "Unieke identificatie van het ZAAKTYPE binnen de "
                     "CATALOGUS waarin het ZAAKTYPE voorkomt." },

    { .name = "omschrijving__icontains", .type = NGX_OZ_STRING,
      .sql = "strpos(lower(t.omschrijving), lower($?::text)) > 0",
      .description = "Omschrijving van de aard van ZAAKen van het "
                     "ZAAKTYPE." },

    { .name = "status", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_ztc_status_enum,
      .sql = "CASE $?::text WHEN 'alles' THEN true"
             " WHEN 'concept' THEN t.concept ELSE NOT t.concept END",
      .absent_sql = "NOT t.concept",
      .description = "Filter objecten op hun concept status:\n\n"
                     "* `alles` - Alles\n* `concept` - Concept\n"
                     "* `definitief` - Definitief" },

    { .name = "trefwoorden", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_FILTER_CSV,
      .sql = "t.trefwoorden @> string_to_array($?::text, ',')",
      .description = "Meerdere waarden kunnen gescheiden worden door "
                     "komma's." },

    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_ztc_zaaktype_ops[] = {
    NGX_OZ_ZTC_TYPE_OPS("zaaktype", "ZAAKTYPE"),
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_hooks_t  ngx_openzaak_ztc_zaaktype_hooks = {
    .before = ngx_openzaak_ztc_type_before,
    .after = ngx_openzaak_ztc_type_after,
    .fetch = ngx_openzaak_ztc_zaaktype_fetch
};


ngx_openzaak_resource_t  ngx_openzaak_ztc_zaaktype = {
    .path = "zaaktypen",
    .name = "zaaktype",
    .schema = "ZaakType",
    .table = "catalogi.zaaktype",
    .fields = ngx_openzaak_ztc_zaaktype_fields,
    .filters = ngx_openzaak_ztc_zaaktype_filters,
    .operations = ngx_openzaak_ztc_zaaktype_ops,
    .order = "t.id DESC",
    .kanaal = "zaaktypen",
    .kenmerken = ngx_openzaak_ztc_kenmerken,
    .hooks = &ngx_openzaak_ztc_zaaktype_hooks,
    .description = "ZaakType."
};


/* ztc-001: the selectielijstProcestype is a Procestype of the Selectielijst
 * API; its year is kept with the zaaktype. */

static const char *const  ngx_openzaak_ztc_procestype_keys[] = {
    "url", "nummer", "jaar", "naam", NULL
};


static ngx_int_t
ngx_openzaak_ztc_zaaktype_fetch(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w)
{
    ngx_int_t              rc;
    json_object           *v;
    ngx_openzaak_fetch_t  *f;

    if (!json_object_object_get_ex(w->row, "selectielijst_procestype", &v)
        || json_object_get_string_len(v) == 0)
    {
        return NGX_OK;
    }

    f = ngx_pcalloc(ctx->request->pool, sizeof(ngx_openzaak_fetch_t));
    if (f == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    f->url.data = (u_char *) json_object_get_string(v);
    f->url.len = json_object_get_string_len(v);

    ctx->fetch_data = f;

    rc = ngx_openzaak_fetch(ctx, f);

    if (rc == NGX_ERROR) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    return ngx_openzaak_fetch_wait(ctx, ngx_openzaak_ztc_zaaktype_fetched);
}


static ngx_int_t
ngx_openzaak_ztc_zaaktype_fetched(ngx_openzaak_ctx_t *ctx)
{
    json_object           *jaar;
    ngx_openzaak_fetch_t  *f;
    ngx_openzaak_write_t  *w;

    f = ctx->fetch_data;
    w = ngx_openzaak_engine_write_of(ctx);

    if (ngx_openzaak_fetch_check(ctx, f, "selectielijstProcestype",
                                 "ProcesType",
                                 ngx_openzaak_ztc_procestype_keys)
        == NGX_OK
        && json_object_object_get_ex(f->json, "jaar", &jaar)
        && json_object_is_type(jaar, json_type_int))
    {
        json_object_object_add(w->row, "selectielijst_procestype_jaar",
                               json_object_new_int64(
                                   json_object_get_int64(jaar)));
    }

    return ngx_openzaak_engine_write_continue(ctx);
}
