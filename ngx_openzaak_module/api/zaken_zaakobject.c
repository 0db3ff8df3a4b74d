/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: ZaakObject, a polymorphic resource.  objectType selects
 * the members of objectIdentificatie: one field per object type, on the
 * same jsonb column (besluit, enkelvoudig_document and status have none;
 * overige has {overigeData}, any JSON).  The persons, vestiging,
 * organisatorische eenheid and medewerker share their identificaties
 * with rol (zaken_rol.c).
 *
 * The rules (Z23) are zaken.check_zaakobject() (sql/0011_zaken_rol.sql):
 * an object URL or an objectIdentificatie, objectTypeOverige exactly for
 * "overige", the zaakobjecttype of the zaak's zaaktype.  The object URL is
 * not fetched, and an objectTypeOverigeDefinitie is not applied to it.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


static ngx_int_t ngx_openzaak_zrc_check_lower_word(ngx_openzaak_ctx_t *ctx,
    ngx_str_t *name, ngx_str_t *value);
static ngx_int_t ngx_openzaak_zrc_zaakobject_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);


static const char *const  ngx_openzaak_zrc_object_type_enum[] = {
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


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_adres[] = {
    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "wplWoonplaatsNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 80 },

    { .name = "gorOpenbareRuimteNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 80,
      .description = "Een door het bevoegde gemeentelijke orgaan aan een "
                     "OPENBARE RUIMTE toegekende benaming" },

    { .name = "huisnummer", .type = NGX_OZ_INTEGER,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 0,
      .max_length = 99999 },

    { .name = "huisletter", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 1 },

    { .name = "huisnummertoevoeging", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 4 },

    { .name = "postcode", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 7 },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_buurt[] = {
    { .name = "buurtCode", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 2,
      .description = "De code behorende bij de naam van de buurt" },

    { .name = "buurtNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 40,
      .description = "De naam van de buurt, zoals die door het CBS wordt "
                     "gebruikt." },

    { .name = "gemGemeenteCode", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 4,
      .description = "Een numerieke aanduiding waarmee een Nederlandse "
                     "gemeente uniek wordt aangeduid" },

    { .name = "wykWijkCode", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 2,
      .description = "De code behorende bij de naam van de wijk" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_gemeente[] = {
    { .name = "gemeenteNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 80,
      .description = "De officiële door de gemeente vastgestelde "
                     "gemeentenaam." },

    { .name = "gemeenteCode", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 4,
      .description = "Een numerieke aanduiding waarmee een Nederlandse "
                     "gemeente uniek wordt aangeduid" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_gor[] = {
    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "openbareRuimteNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 80,
      .description = "Een door het bevoegde gemeentelijke orgaan aan een "
                     "OPENBARE RUIMTE toegekende benaming" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_tgo_adres[] = {
    { .name = "numIdentificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 100 },

    { .name = "oaoIdentificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "wplWoonplaatsNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 80 },

    { .name = "gorOpenbareRuimteNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 80,
      .description = "Een door het bevoegde gemeentelijke orgaan aan een "
                     "OPENBARE RUIMTE toegekende benaming" },

    { .name = "aoaPostcode", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 7 },

    { .name = "aoaHuisnummer", .type = NGX_OZ_INTEGER,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 0,
      .max_length = 99999 },

    { .name = "aoaHuisletter", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 1 },

    { .name = "aoaHuisnummertoevoeging", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 4 },

    { .name = "ogoLocatieAanduiding", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 100 },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_tgo[] = {
    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "adresAanduidingGrp", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_tgo_adres },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_huishouden[] = {
    { .name = "nummer", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 12,
      .description = "Uniek identificerend administratienummer van een "
                     "huishouden zoals toegekend door de gemeente waarin "
                     "het huishouden woonachtig is." },

    { .name = "isGehuisvestIn", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_tgo },

    { .name = NULL }
};


static const char *const  ngx_openzaak_zrc_object_inrichtingselement_type_enum[]
= {
    "bak", "bord", "installatie", "kast", "mast", "paal", "sensor",
    "straatmeubilair", "waterinrichtingselement", "weginrichtingselement", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_inrichtingselement[]
= {
    { .name = "type", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_zrc_object_inrichtingselement_type_enum,
      .description = "Specificatie van de aard van het "
                     "inrichtingselement. Uitleg bij mogelijke waarden: "
                     "* `bak` - Bak * `bord` - Bord * `installatie` - "
                     "Installatie * `kast` - Kast * `mast` - Mast * "
                     "`paal` - Paal * `sensor` - Sensor * "
                     "`straatmeubilair` - Straatmeubilair * "
                     "`waterinrichtingselement` - "
                     "Waterinrichtingselement * `weginrichtingselement` "
                     "- Weginrichtingselement" },

    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "naam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 500,
      .description = "De benaming van het OBJECT" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_koz[] = {
    { .name = "kadastraleIdentificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "kadastraleAanduiding", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 1000,
      .description = "De typering van de kadastrale aanduiding van een "
                     "onroerende zaak conform Kadaster" },

    { .name = NULL }
};


static const char *const  ngx_openzaak_zrc_object_kunstwerkdeel_type_enum[] = {
    "keermuur", "overkluizing", "duiker", "faunavoorziening", "vispassage",
    "bodemval", "coupure", "ponton", "voorde", "hoogspanningsmast", "gemaal",
    "perron", "sluis", "strekdam", "steiger", "stuw", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_kunstwerkdeel[] = {
    { .name = "type", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_zrc_object_kunstwerkdeel_type_enum,
      .description = "Specificatie van het soort Kunstwerk waartoe het "
                     "kunstwerkdeel behoort. Uitleg bij mogelijke "
                     "waarden: * `keermuur` - Keermuur * `overkluizing` "
                     "- Overkluizing * `duiker` - Duiker * "
                     "`faunavoorziening` - Faunavoorziening * "
                     "`vispassage` - Vispassage * `bodemval` - Bodemval "
                     "* `coupure` - Coupure * `ponton` - Ponton * "
                     "`voorde` - Voorde * `hoogspanningsmast` - "
                     "Hoogspanningsmast * `gemaal` - Gemaal * `perron` - "
                     "Perron * `sluis` - Sluis * `strekdam` - Strekdam * "
                     "`steiger` - Steiger * `stuw` - Stuw" },

    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "naam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 80 },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_ma[] = {
    { .name = "kvkNummer", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 8,
      .description = "Landelijk uniek identificerend administratienummer "
                     "van een MAATSCHAPPELIJKE ACTIVITEIT zoals "
                     "toegewezen door de Kamer van Koophandel (KvK)." },

    { .name = "handelsnaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 200,
      .description = "De naam waaronder de onderneming handelt." },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_openbare_ruimte[] = {
    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "wplWoonplaatsNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 80 },

    { .name = "gorOpenbareRuimteNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 80,
      .description = "Een door het bevoegde gemeentelijke orgaan aan een "
                     "OPENBARE RUIMTE toegekende benaming" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_pand[] = {
    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = NULL }
};


static const char *const  ngx_openzaak_zrc_object_spoorbaandeel_type_enum[] = {
    "breedspoor", "normaalspoor", "smalspoor", "spoorbaan", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_spoorbaandeel[] = {
    { .name = "type", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_zrc_object_spoorbaandeel_type_enum,
      .description = "Specificatie van het soort Spoorbaan Uitleg bij "
                     "mogelijke waarden: * `breedspoor` - Breedspoor * "
                     "`normaalspoor` - Normaalspoor * `smalspoor` - "
                     "Smalspoor * `spoorbaan` - Spoorbaan" },

    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "naam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 500,
      .description = "De benaming van het OBJECT" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_terreindeel[] = {
    { .name = "type", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 40 },

    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "naam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 500,
      .description = "De benaming van het OBJECT" },

    { .name = NULL }
};


static const char *const  ngx_openzaak_zrc_type_waterdeel_enum[] = {
    "zee", "waterloop", "watervlakte", "greppel_droge_sloot", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_waterdeel[] = {
    { .name = "typeWaterdeel", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_zrc_type_waterdeel_enum,
      .description = "Specificatie van het soort water Uitleg bij "
                     "mogelijke waarden: * `zee` - Zee * `waterloop` - "
                     "Waterloop * `watervlakte` - Watervlakte * "
                     "`greppel_droge_sloot` - Greppel, droge sloot" },

    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "naam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 500,
      .description = "De benaming van het OBJECT" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_wegdeel[] = {
    { .name = "type", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100 },

    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "naam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 500,
      .description = "De benaming van het OBJECT" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_wijk[] = {
    { .name = "wijkCode", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 2,
      .description = "De code behorende bij de naam van de wijk." },

    { .name = "wijkNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 40,
      .description = "De naam van de wijk, zoals die door het CBS wordt "
                     "gebruikt." },

    { .name = "gemGemeenteCode", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 4,
      .description = "Een numerieke aanduiding waarmee een Nederlandse "
                     "gemeente uniek wordt aangeduid" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_woonplaats[] = {
    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "woonplaatsNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 80,
      .description = "De door het bevoegde gemeentelijke orgaan aan een "
                     "WOONPLAATS toegekende benaming." },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_woz_object_adres[] = {
    { .name = "aoaIdentificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "wplWoonplaatsNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 80 },

    { .name = "gorOpenbareRuimteNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 80,
      .description = "Een door het bevoegde gemeentelijke orgaan aan een "
                     "OPENBARE RUIMTE toegekende benaming" },

    { .name = "aoaPostcode", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 7 },

    { .name = "aoaHuisnummer", .type = NGX_OZ_INTEGER,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 0,
      .max_length = 99999 },

    { .name = "aoaHuisletter", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 1 },

    { .name = "aoaHuisnummertoevoeging", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 4 },

    { .name = "locatieOmschrijving", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 1000 },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_woz_object[] = {
    { .name = "wozObjectNummer", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "aanduidingWozObject", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_woz_object_adres },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_woz_deelobject[] = {
    { .name = "nummerWozDeelObject", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 6,
      .description = "Uniek identificatienummer voor het deelobject "
                     "binnen een WOZ-object." },

    { .name = "isOnderdeelVan", .type = NGX_OZ_OBJECT,
      .fields = ngx_openzaak_zrc_object_woz_object,
      .dflt = "{\"wozObjectNummer\":\"\",\"aanduidingWozObject\":null}" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_woz_waarde[] = {
    { .name = "waardepeildatum", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 9,
      .description = "De datum waarnaar de waarde van het WOZ-object "
                     "wordt bepaald." },

    { .name = "isVoor", .type = NGX_OZ_OBJECT,
      .fields = ngx_openzaak_zrc_object_woz_object,
      .dflt = "{\"wozObjectNummer\":\"\",\"aanduidingWozObject\":null}" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_zakelijk_recht_gerechtigde[]
= {
    { .name = "natuurlijkPersoon", .type = NGX_OZ_OBJECT,
      .fields = ngx_openzaak_zrc_np_id },

    { .name = "nietNatuurlijkPersoon", .type = NGX_OZ_OBJECT,
      .fields = ngx_openzaak_zrc_nnp_id },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_zakelijk_recht[] = {
    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De unieke identificatie van het OBJECT" },

    { .name = "avgAard", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 1000,
      .description = "aanduiding voor de aard van het recht" },

    { .name = "heeftBetrekkingOp", .type = NGX_OZ_OBJECT,
      .fields = ngx_openzaak_zrc_object_koz,
      .dflt = "{\"kadastraleIdentificatie\":\"\",\"kadastraleAanduiding\":"
              "\"\"}" },

    { .name = "heeftAlsGerechtigde", .type = NGX_OZ_OBJECT,
      .fields = ngx_openzaak_zrc_zakelijk_recht_gerechtigde,
      .dflt = "{\"natuurlijkPersoon\":null,"
              "\"nietNatuurlijkPersoon\":null}" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_overige[] = {
    { .name = "overigeData", .type = NGX_OZ_ANY,
      .flags = NGX_OZ_REQUIRED },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_object_type_overige_def[]
= {
    { .name = "url", .type = NGX_OZ_URI,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 1000,
      .description = "URL-referentie naar de objecttype resource in een "
                     "API. Deze resource moet de "
                     "[JSON-schema](https://json-schema.org/)-definitie "
                     "van het objecttype bevatten." },

    { .name = "schema", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "Een geldige [jq](http://stedolan.github.io/jq/) "
                     "expressie. Dit wordt gecombineerd met de resource "
                     "uit het `url`-attribuut om het schema van het "
                     "objecttype uit te lezen. Bijvoorbeeld: "
                     "`.jsonSchema`." },

    { .name = "objectData", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "Een geldige [jq](http://stedolan.github.io/jq/) "
                     "expressie. Dit wordt gecombineerd met de JSON data "
                     "uit de OBJECT url om de objectgegevens uit te "
                     "lezen en de vorm van de gegevens tegen het schema "
                     "te valideren. Bijvoorbeeld: `.record.data`." },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_zaakobject_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZRC_URL("zaakobjecten"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "uuid", .column = "uuid", .type = NGX_OZ_UUID,
      .flags = NGX_OZ_READONLY,
      .description = "Unieke resource identifier (UUID4)" },

    NGX_OZ_ZRC_PART_ZAAK(""),

    { .name = "object", .column = "object", .type = NGX_OZ_URI,
      .flags = NGX_OZ_BLANK|NGX_OZ_IMMUTABLE, .max_length = 1000,
      .description = "URL-referentie naar de resource die het OBJECT "
                     "beschrijft." },

    { .name = "zaakobjecttype", .column = "zaakobjecttype",
      .type = NGX_OZ_REF, .flags = NGX_OZ_NULLABLE|NGX_OZ_IMMUTABLE,
      .ref = "catalogi/zaakobjecttypen", .max_length = 1000,
      .description = "URL-referentie naar het ZAAKOBJECTTYPE (in de "
                     "Catalogi API)." },

    { .name = "objectType", .column = "object_type", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED|NGX_OZ_IMMUTABLE|NGX_OZ_DISCRIMINATOR,
      .enums = ngx_openzaak_zrc_object_type_enum,
      .description = "Beschrijft het type OBJECT gerelateerd aan de ZAAK. "
                     "Als er geen passend type is, dan moet het type worden "
                     "opgegeven onder `objectTypeOverige`." },

    { .name = "objectTypeOverige", .column = "object_type_overige",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 100,
      .check = ngx_openzaak_zrc_check_lower_word,
      .description = "Beschrijft het type OBJECT als `objectType` de waarde "
                     "\"overige\" heeft." },

    { .name = "objectTypeOverigeDefinitie",
      .column = "object_type_overige_definitie", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_type_overige_def,
      .description = "Verwijzing naar het schema van het type OBJECT als "
                     "`objectType` de waarde \"overige\" heeft." },

    { .name = "relatieomschrijving", .column = "relatieomschrijving",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 80,
      .description = "Omschrijving van de betrekking tussen de ZAAK en het "
                     "OBJECT." },

    /* the variants */

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_adres,
      .variants = "adres" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_buurt,
      .variants = "buurt" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_gemeente,
      .variants = "gemeente" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_gor,
      .variants = "gemeentelijke_openbare_ruimte" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_huishouden,
      .variants = "huishouden" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_inrichtingselement,
      .variants = "inrichtingselement" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_koz,
      .variants = "kadastrale_onroerende_zaak" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_kunstwerkdeel,
      .variants = "kunstwerkdeel" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_ma,
      .variants = "maatschappelijke_activiteit" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_medewerker_id,
      .variants = "medewerker" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_np_id,
      .variants = "natuurlijk_persoon" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_nnp_id,
      .variants = "niet_natuurlijk_persoon" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_openbare_ruimte,
      .variants = "openbare_ruimte" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_oeh_id,
      .variants = "organisatorische_eenheid" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_pand,
      .variants = "pand" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_spoorbaandeel,
      .variants = "spoorbaandeel" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_terreindeel,
      .variants = "terreindeel" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_tgo,
      .variants = "terrein_gebouwd_object" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_vestiging_id,
      .variants = "vestiging" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_waterdeel,
      .variants = "waterdeel" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_wegdeel,
      .variants = "wegdeel" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_wijk,
      .variants = "wijk" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_woonplaats,
      .variants = "woonplaats" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_woz_deelobject,
      .variants = "woz_deelobject" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_woz_object,
      .variants = "woz_object" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_woz_waarde,
      .variants = "woz_waarde" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_zakelijk_recht,
      .variants = "zakelijk_recht" },

    { .name = "objectIdentificatie", .column = "object_identificatie",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_object_overige,
      .variants = "overige" },


    { .name = NULL }
};


static const ngx_openzaak_filter_t  ngx_openzaak_zrc_zaakobject_filters[] = {
    { .name = "object", .type = NGX_OZ_URI,
      .sql = "t.object = $?::text",
      .description = "URL-referentie naar de resource die het OBJECT "
                     "beschrijft." },
    { .name = "objectType", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_zrc_object_type_enum,
      .sql = "t.object_type = $?::text",
      .description = "Beschrijft het type OBJECT gerelateerd aan de ZAAK." },
    { .name = "zaak", .type = NGX_OZ_REF, .ref = "zaken/zaken",
      .sql = "t.zaak = $?::uuid",
      .description = "URL-referentie naar de ZAAK." },
    { .name = NULL }
};


static const char *const  ngx_openzaak_zrc_zaakobject_aanmaken[] = {
    "zaken.aanmaken|zaken.bijwerken|zaken.geforceerd-bijwerken", NULL
};


static const ngx_openzaak_operation_t  ngx_openzaak_zrc_zaakobject_ops[] = {
    { NGX_OZ_OP_LIST, 0, NULL, NGX_OZ_OP_PAGINATED, "zaakobject_list",
      "Alle ZAAKOBJECTen opvragen.", ngx_openzaak_zrc_lezen, NULL, NULL,
      "Deze lijst kan gefilterd wordt met query-string parameters." },
    { NGX_OZ_OP_CREATE, 0, NULL, 0, "zaakobject_create",
      "Maak een ZAAKOBJECT aan.", ngx_openzaak_zrc_zaakobject_aanmaken,
      NULL, NULL, "Maak een ZAAKOBJECT aan." },
    { NGX_OZ_OP_READ, 0, NULL, 0, "zaakobject_read",
      "Een specifiek ZAAKOBJECT opvragen.", ngx_openzaak_zrc_lezen, NULL,
      NULL, "Een specifiek ZAAKOBJECT opvragen." },
    { NGX_OZ_OP_UPDATE, 0, NULL, 0, "zaakobject_update",
      "Werk een ZAAKOBJECT in zijn geheel bij.",
      ngx_openzaak_zrc_part_schrijven, NULL, NULL,
      "Werk een ZAAKOBJECT in zijn geheel bij." },
    { NGX_OZ_OP_PATCH, 0, NULL, 0, "zaakobject_partial_update",
      "Werk een ZAAKOBJECT deels bij.", ngx_openzaak_zrc_part_schrijven,
      NULL, NULL, "Werk een ZAAKOBJECT deels bij." },
    { NGX_OZ_OP_DELETE, 0, NULL, 0, "zaakobject_delete",
      "Verwijder een ZAAKOBJECT.", ngx_openzaak_zrc_part_verwijderen, NULL,
      NULL, "Verwijder een ZAAKOBJECT." },
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_hooks_t  ngx_openzaak_zrc_zaakobject_hooks = {
    .before = ngx_openzaak_zrc_zaakobject_before
};


ngx_openzaak_resource_t  ngx_openzaak_zrc_zaakobject = {
    .path = "zaakobjecten",
    .name = "zaakobject",
    .schema = "ZaakObject",
    .table = "zaken.zaakobject",
    .fields = ngx_openzaak_zrc_zaakobject_fields,
    .filters = ngx_openzaak_zrc_zaakobject_filters,
    .operations = ngx_openzaak_zrc_zaakobject_ops,
    .order = "t.id",
    .kanaal = "zaken",
    .hoofd_object = NGX_OZ_ZRC_PART_HOOFD_OBJECT,
    .kenmerken = ngx_openzaak_zrc_part_kenmerken,
    .hooks = &ngx_openzaak_zrc_zaakobject_hooks,
    .auth = &ngx_openzaak_zrc_part_auth,
    .description = "Modelleer een OBJECT, gerelateerd aan een ZAAK."
};


/* objectTypeOverige: the OAS pattern [a-z_]+ (Django's RegexValidator) */

static ngx_int_t
ngx_openzaak_zrc_check_lower_word(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    ngx_str_t *value)
{
    ngx_uint_t  i;

    for (i = 0; i < value->len; i++) {
        if ((value->data[i] >= 'a' && value->data[i] <= 'z')
            || value->data[i] == '_')
        {
            /* re.search: one such character anywhere is a match */
            return NGX_OK;
        }
    }

    (void) ngx_openzaak_invalidf(ctx, name, "invalid",
                                 "Voer een geldige waarde in.");
    return NGX_DECLINED;
}


/* the rules of the zaakobject as it will be */

static ngx_int_t
ngx_openzaak_zrc_zaakobject_before(ngx_openzaak_ctx_t *ctx,
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
               "SELECT zaken.check_zaakobject(jsonb_populate_record("
               "coalesce((SELECT o FROM zaken.zaakobject o"
               " WHERE o.uuid = $1), NULL::zaken.zaakobject), $2::jsonb))",
               2, uuid, (char *) row.data)
           ? NGX_OK : NGX_ERROR;
}
