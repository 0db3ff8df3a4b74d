/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: the filters of the zaak list, the body of a search
 * (POST /zaken/_zoek: the same filters plus uuid__in, zaaktype__in,
 * zaaktype__not_in and zaakgeometrie) and the fields a list is ordered
 * on ("ordering").  Conditions on the parts of a zaak look into their
 * tables (EXISTS); a rol's betrokkeneIdentificatie is the jsonb of its
 * variant, with the members as the API names them, matched by
 * containment so that the table's GIN index serves.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


static ngx_int_t ngx_openzaak_zrc_check_kenmerk(ngx_openzaak_ctx_t *ctx,
    ngx_str_t *name, ngx_str_t *value);


/* a rol of the zaak of that betrokkeneType whose identificatie has that
 * member with the filter's value */
#define NGX_OZ_ZRC_ROL_ID(type, member)                                      \
    "EXISTS (SELECT 1 FROM zaken.rol r WHERE r.zaak = t.uuid"                \
    " AND r.betrokkene_type = '" type "'"                                    \
    " AND r.betrokkene_identificatie @> jsonb_build_object('" member "',"   \
    " $?::text))"


static const char *const  ngx_openzaak_zrc_f_archiefnominatie[] = {
    "blijvend_bewaren", "vernietigen", NULL
};

static const char *const  ngx_openzaak_zrc_f_archiefstatus[] = {
    "gearchiveerd", "gearchiveerd_procestermijn_onbekend",
    "nog_te_archiveren", "overgedragen", NULL
};

static const char *const  ngx_openzaak_zrc_f_va[] = {
    "beperkt_openbaar", "confidentieel", "geheim", "intern", "openbaar",
    "vertrouwelijk", "zaakvertrouwelijk", "zeer_geheim", NULL
};

static const char *const  ngx_openzaak_zrc_f_betrokkene_type[] = {
    "medewerker", "natuurlijk_persoon", "niet_natuurlijk_persoon",
    "organisatorische_eenheid", "vestiging", NULL
};

static const char *const  ngx_openzaak_zrc_f_machtiging[] = {
    "eigen", "gemachtigde", "machtiginggever", NULL
};

static const char *const  ngx_openzaak_zrc_f_loa[] = {
    "urn:etoegang:core:assurance-class:loa1",
    "urn:etoegang:core:assurance-class:loa2",
    "urn:etoegang:core:assurance-class:loa2plus",
    "urn:etoegang:core:assurance-class:loa3",
    "urn:etoegang:core:assurance-class:loa4",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI", NULL
};

static const char *const  ngx_openzaak_zrc_f_omschrijving_generiek[] = {
    "adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator",
    "klantcontacter", "mede_initiator", "zaakcoordinator", NULL
};


/* the descriptions of the OAS, several filters share one */

static const char  ngx_openzaak_zrc_d0[] =
    "De datum waarop het gearchiveerde zaakdossier vernietigd moet worden "
    "dan wel overgebracht moet worden naar een archiefbewaarplaats. Wordt "
    "automatisch berekend bij het aanmaken of wijzigen van een RESULTAAT aan "
    "deze ZAAK indien nog leeg.";

static const char  ngx_openzaak_zrc_d1[] =
    "Aanduiding of het zaakdossier blijvend bewaard of na een bepaalde "
    "termijn vernietigd moet worden.\n\n";

static const char  ngx_openzaak_zrc_d2[] =
    "Meerdere waarden kunnen gescheiden worden door komma's.";

static const char  ngx_openzaak_zrc_d3[] =
    "Het RSIN van de Niet-natuurlijk persoon zijnde de organisatie die de "
    "zaak heeft gecreeerd. Dit moet een geldig RSIN zijn van 9 nummers en "
    "voldoen aan https://nl.wikipedia.org/wiki/Burgerservicenummer#11-proef";

static const char  ngx_openzaak_zrc_d4[] =
    "De datum waarop de uitvoering van de zaak afgerond is.";

static const char  ngx_openzaak_zrc_d5[] =
    "De datum waarop volgens de planning verwacht wordt dat de zaak afgerond "
    "wordt.";

static const char  ngx_openzaak_zrc_d6[] =
    "De unieke identificatie van de ZAAK binnen de organisatie die "
    "verantwoordelijk is voor de behandeling van de ZAAK.";

static const char  ngx_openzaak_zrc_d7[] =
    "**EXPERIMENTEEL** De unieke identificatie van de ZAAK (bevat de "
    "identificatie de gegeven waarden (hoofdletterongevoelig))";

static const char  ngx_openzaak_zrc_d8[] =
    "**EXPERIMENTEEL** Een bron-kenmerk combinatie van de zaak. format: "
    "<bron>:<kenmerk>";

static const char  ngx_openzaak_zrc_d9[] =
    "**EXPERIMENTEEL** De aanduiding van de administratie waar het kenmerk "
    "op slaat.";

static const char  ngx_openzaak_zrc_d10[] =
    "Zaken met een vertrouwelijkheidaanduiding die beperkter is dan de "
    "aangegeven aanduiding worden uit de resultaten gefiltered.\n\n";

static const char  ngx_openzaak_zrc_d11[] =
    "**EXPERIMENTEEL** Een korte omschrijving van de ZAAK (bevat de "
    "omschrijving de gegeven waarden (hoofdletterongevoelig))";

static const char  ngx_openzaak_zrc_d12[] =
    "De datum waarop de zaakbehandelende organisatie de ZAAK heeft "
    "geregistreerd. Indien deze niet opgegeven wordt, wordt de datum van "
    "vandaag gebruikt.";

static const char  ngx_openzaak_zrc_d13[] =
    "**EXPERIMENTEEL** Filter Zaken waarbij het resultaat het opgegeven "
    "resultaattype (URL) heeft.";

static const char  ngx_openzaak_zrc_d14[] =
    "URL-referentie naar een betrokkene gerelateerd aan de ZAAK.";

static const char  ngx_openzaak_zrc_d15[] =
    "Type van de `betrokkene`.\n\n";

static const char  ngx_openzaak_zrc_d16[] =
    "**EXPERIMENTEEL** filter objecten op basis van "
    "`indicatieMachtiging`:\n* `eigen`: Toon objecten waarvan het attribuut "
    "`indicatieMachtiging` leeg is.\n* `gemachtigde`: Toon objecten waarvan "
    "het attribuut `indicatieMachtiging` 'gemachtigde' is.\n* "
    "`machtiginggever`: Toon objecten waarvan het attribuut "
    "`indicatieMachtiging` 'machtiginggever'\n\n\n";

static const char  ngx_openzaak_zrc_d17[] =
    "**EXPERIMENTEEL** Enkel Zaken met een "
    "`rol.authenticatieContext.levelOfAssurance` die lager is dan of gelijk "
    "is aan de aangegeven aanduiding worden teruggeven als resultaten.\n \n "
    "**Digid:** \n* "
    "`urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport` - "
    "DigiD Basis\n* "
    "`urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract` - "
    "DigiD Midden\n* `urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard` - "
    "DigiD Substantieel\n* "
    "`urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI` - DigiD Hoog\n \n "
    "**eHerkenning:** \n* `urn:etoegang:core:assurance-class:loa1` - Niet "
    "bestaand (1)\n* `urn:etoegang:core:assurance-class:loa2` - Laag (2)\n* "
    "`urn:etoegang:core:assurance-class:loa2plus` - Laag (2+)\n* "
    "`urn:etoegang:core:assurance-class:loa3` - Substantieel (3)\n* "
    "`urn:etoegang:core:assurance-class:loa4` - Hoog (4)\n\n";

static const char  ngx_openzaak_zrc_d18[] =
    "Algemeen gehanteerde benaming van de aard van de ROL, afgeleid uit het "
    "ROLTYPE.\n\n";

static const char  ngx_openzaak_zrc_d19[] =
    "De datum waarop met de uitvoering van de zaak is gestart";

static const char  ngx_openzaak_zrc_d20[] =
    "**EXPERIMENTEEL** Filter Zaken waarbij de huidige status het opgegeven "
    "statustype (URL) heeft.";

static const char  ngx_openzaak_zrc_d21[] =
    "De laatste datum waarop volgens wet- en regelgeving de zaak afgerond "
    "dient te zijn.";

static const char  ngx_openzaak_zrc_d22[] =
    "URL-referentie naar het ZAAKTYPE (in de Catalogi API).";

static const char  ngx_openzaak_zrc_d23[] =
    "**EXPERIMENTEEL** Omschrijving van de aard van ZAAKen van het "
    "ZAAKTYPE(bevat de zaaktype omschrijving de gegeven waarden "
    "(hoofdletterongevoelig))";

static const char  ngx_openzaak_zrc_d24[] =
    "Het burgerservicenummer, bedoeld in artikel 1.1 van de Wet algemene "
    "bepalingen burgerservicenummer.";

static const char  ngx_openzaak_zrc_d25[] =
    "Het door de gemeente uitgegeven unieke nummer voor een ANDER NATUURLIJK "
    "PERSOON";

static const char  ngx_openzaak_zrc_d26[] =
    "Het administratienummer van de persoon, bedoeld in de Wet BRP";

static const char  ngx_openzaak_zrc_d27[] =
    "Het door een kamer toegekend RSIN voor de INGESCHREVEN NIET-NATUURLIJK "
    "PERSOON";

static const char  ngx_openzaak_zrc_d28[] =
    "Het door de gemeente uitgegeven unieke nummer voor een ANDER "
    "NIET-NATUURLIJK PERSOON";

static const char  ngx_openzaak_zrc_d29[] =
    "**EXPERIMENTEEL** Een uniek nummer toegekend door de Kamer van "
    "Koophandel";

static const char  ngx_openzaak_zrc_d30[] =
    "**EXPERIMENTEEL** Een korte unieke aanduiding van de Vestiging.";

static const char  ngx_openzaak_zrc_d31[] =
    "**EXPERIMENTEEL** **DEPRECATED** Een korte unieke aanduiding van de "
    "Vestiging.";

static const char  ngx_openzaak_zrc_d32[] =
    "**EXPERIMENTEEL** **DEPRECATED** Een uniek nummer gekoppeld aan de "
    "onderneming.";

static const char  ngx_openzaak_zrc_d33[] =
    "**EXPERIMENTEEL** Een korte unieke aanduiding van de MEDEWERKER. Dit "
    "veld wijkt af van de standaard, omdat er 128 karakters zijn toegestaan "
    "in plaats van 24";

static const char  ngx_openzaak_zrc_d34[] =
    "**EXPERIMENTEEL** Een korte identificatie van de organisatorische "
    "eenheid. Dit veld wijkt af van de standaard, omdat er 255 karakters "
    "zijn toegestaan in plaats van 24";

static const char  ngx_openzaak_zrc_d35[] =
    "Lijst van unieke resource identifiers (UUID4)";

static const char  ngx_openzaak_zrc_d36[] =
    "Array van zaaktypen.";

static const char  ngx_openzaak_zrc_d37[] =
    "**EXPERIMENTEEL** Array van zaaktypen.";



#define NGX_OZ_ZRC_ZAAK_FILTERS                                              \
    { .name = "archiefactiedatum", .type = NGX_OZ_DATE,                       \
      .sql = "t.archiefactiedatum = $?::date",                                \
      .description = ngx_openzaak_zrc_d0 },                                   \
                                                                              \
    { .name = "archiefactiedatum__gt", .type = NGX_OZ_DATE,                   \
      .sql = "t.archiefactiedatum > $?::date",                                \
      .description = ngx_openzaak_zrc_d0 },                                   \
                                                                              \
    { .name = "archiefactiedatum__isnull", .type = NGX_OZ_BOOLEAN,            \
      .sql = "(t.archiefactiedatum IS NULL) = $?::boolean",                   \
      .description = ngx_openzaak_zrc_d0 },                                   \
                                                                              \
    { .name = "archiefactiedatum__lt", .type = NGX_OZ_DATE,                   \
      .sql = "t.archiefactiedatum < $?::date",                                \
      .description = ngx_openzaak_zrc_d0 },                                   \
                                                                              \
    { .name = "archiefnominatie", .type = NGX_OZ_ENUM,                        \
      .enums = ngx_openzaak_zrc_f_archiefnominatie,                           \
      .sql = "t.archiefnominatie = $?::text",                                 \
      .description = ngx_openzaak_zrc_d1 },                                   \
                                                                              \
    { .name = "archiefnominatie__in", .type = NGX_OZ_STRING,                  \
      .flags = NGX_OZ_FILTER_CSV,                                             \
      .sql = "t.archiefnominatie = ANY (string_to_array($?::text, ','))",     \
      .description = ngx_openzaak_zrc_d2 },                                   \
                                                                              \
    { .name = "archiefstatus", .type = NGX_OZ_ENUM,                           \
      .enums = ngx_openzaak_zrc_f_archiefstatus,                              \
      .sql = "t.archiefstatus = $?::text",                                    \
      .description = ngx_openzaak_zrc_d1 },                                   \
                                                                              \
    { .name = "archiefstatus__in", .type = NGX_OZ_STRING,                     \
      .flags = NGX_OZ_FILTER_CSV,                                             \
      .sql = "t.archiefstatus = ANY (string_to_array($?::text, ','))",        \
      .description = ngx_openzaak_zrc_d2 },                                   \
                                                                              \
    { .name = "bronorganisatie", .type = NGX_OZ_STRING,                       \
      .check = ngx_openzaak_check_rsin,                                       \
      .sql = "t.bronorganisatie = $?::text",                                  \
      .description = ngx_openzaak_zrc_d3 },                                   \
                                                                              \
    { .name = "bronorganisatie__in", .type = NGX_OZ_STRING,                   \
      .flags = NGX_OZ_FILTER_CSV,                                             \
      .sql = "t.bronorganisatie = ANY (string_to_array($?::text, ','))",      \
      .description = ngx_openzaak_zrc_d2 },                                   \
                                                                              \
    { .name = "einddatum", .type = NGX_OZ_DATE,                               \
      .sql = "t.einddatum = $?::date",                                        \
      .description = ngx_openzaak_zrc_d4 },                                   \
                                                                              \
    { .name = "einddatum__gt", .type = NGX_OZ_DATE,                           \
      .sql = "t.einddatum > $?::date",                                        \
      .description = ngx_openzaak_zrc_d4 },                                   \
                                                                              \
    { .name = "einddatum__isnull", .type = NGX_OZ_BOOLEAN,                    \
      .sql = "(t.einddatum IS NULL) = $?::boolean",                           \
      .description = ngx_openzaak_zrc_d4 },                                   \
                                                                              \
    { .name = "einddatum__lt", .type = NGX_OZ_DATE,                           \
      .sql = "t.einddatum < $?::date",                                        \
      .description = ngx_openzaak_zrc_d4 },                                   \
                                                                              \
    { .name = "einddatumGepland", .type = NGX_OZ_DATE,                        \
      .sql = "t.einddatum_gepland = $?::date",                                \
      .description = ngx_openzaak_zrc_d5 },                                   \
                                                                              \
    { .name = "einddatumGepland__gt", .type = NGX_OZ_DATE,                    \
      .sql = "t.einddatum_gepland > $?::date",                                \
      .description = ngx_openzaak_zrc_d5 },                                   \
                                                                              \
    { .name = "einddatumGepland__lt", .type = NGX_OZ_DATE,                    \
      .sql = "t.einddatum_gepland < $?::date",                                \
      .description = ngx_openzaak_zrc_d5 },                                   \
                                                                              \
    { .name = "identificatie", .type = NGX_OZ_STRING,                         \
      .sql = "t.identificatie = $?::text",                                    \
      .description = ngx_openzaak_zrc_d6 },                                   \
                                                                              \
    { .name = "identificatie__icontains", .type = NGX_OZ_STRING,              \
      .sql = "strpos(lower(t.identificatie), lower($?::text)) > 0",           \
      .description = ngx_openzaak_zrc_d7 },                                   \
                                                                              \
    { .name = "kenmerk", .type = NGX_OZ_STRING,                               \
      .check = ngx_openzaak_zrc_check_kenmerk,                                \
      .sql = "EXISTS (SELECT 1 FROM zaken.zaakkenmerk k WHERE k.zaak = "      \
             "t.uuid AND k.bron = split_part($?::text, ':', 1) AND "          \
             "k.kenmerk = substr($?::text, strpos($?::text, ':') + 1))",      \
      .description = ngx_openzaak_zrc_d8 },                                   \
                                                                              \
    { .name = "kenmerk__bron", .type = NGX_OZ_STRING,                         \
      .sql = "EXISTS (SELECT 1 FROM zaken.zaakkenmerk k WHERE k.zaak = "      \
             "t.uuid AND k.bron = $?::text)",                                 \
      .description = ngx_openzaak_zrc_d9 },                                   \
                                                                              \
    { .name = "maximaleVertrouwelijkheidaanduiding", .type = NGX_OZ_ENUM,     \
      .enums = ngx_openzaak_zrc_f_va,                                         \
      .sql = "zgw.va_order(t.vertrouwelijkheidaanduiding) <= "                \
             "zgw.va_order($?::text)",                                        \
      .description = ngx_openzaak_zrc_d10 },                                  \
                                                                              \
    { .name = "omschrijving", .type = NGX_OZ_STRING,                          \
      .sql = "strpos(lower(t.omschrijving), lower($?::text)) > 0",            \
      .description = ngx_openzaak_zrc_d11 },                                  \
                                                                              \
    { .name = "registratiedatum", .type = NGX_OZ_DATE,                        \
      .sql = "t.registratiedatum = $?::date",                                 \
      .description = ngx_openzaak_zrc_d12 },                                  \
                                                                              \
    { .name = "registratiedatum__gt", .type = NGX_OZ_DATE,                    \
      .sql = "t.registratiedatum > $?::date",                                 \
      .description = ngx_openzaak_zrc_d12 },                                  \
                                                                              \
    { .name = "registratiedatum__lt", .type = NGX_OZ_DATE,                    \
      .sql = "t.registratiedatum < $?::date",                                 \
      .description = ngx_openzaak_zrc_d12 },                                  \
                                                                              \
    { .name = "resultaat__resultaattype", .type = NGX_OZ_REF,                 \
      .ref = "catalogi/resultaattypen",                                       \
      .sql = "EXISTS (SELECT 1 FROM zaken.resultaat r WHERE r.uuid = "        \
             "t.resultaat AND r.resultaattype = $?::uuid)",                   \
      .description = ngx_openzaak_zrc_d13 },                                  \
                                                                              \
    { .name = "rol__betrokkene", .type = NGX_OZ_STRING,                       \
      .sql = "EXISTS (SELECT 1 FROM zaken.rol r WHERE r.zaak = t.uuid AND "   \
             "r.betrokkene = $?::text)",                                      \
      .description = ngx_openzaak_zrc_d14 },                                  \
                                                                              \
    { .name = "rol__betrokkeneType", .type = NGX_OZ_ENUM,                     \
      .enums = ngx_openzaak_zrc_f_betrokkene_type,                            \
      .sql = "EXISTS (SELECT 1 FROM zaken.rol r WHERE r.zaak = t.uuid AND "   \
             "r.betrokkene_type = $?::text)",                                 \
      .description = ngx_openzaak_zrc_d15 },                                  \
                                                                              \
    { .name = "rol__machtiging", .type = NGX_OZ_ENUM,                         \
      .enums = ngx_openzaak_zrc_f_machtiging,                                 \
      .sql = "EXISTS (SELECT 1 FROM zaken.rol r WHERE r.zaak = t.uuid AND "   \
             "r.indicatie_machtiging = CASE $?::text WHEN 'eigen' THEN '' "   \
             "ELSE $?::text END)",                                            \
      .description = ngx_openzaak_zrc_d16 },                                  \
                                                                              \
    { .name = "rol__machtiging__loa", .type = NGX_OZ_ENUM,                    \
      .enums = ngx_openzaak_zrc_f_loa,                                        \
      .sql = "EXISTS (SELECT 1 FROM zaken.rol r WHERE r.zaak = t.uuid AND "   \
             "zaken.loa_order(r.authenticatie_context ->> "                   \
             "'levelOfAssurance') <= zaken.loa_order($?::text))",             \
      .description = ngx_openzaak_zrc_d17 },                                  \
                                                                              \
    { .name = "rol__omschrijvingGeneriek", .type = NGX_OZ_ENUM,               \
      .enums = ngx_openzaak_zrc_f_omschrijving_generiek,                      \
      .sql = "EXISTS (SELECT 1 FROM zaken.rol r WHERE r.zaak = t.uuid AND "   \
             "r.omschrijving_generiek = $?::text)",                           \
      .description = ngx_openzaak_zrc_d18 },                                  \
                                                                              \
    { .name = "startdatum", .type = NGX_OZ_DATE,                              \
      .sql = "t.startdatum = $?::date",                                       \
      .description = ngx_openzaak_zrc_d19 },                                  \
                                                                              \
    { .name = "startdatum__gt", .type = NGX_OZ_DATE,                          \
      .sql = "t.startdatum > $?::date",                                       \
      .description = ngx_openzaak_zrc_d19 },                                  \
                                                                              \
    { .name = "startdatum__gte", .type = NGX_OZ_DATE,                         \
      .sql = "t.startdatum >= $?::date",                                      \
      .description = ngx_openzaak_zrc_d19 },                                  \
                                                                              \
    { .name = "startdatum__lt", .type = NGX_OZ_DATE,                          \
      .sql = "t.startdatum < $?::date",                                       \
      .description = ngx_openzaak_zrc_d19 },                                  \
                                                                              \
    { .name = "startdatum__lte", .type = NGX_OZ_DATE,                         \
      .sql = "t.startdatum <= $?::date",                                      \
      .description = ngx_openzaak_zrc_d19 },                                  \
                                                                              \
    { .name = "status__statustype", .type = NGX_OZ_REF,                       \
      .ref = "catalogi/statustypen",                                          \
      .sql = "EXISTS (SELECT 1 FROM zaken.status s WHERE s.uuid = "           \
             "t.status AND s.statustype = $?::uuid)",                         \
      .description = ngx_openzaak_zrc_d20 },                                  \
                                                                              \
    { .name = "uiterlijkeEinddatumAfdoening", .type = NGX_OZ_DATE,            \
      .sql = "t.uiterlijke_einddatum_afdoening = $?::date",                   \
      .description = ngx_openzaak_zrc_d21 },                                  \
                                                                              \
    { .name = "uiterlijkeEinddatumAfdoening__gt", .type = NGX_OZ_DATE,        \
      .sql = "t.uiterlijke_einddatum_afdoening > $?::date",                   \
      .description = ngx_openzaak_zrc_d21 },                                  \
                                                                              \
    { .name = "uiterlijkeEinddatumAfdoening__lt", .type = NGX_OZ_DATE,        \
      .sql = "t.uiterlijke_einddatum_afdoening < $?::date",                   \
      .description = ngx_openzaak_zrc_d21 },                                  \
                                                                              \
    { .name = "zaaktype", .type = NGX_OZ_REF,                                 \
      .ref = "catalogi/zaaktypen",                                            \
      .sql = "t.zaaktype = $?::uuid",                                         \
      .description = ngx_openzaak_zrc_d22 },                                  \
                                                                              \
    { .name = "zaaktype__omschrijving", .type = NGX_OZ_STRING,                \
      .sql = "EXISTS (SELECT 1 FROM catalogi.zaaktype zt WHERE zt.uuid = "    \
             "t.zaaktype AND strpos(lower(zt.omschrijving), "                 \
             "lower($?::text)) > 0)",                                         \
      .description = ngx_openzaak_zrc_d23 },                                  \
                                                                              \
    { .name = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn",      \
      .type = NGX_OZ_STRING,                                                  \
      .sql = NGX_OZ_ZRC_ROL_ID("natuurlijk_persoon", "inpBsn"),               \
      .description = ngx_openzaak_zrc_d24 },                                  \
                                                                              \
    { .name = "rol__betrokkeneIdentificatie__"                                \
              "natuurlijkPersoon__anpIdentificatie",                          \
      .type = NGX_OZ_STRING,                                                  \
      .sql = NGX_OZ_ZRC_ROL_ID("natuurlijk_persoon", "anpIdentificatie"),     \
      .description = ngx_openzaak_zrc_d25 },                                  \
                                                                              \
    { .name = "rol__betrokkeneIdentificatie__"                                \
              "natuurlijkPersoon__inpA_nummer",                               \
      .type = NGX_OZ_STRING,                                                  \
      .sql = NGX_OZ_ZRC_ROL_ID("natuurlijk_persoon", "inpA_nummer"),          \
      .description = ngx_openzaak_zrc_d26 },                                  \
                                                                              \
    { .name = "rol__betrokkeneIdentificatie__"                                \
              "nietNatuurlijkPersoon__innNnpId",                              \
      .type = NGX_OZ_STRING,                                                  \
      .sql = NGX_OZ_ZRC_ROL_ID("niet_natuurlijk_persoon", "innNnpId"),        \
      .description = ngx_openzaak_zrc_d27 },                                  \
                                                                              \
    { .name = "rol__betrokkeneIdentificatie__"                                \
              "nietNatuurlijkPersoon__annIdentificatie",                      \
      .type = NGX_OZ_STRING,                                                  \
      .sql = NGX_OZ_ZRC_ROL_ID("niet_natuurlijk_persoon",                     \
                               "annIdentificatie"),                           \
      .description = ngx_openzaak_zrc_d28 },                                  \
                                                                              \
    { .name = "rol__betrokkeneIdentificatie__"                                \
              "nietNatuurlijkPersoon__kvkNummer",                             \
      .type = NGX_OZ_STRING,                                                  \
      .sql = NGX_OZ_ZRC_ROL_ID("niet_natuurlijk_persoon", "kvkNummer"),       \
      .description = ngx_openzaak_zrc_d29 },                                  \
                                                                              \
    { .name = "rol__betrokkeneIdentificatie__"                                \
              "nietNatuurlijkPersoon__vestigingsNummer",                      \
      .type = NGX_OZ_STRING,                                                  \
      .sql = NGX_OZ_ZRC_ROL_ID("niet_natuurlijk_persoon",                     \
                               "vestigingsNummer"),                           \
      .description = ngx_openzaak_zrc_d30 },                                  \
                                                                              \
    { .name = "rol__betrokkeneIdentificatie__vestiging__vestigingsNummer",    \
      .type = NGX_OZ_STRING,                                                  \
      .sql = NGX_OZ_ZRC_ROL_ID("vestiging", "vestigingsNummer"),              \
      .description = ngx_openzaak_zrc_d31 },                                  \
                                                                              \
    { .name = "rol__betrokkeneIdentificatie__vestiging__kvkNummer",           \
      .type = NGX_OZ_STRING,                                                  \
      .sql = NGX_OZ_ZRC_ROL_ID("vestiging", "kvkNummer"),                     \
      .description = ngx_openzaak_zrc_d32 },                                  \
                                                                              \
    { .name = "rol__betrokkeneIdentificatie__medewerker__identificatie",      \
      .type = NGX_OZ_STRING,                                                  \
      .sql = NGX_OZ_ZRC_ROL_ID("medewerker", "identificatie"),                \
      .description = ngx_openzaak_zrc_d33 },                                  \
                                                                              \
    { .name = "rol__betrokkeneIdentificatie__"                                \
              "organisatorischeEenheid__identificatie",                       \
      .type = NGX_OZ_STRING,                                                  \
      .sql = NGX_OZ_ZRC_ROL_ID("organisatorische_eenheid", "identificatie"),  \
      .description = ngx_openzaak_zrc_d34 },


const ngx_openzaak_filter_t  ngx_openzaak_zrc_zaak_filters[] = {
    NGX_OZ_ZRC_ZAAK_FILTERS
    { .name = NULL }
};


/* the search takes every filter of the list, in its body */

const ngx_openzaak_filter_t  ngx_openzaak_zrc_zaak_zoek_filters[] = {
    NGX_OZ_ZRC_ZAAK_FILTERS

    { .name = "uuid__in", .type = NGX_OZ_UUID,
      .flags = NGX_OZ_FILTER_CSV,
      .sql = "t.uuid = ANY (string_to_array($?::text, ',')::uuid[])",
      .description = ngx_openzaak_zrc_d35 },

    { .name = "zaaktype__in", .type = NGX_OZ_REF,
      .flags = NGX_OZ_FILTER_CSV,
      .ref = "catalogi/zaaktypen",
      .sql = "t.zaaktype = ANY (string_to_array($?::text, ',')::uuid[])",
      .description = ngx_openzaak_zrc_d36 },

    { .name = "zaaktype__not_in", .type = NGX_OZ_REF,
      .flags = NGX_OZ_FILTER_CSV,
      .ref = "catalogi/zaaktypen",
      .sql = "t.zaaktype <> ALL (string_to_array($?::text, ',')::uuid[])",
      .description = ngx_openzaak_zrc_d37 },

    { .name = "zaakgeometrie", .type = NGX_OZ_GEOMETRY,
      .sql = "ST_Within(t.zaakgeometrie, (SELECT "
             "zgw.geometry_within($?::text, 'zaakgeometrie.within')))" },

    { .name = NULL }
};


const ngx_openzaak_ordering_t  ngx_openzaak_zrc_zaak_orderings[] = {
    { "startdatum", "t.startdatum" },
    { "einddatum", "t.einddatum" },
    { "publicatiedatum", "t.publicatiedatum" },
    { "archiefactiedatum", "t.archiefactiedatum" },
    { "registratiedatum", "t.registratiedatum" },
    { "identificatie", "t.identificatie" },
    { NULL, NULL }
};


/*
 * Open Zaak's KeyValueFilter: "bron:kenmerk", both parts present; the
 * kenmerk is what follows the first colon.
 */

static ngx_int_t
ngx_openzaak_zrc_check_kenmerk(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    ngx_str_t *value)
{
    u_char  *colon;

    colon = ngx_strlchr(value->data, value->data + value->len, ':');

    if (colon == NULL || colon == value->data
        || colon == value->data + value->len - 1)
    {
        (void) ngx_openzaak_invalidf(ctx, name, "invalid",
                                     "Voer een geldige waarde in.");
        return NGX_DECLINED;
    }

    return NGX_OK;
}
