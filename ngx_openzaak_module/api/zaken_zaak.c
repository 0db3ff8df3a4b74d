/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: Zaak.
 *
 * The defaults Open Zaak derives on create (identificatie, the
 * vertrouwelijkheidaanduiding and the planned dates of the zaaktype) are
 * set by the table's trigger, in the write's transaction; the rules that
 * need stored data (a published zaaktype, the hoofdzaak, the products of
 * the zaaktype) are checked by zaken.check_zaak() before the row is
 * written, and answered together (sql/0009_zaken_rules.sql).
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


static ngx_int_t ngx_openzaak_zrc_zaak_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_zrc_zaak_fetch(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_zrc_zaak_fetched(ngx_openzaak_ctx_t *ctx);


/* the remote resources a zaak names, fetched to check them (zrc-010) */
typedef struct {
    ngx_openzaak_fetch_t   kanaal;
    ngx_openzaak_fetch_t   klasse;
} ngx_openzaak_zrc_zaak_fetch_t;


static const char *const  ngx_openzaak_zrc_kanaal_keys[] = {
    "url", "naam", "omschrijving", NULL
};

static const char *const  ngx_openzaak_zrc_resultaat_keys[] = {
    "url", "procesType", "nummer", "naam", NULL
};


static const char *const  ngx_openzaak_zrc_betalingsindicatie_enum[] = {
    "nvt", "gefactureerd", "gecrediteerd", "betaald", "nog_niet",
    "gedeeltelijk", "geheel", NULL
};

static const char *const  ngx_openzaak_zrc_archiefnominatie_enum[] = {
    "blijvend_bewaren", "vernietigen", NULL
};

static const char *const  ngx_openzaak_zrc_archiefstatus_enum[] = {
    "nog_te_archiveren", "gearchiveerd",
    "gearchiveerd_procestermijn_onbekend", "overgedragen", NULL
};

static const char *const  ngx_openzaak_zrc_aard_relatie_enum[] = {
    "vervolg", "onderwerp", "bijdrage", "overig", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_verlenging[] = {
    { .name = "reden", .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED,
      .min_length = 1, .max_length = 200,
      .description = "Omschrijving van de reden voor het verlengen van de "
                     "behandeling van de zaak." },
    { .name = "duur", .type = NGX_OZ_DURATION,
      .flags = NGX_OZ_REQUIRED|NGX_OZ_NULLABLE,
      .description = "Het aantal werkbare dagen waarmee de doorlooptijd van "
                     "de behandeling van de ZAAK is verlengd (of verkort) "
                     "ten opzichte van de eerder gecommuniceerde "
                     "doorlooptijd." },
    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_opschorting[] = {
    { .name = "indicatie", .type = NGX_OZ_BOOLEAN, .flags = NGX_OZ_REQUIRED,
      .description = "Aanduiding of de behandeling van de ZAAK tijdelijk is "
                     "opgeschort." },
    { .name = "eerdereOpschorting", .type = NGX_OZ_BOOLEAN,
      .flags = NGX_OZ_READONLY,
      .description = "Aanduiding of de behandeling van de ZAAK in het "
                     "verleden is opgeschort." },
    { .name = "reden", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED|NGX_OZ_BLANK, .max_length = 200,
      .description = "Omschrijving van de reden voor het opschorten van de "
                     "behandeling van de zaak." },
    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_relevante_zaak[] = {
    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_REQUIRED,
      .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar de ZAAK." },
    { .name = "aardRelatie", .type = NGX_OZ_ENUM, .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_zrc_aard_relatie_enum,
      .description = "Benamingen van de aard van de relaties van andere "
                     "zaken tot (onderhanden) zaken." },
    { .name = "overigeRelatie", .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK,
      .max_length = 100, .dflt = "\"\"",
      .description = "Naam van de overige relatie." },
    { .name = "toelichting", .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK,
      .max_length = 255, .dflt = "\"\"",
      .description = "Een toelichting op de aard van de relatie tussen beide "
                     "ZAKEN." },
    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_gerelateerde_zaak[] = {
    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_REQUIRED,
      .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar de ZAAK." },
    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_kenmerk[] = {
    { .name = "kenmerk", .column = "kenmerk", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 40,
      .description = "Identificeert uniek de zaak in een andere "
                     "administratie." },
    { .name = "bron", .column = "bron", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 40,
      .description = "De aanduiding van de administratie waar het kenmerk "
                     "bekend is." },
    { .name = NULL }
};


static const ngx_openzaak_child_t  ngx_openzaak_zrc_kenmerk_child = {
    "zaken.zaakkenmerk", "zaak", "position"
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_processobject[] = {
    { .name = "datumkenmerk", .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED,
      .min_length = 1, .max_length = 250,
      .description = "De naam van de attribuutsoort van het procesobject dat "
                     "bepalend is voor het einde van de procestermijn." },
    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 1, .max_length = 250,
      .description = "De unieke aanduiding van het procesobject." },
    { .name = "objecttype", .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED,
      .min_length = 1, .max_length = 250,
      .description = "Het soort object dat het procesobject representeert." },
    { .name = "registratie", .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED,
      .min_length = 1, .max_length = 250,
      .description = "De naam van de registratie waarvan het procesobject "
                     "deel uit maakt." },
    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_zaak_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZRC_URL("zaken"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "uuid", .column = "uuid", .type = NGX_OZ_UUID,
      .flags = NGX_OZ_READONLY,
      .description = "Unieke resource identifier (UUID4)" },

    { .name = "identificatie", .column = "identificatie",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK|NGX_OZ_IMMUTABLE,
      .max_length = 40,
      .description = "De unieke identificatie van de ZAAK binnen de "
                     "organisatie die verantwoordelijk is voor de "
                     "behandeling van de ZAAK." },

    { .name = "bronorganisatie", .column = "bronorganisatie",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_REQUIRED,
      .min_length = 9, .max_length = 9, .check = ngx_openzaak_check_rsin,
      .description = "Het RSIN van de Niet-natuurlijk persoon zijnde de "
                     "organisatie die de zaak heeft gecreeerd. Dit moet een "
                     "geldig RSIN zijn van 9 nummers en voldoen aan "
                     "https://nl.wikipedia.org/wiki/Burgerservicenummer#11-"
                     "proef" },

    { .name = "omschrijving", .column = "omschrijving", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 80,
      .description = "Een korte omschrijving van de zaak." },

    { .name = "toelichting", .column = "toelichting", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 1000,
      .description = "Een toelichting op de zaak." },

    { .name = "zaaktype", .column = "zaaktype", .type = NGX_OZ_REF,
      .flags = NGX_OZ_REQUIRED|NGX_OZ_IMMUTABLE, .ref = "catalogi/zaaktypen",
      .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar het ZAAKTYPE (in de Catalogi "
                     "API)." },

    { .name = "registratiedatum", .column = "registratiedatum",
      .type = NGX_OZ_DATE,
      .description = "De datum waarop de zaakbehandelende organisatie de "
                     "ZAAK heeft geregistreerd. Indien deze niet opgegeven "
                     "wordt, wordt de datum van vandaag gebruikt." },

    { .name = "verantwoordelijkeOrganisatie",
      .column = "verantwoordelijke_organisatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED, .min_length = 9, .max_length = 9,
      .check = ngx_openzaak_check_rsin,
      .description = "Het RSIN van de Niet-natuurlijk persoon zijnde de "
                     "organisatie die eindverantwoordelijk is voor de "
                     "behandeling van de zaak. Dit moet een geldig RSIN zijn "
                     "van 9 nummers en voldoen aan "
                     "https://nl.wikipedia.org/wiki/Burgerservicenummer#11-"
                     "proef" },

    { .name = "startdatum", .column = "startdatum", .type = NGX_OZ_DATE,
      .flags = NGX_OZ_REQUIRED,
      .description = "De datum waarop met de uitvoering van de zaak is "
                     "gestart" },

    { .name = "einddatum", .column = "einddatum", .type = NGX_OZ_DATE,
      .flags = NGX_OZ_READONLY|NGX_OZ_NULLABLE,
      .description = "De datum waarop de uitvoering van de zaak afgerond "
                     "is." },

    { .name = "einddatumGepland", .column = "einddatum_gepland",
      .type = NGX_OZ_DATE, .flags = NGX_OZ_NULLABLE,
      .description = "De datum waarop volgens de planning verwacht wordt dat "
                     "de zaak afgerond wordt." },

    { .name = "uiterlijkeEinddatumAfdoening",
      .column = "uiterlijke_einddatum_afdoening", .type = NGX_OZ_DATE,
      .flags = NGX_OZ_NULLABLE,
      .description = "De laatste datum waarop volgens wet- en regelgeving de "
                     "zaak afgerond dient te zijn." },

    { .name = "publicatiedatum", .column = "publicatiedatum",
      .type = NGX_OZ_DATE, .flags = NGX_OZ_NULLABLE,
      .description = "Datum waarop (het starten van) de zaak gepubliceerd "
                     "is of wordt." },

    { .name = "laatstGemuteerd", .column = "laatst_gemuteerd",
      .type = NGX_OZ_DATETIME, .flags = NGX_OZ_READONLY,
      .description = "De datum en tijd waarop de zaak voor het laatst "
                     "gewijzigd is." },

    { .name = "laatstGeopend", .column = "laatst_geopend",
      .type = NGX_OZ_DATETIME, .flags = NGX_OZ_NULLABLE,
      .description = "De datum en tijd waarop de zaak voor het laatst "
                     "geopend is." },

    { .name = "communicatiekanaal", .column = "communicatiekanaal",
      .type = NGX_OZ_URI, .flags = NGX_OZ_BLANK, .max_length = 1000,
      .description = "Het medium waarlangs de aanleiding om een zaak te "
                     "starten is ontvangen. URL naar een communicatiekanaal "
                     "in de VNG-Referentielijst van communicatiekanalen." },

    { .name = "communicatiekanaalNaam", .column = "communicatiekanaal_naam",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 250,
      .description = "De naam van het medium waarlangs de aanleiding om een "
                     "zaak te starten is ontvangen." },

    { .name = "productenOfDiensten", .column = "producten_of_diensten",
      .type = NGX_OZ_ARRAY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "productOfDienst", .type = NGX_OZ_URI,
            .max_length = 1000 },
          { .name = NULL } },
      .description = "De producten en/of diensten die door de zaak worden "
                     "voortgebracht. Dit zijn URLs naar de resources zoals "
                     "die door de producten- en dienstencatalogus-API wordt "
                     "ontsloten. De producten/diensten moeten bij het "
                     "zaaktype vermeld zijn." },

    { .name = "vertrouwelijkheidaanduiding",
      .column = "vertrouwelijkheidaanduiding", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_va_enum,
      .description = "Aanduiding van de mate waarin het zaakdossier van de "
                     "ZAAK voor de openbaarheid bestemd is. Optioneel - "
                     "indien geen waarde gekozen wordt, dan wordt de waarde "
                     "van het ZAAKTYPE overgenomen." },

    { .name = "betalingsindicatie", .column = "betalingsindicatie",
      .type = NGX_OZ_ENUM, .flags = NGX_OZ_ENUM_BLANK,
      .enums = ngx_openzaak_zrc_betalingsindicatie_enum,
      .description = "Indicatie of de, met behandeling van de zaak gemoeide, "
                     "kosten betaald zijn door de desbetreffende betrokkene."
    },

    { .name = "betalingsindicatieWeergave", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_READONLY,
      .render = "CASE %a.betalingsindicatie"
                " WHEN 'nvt' THEN 'Er is geen sprake van te betalen,"
                " met de zaak gemoeide, kosten.'"
                " WHEN 'gefactureerd' THEN 'Gefactureerd.'"
                " WHEN 'gecrediteerd' THEN 'Gecrediteerd.'"
                " WHEN 'betaald' THEN 'Betaald.'"
                " WHEN 'nog_niet' THEN 'De met de zaak gemoeide kosten zijn"
                " (nog) niet betaald.'"
                " WHEN 'gedeeltelijk' THEN 'De met de zaak gemoeide kosten"
                " zijn gedeeltelijk betaald.'"
                " WHEN 'geheel' THEN 'De met de zaak gemoeide kosten zijn"
                " geheel betaald.'"
                " ELSE '' END",
      .description = "Uitleg bij `betalingsindicatie`." },

    { .name = "laatsteBetaaldatum", .column = "laatste_betaaldatum",
      .type = NGX_OZ_DATETIME, .flags = NGX_OZ_NULLABLE,
      .description = "De datum waarop de meest recente betaling is verwerkt "
                     "van kosten die gemoeid zijn met behandeling van de "
                     "zaak." },

    { .name = "zaakgeometrie", .column = "zaakgeometrie",
      .type = NGX_OZ_GEOMETRY, .flags = NGX_OZ_NULLABLE,
      .render = "ST_AsGeoJSON(%a.zaakgeometrie)",
      .description = "Punt, lijn of (multi-)vlak geometrie-informatie, in "
                     "GeoJSON." },

    { .name = "verlenging", .column = "verlenging", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE, .fields = ngx_openzaak_zrc_verlenging,
      .description = "Gegevens omtrent het verlengen van de doorlooptijd "
                     "van de behandeling van de ZAAK" },

    { .name = "opschorting", .column = "opschorting", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE, .fields = ngx_openzaak_zrc_opschorting,
      .description = "Gegevens omtrent het tijdelijk opschorten van de "
                     "behandeling van de ZAAK" },

    { .name = "selectielijstklasse", .column = "selectielijstklasse",
      .type = NGX_OZ_URI, .flags = NGX_OZ_BLANK, .max_length = 1000,
      .description = "URL-referentie naar de categorie in de gehanteerde "
                     "'Selectielijst Archiefbescheiden' die, gezien het "
                     "zaaktype en het resultaattype van de zaak, bepalend is "
                     "voor het archiefregime van de zaak." },

    { .name = "hoofdzaak", .column = "hoofdzaak", .type = NGX_OZ_REF,
      .flags = NGX_OZ_NULLABLE, .ref = "zaken/zaken",
      .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar de ZAAK, waarom verzocht is door "
                     "de initiator daarvan, die behandeld wordt in twee of "
                     "meer separate ZAAKen waarvan de onderhavige ZAAK er "
                     "één is." },

    { .name = "deelzaken", .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "deelzaak", .type = NGX_OZ_URI }, { .name = NULL } },
      .url = "zaken/zaken",
      .render = "ARRAY(SELECT d.uuid FROM zaken.zaak d"
                " WHERE d.hoofdzaak = %a.uuid ORDER BY d.id)",
      .description = "URL-referenties naar deel ZAAKen." },

    { .name = "relevanteAndereZaken", .column = "relevante_andere_zaken",
      .type = NGX_OZ_ARRAY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "RelevanteZaak", .type = NGX_OZ_OBJECT,
            .fields = ngx_openzaak_zrc_relevante_zaak },
          { .name = NULL } },
      .description = "Een lijst van relevante andere zaken." },

    { .name = "gerelateerdeZaken", .column = "gerelateerde_zaken",
      .type = NGX_OZ_ARRAY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "GerelateerdeZaak", .type = NGX_OZ_OBJECT,
            .fields = ngx_openzaak_zrc_gerelateerde_zaak },
          { .name = NULL } },
      .description = "Een lijst van gerelateerde zaken." },

    { .name = "eigenschappen", .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "eigenschap", .type = NGX_OZ_URI }, { .name = NULL } },
      .url = "zaken/zaken",
      .render = "ARRAY(SELECT e.zaak || '/zaakeigenschappen/' || e.uuid"
                " FROM zaken.zaakeigenschap e WHERE e.zaak = %a.uuid"
                " ORDER BY e.id)",
      .description = "URL-referenties naar ZAAKEIGENSCHAPpen." },

    { .name = "rollen", .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "rol", .type = NGX_OZ_URI }, { .name = NULL } },
      .url = "zaken/rollen",
      .render = "ARRAY(SELECT r.uuid FROM zaken.rol r"
                " WHERE r.zaak = %a.uuid ORDER BY r.id)",
      .description = "URL-referenties naar ROLLen." },

    { .name = "status", .column = "status", .type = NGX_OZ_URI,
      .flags = NGX_OZ_READONLY|NGX_OZ_NULLABLE, .url = "zaken/statussen",
      .description = "Indien geen status bekend is, dan is de waarde "
                     "'null'" },

    { .name = "zaakinformatieobjecten", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "zaakinformatieobject", .type = NGX_OZ_URI },
          { .name = NULL } },
      .url = "zaken/zaakinformatieobjecten",
      .render = "'{}'::uuid[]",
      .description = "URL-referenties naar ZAAKINFORMATIEOBJECTen." },

    { .name = "zaakobjecten", .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "zaakobject", .type = NGX_OZ_URI }, { .name = NULL } },
      .url = "zaken/zaakobjecten",
      .render = "ARRAY(SELECT o.uuid FROM zaken.zaakobject o"
                " WHERE o.zaak = %a.uuid ORDER BY o.id)",
      .description = "URL-referenties naar ZAAKOBJECTen." },

    { .name = "kenmerken", .type = NGX_OZ_ARRAY,
      .child = &ngx_openzaak_zrc_kenmerk_child,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "ZaakKenmerk", .type = NGX_OZ_OBJECT,
            .fields = ngx_openzaak_zrc_kenmerk },
          { .name = NULL } },
      .description = "Lijst van kenmerken. Merk op dat refereren naar "
                     "gerelateerde objecten beter kan via `ZaakObject`." },

    { .name = "archiefnominatie", .column = "archiefnominatie",
      .type = NGX_OZ_ENUM, .flags = NGX_OZ_NULLABLE|NGX_OZ_ENUM_BLANK,
      .enums = ngx_openzaak_zrc_archiefnominatie_enum,
      .description = "Aanduiding of het zaakdossier blijvend bewaard of na "
                     "een bepaalde termijn vernietigd moet worden." },

    { .name = "archiefstatus", .column = "archiefstatus", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_zrc_archiefstatus_enum,
      .description = "Aanduiding of het zaakdossier blijvend bewaard of na "
                     "een bepaalde termijn vernietigd moet worden." },

    { .name = "archiefactiedatum", .column = "archiefactiedatum",
      .type = NGX_OZ_DATE, .flags = NGX_OZ_NULLABLE,
      .description = "De datum waarop het gearchiveerde zaakdossier "
                     "vernietigd moet worden dan wel overgebracht moet "
                     "worden naar een archiefbewaarplaats. Wordt "
                     "automatisch berekend bij het aanmaken of wijzigen van "
                     "een RESULTAAT aan deze ZAAK indien nog leeg." },

    { .name = "resultaat", .column = "resultaat", .type = NGX_OZ_URI,
      .flags = NGX_OZ_READONLY|NGX_OZ_NULLABLE, .url = "zaken/resultaten",
      .description = "URL-referentie naar het RESULTAAT. Indien geen "
                     "resultaat bekend is, dan is de waarde 'null'" },

    { .name = "opdrachtgevendeOrganisatie",
      .column = "opdrachtgevende_organisatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .min_length = 9, .max_length = 9,
      .check = ngx_openzaak_check_rsin,
      .description = "De krachtens publiekrecht ingestelde rechtspersoon "
                     "dan wel ander niet-natuurlijk persoon waarbinnen het "
                     "(bestuurs)orgaan zetelt dat opdracht heeft gegeven om "
                     "taken uit te voeren waaraan de zaak invulling geeft." },

    { .name = "processobjectaard", .column = "processobjectaard",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 200,
      .description = "Omschrijving van het object, subject of gebeurtenis "
                     "waarop, vanuit archiveringsoptiek, de zaak betrekking "
                     "heeft." },

    { .name = "startdatumBewaartermijn",
      .column = "startdatum_bewaartermijn", .type = NGX_OZ_DATE,
      .flags = NGX_OZ_NULLABLE,
      .description = "De datum die de start markeert van de termijn waarop "
                     "het zaakdossier vernietigd moet worden." },

    { .name = "processobject", .column = "processobject",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_processobject,
      .description = "Specificatie van de attribuutsoort van het object, "
                     "subject of gebeurtenis  waarop, vanuit "
                     "archiveringsoptiek, de zaak betrekking heeft en dat "
                     "bepalend is voor de start van de archiefactietermijn."
    },

    { .name = NULL }
};


/* the operations with geometry negotiate the CRS (not DELETE) */

static const ngx_openzaak_operation_t  ngx_openzaak_zrc_zaak_ops[] = {
    { NGX_OZ_OP_LIST, 0, NULL, NGX_OZ_OP_PAGINATED|NGX_OZ_OP_CRS,
      "zaak_list", "Alle ZAAKen opvragen.", ngx_openzaak_zrc_lezen, NULL,
      NULL, "Deze lijst kan gefilterd wordt met query-string parameters." },
    { NGX_OZ_OP_CREATE, 0, NULL, NGX_OZ_OP_CRS, "zaak_create",
      "Maak een ZAAK aan.", ngx_openzaak_zrc_aanmaken, NULL, NULL,
      "Indien geen identificatie gegeven is, dan wordt deze automatisch "
      "gegenereerd. De identificatie moet uniek zijn binnen de "
      "bronorganisatie." },
    { NGX_OZ_OP_READ, 0, NULL, NGX_OZ_OP_ETAG|NGX_OZ_OP_HEAD|NGX_OZ_OP_CRS,
      "zaak_read", "Een specifieke ZAAK opvragen.", ngx_openzaak_zrc_lezen,
      NULL, NULL, NULL },
    { NGX_OZ_OP_UPDATE, 0, NULL, NGX_OZ_OP_CRS, "zaak_update",
      "Werk een ZAAK in zijn geheel bij.", ngx_openzaak_zrc_bijwerken, NULL,
      NULL, NULL },
    { NGX_OZ_OP_PATCH, 0, NULL, NGX_OZ_OP_CRS, "zaak_partial_update",
      "Werk een ZAAK deels bij.", ngx_openzaak_zrc_bijwerken, NULL, NULL,
      NULL },
    { NGX_OZ_OP_DELETE, 0, NULL, 0, "zaak_delete", "Verwijder een ZAAK.",
      ngx_openzaak_zrc_verwijderen, NULL, NULL,
      "**Er worden gerelateerde objecten verwijderd**: deze objecten worden "
      "samen met de ZAAK verwijderd." },
    { NGX_OZ_OP_ACTION, NGX_HTTP_POST, "_zoek",
      NGX_OZ_OP_PAGINATED|NGX_OZ_OP_BODY|NGX_OZ_OP_CRS, "zaak__zoek",
      "Voer een (geo)-zoekopdracht uit op ZAAKen.", ngx_openzaak_zrc_lezen,
      ngx_openzaak_zrc_zaak_zoek_filters, ngx_openzaak_zoek,
      "Zoeken/filteren gaat normaal via de `list` operatie, deze is echter "
      "niet geschikt voor geo-zoekopdrachten." },
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_constraint_t  ngx_openzaak_zrc_zaak_constraints[]
= {
    { "zaak_identificatie_key", "identificatie", "identificatie-niet-uniek",
      "Deze identificatie bestaat al voor deze bronorganisatie" },
    { NULL, NULL, NULL, NULL }
};


/*
 * The expand parameter of zaak_list, zaak_read and zaak__zoek: the OAS
 * enum.  The zaakeigenschappen are URLs below their zaak: their keys are
 * their own uuids, and the resource that renders them is named.
 */
static const ngx_openzaak_expand_t  ngx_openzaak_zrc_zaak_expand[] = {
    { "deelzaken", NULL, NULL },
    { "deelzaken.resultaat", NULL, NULL },
    { "deelzaken.resultaat.resultaattype", NULL, NULL },
    { "deelzaken.rollen", NULL, NULL },
    { "deelzaken.rollen.roltype", NULL, NULL },
    { "deelzaken.status", NULL, NULL },
    { "deelzaken.status.statustype", NULL, NULL },
    { "deelzaken.zaakinformatieobjecten", NULL, NULL },
    { "deelzaken.zaakobjecten", NULL, NULL },
    { "deelzaken.zaaktype", NULL, NULL },
    { "eigenschappen", "zaken/zaakeigenschappen",
      "ARRAY(SELECT e.uuid FROM zaken.zaakeigenschap e"
      " WHERE e.zaak = %a.uuid ORDER BY e.id)" },
    { "eigenschappen.eigenschap", NULL, NULL },
    { "hoofdzaak", NULL, NULL },
    { "hoofdzaak.resultaat", NULL, NULL },
    { "hoofdzaak.resultaat.resultaattype", NULL, NULL },
    { "hoofdzaak.rollen", NULL, NULL },
    { "hoofdzaak.rollen.roltype", NULL, NULL },
    { "hoofdzaak.status", NULL, NULL },
    { "hoofdzaak.status.statustype", NULL, NULL },
    { "hoofdzaak.zaakinformatieobjecten", NULL, NULL },
    { "hoofdzaak.zaakobjecten", NULL, NULL },
    { "hoofdzaak.zaaktype", NULL, NULL },
    { "resultaat", NULL, NULL },
    { "resultaat.resultaattype", NULL, NULL },
    { "rollen", NULL, NULL },
    { "rollen.roltype", NULL, NULL },
    { "status", NULL, NULL },
    { "status.statustype", NULL, NULL },
    { "zaakinformatieobjecten", NULL, NULL },
    { "zaakobjecten", NULL, NULL },
    { "zaaktype", NULL, NULL },
    { NULL, NULL, NULL }
};


static const ngx_openzaak_hooks_t  ngx_openzaak_zrc_zaak_hooks = {
    .before = ngx_openzaak_zrc_zaak_before,
    .fetch = ngx_openzaak_zrc_zaak_fetch
};


/* Open Zaak's Zaak.unique_representation() */
static const ngx_openzaak_audit_t  ngx_openzaak_zrc_zaak_audit = {
    .bron = "zrc",
    .weergave = "t.bronorganisatie || ' - ' || t.identificatie"
};


ngx_openzaak_resource_t  ngx_openzaak_zrc_zaak = {
    .path = "zaken",
    .name = "zaak",
    .schema = "Zaak",
    .table = "zaken.zaak",
    .fields = ngx_openzaak_zrc_zaak_fields,
    .filters = ngx_openzaak_zrc_zaak_filters,
    .operations = ngx_openzaak_zrc_zaak_ops,
    .order = "t.id DESC",
    .orderings = ngx_openzaak_zrc_zaak_orderings,
    .kanaal = "zaken",
    .kenmerken = ngx_openzaak_zrc_zaak_kenmerken,
    .constraints = ngx_openzaak_zrc_zaak_constraints,
    .hooks = &ngx_openzaak_zrc_zaak_hooks,
    .auth = &ngx_openzaak_zrc_zaak_auth,
    .audit = &ngx_openzaak_zrc_zaak_audit,
    .expand = ngx_openzaak_zrc_zaak_expand,
    .description = "Een zaak."
};


/*
 * The rules a zaak's row is checked against before it is written, with
 * the row as it will be (the stored one with the body on top): problems
 * are recorded and answered with the rest (zgw.problems_raise).
 */

static ngx_int_t
ngx_openzaak_zrc_zaak_before(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
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
               "SELECT zaken.check_zaak(jsonb_populate_record("
               "coalesce((SELECT z FROM zaken.zaak z WHERE z.uuid = $1),"
               " NULL::zaken.zaak), $2::jsonb),"
               " (SELECT z FROM zaken.zaak z WHERE z.uuid = $1),"
               " $2::jsonb)", 2,
               uuid, (char *) row.data)
           ? NGX_OK : NGX_ERROR;
}


/*
 * zrc-010: a communicatiekanaal must exist and look like one of the
 * Referentielijsten API; a selectielijstklasse like a Resultaat of the
 * Selectielijst.  Both are fetched through the module's subrequest to
 * the configured Referentielijsten/Selectielijst API (ngx_openzaak_fetch),
 * never by a blocking call; a URL elsewhere is not fetched and is
 * answered as a resource of the wrong kind.
 */

static ngx_int_t
ngx_openzaak_zrc_zaak_fetch(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
{
    json_object                    *v;
    ngx_openzaak_zrc_zaak_fetch_t  *f;

    f = ngx_pcalloc(ctx->request->pool,
                    sizeof(ngx_openzaak_zrc_zaak_fetch_t));
    if (f == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ctx->fetch_data = f;

    if (json_object_object_get_ex(w->row, "communicatiekanaal", &v)
        && json_object_is_type(v, json_type_string)
        && json_object_get_string_len(v))
    {
        f->kanaal.url.data = (u_char *) json_object_get_string(v);
        f->kanaal.url.len = json_object_get_string_len(v);

        if (ngx_openzaak_fetch(ctx, &f->kanaal) == NGX_ERROR) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
    }

    if (json_object_object_get_ex(w->row, "selectielijstklasse", &v)
        && json_object_is_type(v, json_type_string)
        && json_object_get_string_len(v))
    {
        f->klasse.url.data = (u_char *) json_object_get_string(v);
        f->klasse.url.len = json_object_get_string_len(v);

        if (ngx_openzaak_fetch(ctx, &f->klasse) == NGX_ERROR) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
    }

    if (f->kanaal.url.len == 0 && f->klasse.url.len == 0) {
        return NGX_OK;
    }

    return ngx_openzaak_fetch_wait(ctx, ngx_openzaak_zrc_zaak_fetched);
}


static ngx_int_t
ngx_openzaak_zrc_zaak_fetched(ngx_openzaak_ctx_t *ctx)
{
    ngx_openzaak_zrc_zaak_fetch_t  *f;

    f = ctx->fetch_data;

    if (f->kanaal.url.len) {
        (void) ngx_openzaak_fetch_check(ctx, &f->kanaal,
                                        "communicatiekanaal",
                                        "CommunicatieKanaal",
                                        ngx_openzaak_zrc_kanaal_keys);
    }

    if (f->klasse.url.len) {
        (void) ngx_openzaak_fetch_check(ctx, &f->klasse,
                                        "selectielijstklasse", "Resultaat",
                                        ngx_openzaak_zrc_resultaat_keys);
    }

    return ngx_openzaak_engine_write_continue(ctx);
}
