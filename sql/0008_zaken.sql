-- Zaken API 1.5.1: zaken and their parts.
--
-- References to types are local foreign keys into the Catalogi tables
-- (one database, one transaction).  Every part has the generic shape the
-- engine expects: a uuid primary key and an "id" giving insertion order.
-- Parts cascade with their zaak (zrc-023: a zaak is deleted with all its
-- parts, hard).

CREATE SCHEMA IF NOT EXISTS zaken;

-- The order of vertrouwelijkheidaanduiding, lowest first, as
-- vng_api_common's VertrouwelijkheidsAanduiding.get_choice_order().
CREATE FUNCTION zgw.va_order(va text) RETURNS smallint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE va
        WHEN 'openbaar' THEN 1 WHEN 'beperkt_openbaar' THEN 2
        WHEN 'intern' THEN 3 WHEN 'zaakvertrouwelijk' THEN 4
        WHEN 'vertrouwelijk' THEN 5 WHEN 'confidentieel' THEN 6
        WHEN 'geheim' THEN 7 WHEN 'zeer_geheim' THEN 8 END::smallint;
$$;

CREATE TABLE zaken.zaak (
    uuid                            uuid PRIMARY KEY,
    id                              bigint GENERATED ALWAYS AS IDENTITY
                                    UNIQUE,
    identificatie                   text NOT NULL,
    bronorganisatie                 text NOT NULL,
    omschrijving                    text NOT NULL DEFAULT '',
    toelichting                     text NOT NULL DEFAULT '',
    zaaktype                        uuid NOT NULL
                                    REFERENCES catalogi.zaaktype (uuid),
    registratiedatum                date NOT NULL DEFAULT current_date,
    verantwoordelijke_organisatie   text NOT NULL,
    startdatum                      date NOT NULL,
    einddatum                       date,
    einddatum_gepland               date,
    uiterlijke_einddatum_afdoening  date,
    publicatiedatum                 date,
    laatst_gemuteerd                timestamptz,
    laatst_geopend                  timestamptz,
    communicatiekanaal              text NOT NULL DEFAULT '',
    communicatiekanaal_naam         text NOT NULL DEFAULT '',
    producten_of_diensten           text[] NOT NULL DEFAULT '{}',
    vertrouwelijkheidaanduiding     text NOT NULL,
    betalingsindicatie              text NOT NULL DEFAULT '',
    laatste_betaaldatum             timestamptz,
    zaakgeometrie                   geometry(Geometry, 4326),
    verlenging                      jsonb,
    opschorting                     jsonb,
    selectielijstklasse             text NOT NULL DEFAULT '',
    hoofdzaak                       uuid REFERENCES zaken.zaak (uuid)
                                    ON DELETE CASCADE,
    relevante_andere_zaken          jsonb NOT NULL DEFAULT '[]',
    gerelateerde_zaken              jsonb NOT NULL DEFAULT '[]',
    archiefnominatie                text DEFAULT '',
    archiefstatus                   text NOT NULL
                                    DEFAULT 'nog_te_archiveren',
    archiefactiedatum               date,
    opdrachtgevende_organisatie     text NOT NULL DEFAULT '',
    processobjectaard               text NOT NULL DEFAULT '',
    startdatum_bewaartermijn        date,
    processobject                   jsonb,
    -- the current status and the resultaat, kept by triggers on their
    -- tables: a zaak renders them without a search per row
    status                          uuid,
    resultaat                       uuid,
    CONSTRAINT zaak_identificatie_key UNIQUE (bronorganisatie, identificatie)
);

-- the default order of lists (t.id DESC) and the orderings and filters of
-- /zaken at a million rows
CREATE INDEX zaak_zaaktype ON zaken.zaak (zaaktype, id);
CREATE INDEX zaak_hoofdzaak ON zaken.zaak (hoofdzaak) WHERE hoofdzaak IS NOT NULL;
CREATE INDEX zaak_startdatum ON zaken.zaak (startdatum);
CREATE INDEX zaak_einddatum ON zaken.zaak (einddatum);
CREATE INDEX zaak_registratiedatum ON zaken.zaak (registratiedatum);
CREATE INDEX zaak_archiefactiedatum ON zaken.zaak (archiefactiedatum);
CREATE INDEX zaak_identificatie ON zaken.zaak (identificatie);
CREATE INDEX zaak_zaakgeometrie ON zaken.zaak USING gist (zaakgeometrie);

-- zaak.kenmerken: one row per kenmerk, so that the kenmerk filter is an
-- index lookup
CREATE TABLE zaken.zaakkenmerk (
    zaak      uuid NOT NULL REFERENCES zaken.zaak (uuid) ON DELETE CASCADE,
    position  integer NOT NULL,
    kenmerk   text NOT NULL,
    bron      text NOT NULL,
    PRIMARY KEY (zaak, position)
);

CREATE INDEX zaakkenmerk_kenmerk ON zaken.zaakkenmerk (kenmerk, bron);

CREATE TABLE zaken.rol (
    uuid                        uuid PRIMARY KEY,
    id                          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    zaak                        uuid NOT NULL
                                REFERENCES zaken.zaak (uuid) ON DELETE CASCADE,
    betrokkene                  text NOT NULL DEFAULT '',
    betrokkene_type             text NOT NULL,
    afwijkende_naam_betrokkene  text NOT NULL DEFAULT '',
    roltype                     uuid NOT NULL
                                REFERENCES catalogi.roltype (uuid),
    omschrijving                text NOT NULL DEFAULT '',
    omschrijving_generiek       text NOT NULL DEFAULT '',
    roltoelichting              text NOT NULL DEFAULT '',
    registratiedatum            timestamptz NOT NULL DEFAULT now(),
    indicatie_machtiging        text NOT NULL DEFAULT '',
    contactpersoon_rol          jsonb,
    -- the variant of betrokkeneType, as sent (validated by the module)
    betrokkene_identificatie    jsonb,
    authenticatie_context       jsonb,
    begin_geldigheid            date,
    einde_geldigheid            date
);

CREATE INDEX rol_zaak ON zaken.rol (zaak);
CREATE INDEX rol_betrokkene ON zaken.rol (betrokkene) WHERE betrokkene <> '';
CREATE INDEX rol_identificatie ON zaken.rol USING gin
    (betrokkene_identificatie jsonb_path_ops);

CREATE TABLE zaken.status (
    uuid                uuid PRIMARY KEY,
    id                  bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    zaak                uuid NOT NULL
                        REFERENCES zaken.zaak (uuid) ON DELETE CASCADE,
    statustype          uuid NOT NULL
                        REFERENCES catalogi.statustype (uuid),
    datum_status_gezet  timestamptz NOT NULL,
    statustoelichting   text NOT NULL DEFAULT '',
    gezetdoor           uuid REFERENCES zaken.rol (uuid) ON DELETE SET NULL,
    CONSTRAINT status_zaak_datum_status_gezet_key
        UNIQUE (zaak, datum_status_gezet)
);

CREATE INDEX status_statustype ON zaken.status (statustype);

CREATE TABLE zaken.resultaat (
    uuid           uuid PRIMARY KEY,
    id             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    zaak           uuid NOT NULL
                   REFERENCES zaken.zaak (uuid) ON DELETE CASCADE,
    resultaattype  uuid NOT NULL REFERENCES catalogi.resultaattype (uuid),
    toelichting    text NOT NULL DEFAULT '',
    CONSTRAINT resultaat_zaak_key UNIQUE (zaak)
);

CREATE INDEX resultaat_resultaattype ON zaken.resultaat (resultaattype);

CREATE TABLE zaken.zaakeigenschap (
    uuid        uuid PRIMARY KEY,
    id          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    zaak        uuid NOT NULL
                REFERENCES zaken.zaak (uuid) ON DELETE CASCADE,
    eigenschap  uuid NOT NULL REFERENCES catalogi.eigenschap (uuid),
    naam        text NOT NULL DEFAULT '',
    waarde      text NOT NULL
);

CREATE INDEX zaakeigenschap_zaak ON zaken.zaakeigenschap (zaak);

CREATE TABLE zaken.zaakobject (
    uuid                           uuid PRIMARY KEY,
    id                             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    zaak                           uuid NOT NULL
                                   REFERENCES zaken.zaak (uuid)
                                   ON DELETE CASCADE,
    object                         text NOT NULL DEFAULT '',
    zaakobjecttype                 uuid
                                   REFERENCES catalogi.zaakobjecttype (uuid),
    object_type                    text NOT NULL,
    object_type_overige            text NOT NULL DEFAULT '',
    object_type_overige_definitie  jsonb,
    relatieomschrijving            text NOT NULL DEFAULT '',
    object_identificatie           jsonb
);

CREATE INDEX zaakobject_zaak ON zaken.zaakobject (zaak);
CREATE INDEX zaakobject_object ON zaken.zaakobject (object)
    WHERE object <> '';

CREATE TABLE zaken.klantcontact (
    uuid           uuid PRIMARY KEY,
    id             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    zaak           uuid NOT NULL
                   REFERENCES zaken.zaak (uuid) ON DELETE CASCADE,
    identificatie  text NOT NULL,
    datumtijd      timestamptz NOT NULL,
    kanaal         text NOT NULL DEFAULT '',
    onderwerp      text NOT NULL DEFAULT '',
    toelichting    text NOT NULL DEFAULT ''
);

CREATE INDEX klantcontact_zaak ON zaken.klantcontact (zaak);

CREATE TABLE zaken.zaakcontactmoment (
    uuid           uuid PRIMARY KEY,
    id             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    zaak           uuid NOT NULL
                   REFERENCES zaken.zaak (uuid) ON DELETE CASCADE,
    contactmoment  text NOT NULL,
    CONSTRAINT zaakcontactmoment_zaak_contactmoment_key
        UNIQUE (zaak, contactmoment)
);

CREATE TABLE zaken.zaakverzoek (
    uuid     uuid PRIMARY KEY,
    id       bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    zaak     uuid NOT NULL
             REFERENCES zaken.zaak (uuid) ON DELETE CASCADE,
    verzoek  text NOT NULL,
    CONSTRAINT zaakverzoek_zaak_verzoek_key UNIQUE (zaak, verzoek)
);

-- zaak.status: the status with the latest datumStatusGezet (Open Zaak's
-- "current status"), kept when statussen come and go.
CREATE FUNCTION zaken.sync_status() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    z uuid := CASE TG_OP WHEN 'DELETE' THEN OLD.zaak ELSE NEW.zaak END;
BEGIN
    UPDATE zaken.zaak SET status = (
        SELECT s.uuid FROM zaken.status s WHERE s.zaak = z
        ORDER BY s.datum_status_gezet DESC, s.id DESC LIMIT 1)
    WHERE uuid = z;
    RETURN NULL;
END
$$;

CREATE TRIGGER status_sync AFTER INSERT OR UPDATE OR DELETE ON zaken.status
    FOR EACH ROW EXECUTE FUNCTION zaken.sync_status();

CREATE FUNCTION zaken.sync_resultaat() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE zaken.zaak SET resultaat = NULL WHERE uuid = OLD.zaak;
    ELSE
        UPDATE zaken.zaak SET resultaat = NEW.uuid WHERE uuid = NEW.zaak;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER resultaat_sync
    AFTER INSERT OR UPDATE OR DELETE ON zaken.resultaat
    FOR EACH ROW EXECUTE FUNCTION zaken.sync_resultaat();

-- zrc-002: an identificatie of the form ZAAK-<year>-<10 digits>, unique
-- within the bronorganisatie.  As in Open Zaak the number is one more than
-- the highest of the year across all bronorganisaties; the advisory lock
-- (held to the end of the write's transaction) makes concurrent creates
-- take turns, and a number a client already used is skipped.
CREATE FUNCTION zaken.genereer_identificatie(bron text, jaar integer)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    prefix text := 'ZAAK-' || lpad(jaar::text, 4, '0') || '-';
    n bigint;
    candidate text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('zaken.genereer_identificatie'));

    SELECT coalesce(max(substr(identificatie, length(prefix) + 1)::bigint), 0)
        INTO n
        FROM zaken.zaak
        WHERE identificatie LIKE prefix || '%'
          AND identificatie ~ ('^' || prefix || '[0-9]{10}$');

    LOOP
        n := n + 1;
        candidate := prefix || lpad(n::text, 10, '0');
        EXIT WHEN NOT EXISTS (SELECT 1 FROM zaken.zaak
                              WHERE bronorganisatie = bron
                                AND identificatie = candidate);
    END LOOP;

    RETURN candidate;
END
$$;

CREATE INDEX zaak_identificatie_pattern ON zaken.zaak
    (identificatie text_pattern_ops);

-- Per-object authorisation: the guard of a detail or a write raises 403
-- for an object the client's autorisaties do not cover (the module's
-- ZG403 is permission_denied, with the default detail for an empty
-- message).
CREATE FUNCTION zgw.allowed(ok boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF ok IS NOT TRUE THEN
        RAISE EXCEPTION '' USING ERRCODE = 'ZG403';
    END IF;
END
$$;
