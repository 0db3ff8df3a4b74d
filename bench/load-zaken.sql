-- bench/load-zaken.sql: the Zaken data set of the benchmark (Open Zaak's
-- performance data set: a million zaken over one catalogus), loaded by
-- bench/run.sh after bench/load-catalogi.sql with
--   psql -v n=1000000 -f bench/load-zaken.sql
-- as a superuser (postgres): the bulk load runs with
-- session_replication_role = replica, which skips the triggers, the
-- foreign-key checks included, and only a superuser may set it.
--
-- :n zaken spread evenly over the published zaaktypen of the catalogus of
-- bench/load-catalogi.sql (100 by default), registered over the four years
-- up to the day of the load, in that order (a higher id is a later
-- registratiedatum, as in a real register), each with:
--   - identificatie ZAAK-<year of startdatum>-<10 digits>, numbered per
--     year as zaken.genereer_identificatie numbers them, bronorganisatie and
--     verantwoordelijkeOrganisatie Utrecht's RSIN; what the trigger
--     zaken.zaak_defaults (sql/0009) derives on insert (the planned dates
--     from the zaaktype, opschorting, laatstGemuteerd) set as it would;
--   - a vertrouwelijkheidaanduiding of all eight, zaakvertrouwelijk the most
--     common;
--   - for 9 in 10 a point zaakgeometrie in the Netherlands (lon 3.3..7.2,
--     lat 50.7..53.6);
--   - one status: for 8 in 10 zaken older than 60 days the zaaktype's last
--     statustype (Afgehandeld), with an einddatum, a resultaat (Verleend or
--     Geweigerd) and an archiefactiedatum; otherwise one of the others;
--     zaak.status (and zaak.resultaat) set here, as the triggers of
--     sql/0008 would have set them;
--   - one rol: the zaaktype's initiator roltype (Aanvrager), a
--     natuurlijk_persoon with a BSN that passes the elfproef.
--
-- Set-based: one INSERT ... SELECT per table. Deterministic like the other
-- loaders: uuids and choices are md5 hashes of the row number, dates count
-- back from the day of the load (so that the current year holds its share
-- of zaken, which zaken.genereer_identificatie searches).

\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET maintenance_work_mem = '512MB';
SET work_mem = '256MB';

BEGIN;

-- bulk load: no triggers (zaken.zaak_defaults, zaken.sync_status,
-- zaken.sync_resultaat and the checks) and no foreign-key checks; every
-- reference below is taken from the catalogus, and the columns those
-- triggers set are set here
SET LOCAL session_replication_role = replica;

-- h(i, salt): a stable pseudo-random integer in [0, 2^31) for row i
CREATE FUNCTION pg_temp.h(i bigint, salt text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
    SELECT ('x' || substr(md5(salt || ':' || i), 1, 8))::bit(32)::integer & 2147483647
$$;

CREATE FUNCTION pg_temp.u(i bigint, salt text) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
    SELECT overlay(overlay(md5(salt || '-' || i) placing '4' from 13)
                   placing substr('89ab', (i % 4)::integer + 1, 1) from 17)::uuid
$$;

-- bsn(i): nine digits that pass the elfproef (9*d1 + 8*d2 + ... + 2*d8 - d9
-- divisible by 11), the first digit 1..6 as in issued BSNs
CREATE FUNCTION pg_temp.bsn(i bigint) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    d integer[] := ARRAY[1 + pg_temp.h(i, 'bsn1') % 6];
    r integer := pg_temp.h(i, 'bsn2') % 10000000;
    s integer;
BEGIN
    FOR k IN REVERSE 6..0 LOOP
        d := d || (r / (10 ^ k)::integer) % 10;
    END LOOP;
    s := 9 * d[1] + 8 * d[2] + 7 * d[3] + 6 * d[4] + 5 * d[5] + 4 * d[6]
         + 3 * d[7] + 2 * d[8];
    -- a check digit of 10 is impossible: then take d8 + 1, which moves the
    -- sum by 2 (or by -18 from 9 to 0) and the check digit with it
    IF s % 11 = 10 THEN
        s := s - 2 * d[8];
        d[8] := (d[8] + 1) % 10;
        s := s + 2 * d[8];
    END IF;
    RETURN array_to_string(d, '') || (s % 11)::text;
END
$$;

-- the zaaktypen: numbered 0.., with their statustypen in volgnummer order,
-- the initiator roltype and the Verleend and Geweigerd resultaattypen
CREATE TEMP TABLE zt AS
SELECT (row_number() OVER (ORDER BY z.id) - 1)::integer AS k, z.uuid, z.omschrijving,
       z.vertrouwelijkheidaanduiding AS va,
       z.servicenorm::interval AS servicenorm, z.doorlooptijd::interval AS doorlooptijd,
       ARRAY(SELECT s.uuid FROM catalogi.statustype s WHERE s.zaaktype = z.uuid
              ORDER BY s.volgnummer) AS statustypen,
       (SELECT r.uuid FROM catalogi.roltype r WHERE r.zaaktype = z.uuid
         ORDER BY r.omschrijving_generiek <> 'initiator', r.id LIMIT 1) AS roltype,
       (SELECT r.omschrijving FROM catalogi.roltype r WHERE r.zaaktype = z.uuid
         ORDER BY r.omschrijving_generiek <> 'initiator', r.id LIMIT 1) AS rol_omschrijving,
       (SELECT r.omschrijving_generiek FROM catalogi.roltype r WHERE r.zaaktype = z.uuid
         ORDER BY r.omschrijving_generiek <> 'initiator', r.id LIMIT 1) AS rol_generiek,
       ARRAY(SELECT r.uuid FROM catalogi.resultaattype r WHERE r.zaaktype = z.uuid
              ORDER BY r.id LIMIT 2) AS resultaattypen
  FROM catalogi.zaaktype z
 WHERE NOT z.concept;

DO $$
DECLARE n integer; bad integer;
BEGIN
    SELECT count(*) INTO n FROM zt;
    SELECT count(*) INTO bad FROM zt
     WHERE cardinality(statustypen) < 2 OR roltype IS NULL;
    IF n = 0 OR bad > 0 THEN
        RAISE EXCEPTION 'bench/load-zaken.sql needs published zaaktypen with at least 2 statustypen and a roltype (load bench/load-catalogi.sql first): % zaaktypen, % without', n, bad;
    END IF;
END
$$;
CREATE UNIQUE INDEX ON zt (k);
ANALYZE zt;

CREATE TEMP TABLE straat (k integer PRIMARY KEY, naam text);
INSERT INTO straat (k, naam)
SELECT row_number() OVER () - 1, s FROM unnest(ARRAY[
    'Oudegracht', 'Nieuwegracht', 'Biltstraat', 'Amsterdamsestraatweg',
    'Vleutenseweg', 'Kanaalweg', 'Croeselaan', 'Jutfaseweg', 'Maliebaan',
    'Lange Nieuwstraat', 'Voorstraat', 'Wittevrouwenstraat', 'Burgemeester Reigerstraat',
    'Prins Hendriklaan', 'Laan van Nieuw Guinea', 'Kanaalstraat', 'Marnixlaan',
    'Europalaan', 'Waterlinieweg', 'Overvecht'
]) s;

CREATE TEMP TABLE voornaam (k integer PRIMARY KEY, naam text, geslacht text);
INSERT INTO voornaam (k, naam, geslacht)
SELECT row_number() OVER () - 1, n, g FROM (VALUES
    ('Jan', 'm'), ('Pieter', 'm'), ('Mohammed', 'm'), ('Daan', 'm'),
    ('Kees', 'm'), ('Sem', 'm'), ('Anna', 'v'), ('Maria', 'v'),
    ('Fatima', 'v'), ('Emma', 'v'), ('Sanne', 'v'), ('Julia', 'v'),
    ('Robin', 'o'), ('Noa', 'v'), ('Lucas', 'm'), ('Sophie', 'v')
) v(n, g);

CREATE TEMP TABLE achternaam (k integer PRIMARY KEY, voorvoegsel text, naam text);
INSERT INTO achternaam (k, voorvoegsel, naam)
SELECT row_number() OVER () - 1, v, n FROM (VALUES
    ('de', 'Jong'), ('', 'Jansen'), ('de', 'Vries'), ('van den', 'Berg'),
    ('van', 'Dijk'), ('', 'Bakker'), ('', 'Janssen'), ('', 'Visser'),
    ('', 'Smit'), ('', 'Meijer'), ('de', 'Boer'), ('', 'Mulder'),
    ('de', 'Groot'), ('', 'Bos'), ('', 'Vos'), ('', 'Peters'),
    ('', 'Hendriks'), ('van', 'Leeuwen'), ('', 'Yilmaz'), ('', 'El Amrani')
) v(v, n);

-- the zaken, in registratiedatum order: row i is registered
-- 1460 - floor((i - 1) * 1461 / n) days before the day of the load
CREATE TEMP TABLE zg AS
SELECT i,
       zt.k AS zt,
       (current_date - 1460 + ((i - 1) * 1461 / :n)::integer) AS registratiedatum,
       pg_temp.h(i, 'zaak-a') AS a,
       pg_temp.h(i, 'zaak-b') AS b,
       pg_temp.h(i, 'zaak-c') AS c
  FROM generate_series(1, :n) i
  JOIN zt ON zt.k = (pg_temp.h(i, 'zaak-zaaktype') % (SELECT count(*) FROM zt))::integer;

CREATE TEMP TABLE zv AS
SELECT zg.*,
       registratiedatum - (a % 4) AS startdatum,
       -- closed: 8 in 10 of the zaken older than 60 days
       (current_date - registratiedatum > 60 AND b % 10 < 8) AS closed,
       row_number() OVER (PARTITION BY extract(year FROM registratiedatum - (a % 4)) ORDER BY i) AS nr
  FROM zg;

INSERT INTO zaken.zaak (uuid, identificatie, bronorganisatie, omschrijving,
    toelichting, zaaktype, registratiedatum, verantwoordelijke_organisatie,
    startdatum, einddatum, einddatum_gepland, uiterlijke_einddatum_afdoening,
    publicatiedatum, communicatiekanaal_naam, vertrouwelijkheidaanduiding,
    betalingsindicatie, zaakgeometrie, archiefnominatie, archiefstatus,
    archiefactiedatum, startdatum_bewaartermijn, opschorting, laatst_gemuteerd,
    status, resultaat)
SELECT pg_temp.u(v.i, 'bench-zaak'),
       format('ZAAK-%s-%s', extract(year FROM v.startdatum), lpad(v.nr::text, 10, '0')),
       '002220647',
       format('%s %s %s', zt.omschrijving, s.naam, 1 + v.c % 180),
       CASE WHEN v.c % 7 = 0 THEN 'Aangevraagd via het e-loket; bijlagen volgen per post.' ELSE '' END,
       zt.uuid,
       v.registratiedatum,
       '002220647',
       v.startdatum,
       CASE WHEN v.closed THEN least(v.startdatum + 10 + v.a % 70, current_date) END,
       (v.startdatum + zt.servicenorm)::date,
       (v.startdatum + zt.doorlooptijd)::date,
       CASE WHEN v.closed AND v.b % 5 = 0 THEN least(v.startdatum + 10 + v.a % 70, current_date) END,
       (ARRAY['E-loket', 'E-mail', 'Balie', 'Telefoon', 'Post'])[1 + v.b % 5],
       -- 20% openbaar, 5% beperkt_openbaar, 10% intern, 40% zaakvertrouwelijk,
       -- 15% vertrouwelijk, 5% confidentieel, 4% geheim, 1% zeer_geheim
       CASE WHEN v.a % 100 < 20 THEN 'openbaar'
            WHEN v.a % 100 < 25 THEN 'beperkt_openbaar'
            WHEN v.a % 100 < 35 THEN 'intern'
            WHEN v.a % 100 < 75 THEN 'zaakvertrouwelijk'
            WHEN v.a % 100 < 90 THEN 'vertrouwelijk'
            WHEN v.a % 100 < 95 THEN 'confidentieel'
            WHEN v.a % 100 < 99 THEN 'geheim'
            ELSE 'zeer_geheim' END,
       CASE WHEN v.b % 3 = 0 THEN 'geheel' ELSE 'nvt' END,
       CASE WHEN v.c % 10 <> 0 THEN
           ST_SetSRID(ST_MakePoint(3.3 + (pg_temp.h(v.i, 'lon') % 390000) / 100000.0,
                                   50.7 + (pg_temp.h(v.i, 'lat') % 290000) / 100000.0), 4326) END,
       CASE WHEN v.closed THEN 'vernietigen' ELSE '' END,
       'nog_te_archiveren',
       CASE WHEN v.closed THEN least(v.startdatum + 10 + v.a % 70, current_date) + interval '10 years' END,
       CASE WHEN v.closed THEN least(v.startdatum + 10 + v.a % 70, current_date) END,
       '{"indicatie": false, "reden": "", "eerdereOpschorting": false}',
       CASE WHEN v.closed THEN least(v.startdatum + 10 + v.a % 70, current_date)
            ELSE v.registratiedatum END + interval '10 hours' + (v.c % 420) * interval '1 minute',
       pg_temp.u(v.i, 'bench-status'),
       CASE WHEN v.closed AND cardinality(zt.resultaattypen) > 0
            THEN pg_temp.u(v.i, 'bench-resultaat') END
  FROM zv v
  JOIN zt ON zt.k = v.zt
  JOIN straat s ON s.k = v.b % 20
 ORDER BY v.i;

-- the zaak of row i is the i-th by id: the uuids are computed again below
INSERT INTO zaken.rol (uuid, zaak, betrokkene_type, roltype, omschrijving,
    omschrijving_generiek, roltoelichting, registratiedatum,
    indicatie_machtiging, betrokkene_identificatie)
SELECT pg_temp.u(v.i, 'bench-rol'), pg_temp.u(v.i, 'bench-zaak'),
       'natuurlijk_persoon', zt.roltype, zt.rol_omschrijving, zt.rol_generiek,
       'Aanvrager van de zaak', v.registratiedatum + interval '9 hours' + (v.c % 480) * interval '1 minute',
       '',
       jsonb_build_object(
           'inpBsn', pg_temp.bsn(v.i),
           'anpIdentificatie', '',
           'inpA_nummer', '',
           'geslachtsnaam', an.naam,
           'voorvoegselGeslachtsnaam', an.voorvoegsel,
           'voorletters', left(vn.naam, 1) || '.',
           'voornamen', vn.naam,
           'geslachtsaanduiding', vn.geslacht,
           'geboortedatum', (date '1940-01-01' + v.a % 25000)::text,
           'verblijfsadres', NULL,
           'subVerblijfBuitenland', NULL)
  FROM zv v
  JOIN zt ON zt.k = v.zt
  JOIN voornaam vn ON vn.k = v.c % 16
  JOIN achternaam an ON an.k = v.a % 20
 ORDER BY v.i;

INSERT INTO zaken.status (uuid, zaak, statustype, datum_status_gezet,
    statustoelichting)
SELECT pg_temp.u(v.i, 'bench-status'), pg_temp.u(v.i, 'bench-zaak'),
       CASE WHEN v.closed THEN zt.statustypen[cardinality(zt.statustypen)]
            ELSE zt.statustypen[1 + v.b % (cardinality(zt.statustypen) - 1)] END,
       CASE WHEN v.closed THEN least(v.startdatum + 10 + v.a % 70, current_date)
            ELSE v.registratiedatum END
           + interval '10 hours' + (v.c % 420) * interval '1 minute',
       ''
  FROM zv v
  JOIN zt ON zt.k = v.zt
 ORDER BY v.i;

INSERT INTO zaken.resultaat (uuid, zaak, resultaattype, toelichting)
SELECT pg_temp.u(v.i, 'bench-resultaat'), pg_temp.u(v.i, 'bench-zaak'),
       zt.resultaattypen[1 + (v.b / 10) % cardinality(zt.resultaattypen)], ''
  FROM zv v
  JOIN zt ON zt.k = v.zt
 WHERE v.closed AND cardinality(zt.resultaattypen) > 0
 ORDER BY v.i;

COMMIT;

-- the visibility map too: a register that has been running for years is
-- vacuumed, and counts are index-only scans only on all-visible pages
VACUUM (FREEZE, ANALYZE) zaken.zaak;
VACUUM (FREEZE, ANALYZE) zaken.rol;
VACUUM (FREEZE, ANALYZE) zaken.status;
VACUUM (FREEZE, ANALYZE) zaken.resultaat;
