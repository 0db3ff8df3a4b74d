/*
 * Copyright (C) ngx_openzaak_module developers. Licensed under the EUPL-1.2.
 */


/*
 * Zaken API 1.5.1: Rol, a polymorphic resource.  betrokkeneType selects
 * the members of betrokkeneIdentificatie (and, for natuurlijk_persoon,
 * niet_natuurlijk_persoon and vestiging, the experimental
 * authenticatieContext): each variant is a field of its own, on the same
 * jsonb column, validated, rendered and documented with that variant's
 * members.  The identificatie is stored as sent with every member
 * (absent ones with their default), so it renders as Open Zaak renders
 * it and a filter on a member is "betrokkene_identificatie @> {...}" on
 * the column's GIN index.
 *
 * The rules that need stored data (the roltype of the zaak's zaaktype,
 * one initiator and one zaakcoordinator per zaak, a betrokkene or its
 * identificatie) are zaken.check_rol(); omschrijving and
 * omschrijvingGeneriek are copied from the roltype by a trigger
 * (sql/0011_zaken_rol.sql).  Open Zaak has no PATCH of a rol; its PUT
 * (experimental) replaces the identificatie.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_openzaak_zaken.h"


static ngx_int_t ngx_openzaak_zrc_check_a_nummer(ngx_openzaak_ctx_t *ctx,
    ngx_str_t *name, ngx_str_t *value);
static ngx_int_t ngx_openzaak_zrc_rol_validate(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);
static ngx_int_t ngx_openzaak_zrc_rol_before(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w);


/* the identificaties, as the OAS has them (shared with zaakobject) */

static const char *const  ngx_openzaak_zrc_geslachtsaanduiding_enum[] = {
    "m", "v", "o", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_verblijfs_adres[] = {
    { .name = "aoaIdentificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED|NGX_OZ_BLANK,
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

    { .name = "inpLocatiebeschrijving", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 1000 },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_sub_verblijf_buitenland[]
= {
    { .name = "lndLandcode", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 4,
      .description = "De code, behorende bij de landnaam, zoals "
                     "opgenomen in de Land/Gebied-tabel van de BRP." },

    { .name = "lndLandnaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 40,
      .description = "De naam van het land, zoals opgenomen in de "
                     "Land/Gebied-tabel van de BRP." },

    { .name = "subAdresBuitenland_1", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 35 },

    { .name = "subAdresBuitenland_2", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 35 },

    { .name = "subAdresBuitenland_3", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 35 },

    { .name = NULL }
};


const ngx_openzaak_field_t  ngx_openzaak_zrc_np_id[] = {
    { .name = "inpBsn", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .min_length = 9,
      .max_length = 9,
      .description = "Het burgerservicenummer, bedoeld in artikel 1.1 "
                     "van de Wet algemene bepalingen burgerservicenummer.",
      .check = ngx_openzaak_check_rsin },

    { .name = "anpIdentificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 17,
      .description = "Het door de gemeente uitgegeven unieke nummer voor "
                     "een ANDER NATUURLIJK PERSOON" },

    { .name = "inpA_nummer", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 10,
      .description = "Het administratienummer van de persoon, bedoeld in "
                     "de Wet BRP",
      .check = ngx_openzaak_zrc_check_a_nummer },

    { .name = "geslachtsnaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 200,
      .description = "De stam van de geslachtsnaam." },

    { .name = "voorvoegselGeslachtsnaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 80 },

    { .name = "voorletters", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 20,
      .description = "De verzameling letters die gevormd wordt door de "
                     "eerste letter van alle in volgorde voorkomende "
                     "voornamen." },

    { .name = "voornamen", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 200,
      .description = "Voornamen bij de naam die de persoon wenst te "
                     "voeren." },

    { .name = "geslachtsaanduiding", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_ENUM_BLANK,
      .enums = ngx_openzaak_zrc_geslachtsaanduiding_enum,
      .description = "Een aanduiding die aangeeft of de persoon een man "
                     "of een vrouw is, of dat het geslacht nog onbekend "
                     "is. Uitleg bij mogelijke waarden: * `m` - Man * "
                     "`v` - Vrouw * `o` - Onbekend" },

    { .name = "geboortedatum", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 18 },

    { .name = "verblijfsadres", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_verblijfs_adres },

    { .name = "subVerblijfBuitenland", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_sub_verblijf_buitenland },

    { .name = NULL }
};


static const char *const  ngx_openzaak_zrc_inn_rechtsvorm_enum[] = {
    "besloten_vennootschap", "cooperatie_europees_economische_samenwerking",
    "europese_cooperatieve_venootschap", "europese_naamloze_vennootschap",
    "kerkelijke_organisatie", "naamloze_vennootschap",
    "onderlinge_waarborg_maatschappij",
    "overig_privaatrechtelijke_rechtspersoon", "stichting", "vereniging",
    "vereniging_van_eigenaars", "publiekrechtelijke_rechtspersoon",
    "vennootschap_onder_firma", "maatschap", "rederij",
    "commanditaire_vennootschap", "kapitaalvennootschap_binnen_eer",
    "overige_buitenlandse_rechtspersoon_vennootschap",
    "kapitaalvennootschap_buiten_eer", NULL
};


const ngx_openzaak_field_t  ngx_openzaak_zrc_nnp_id[] = {
    { .name = "innNnpId", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .min_length = 9,
      .max_length = 9,
      .description = "Het door een kamer toegekend RSIN voor de "
                     "INGESCHREVEN NIET-NATUURLIJK PERSOON",
      .check = ngx_openzaak_check_rsin },

    { .name = "annIdentificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 17,
      .description = "Het door de gemeente uitgegeven unieke nummer voor "
                     "een ANDER NIET-NATUURLIJK PERSOON" },

    { .name = "kvkNummer", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 8,
      .description = "**EXPERIMENTEEL** Een uniek nummer toegekend door "
                     "de Kamer van Koophandel" },

    { .name = "vestigingsNummer", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 24,
      .description = "**EXPERIMENTEEL** Een korte unieke aanduiding van "
                     "de Vestiging." },

    { .name = "statutaireNaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 500,
      .description = "Naam van de niet-natuurlijke persoon zoals deze is "
                     "vastgelegd in de statuten (rechtspersoon) of in de "
                     "vennootschapsovereenkomst is overeengekomen "
                     "(Vennootschap onder firma of Commanditaire "
                     "vennootschap)." },

    { .name = "innRechtsvorm", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_ENUM_BLANK,
      .enums = ngx_openzaak_zrc_inn_rechtsvorm_enum,
      .description = "De juridische vorm van de NIET-NATUURLIJK PERSOON." },

    { .name = "bezoekadres", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 1000,
      .description = "De gegevens over het adres van de NIET-NATUURLIJK "
                     "PERSOON" },

    { .name = "verblijfsadres", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_verblijfs_adres,
      .description = "**EXPERIMENTEEL** verblijfsadres" },

    { .name = "subVerblijfBuitenland", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_sub_verblijf_buitenland },

    { .name = NULL }
};


const ngx_openzaak_field_t  ngx_openzaak_zrc_vestiging_id[] = {
    { .name = "vestigingsNummer", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 24,
      .description = "Een korte unieke aanduiding van de Vestiging." },

    { .name = "handelsnaam", .type = NGX_OZ_ARRAY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "handelsnaam", .type = NGX_OZ_STRING, .max_length = 625 },
          { .name = NULL } },
      .description = "De naam van de vestiging waaronder gehandeld wordt." },

    { .name = "verblijfsadres", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_verblijfs_adres },

    { .name = "subVerblijfBuitenland", .type = NGX_OZ_OBJECT,
      .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_sub_verblijf_buitenland },

    { .name = "kvkNummer", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 8,
      .description = "Een uniek nummer gekoppeld aan de onderneming." },

    { .name = NULL }
};


const ngx_openzaak_field_t  ngx_openzaak_zrc_oeh_id[] = {
    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 255,
      .description = "**EXPERIMENTEEL** Een korte identificatie van de "
                     "organisatorische eenheid. Dit veld wijkt af van de "
                     "standaard, omdat er 255 karakters zijn toegestaan "
                     "in plaats van 24" },

    { .name = "naam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 255,
      .description = "**EXPERIMENTEEL** De feitelijke naam van de "
                     "organisatorische eenheid. Dit veld wijkt af van de "
                     "standaard, omdat er 255 karakters zijn toegestaan "
                     "in plaats van 50" },

    { .name = "isGehuisvestIn", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 255,
      .description = "**EXPERIMENTEEL** Dit veld wijkt af van de "
                     "standaard, omdat er 255 karakters zijn toegestaan "
                     "in plaats van 24" },

    { .name = NULL }
};


const ngx_openzaak_field_t  ngx_openzaak_zrc_medewerker_id[] = {
    { .name = "identificatie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 128,
      .description = "**EXPERIMENTEEL** Een korte unieke aanduiding van "
                     "de MEDEWERKER. Dit veld wijkt af van de standaard, "
                     "omdat er 128 karakters zijn toegestaan in plaats "
                     "van 24" },

    { .name = "achternaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 200,
      .description = "De achternaam zoals de MEDEWERKER die in het "
                     "dagelijkse verkeer gebruikt." },

    { .name = "voorletters", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 20,
      .description = "De verzameling letters die gevormd wordt door de "
                     "eerste letter van alle in volgorde voorkomende "
                     "voornamen." },

    { .name = "voorvoegselAchternaam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 10,
      .description = "Dat deel van de geslachtsnaam dat voorkomt in "
                     "Tabel 36 (GBA), voorvoegseltabel, en door een "
                     "spatie van de geslachtsnaam is" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_contact_persoon_rol[] = {
    { .name = "emailadres", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 254,
      .description = "Elektronich postadres waaronder de contactpersoon "
                     "in de regel bereikbaar is.",
      .check = ngx_openzaak_check_email, .format = "email" },

    { .name = "functie", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 50,
      .description = "De aanduiding van de taken, rechten en plichten "
                     "die de contactpersoon heeft binnen de organisatie "
                     "van BETROKKENE." },

    { .name = "telefoonnummer", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK,
      .max_length = 20,
      .description = "Telefoonnummer waaronder de contactpersoon in de "
                     "regel bereikbaar is." },

    { .name = "naam", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED|NGX_OZ_BLANK,
      .max_length = 200,
      .description = "De opgemaakte naam van de contactpersoon namens de "
                     "BETROKKENE." },

    { .name = NULL }
};


static const char *const  ngx_openzaak_zrc_digid_auth_source_enum[] = {
    "digid", NULL
};


static const char *const  ngx_openzaak_zrc_digid_auth_loa_enum[] = {
    "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI", NULL
};


static const char *const  ngx_openzaak_zrc_digid_repr_type_enum[] = {
    "bsn", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_digid_representee[] = {
    { .name = "identifierType", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_zrc_digid_repr_type_enum,
      .description = "Geeft aan hoe de `identifier` waarde "
                     "geïnterpreteerd moet worden. DigiD en DigiD "
                     "Machtigen ondersteunen alleen BSN" },

    { .name = "identifier", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 9,
      .max_length = 9,
      .description = "BSN van de persoon die vertegenwoordigd wordt. Een "
                     "BSN moet voldoen aan de 11-proef",
      .check = ngx_openzaak_check_rsin },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_digid_mandate_service[] = {
    { .name = "id", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1 },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_digid_mandate[] = {
    { .name = "services", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_REQUIRED,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "DigiDMandateService", .type = NGX_OZ_OBJECT,
            .fields = ngx_openzaak_zrc_digid_mandate_service },
          { .name = NULL } } },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_digid_auth[] = {
    { .name = "source", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_zrc_digid_auth_source_enum,
      .description = "DigiD is de enige manier waarop een Natuurlijk "
                     "Persoon geïdentificeerd kan worden." },

    { .name = "levelOfAssurance", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_zrc_digid_auth_loa_enum,
      .description = "Geeft aan hoe sterk de identiteitsclaim is. Logius "
                     "definieert de mogelijke "
                     "betrouwbaarheidsniveaus*en* schrijft voor wat het "
                     "minimale niveau moet zijn. Het opslaan van deze "
                     "context stelt portalen in staat om alleen de zaken "
                     "weer te gegeven met een lager of gelijk "
                     "betrouwbaarheidsniveau in de op dat moment actieve "
                     "portaal authenticatie context. Uitleg bij "
                     "mogelijke waarden: * "
                     "`urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProt"
                     "ectedTransport` - DigiD Basis * "
                     "`urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFac"
                     "torContract` - DigiD Midden * "
                     "`urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard` "
                     "- DigiD Substantieel * "
                     "`urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI"
                     "` - DigiD Hoog" },

    { .name = "representee", .type = NGX_OZ_OBJECT,
      .fields = ngx_openzaak_zrc_digid_representee,
      .description = "Wanneer de `Rol` voor de gemachtigde geregistreerd "
                     "wordt, moet de vertegenwoordigde bijgevoegd worden "
                     "om duidelijk te maken dat er sprake is van een "
                     "machtiging. Dit maakt het ook het attribuut "
                     "`mandate` en de context daarbij verplicht. Als een "
                     "vertegenwoordigde bijgevoegd wordt, moet er ook "
                     "een aparte `Rol` aangemaakt worden met "
                     "`rolomschrijvingGeneriek` gelijk aan "
                     "`belanghebbende` en `indicatieMachtiging` gelijk "
                     "aan `machtiginggever`." },

    { .name = "mandate", .type = NGX_OZ_OBJECT,
      .fields = ngx_openzaak_zrc_digid_mandate,
      .description = "Het attribuut `mandate` is verplicht als een "
                     "`representee` is gespecificeerd." },

    { .name = NULL }
};


static const char *const  ngx_openzaak_zrc_eherkenning_auth_source_enum[] = {
    "eherkenning", NULL
};


static const char *const  ngx_openzaak_zrc_eherkenning_auth_loa_enum[] = {
    "urn:etoegang:core:assurance-class:loa1",
    "urn:etoegang:core:assurance-class:loa2",
    "urn:etoegang:core:assurance-class:loa2plus",
    "urn:etoegang:core:assurance-class:loa3",
    "urn:etoegang:core:assurance-class:loa4", NULL
};


static const char *const  ngx_openzaak_zrc_eherkenning_repr_type_enum[] = {
    "bsn", "kvkNummer", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_eherkenning_representee[]
= {
    { .name = "identifierType", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_zrc_eherkenning_repr_type_enum,
      .description = "Geeft aan hoe de `identifier` waarde "
                     "geïnterpreteerd moet worden. EHerkenning "
                     "ondersteunt alleen BSN en KVK-nummer" },

    { .name = "identifier", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 9,
      .description = "Identificatie van de vertegenwoordigde persoon of "
                     "het vertegenwoordigde bedrijf" },

    { .name = NULL }
};


static const char *const  ngx_openzaak_zrc_role_enum[] = {
    "bewindvoerder", "curator", "mentor", NULL
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_eherkenning_service[] = {
    { .name = "id", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .description = "De ServiceID uit de servicecatalogus" },

    { .name = "uuid", .type = NGX_OZ_UUID,
      .flags = NGX_OZ_REQUIRED,
      .description = "De ServiceUUID uit de servicecatalogus" },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_eherkenning_mandate[] = {
    { .name = "role", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_zrc_role_enum,
      .description = "De rol van een machtiging, meestal gegeven via "
                     "juridische procedures" },

    { .name = "services", .type = NGX_OZ_ARRAY,
      .flags = NGX_OZ_REQUIRED,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "eHerkenningService", .type = NGX_OZ_OBJECT,
            .fields = ngx_openzaak_zrc_eherkenning_service },
          { .name = NULL } } },

    { .name = NULL }
};


static const ngx_openzaak_field_t  ngx_openzaak_zrc_eherkenning_auth[] = {
    { .name = "source", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_zrc_eherkenning_auth_source_enum,
      .description = "eHerkenning is de enige manier waarop een Niet "
                     "Natuurlijk Persoon of de vestiging van een bedrijf "
                     "geïdentificeerd kan worden." },

    { .name = "levelOfAssurance", .type = NGX_OZ_ENUM,
      .flags = NGX_OZ_REQUIRED,
      .enums = ngx_openzaak_zrc_eherkenning_auth_loa_enum,
      .description = "Geeft aan hoe sterk de identiteitsclaim is. "
                     "Elektronische Toegangsdiensten definiëren de "
                     "mogelijke betrouwbaarheidsniveaus. Het opslaan van "
                     "deze context stelt portalen in staat om alleen de "
                     "zaken weer te gegeven met een lager of gelijk "
                     "betrouwbaarheidsniveau in de op dat moment actieve "
                     "portaal authenticatie context. Uitleg bij "
                     "mogelijke waarden: * "
                     "`urn:etoegang:core:assurance-class:loa1` - Niet "
                     "bestaand (1) * "
                     "`urn:etoegang:core:assurance-class:loa2` - Laag "
                     "(2) * `urn:etoegang:core:assurance-class:loa2plus` "
                     "- Laag (2+) * "
                     "`urn:etoegang:core:assurance-class:loa3` - "
                     "Substantieel (3) * "
                     "`urn:etoegang:core:assurance-class:loa4` - Hoog (4)" },

    { .name = "actingSubject", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_REQUIRED,
      .min_length = 1,
      .max_length = 100,
      .description = "De identificatie is altijd versleuteld en de "
                     "versleutelingsmethode is specifiek voor de service "
                     "provider. Bijvoorbeeld: dezelfde fysieke persoon "
                     "krijgt verschillende identificatiewaarden wanneer "
                     "diegene bij verschillende service providers "
                     "authenticeert. Onversleutelde details van de "
                     "handelende persoon kunnen toegevoegd worden aan "
                     "het attribuut `contactpersoonRol.naam`." },

    { .name = "representee", .type = NGX_OZ_OBJECT,
      .fields = ngx_openzaak_zrc_eherkenning_representee,
      .description = "Wanneer de `Rol` voor de gemachtigde geregistreerd "
                     "wordt, moet de vertegenwoordigde bijgevoegd worden "
                     "om duidelijk te maken dat er sprake is van een "
                     "machtiging. Dit maakt het ook het attribuut "
                     "`mandate` en de context daarbij verplicht. Als een "
                     "vertegenwoordigde bijgevoegd wordt, moet er ook "
                     "een aparte `Rol` aangemaakt worden met "
                     "`rolomschrijvingGeneriek` gelijk aan "
                     "`belanghebbende` en `indicatieMachtiging` gelijk "
                     "aan `machtiginggever`." },

    { .name = "mandate", .type = NGX_OZ_OBJECT,
      .fields = ngx_openzaak_zrc_eherkenning_mandate,
      .description = "`mandate` beschrijft de mate van machtiging voor "
                     "de vertegenwoordigde aan de gemachtigde. `mandate` "
                     "is verplicht als een `representee` "
                     "(vertegenwoordigde) gespecificeerd is." },

    { .name = NULL }
};



static const char *const  ngx_openzaak_zrc_betrokkene_type_enum[] = {
    "natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging",
    "organisatorische_eenheid", "medewerker", NULL
};

static const char *const  ngx_openzaak_zrc_indicatie_machtiging_enum[] = {
    "gemachtigde", "machtiginggever", NULL
};

static const char *const  ngx_openzaak_zrc_omschrijving_generiek_enum[] = {
    "adviseur", "behandelaar", "belanghebbende", "beslisser", "initiator",
    "klantcontacter", "zaakcoordinator", "mede_initiator", NULL
};

static const char *const  ngx_openzaak_zrc_machtiging_enum[] = {
    "eigen", "gemachtigde", "machtiginggever", NULL
};

static const char *const  ngx_openzaak_zrc_loa_enum[] = {
    "urn:etoegang:core:assurance-class:loa1",
    "urn:etoegang:core:assurance-class:loa2",
    "urn:etoegang:core:assurance-class:loa2plus",
    "urn:etoegang:core:assurance-class:loa3",
    "urn:etoegang:core:assurance-class:loa4",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
    "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI",
    NULL
};


#define NGX_OZ_ZRC_BETROKKENE_ID(f, v)                                       \
    { .name = "betrokkeneIdentificatie",                                     \
      .column = "betrokkene_identificatie", .type = NGX_OZ_OBJECT,           \
      .flags = NGX_OZ_NULLABLE, .fields = f, .variants = v }

#define NGX_OZ_ZRC_AUTH_CONTEXT(f, v)                                        \
    { .name = "authenticatieContext", .column = "authenticatie_context",     \
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE, .fields = f,          \
      .variants = v,                                                         \
      .description = "Information about the authentication and mandate "     \
                     "(if relevant) that applied when the role was added "   \
                     "to the case. The exact shape of data depends on the "  \
                     "selected `betrokkeneType`. Use `null` if unknown or "  \
                     "when creating a role other than the `initiator`." }


static const ngx_openzaak_field_t  ngx_openzaak_zrc_rol_fields[] = {

    { .name = "url", .type = NGX_OZ_URI, .flags = NGX_OZ_READONLY,
      .min_length = 1, .max_length = 1000,
      .render = NGX_OZ_ZRC_URL("rollen"),
      .description = "URL-referentie naar dit object. Dit is de unieke "
                     "identificatie en locatie van dit object." },

    { .name = "uuid", .column = "uuid", .type = NGX_OZ_UUID,
      .flags = NGX_OZ_READONLY,
      .description = "Unieke resource identifier (UUID4)" },

    NGX_OZ_ZRC_PART_ZAAK(""),

    { .name = "betrokkene", .column = "betrokkene", .type = NGX_OZ_URI,
      .flags = NGX_OZ_BLANK, .max_length = 1000,
      .description = "URL-referentie naar een betrokkene gerelateerd aan de "
                     "ZAAK." },

    { .name = "betrokkeneType", .column = "betrokkene_type",
      .type = NGX_OZ_ENUM, .flags = NGX_OZ_REQUIRED|NGX_OZ_DISCRIMINATOR,
      .enums = ngx_openzaak_zrc_betrokkene_type_enum,
      .description = "Betrokkene type `vestiging` is **DEPRECATED**." },

    { .name = "afwijkendeNaamBetrokkene",
      .column = "afwijkende_naam_betrokkene", .type = NGX_OZ_STRING,
      .flags = NGX_OZ_BLANK, .max_length = 625,
      .description = "De naam van de betrokkene waaronder deze in relatie tot "
                     "de zaak aangesproken wil worden." },

    { .name = "roltype", .column = "roltype", .type = NGX_OZ_REF,
      .flags = NGX_OZ_REQUIRED|NGX_OZ_IMMUTABLE, .ref = "catalogi/roltypen",
      .min_length = 1, .max_length = 1000,
      .description = "URL-referentie naar een roltype binnen het ZAAKTYPE "
                     "van de ZAAK." },

    { .name = "omschrijving", .column = "omschrijving",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_READONLY,
      .description = "Omschrijving van de aard van de ROL, afgeleid uit het "
                     "ROLTYPE." },

    { .name = "omschrijvingGeneriek", .column = "omschrijving_generiek",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_READONLY,
      .description = "Algemeen gehanteerde benaming van de aard van de ROL, "
                     "afgeleid uit het ROLTYPE." },

    { .name = "roltoelichting", .column = "roltoelichting",
      .type = NGX_OZ_STRING, .flags = NGX_OZ_BLANK, .max_length = 1000,
      .description = "**EXPERIMENTEEL** Toelichting bij de rol (dit veld "
                     "wijkt af van de standaard, omdat het veld niet "
                     "verplicht is)." },

    { .name = "registratiedatum", .column = "registratiedatum",
      .type = NGX_OZ_DATETIME, .flags = NGX_OZ_READONLY,
      .description = "De datum waarop dit object is geregistreerd." },

    { .name = "indicatieMachtiging", .column = "indicatie_machtiging",
      .type = NGX_OZ_ENUM, .flags = NGX_OZ_ENUM_BLANK,
      .enums = ngx_openzaak_zrc_indicatie_machtiging_enum,
      .description = "Indicatie machtiging" },

    { .name = "contactpersoonRol", .column = "contactpersoon_rol",
      .type = NGX_OZ_OBJECT, .flags = NGX_OZ_NULLABLE,
      .fields = ngx_openzaak_zrc_contact_persoon_rol,
      .description = "De gegevens van de persoon die anderen desgevraagd in "
                     "contact brengt met medewerkers van de BETROKKENE, een "
                     "NIET-NATUURLIJK PERSOON of VESTIGING zijnde, of met "
                     "BETROKKENE zelf, een NATUURLIJK PERSOON zijnde , vanuit "
                     "het belang van BETROKKENE in haar ROL bij een ZAAK." },

    { .name = "statussen", .type = NGX_OZ_ARRAY, .flags = NGX_OZ_READONLY,
      .fields = (const ngx_openzaak_field_t []) {
          { .name = "status", .type = NGX_OZ_URI, .min_length = 1,
            .max_length = 1000 },
          { .name = NULL } },
      .url = "zaken/statussen",
      .render = "ARRAY(SELECT s.uuid FROM zaken.status s"
                " WHERE s.gezetdoor = %a.uuid ORDER BY s.id)",
      .description = "De BETROKKENE die in zijn/haar ROL in een ZAAK heeft "
                     "geregistreerd dat STATUSsen in die ZAAK bereikt zijn." },

    { .name = "beginGeldigheid", .column = "begin_geldigheid",
      .type = NGX_OZ_DATE, .flags = NGX_OZ_NULLABLE,
      .description = "**EXPERIMENTEEL** De datum waarop de "
                     "geldigheidsperiode van de ROL begint binnen de ZAAK." },

    { .name = "eindeGeldigheid", .column = "einde_geldigheid",
      .type = NGX_OZ_DATE, .flags = NGX_OZ_NULLABLE,
      .description = "**EXPERIMENTEEL** De datum waarop de "
                     "geldigheidsperiode van de ROL eindigt binnen de ZAAK." },

    /* the variants */

    NGX_OZ_ZRC_BETROKKENE_ID(ngx_openzaak_zrc_np_id, "natuurlijk_persoon"),
    NGX_OZ_ZRC_AUTH_CONTEXT(ngx_openzaak_zrc_digid_auth,
                            "natuurlijk_persoon"),
    NGX_OZ_ZRC_BETROKKENE_ID(ngx_openzaak_zrc_nnp_id,
                             "niet_natuurlijk_persoon"),
    NGX_OZ_ZRC_BETROKKENE_ID(ngx_openzaak_zrc_vestiging_id, "vestiging"),
    NGX_OZ_ZRC_AUTH_CONTEXT(ngx_openzaak_zrc_eherkenning_auth,
                            "niet_natuurlijk_persoon vestiging"),
    NGX_OZ_ZRC_BETROKKENE_ID(ngx_openzaak_zrc_oeh_id,
                             "organisatorische_eenheid"),
    NGX_OZ_ZRC_BETROKKENE_ID(ngx_openzaak_zrc_medewerker_id, "medewerker"),

    { .name = NULL }
};


/*
 * betrokkeneIdentificatie__<variant>__<member>: a rol of that type whose
 * identificatie has that member (the GIN index on the column).
 */

#define NGX_OZ_ZRC_ID_FILTER(variant, btype, member)                         \
    { .name = "betrokkeneIdentificatie__" variant "__" member,                \
      .type = NGX_OZ_STRING,                                                 \
      .sql = "t.betrokkene_type = '" btype "'"                               \
             " AND t.betrokkene_identificatie @> jsonb_build_object('"       \
             member "', $?::text)" }

static const ngx_openzaak_filter_t  ngx_openzaak_zrc_rol_filters[] = {
    { .name = "betrokkene", .type = NGX_OZ_URI,
      .sql = "t.betrokkene = $?::text",
      .description = "URL-referentie naar een betrokkene gerelateerd aan de "
                     "ZAAK." },
    NGX_OZ_ZRC_ID_FILTER("medewerker", "medewerker", "identificatie"),
    NGX_OZ_ZRC_ID_FILTER("natuurlijkPersoon", "natuurlijk_persoon",
                         "anpIdentificatie"),
    NGX_OZ_ZRC_ID_FILTER("natuurlijkPersoon", "natuurlijk_persoon",
                         "inpA_nummer"),
    NGX_OZ_ZRC_ID_FILTER("natuurlijkPersoon", "natuurlijk_persoon",
                         "inpBsn"),
    NGX_OZ_ZRC_ID_FILTER("nietNatuurlijkPersoon", "niet_natuurlijk_persoon",
                         "annIdentificatie"),
    NGX_OZ_ZRC_ID_FILTER("nietNatuurlijkPersoon", "niet_natuurlijk_persoon",
                         "innNnpId"),
    NGX_OZ_ZRC_ID_FILTER("nietNatuurlijkPersoon", "niet_natuurlijk_persoon",
                         "kvkNummer"),
    NGX_OZ_ZRC_ID_FILTER("nietNatuurlijkPersoon", "niet_natuurlijk_persoon",
                         "vestigingsNummer"),
    NGX_OZ_ZRC_ID_FILTER("organisatorischeEenheid",
                         "organisatorische_eenheid", "identificatie"),
    NGX_OZ_ZRC_ID_FILTER("vestiging", "vestiging", "kvkNummer"),
    NGX_OZ_ZRC_ID_FILTER("vestiging", "vestiging", "vestigingsNummer"),
    { .name = "betrokkeneType", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_zrc_betrokkene_type_enum,
      .sql = "t.betrokkene_type = $?::text",
      .description = "Type van de `betrokkene`." },
    /* eigen: no indicatieMachtiging */
    { .name = "machtiging", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_zrc_machtiging_enum,
      .sql = "t.indicatie_machtiging = (SELECT CASE m WHEN 'eigen' THEN ''"
             " ELSE m END FROM (VALUES ($?::text)) v (m))",
      .description = "Rollen met de opgegeven machtiging: `eigen` (geen "
                     "machtiging), `gemachtigde` of `machtiginggever`." },
    { .name = "machtiging__loa", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_zrc_loa_enum,
      .sql = "t.authenticatie_context->>'levelOfAssurance'"
             " = ANY (zaken.loa_upto($?::text))",
      .description = "Rollen waarvan het betrouwbaarheidsniveau van de "
                     "authenticatie lager of gelijk is aan de opgegeven "
                     "waarde." },
    { .name = "omschrijving", .type = NGX_OZ_STRING,
      .sql = "t.omschrijving = $?::text",
      .description = "Omschrijving van de aard van de ROL, afgeleid uit het "
                     "ROLTYPE." },
    { .name = "omschrijvingGeneriek", .type = NGX_OZ_ENUM,
      .enums = ngx_openzaak_zrc_omschrijving_generiek_enum,
      .sql = "t.omschrijving_generiek = $?::text",
      .description = "Algemeen gehanteerde benaming van de aard van de ROL, "
                     "afgeleid uit het ROLTYPE." },
    { .name = "roltype", .type = NGX_OZ_REF, .ref = "catalogi/roltypen",
      .sql = "t.roltype = $?::uuid",
      .description = "URL-referentie naar een roltype binnen het ZAAKTYPE "
                     "van de ZAAK." },
    { .name = "zaak", .type = NGX_OZ_REF, .ref = "zaken/zaken",
      .sql = "t.zaak = $?::uuid",
      .description = "URL-referentie naar de ZAAK." },
    { .name = NULL }
};


static const ngx_openzaak_operation_t  ngx_openzaak_zrc_rol_ops[] = {
    { NGX_OZ_OP_LIST, 0, NULL, NGX_OZ_OP_PAGINATED, "rol_list",
      "Alle ROLlen bij ZAAKen opvragen.", ngx_openzaak_zrc_lezen, NULL, NULL,
      "Deze lijst kan gefilterd wordt met query-string parameters." },
    { NGX_OZ_OP_CREATE, 0, NULL, 0, "rol_create",
      "Maak een ROL aan bij een ZAAK.", ngx_openzaak_zrc_part_schrijven,
      NULL, NULL, "Maak een ROL aan bij een ZAAK." },
    { NGX_OZ_OP_READ, 0, NULL, NGX_OZ_OP_ETAG|NGX_OZ_OP_HEAD, "rol_read",
      "Een specifieke ROL bij een ZAAK opvragen.", ngx_openzaak_zrc_lezen,
      NULL, NULL, "Een specifieke ROL bij een ZAAK opvragen." },
    { NGX_OZ_OP_UPDATE, 0, NULL, 0, "rol_update",
      "Werk een ROL in zijn geheel bij.", ngx_openzaak_zrc_part_schrijven,
      NULL, NULL, "Werk een ROL in zijn geheel bij." },
    { NGX_OZ_OP_DELETE, 0, NULL, 0, "rol_delete",
      "Verwijder een ROL van een ZAAK.", ngx_openzaak_zrc_part_schrijven,
      NULL, NULL, "Verwijder een ROL van een ZAAK." },
    { 0, 0, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }
};


static const ngx_openzaak_hooks_t  ngx_openzaak_zrc_rol_hooks = {
    .validate = ngx_openzaak_zrc_rol_validate,
    .before = ngx_openzaak_zrc_rol_before
};


ngx_openzaak_resource_t  ngx_openzaak_zrc_rol = {
    .path = "rollen",
    .name = "rol",
    .schema = "Rol",
    .table = "zaken.rol",
    .fields = ngx_openzaak_zrc_rol_fields,
    .filters = ngx_openzaak_zrc_rol_filters,
    .operations = ngx_openzaak_zrc_rol_ops,
    .order = "t.id",
    .kanaal = "zaken",
    .hoofd_object = NGX_OZ_ZRC_PART_HOOFD_OBJECT,
    .kenmerken = ngx_openzaak_zrc_part_kenmerken,
    .hooks = &ngx_openzaak_zrc_rol_hooks,
    .auth = &ngx_openzaak_zrc_part_auth,
    .description = "Modelleer de rol van een BETROKKENE bij een ZAAK."
};


/* inpA_nummer: ten digits, the first not 0 (Open Zaak's RegexValidator) */

static ngx_int_t
ngx_openzaak_zrc_check_a_nummer(ngx_openzaak_ctx_t *ctx, ngx_str_t *name,
    ngx_str_t *value)
{
    ngx_uint_t  i;

    if (value->len == 10 && value->data[0] != '0') {
        for (i = 0; i < 10; i++) {
            if (!ngx_openzaak_isdigit(value->data[i])) {
                break;
            }
        }

        if (i == 10) {
            return NGX_OK;
        }
    }

    (void) ngx_openzaak_invalidf(ctx, name, "a-nummer-incorrect-format",
                                 "inpA_nummer must consist of 10 digits, "
                                 "and begin with a non-zero");
    return NGX_DECLINED;
}


/*
 * A PUT replaces the identificatie and the authenticatieContext: absent,
 * they are gone, where the engine would keep the stored value.
 */

static ngx_int_t
ngx_openzaak_zrc_rol_validate(ngx_openzaak_ctx_t *ctx,
    ngx_openzaak_write_t *w)
{
    if (w->kind != NGX_OZ_OP_UPDATE || w->row == NULL) {
        return NGX_OK;
    }

    if (!json_object_object_get_ex(w->row, "betrokkene_identificatie", NULL))
    {
        json_object_object_add(w->row, "betrokkene_identificatie", NULL);
    }

    if (!json_object_object_get_ex(w->row, "authenticatie_context", NULL)) {
        json_object_object_add(w->row, "authenticatie_context", NULL);
    }

    return NGX_OK;
}


/* the rules of the rol as it will be (zaken.check_rol) */

static ngx_int_t
ngx_openzaak_zrc_rol_before(ngx_openzaak_ctx_t *ctx, ngx_openzaak_write_t *w)
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
               "SELECT zaken.check_rol(jsonb_populate_record("
               "coalesce((SELECT r FROM zaken.rol r WHERE r.uuid = $1),"
               " NULL::zaken.rol), $2::jsonb), $1::uuid)", 2,
               uuid, (char *) row.data)
           ? NGX_OK : NGX_ERROR;
}
