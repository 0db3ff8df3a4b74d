-- bench/load.sql: the benchmark data set, loaded by bench/run.sh with
--   psql -v n=10000 -f bench/load.sql
--
-- :n applicaties as a municipality registers them in Open Zaak: a label
-- ("Gemeente Utrecht - Zaaksysteem (00042)"), 1-3 client ids
-- (utrecht-zaaksysteem-00042, ...-acc, ...-test) and 1-4 autorisaties, each
-- for one component with 1-4 of its scopes and the variant fields that
-- component has: zrc a zaaktype URL and a maxVertrouwelijkheidaanduiding,
-- drc an informatieobjecttype URL and a maxVertrouwelijkheidaanduiding, brc
-- a besluittype URL, the other components none.
--
-- Deterministic: the uuids are derived from md5('bench-applicatie-' || i)
-- (shaped as version 4 uuids) and every other choice from hashes of i, so
-- every run loads the same rows (the list order is stable between runs too).

\set ON_ERROR_STOP 1
SET client_min_messages = warning;

BEGIN;

-- h(i, salt): a stable pseudo-random integer in [0, 2^31) for row i.
CREATE FUNCTION pg_temp.h(i integer, salt text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT ('x' || substr(md5(salt || ':' || i), 1, 8))::bit(32)::integer & 2147483647
$$;

CREATE FUNCTION pg_temp.u(i integer, salt text) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
    SELECT overlay(overlay(md5(salt || '-' || i) placing '4' from 13)
                   placing substr('89ab', i % 4 + 1, 1) from 17)::uuid
$$;

CREATE TEMP TABLE gemeente (k integer PRIMARY KEY, naam text, slug text);
INSERT INTO gemeente (k, naam, slug)
SELECT row_number() OVER () - 1, naam, slug FROM (VALUES
    ('Amsterdam', 'amsterdam'), ('Rotterdam', 'rotterdam'),
    ('Den Haag', 'denhaag'), ('Utrecht', 'utrecht'),
    ('Eindhoven', 'eindhoven'), ('Groningen', 'groningen'),
    ('Tilburg', 'tilburg'), ('Almere', 'almere'), ('Breda', 'breda'),
    ('Nijmegen', 'nijmegen'), ('Apeldoorn', 'apeldoorn'),
    ('Haarlem', 'haarlem'), ('Arnhem', 'arnhem'), ('Enschede', 'enschede'),
    ('Amersfoort', 'amersfoort'), ('Zaanstad', 'zaanstad'),
    ('''s-Hertogenbosch', 'sHertogenbosch'), ('Zwolle', 'zwolle'),
    ('Leiden', 'leiden'), ('Maastricht', 'maastricht'),
    ('Dordrecht', 'dordrecht'), ('Ede', 'ede'), ('Delft', 'delft'),
    ('Súdwest-Fryslân', 'sudwestfryslan')
) v(naam, slug);

CREATE TEMP TABLE systeem (k integer PRIMARY KEY, naam text, slug text);
INSERT INTO systeem (k, naam, slug)
SELECT row_number() OVER () - 1, naam, slug FROM (VALUES
    ('Zaaksysteem', 'zaaksysteem'),
    ('Zaakafhandelcomponent', 'zac'),
    ('Documentmanagementsysteem', 'dms'),
    ('Burgerzaken', 'burgerzaken'),
    ('Omgevingsloket vergunningen', 'vergunningen'),
    ('Klantcontactcentrum', 'kcc'),
    ('Sociaal domein', 'sociaaldomein'),
    ('Belastingen', 'belastingen'),
    ('e-Depot archief', 'edepot'),
    ('Melding openbare ruimte', 'mor'),
    ('Besluitvorming raad', 'raadsinformatie'),
    ('Notificatierouteringscomponent', 'nrc')
) v(naam, slug);

-- component, its scopes, and how often it is chosen (weights add up to 100)
CREATE TEMP TABLE component (k integer PRIMARY KEY, component text,
                             scopes text[], w_from integer, w_to integer);
INSERT INTO component VALUES
    (0, 'zrc', '{zaken.lezen,zaken.aanmaken,zaken.bijwerken,zaken.verwijderen,zaken.heropenen,zaken.geforceerd-bijwerken}', 0, 40),
    (1, 'drc', '{documenten.lezen,documenten.aanmaken,documenten.bijwerken,documenten.verwijderen,documenten.lock,documenten.geforceerd-unlock}', 40, 65),
    (2, 'ztc', '{catalogi.lezen,catalogi.schrijven,catalogi.geforceerd-schrijven}', 65, 75),
    (3, 'brc', '{besluiten.lezen,besluiten.aanmaken,besluiten.bijwerken,besluiten.verwijderen}', 75, 87),
    (4, 'nrc', '{notificaties.consumeren,notificaties.publiceren}', 87, 95),
    (5, 'ac',  '{autorisaties.lezen,autorisaties.bijwerken}', 95, 100);

CREATE TEMP TABLE va (k integer PRIMARY KEY, va text);
INSERT INTO va VALUES (0, 'openbaar'), (1, 'beperkt_openbaar'), (2, 'intern'),
    (3, 'zaakvertrouwelijk'), (4, 'vertrouwelijk'), (5, 'confidentieel'),
    (6, 'geheim'), (7, 'zeer_geheim');

CREATE TEMP TABLE a AS
SELECT i,
       pg_temp.u(i, 'bench-applicatie') AS uuid,
       g.naam AS gemeente, g.slug AS gslug, s.naam AS systeem, s.slug AS sslug,
       1 + pg_temp.h(i, 'nclients') % 3 AS nclients,
       1 + pg_temp.h(i, 'nautorisaties') % 4 AS nautorisaties
  FROM generate_series(1, :n) i
  JOIN gemeente g ON g.k = pg_temp.h(i, 'gemeente') % 24
  JOIN systeem s ON s.k = pg_temp.h(i, 'systeem') % 12;

INSERT INTO autorisaties.applicatie (uuid, client_ids, label, heeft_alle_autorisaties)
SELECT uuid,
       (ARRAY[format('%s-%s-%s', gslug, sslug, lpad(i::text, 5, '0')),
              format('%s-%s-%s-acc', gslug, sslug, lpad(i::text, 5, '0')),
              format('%s-%s-%s-test', gslug, sslug, lpad(i::text, 5, '0'))])[1:nclients],
       format('Gemeente %s - %s (%s)', gemeente, systeem, lpad(i::text, 5, '0')),
       false
  FROM a
 ORDER BY i;

INSERT INTO autorisaties.autorisatie (applicatie_uuid, position, component, scopes,
    zaaktype, informatieobjecttype, besluittype, max_vertrouwelijkheidaanduiding)
SELECT a.uuid, p.pos, c.component,
       -- 1-4 consecutive scopes of the component, starting at a hashed offset
       (SELECT array_agg(c.scopes[1 + (pg_temp.h(a.i * 8 + p.pos, 'scope0') + k)
                                      % array_length(c.scopes, 1)] ORDER BY k)
          FROM generate_series(0, least(array_length(c.scopes, 1),
                    1 + pg_temp.h(a.i * 8 + p.pos, 'nscopes') % 4) - 1) k),
       CASE c.component WHEN 'zrc' THEN
           'https://catalogi.' || a.gslug || '.nl/catalogi/api/v1/zaaktypen/'
           || pg_temp.u(a.i * 8 + p.pos, 'zaaktype') END,
       CASE c.component WHEN 'drc' THEN
           'https://catalogi.' || a.gslug || '.nl/catalogi/api/v1/informatieobjecttypen/'
           || pg_temp.u(a.i * 8 + p.pos, 'informatieobjecttype') END,
       CASE c.component WHEN 'brc' THEN
           'https://catalogi.' || a.gslug || '.nl/catalogi/api/v1/besluittypen/'
           || pg_temp.u(a.i * 8 + p.pos, 'besluittype') END,
       CASE WHEN c.component IN ('zrc', 'drc') THEN
           (SELECT va FROM va WHERE k = pg_temp.h(a.i * 8 + p.pos, 'va') % 8) END
  FROM a
  CROSS JOIN LATERAL generate_series(0, a.nautorisaties - 1) p(pos)
  JOIN component c ON pg_temp.h(a.i * 8 + p.pos, 'component') % 100 >= c.w_from
                  AND pg_temp.h(a.i * 8 + p.pos, 'component') % 100 < c.w_to;

COMMIT;

ANALYZE autorisaties.applicatie;
ANALYZE autorisaties.autorisatie;
ANALYZE autorisaties.client_id;
