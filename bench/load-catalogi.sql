-- bench/load-catalogi.sql: the Catalogi data set of the benchmark, loaded by
-- bench/run.sh after bench/load.sql with
--   psql -v n=100 -f bench/load-catalogi.sql
--
-- One catalogus (Gemeente Utrecht) with :n published zaaktypen as a
-- municipality has them: "Aanvraag omgevingsvergunning", "Bezwaar
-- parkeervergunning", ... Each zaaktype has 10 statustypen (Ontvangen ..
-- Afgehandeld), 5 roltypen (Aanvrager, Behandelaar, Beslisser, Adviseur,
-- Belanghebbende), 3 resultaattypen (Verleend, Geweigerd, Ingetrokken, with
-- Selectielijst references and a brondatumArchiefprocedure), 3 besluittypen
-- (zaaktype.besluittypen) and 3 informatieobjecttypen (through 3
-- zaaktype-informatieobjecttypen). The besluittypen (20) and
-- informatieobjecttypen (30) are shared by the zaaktypen, as in a real
-- catalogus, and published; every type starts on 2024-01-01 without an end,
-- so it is the version valid today.
--
-- The rows are inserted directly, in the order the normalising triggers of
-- sql/0003..0006 need: informatieobjecttypen, besluittypen (their
-- informatieobjecttypen by omschrijving), zaaktypen (their besluittypen by
-- omschrijving), then the types below them. Relations are given by key
-- (omschrijving), as the triggers store them. concept = false everywhere:
-- the API's publish checks (ztc-012, ztc-016, Open Zaak's minimums) hold
-- for this data: every relation is published, no key has two versions,
-- every zaaktype has roltypen, resultaattypen with a selectielijstklasse and
-- more than two statustypen.
--
-- Deterministic, like bench/load.sql: uuids from md5 of a salt and the row
-- number, every other choice from the row number.

\set ON_ERROR_STOP 1
SET client_min_messages = warning;

BEGIN;

CREATE FUNCTION pg_temp.u(i integer, salt text) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
    SELECT overlay(overlay(md5(salt || '-' || i) placing '4' from 13)
                   placing substr('89ab', i % 4 + 1, 1) from 17)::uuid
$$;

INSERT INTO catalogi.catalogus (uuid, domein, rsin, contactpersoon_beheer_naam,
    contactpersoon_beheer_telefoonnummer, contactpersoon_beheer_emailadres,
    naam, versie, begindatum_versie)
VALUES (pg_temp.u(1, 'bench-catalogus'), 'UTRE', '002220647',
    'Team Informatiebeheer', '14 030', 'informatiebeheer@utrecht.nl',
    'Zaaktypecatalogus Gemeente Utrecht', '2024', '2024-01-01');

-- informatieobjecttypen: omschrijving, categorie, vertrouwelijkheid
CREATE TEMP TABLE iot (k integer PRIMARY KEY, omschrijving text,
                       categorie text, va text);
INSERT INTO iot (k, omschrijving, categorie, va)
SELECT row_number() OVER () - 1, o, c, v FROM (VALUES
    ('Aanvraagformulier', 'Aanvraag', 'zaakvertrouwelijk'),
    ('Bijlage bij aanvraag', 'Bijlage', 'zaakvertrouwelijk'),
    ('Ontvangstbevestiging', 'Correspondentie', 'zaakvertrouwelijk'),
    ('Verzoek om aanvullende gegevens', 'Correspondentie', 'zaakvertrouwelijk'),
    ('Aanvullende gegevens', 'Bijlage', 'zaakvertrouwelijk'),
    ('Adviesaanvraag', 'Advies', 'intern'),
    ('Advies', 'Advies', 'intern'),
    ('Besluit', 'Besluit', 'openbaar'),
    ('Beschikking', 'Besluit', 'zaakvertrouwelijk'),
    ('Bezwaarschrift', 'Bezwaar', 'vertrouwelijk'),
    ('Verweerschrift', 'Bezwaar', 'vertrouwelijk'),
    ('Verslag hoorzitting', 'Verslag', 'vertrouwelijk'),
    ('Machtiging', 'Bijlage', 'vertrouwelijk'),
    ('Situatietekening', 'Tekening', 'zaakvertrouwelijk'),
    ('Bouwtekening', 'Tekening', 'zaakvertrouwelijk'),
    ('Constructieberekening', 'Rapport', 'zaakvertrouwelijk'),
    ('Foto', 'Beeldmateriaal', 'zaakvertrouwelijk'),
    ('Inspectierapport', 'Rapport', 'intern'),
    ('Rapport van bevindingen', 'Rapport', 'intern'),
    ('Uittreksel Handelsregister', 'Bijlage', 'zaakvertrouwelijk'),
    ('Kopie identiteitsbewijs', 'Bijlage', 'geheim'),
    ('Inkomensverklaring', 'Bijlage', 'vertrouwelijk'),
    ('Medische verklaring', 'Bijlage', 'geheim'),
    ('Publicatie', 'Publicatie', 'openbaar'),
    ('Zienswijze', 'Correspondentie', 'zaakvertrouwelijk'),
    ('Brief', 'Correspondentie', 'zaakvertrouwelijk'),
    ('E-mail', 'Correspondentie', 'zaakvertrouwelijk'),
    ('Gespreksverslag', 'Verslag', 'vertrouwelijk'),
    ('Factuur', 'Financieel', 'zaakvertrouwelijk'),
    ('Betaalbewijs', 'Financieel', 'zaakvertrouwelijk')
) v(o, c, v);

INSERT INTO catalogi.informatieobjecttype (uuid, catalogus, omschrijving,
    vertrouwelijkheidaanduiding, begin_geldigheid, concept,
    informatieobjectcategorie, trefwoord, omschrijving_generiek)
SELECT pg_temp.u(k, 'bench-informatieobjecttype'), pg_temp.u(1, 'bench-catalogus'),
       omschrijving, va, '2024-01-01', false, categorie,
       ARRAY[lower(categorie)],
       jsonb_build_object(
           'informatieobjecttypeOmschrijvingGeneriek', omschrijving,
           'definitieInformatieobjecttypeOmschrijvingGeneriek',
               'Document van het soort ' || lower(omschrijving),
           'herkomstInformatieobjecttypeOmschrijvingGeneriek', 'Gemeente',
           'hierarchieInformatieobjecttypeOmschrijvingGeneriek', categorie,
           'opmerkingInformatieobjecttypeOmschrijvingGeneriek', '')
  FROM iot ORDER BY k;

-- besluittypen: omschrijving, categorie, the informatieobjecttype it is laid
-- down in
CREATE TEMP TABLE bt (k integer PRIMARY KEY, omschrijving text,
                      categorie text, iot text);
INSERT INTO bt (k, omschrijving, categorie, iot)
SELECT row_number() OVER () - 1, o, c, i FROM (VALUES
    ('Verlenen omgevingsvergunning', 'Vergunning', 'Besluit'),
    ('Weigeren omgevingsvergunning', 'Vergunning', 'Besluit'),
    ('Verlenen parkeervergunning', 'Vergunning', 'Beschikking'),
    ('Weigeren parkeervergunning', 'Vergunning', 'Beschikking'),
    ('Toekennen subsidie', 'Subsidie', 'Beschikking'),
    ('Weigeren subsidie', 'Subsidie', 'Beschikking'),
    ('Vaststellen subsidie', 'Subsidie', 'Beschikking'),
    ('Toekennen uitkering', 'Uitkering', 'Beschikking'),
    ('Beëindigen uitkering', 'Uitkering', 'Beschikking'),
    ('Terugvorderen uitkering', 'Uitkering', 'Beschikking'),
    ('Opleggen last onder dwangsom', 'Handhaving', 'Besluit'),
    ('Opleggen last onder bestuursdwang', 'Handhaving', 'Besluit'),
    ('Intrekken vergunning', 'Vergunning', 'Besluit'),
    ('Beslissing op bezwaar', 'Bezwaar', 'Besluit'),
    ('Niet-ontvankelijk verklaren', 'Bezwaar', 'Besluit'),
    ('Verlengen beslistermijn', 'Procedure', 'Brief'),
    ('Buiten behandeling stellen', 'Procedure', 'Brief'),
    ('Verlenen ontheffing', 'Ontheffing', 'Besluit'),
    ('Verlenen evenementenvergunning', 'Vergunning', 'Besluit'),
    ('Toewijzen standplaats', 'Vergunning', 'Beschikking')
) v(o, c, i);

INSERT INTO catalogi.besluittype (uuid, catalogus, omschrijving,
    omschrijving_generiek, besluitcategorie, reactietermijn,
    publicatie_indicatie, publicatietekst, publicatietermijn, toelichting,
    informatieobjecttypen, begin_geldigheid, concept)
SELECT pg_temp.u(k, 'bench-besluittype'), pg_temp.u(1, 'bench-catalogus'),
       omschrijving, omschrijving, categorie, 'P6W',
       k % 2 = 0,
       CASE WHEN k % 2 = 0 THEN 'Dit besluit wordt gepubliceerd in het Gemeenteblad.' ELSE '' END,
       CASE WHEN k % 2 = 0 THEN 'P2W' END,
       'Tegen dit besluit kan binnen zes weken bezwaar worden gemaakt.',
       ARRAY[iot], '2024-01-01', false
  FROM bt ORDER BY k;

-- zaaktypen: omschrijving "<handeling> <onderwerp>", e.g. "Aanvraag
-- omgevingsvergunning"; 25 onderwerpen x 4 handelingen = the first 100
CREATE TEMP TABLE onderwerp (k integer PRIMARY KEY, onderwerp text,
                             afdeling text, product text);
INSERT INTO onderwerp (k, onderwerp, afdeling, product)
SELECT row_number() OVER () - 1, o, a, p FROM (VALUES
    ('omgevingsvergunning', 'Vergunningen', 'omgevingsvergunning'),
    ('parkeervergunning', 'Parkeren', 'parkeervergunning'),
    ('evenementenvergunning', 'Vergunningen', 'evenementenvergunning'),
    ('exploitatievergunning horeca', 'Vergunningen', 'exploitatievergunning'),
    ('standplaatsvergunning', 'Vergunningen', 'standplaatsvergunning'),
    ('gehandicaptenparkeerkaart', 'Parkeren', 'gehandicaptenparkeerkaart'),
    ('bijstandsuitkering', 'Werk en Inkomen', 'bijstand'),
    ('bijzondere bijstand', 'Werk en Inkomen', 'bijzondere-bijstand'),
    ('kwijtschelding gemeentelijke belastingen', 'Belastingen', 'kwijtschelding'),
    ('WMO-voorziening', 'Zorg', 'wmo-voorziening'),
    ('leerlingenvervoer', 'Onderwijs', 'leerlingenvervoer'),
    ('subsidie sport en cultuur', 'Subsidies', 'subsidie-sport-cultuur'),
    ('subsidie duurzaamheid', 'Subsidies', 'subsidie-duurzaamheid'),
    ('kapvergunning', 'Vergunningen', 'kapvergunning'),
    ('uitweg', 'Vergunningen', 'uitwegvergunning'),
    ('ontheffing geluid', 'Vergunningen', 'ontheffing-geluid'),
    ('ligplaatsvergunning', 'Vergunningen', 'ligplaatsvergunning'),
    ('adreswijziging', 'Burgerzaken', 'adreswijziging'),
    ('naamgebruik', 'Burgerzaken', 'naamgebruik'),
    ('huwelijk en partnerschap', 'Burgerzaken', 'huwelijk'),
    ('verklaring omtrent het gedrag', 'Burgerzaken', 'vog'),
    ('melding openbare ruimte', 'Stadsbeheer', 'melding-openbare-ruimte'),
    ('afvalcontainer', 'Stadsbeheer', 'afvalcontainer'),
    ('WOZ-beschikking', 'Belastingen', 'woz'),
    ('handhavingsverzoek', 'Toezicht en Handhaving', 'handhavingsverzoek')
) v(o, a, p);

CREATE TEMP TABLE zt AS
SELECT i,
       pg_temp.u(i, 'bench-zaaktype') AS uuid,
       (ARRAY['Aanvraag', 'Wijziging', 'Intrekking', 'Bezwaar'])[1 + (i - 1) / 25 % 4] AS handeling,
       o.onderwerp, o.afdeling, o.product,
       -- every zaaktype of one selectielijst procestype per onderwerp
       pg_temp.u((i - 1) % 25, 'bench-procestype') AS procestype
  FROM generate_series(1, :n) i
  JOIN onderwerp o ON o.k = (i - 1) % 25;

INSERT INTO catalogi.zaaktype (uuid, catalogus, identificatie, omschrijving,
    omschrijving_generiek, vertrouwelijkheidaanduiding, doel, aanleiding,
    toelichting, indicatie_intern_of_extern, handeling_initiator, onderwerp,
    handeling_behandelaar, doorlooptijd, servicenorm,
    opschorting_en_aanhouding_mogelijk, verlenging_mogelijk,
    verlengingstermijn, trefwoorden, publicatie_indicatie, publicatietekst,
    verantwoordingsrelatie, producten_of_diensten, selectielijst_procestype,
    selectielijst_procestype_jaar, referentieproces, concept,
    verantwoordelijke, begin_geldigheid, versiedatum, besluittypen)
SELECT uuid, pg_temp.u(1, 'bench-catalogus'),
       format('UTR-%s', lpad(i::text, 4, '0')),
       format('%s %s', handeling, onderwerp),
       handeling,
       (ARRAY['openbaar', 'zaakvertrouwelijk', 'vertrouwelijk'])[1 + i % 3],
       format('Het behandelen van een %s %s van een inwoner of ondernemer.', lower(handeling), onderwerp),
       format('Een inwoner of ondernemer dient een %s %s in via het e-loket of per post.', lower(handeling), onderwerp),
       format('Zaaktype voor de %s %s, vastgesteld door het college.', lower(handeling), onderwerp),
       'extern',
       CASE handeling WHEN 'Bezwaar' THEN 'Indienen' ELSE 'Aanvragen' END,
       upper(left(onderwerp, 1)) || substr(onderwerp, 2),
       CASE handeling WHEN 'Bezwaar' THEN 'Beslissen op bezwaar' ELSE 'Behandelen' END,
       (ARRAY['P8W', 'P26D', 'P12W', 'P6W'])[1 + i % 4],
       (ARRAY['P6W', NULL, 'P10W', 'P4W'])[1 + i % 4],
       i % 3 <> 0,
       i % 2 = 0,
       CASE WHEN i % 2 = 0 THEN 'P6W' END,
       ARRAY[lower(handeling), split_part(onderwerp, ' ', 1), lower(afdeling)],
       i % 5 = 0,
       CASE WHEN i % 5 = 0 THEN 'Het besluit wordt gepubliceerd op overheid.nl.' ELSE '' END,
       '{}',
       ARRAY['https://producten.utrecht.nl/api/v1/producten/' || product],
       'https://selectielijst.openzaak.nl/api/v1/procestypen/' || procestype,
       2020,
       jsonb_build_object('naam', format('%s %s', handeling, onderwerp),
                          'link', 'https://procesarchitectuur.utrecht.nl/processen/' || product),
       false,
       'Afdeling ' || afdeling,
       '2024-01-01', '2024-01-01',
       -- 3 of the 20 besluittypen, by omschrijving
       ARRAY(SELECT b.omschrijving FROM bt b
              WHERE b.k IN ((i * 3) % 20, (i * 3 + 1) % 20, (i * 3 + 2) % 20)
              ORDER BY b.k)
  FROM zt ORDER BY i;

CREATE TEMP TABLE st (k integer PRIMARY KEY, omschrijving text, tekst text);
INSERT INTO st (k, omschrijving, tekst)
SELECT row_number() OVER (), o, t FROM (VALUES
    ('Ontvangen', 'Uw aanvraag is ontvangen.'),
    ('Registratie gecontroleerd', 'Uw aanvraag is geregistreerd en gecontroleerd op volledigheid.'),
    ('In behandeling genomen', 'Uw aanvraag is in behandeling genomen.'),
    ('Aanvullende gegevens gevraagd', 'Wij hebben u om aanvullende gegevens gevraagd.'),
    ('Aanvullende gegevens ontvangen', 'Wij hebben de aanvullende gegevens ontvangen.'),
    ('Advies gevraagd', 'Wij hebben advies gevraagd.'),
    ('Advies ontvangen', 'Het advies is ontvangen.'),
    ('Besluit voorbereid', 'Het besluit wordt voorbereid.'),
    ('Besluit genomen', 'Er is een besluit genomen.'),
    ('Afgehandeld', 'Uw aanvraag is afgehandeld.')
) v(o, t);

INSERT INTO catalogi.statustype (uuid, zaaktype, omschrijving,
    omschrijving_generiek, statustekst, volgnummer, informeren, doorlooptijd,
    toelichting, checklistitem_statustype)
SELECT pg_temp.u(zt.i * 16 + st.k, 'bench-statustype'), zt.uuid,
       st.omschrijving, st.omschrijving, st.tekst, st.k,
       st.k IN (1, 4, 9, 10),
       CASE WHEN st.k IN (3, 8) THEN 'P2W' END,
       CASE WHEN st.k = 10 THEN 'De zaak is afgerond en gearchiveerd.' END,
       CASE WHEN st.k = 2 THEN jsonb_build_array(jsonb_build_object(
               'itemnaam', 'Volledigheid', 'toelichting', '',
               'vraagstelling', 'Is de aanvraag volledig?', 'verplicht', true))
            ELSE '[]' END
  FROM zt CROSS JOIN st
 ORDER BY zt.i, st.k;

INSERT INTO catalogi.roltype (uuid, zaaktype, omschrijving,
    omschrijving_generiek)
SELECT pg_temp.u(zt.i * 8 + r.k, 'bench-roltype'), zt.uuid, r.o, r.g
  FROM zt CROSS JOIN (VALUES
    (1, 'Aanvrager', 'initiator'),
    (2, 'Behandelaar', 'behandelaar'),
    (3, 'Beslisser', 'beslisser'),
    (4, 'Adviseur', 'adviseur'),
    (5, 'Belanghebbende', 'belanghebbende')) r(k, o, g)
 ORDER BY zt.i, r.k;

INSERT INTO catalogi.resultaattype (uuid, zaaktype, omschrijving,
    resultaattypeomschrijving, omschrijving_generiek, selectielijstklasse,
    selectielijst_procestype, selectielijst_procestermijn, toelichting,
    archiefnominatie, archiefactietermijn, brondatum_archiefprocedure,
    besluittypen)
SELECT pg_temp.u(zt.i * 4 + r.k, 'bench-resultaattype'), zt.uuid, r.o,
       'https://selectielijst.openzaak.nl/api/v1/resultaattypeomschrijvingen/'
           || pg_temp.u(r.k, 'bench-resultaattypeomschrijving'),
       r.g,
       'https://selectielijst.openzaak.nl/api/v1/resultaten/'
           || pg_temp.u(zt.i * 4 + r.k, 'bench-selectielijstklasse'),
       'https://selectielijst.openzaak.nl/api/v1/procestypen/' || zt.procestype,
       'nihil',
       format('%s %s.', r.o, zt.onderwerp),
       r.nominatie, r.termijn,
       jsonb_build_object('afleidingswijze', 'afgehandeld', 'datumkenmerk', '',
           'einddatumBekend', false, 'objecttype', '', 'registratie', '',
           'procestermijn', NULL),
       -- Verleend: the zaaktype's first besluittype
       CASE WHEN r.k = 1 THEN ARRAY(SELECT b.omschrijving FROM bt b
                                     WHERE b.k = (zt.i * 3) % 20) ELSE '{}' END
  FROM zt CROSS JOIN (VALUES
    (1, 'Verleend', 'Toegekend', 'blijvend_bewaren', NULL),
    (2, 'Geweigerd', 'Geweigerd', 'vernietigen', 'P10Y'),
    (3, 'Ingetrokken', 'Ingetrokken', 'vernietigen', 'P1Y')) r(k, o, g, nominatie, termijn)
 ORDER BY zt.i, r.k;

-- 3 of the 30 informatieobjecttypen per zaaktype
INSERT INTO catalogi.zaaktypeinformatieobjecttype (uuid, zaaktype,
    informatieobjecttype, volgnummer, richting)
SELECT pg_temp.u(zt.i * 4 + p, 'bench-zaaktypeinformatieobjecttype'), zt.uuid,
       (SELECT omschrijving FROM iot WHERE k = (zt.i * 3 + p - 1) % 30),
       p, (ARRAY['inkomend', 'intern', 'uitgaand'])[p]
  FROM zt CROSS JOIN generate_series(1, 3) p
 ORDER BY zt.i, p;

COMMIT;

ANALYZE catalogi.catalogus;
ANALYZE catalogi.zaaktype;
ANALYZE catalogi.statustype;
ANALYZE catalogi.roltype;
ANALYZE catalogi.resultaattype;
ANALYZE catalogi.besluittype;
ANALYZE catalogi.informatieobjecttype;
ANALYZE catalogi.zaaktypeinformatieobjecttype;
