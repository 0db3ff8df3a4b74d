-- Catalogi API 1.3.1: catalogussen, zaaktypen and the types below them,
-- informatieobjecttypen and besluittypen.
--
-- Versions ("historiemodel"): a zaaktype is identified across its versions
-- by (catalogus, identificatie), an informatieobjecttype and a besluittype
-- by (catalogus, omschrijving).  Relations between them are stored by that
-- key, not by version, as Catalogi 1.3 prescribes (ztc-011a..c), and are
-- resolved to the version valid on a date when rendered: see *_on().

CREATE SCHEMA IF NOT EXISTS catalogi;


-- The date on which versioned relations are resolved: the given one, or
-- today in the Netherlands.
CREATE FUNCTION zgw.refdate(d date) RETURNS date
LANGUAGE sql STABLE AS $$
    SELECT coalesce(d, (now() AT TIME ZONE 'Europe/Amsterdam')::date);
$$;

-- The uuid in a URL of this module's API, e.g.
-- zgw.ref_uuid(url, 'catalogi', 'besluittypen'); NULL if it is not one.
-- The host is not compared, as with Open Zaak's local hyperlinks.
CREATE FUNCTION zgw.ref_uuid(url text, api text, collection text)
RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT (regexp_match(url,
        '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]+(/[^?#]*)?/' || api || '/api/v1/'
        || collection || '/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-'
        || '[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$'))[2]::uuid;
$$;


CREATE TABLE catalogi.catalogus (
    uuid                                  uuid PRIMARY KEY,
    id                                    bigint GENERATED ALWAYS AS IDENTITY
                                          UNIQUE,
    domein                                text NOT NULL,
    rsin                                  text NOT NULL,
    contactpersoon_beheer_naam            text NOT NULL,
    contactpersoon_beheer_telefoonnummer  text NOT NULL DEFAULT '',
    contactpersoon_beheer_emailadres      text NOT NULL DEFAULT '',
    naam                                  text NOT NULL DEFAULT '',
    versie                                text NOT NULL DEFAULT '',
    begindatum_versie                     date,
    CONSTRAINT catalogus_domein_rsin_key UNIQUE (domein, rsin)
);


CREATE TABLE catalogi.zaaktype (
    uuid                                  uuid PRIMARY KEY,
    id                                    bigint GENERATED ALWAYS AS IDENTITY
                                          UNIQUE,
    catalogus                             uuid NOT NULL
                                          REFERENCES catalogi.catalogus (uuid),
    identificatie                         text NOT NULL DEFAULT '',
    omschrijving                          text NOT NULL,
    omschrijving_generiek                 text NOT NULL DEFAULT '',
    vertrouwelijkheidaanduiding           text NOT NULL,
    doel                                  text NOT NULL,
    aanleiding                            text NOT NULL,
    toelichting                           text NOT NULL DEFAULT '',
    indicatie_intern_of_extern            text NOT NULL,
    handeling_initiator                   text NOT NULL,
    onderwerp                             text NOT NULL,
    handeling_behandelaar                 text NOT NULL,
    doorlooptijd                          text NOT NULL,
    servicenorm                           text,
    opschorting_en_aanhouding_mogelijk    boolean NOT NULL,
    verlenging_mogelijk                   boolean NOT NULL,
    verlengingstermijn                    text,
    trefwoorden                           text[] NOT NULL DEFAULT '{}',
    publicatie_indicatie                  boolean NOT NULL,
    publicatietekst                       text NOT NULL DEFAULT '',
    verantwoordingsrelatie                text[] NOT NULL DEFAULT '{}',
    producten_of_diensten                 text[] NOT NULL DEFAULT '{}',
    selectielijst_procestype              text NOT NULL DEFAULT '',
    selectielijst_procestype_jaar         integer,
    referentieproces                      jsonb NOT NULL,
    concept                               boolean NOT NULL DEFAULT true,
    verantwoordelijke                     text NOT NULL,
    broncatalogus                         jsonb,
    bronzaaktype                          jsonb,
    begin_geldigheid                      date NOT NULL,
    einde_geldigheid                      date,
    versiedatum                           date NOT NULL,
    -- by key: besluittype omschrijvingen, zaaktype identificaties
    besluittypen                          text[] NOT NULL DEFAULT '{}',
    deelzaaktypen                         text[] NOT NULL DEFAULT '{}',
    -- [{zaaktype: identificatie or external URL, aardRelatie, toelichting}]
    gerelateerde_zaaktypen                jsonb NOT NULL DEFAULT '[]'
);

CREATE INDEX zaaktype_catalogus ON catalogi.zaaktype
    (catalogus, identificatie, begin_geldigheid);
CREATE INDEX zaaktype_concept ON catalogi.zaaktype (concept, id);
CREATE INDEX zaaktype_besluittypen ON catalogi.zaaktype USING gin (besluittypen);
CREATE INDEX zaaktype_deelzaaktypen ON catalogi.zaaktype
    USING gin (deelzaaktypen);
CREATE INDEX zaaktype_trefwoorden ON catalogi.zaaktype USING gin (trefwoorden);


CREATE TABLE catalogi.informatieobjecttype (
    uuid                                  uuid PRIMARY KEY,
    id                                    bigint GENERATED ALWAYS AS IDENTITY
                                          UNIQUE,
    catalogus                             uuid NOT NULL
                                          REFERENCES catalogi.catalogus (uuid),
    omschrijving                          text NOT NULL,
    vertrouwelijkheidaanduiding           text NOT NULL,
    begin_geldigheid                      date NOT NULL,
    einde_geldigheid                      date,
    concept                               boolean NOT NULL DEFAULT true,
    informatieobjectcategorie             text NOT NULL,
    trefwoord                             text[] NOT NULL DEFAULT '{}',
    omschrijving_generiek                 jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX informatieobjecttype_catalogus ON catalogi.informatieobjecttype
    (catalogus, omschrijving, begin_geldigheid);


CREATE TABLE catalogi.besluittype (
    uuid                                  uuid PRIMARY KEY,
    id                                    bigint GENERATED ALWAYS AS IDENTITY
                                          UNIQUE,
    catalogus                             uuid NOT NULL
                                          REFERENCES catalogi.catalogus (uuid),
    omschrijving                          text NOT NULL DEFAULT '',
    omschrijving_generiek                 text NOT NULL DEFAULT '',
    besluitcategorie                      text NOT NULL DEFAULT '',
    reactietermijn                        text,
    publicatie_indicatie                  boolean NOT NULL,
    publicatietekst                       text NOT NULL DEFAULT '',
    publicatietermijn                     text,
    toelichting                           text NOT NULL DEFAULT '',
    -- by key: informatieobjecttype omschrijvingen
    informatieobjecttypen                 text[] NOT NULL DEFAULT '{}',
    begin_geldigheid                      date NOT NULL,
    einde_geldigheid                      date,
    concept                               boolean NOT NULL DEFAULT true
);

CREATE INDEX besluittype_catalogus ON catalogi.besluittype
    (catalogus, omschrijving, begin_geldigheid);
CREATE INDEX besluittype_informatieobjecttypen ON catalogi.besluittype
    USING gin (informatieobjecttypen);


CREATE TABLE catalogi.statustype (
    uuid                                  uuid PRIMARY KEY,
    id                                    bigint GENERATED ALWAYS AS IDENTITY
                                          UNIQUE,
    zaaktype                              uuid NOT NULL
                                          REFERENCES catalogi.zaaktype (uuid)
                                          ON DELETE CASCADE,
    omschrijving                          text NOT NULL,
    omschrijving_generiek                 text NOT NULL DEFAULT '',
    statustekst                           text NOT NULL DEFAULT '',
    volgnummer                            integer NOT NULL,
    informeren                            boolean NOT NULL DEFAULT false,
    doorlooptijd                          text,
    toelichting                           text,
    checklistitem_statustype              jsonb NOT NULL DEFAULT '[]',
    begin_geldigheid                      date,
    einde_geldigheid                      date,
    CONSTRAINT statustype_zaaktype_volgnummer_key UNIQUE (zaaktype, volgnummer)
);


CREATE TABLE catalogi.roltype (
    uuid                                  uuid PRIMARY KEY,
    id                                    bigint GENERATED ALWAYS AS IDENTITY
                                          UNIQUE,
    zaaktype                              uuid NOT NULL
                                          REFERENCES catalogi.zaaktype (uuid)
                                          ON DELETE CASCADE,
    omschrijving                          text NOT NULL,
    omschrijving_generiek                 text NOT NULL,
    begin_geldigheid                      date,
    einde_geldigheid                      date
);

CREATE INDEX roltype_zaaktype ON catalogi.roltype (zaaktype);


CREATE TABLE catalogi.resultaattype (
    uuid                                  uuid PRIMARY KEY,
    id                                    bigint GENERATED ALWAYS AS IDENTITY
                                          UNIQUE,
    zaaktype                              uuid NOT NULL
                                          REFERENCES catalogi.zaaktype (uuid)
                                          ON DELETE CASCADE,
    omschrijving                          text NOT NULL,
    resultaattypeomschrijving             text NOT NULL,
    -- the omschrijving of resultaattypeomschrijving, fetched when given
    omschrijving_generiek                 text NOT NULL DEFAULT '',
    selectielijstklasse                   text NOT NULL,
    -- of selectielijstklasse, fetched when given
    selectielijst_procestype              text NOT NULL DEFAULT '',
    selectielijst_procestermijn           text NOT NULL DEFAULT '',
    toelichting                           text NOT NULL DEFAULT '',
    archiefnominatie                      text NOT NULL DEFAULT '',
    archiefactietermijn                   text,
    brondatum_archiefprocedure            jsonb,
    procesobjectaard                      text NOT NULL DEFAULT '',
    indicatie_specifiek                   boolean,
    procestermijn                         text,
    -- by key: besluittype and informatieobjecttype omschrijvingen
    besluittypen                          text[] NOT NULL DEFAULT '{}',
    informatieobjecttypen                 text[] NOT NULL DEFAULT '{}',
    begin_geldigheid                      date,
    einde_geldigheid                      date,
    CONSTRAINT resultaattype_zaaktype_omschrijving_key
        UNIQUE (zaaktype, omschrijving)
);


CREATE TABLE catalogi.eigenschap (
    uuid                                  uuid PRIMARY KEY,
    id                                    bigint GENERATED ALWAYS AS IDENTITY
                                          UNIQUE,
    zaaktype                              uuid NOT NULL
                                          REFERENCES catalogi.zaaktype (uuid)
                                          ON DELETE CASCADE,
    naam                                  text NOT NULL,
    definitie                             text NOT NULL,
    specificatie                          jsonb NOT NULL,
    toelichting                           text NOT NULL DEFAULT '',
    statustype                            uuid
                                          REFERENCES catalogi.statustype (uuid)
                                          ON DELETE SET NULL,
    begin_geldigheid                      date,
    einde_geldigheid                      date,
    CONSTRAINT eigenschap_zaaktype_naam_key UNIQUE (zaaktype, naam)
);


CREATE TABLE catalogi.zaaktypeinformatieobjecttype (
    uuid                                  uuid PRIMARY KEY,
    id                                    bigint GENERATED ALWAYS AS IDENTITY
                                          UNIQUE,
    zaaktype                              uuid NOT NULL
                                          REFERENCES catalogi.zaaktype (uuid)
                                          ON DELETE CASCADE,
    -- by key: the informatieobjecttype omschrijving
    informatieobjecttype                  text NOT NULL,
    volgnummer                            integer NOT NULL,
    richting                              text NOT NULL,
    statustype                            uuid
                                          REFERENCES catalogi.statustype (uuid)
                                          ON DELETE SET NULL,
    CONSTRAINT zaaktypeinformatieobjecttype_zaaktype_volgnummer_key
        UNIQUE (zaaktype, volgnummer)
);

CREATE INDEX ztiot_informatieobjecttype
    ON catalogi.zaaktypeinformatieobjecttype (informatieobjecttype);


CREATE TABLE catalogi.zaakobjecttype (
    uuid                                  uuid PRIMARY KEY,
    id                                    bigint GENERATED ALWAYS AS IDENTITY
                                          UNIQUE,
    zaaktype                              uuid NOT NULL
                                          REFERENCES catalogi.zaaktype (uuid)
                                          ON DELETE CASCADE,
    ander_objecttype                      boolean NOT NULL,
    objecttype                            text NOT NULL,
    relatie_omschrijving                  text NOT NULL,
    statustype                            uuid
                                          REFERENCES catalogi.statustype (uuid)
                                          ON DELETE SET NULL,
    begin_geldigheid                      date,
    einde_geldigheid                      date
);

CREATE INDEX zaakobjecttype_zaaktype ON catalogi.zaakobjecttype (zaaktype);
CREATE INDEX eigenschap_statustype ON catalogi.eigenschap (statustype);
CREATE INDEX zaakobjecttype_statustype ON catalogi.zaakobjecttype (statustype);


-- ------------------------------------------------------------ versions

-- The version valid on d: published versions before concepts, then the
-- one that started last.  NULL when none is valid on d.

CREATE FUNCTION catalogi.zaaktype_on(cat uuid, ident text, d date)
RETURNS uuid
LANGUAGE sql STABLE AS $$
    SELECT z.uuid FROM catalogi.zaaktype z
     WHERE z.catalogus = cat AND z.identificatie = ident
       AND z.begin_geldigheid <= d
       AND (z.einde_geldigheid IS NULL OR z.einde_geldigheid >= d)
     ORDER BY z.concept, z.begin_geldigheid DESC, z.id DESC
     LIMIT 1;
$$;

CREATE FUNCTION catalogi.besluittype_on(cat uuid, oms text, d date)
RETURNS uuid
LANGUAGE sql STABLE AS $$
    SELECT b.uuid FROM catalogi.besluittype b
     WHERE b.catalogus = cat AND b.omschrijving = oms
       AND b.begin_geldigheid <= d
       AND (b.einde_geldigheid IS NULL OR b.einde_geldigheid >= d)
     ORDER BY b.concept, b.begin_geldigheid DESC, b.id DESC
     LIMIT 1;
$$;

CREATE FUNCTION catalogi.informatieobjecttype_on(cat uuid, oms text, d date)
RETURNS uuid
LANGUAGE sql STABLE AS $$
    SELECT i.uuid FROM catalogi.informatieobjecttype i
     WHERE i.catalogus = cat AND i.omschrijving = oms
       AND i.begin_geldigheid <= d
       AND (i.einde_geldigheid IS NULL OR i.einde_geldigheid >= d)
     ORDER BY i.concept, i.begin_geldigheid DESC, i.id DESC
     LIMIT 1;
$$;


-- URLs of the versions, on d, of the objects keys names, in key order.

CREATE FUNCTION catalogi.besluittype_urls(base text, cat uuid, keys text[],
    d date)
RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(base || '/catalogi/api/v1/besluittypen/' || v
                              ORDER BY k.n), '{}')
      FROM unnest(keys) WITH ORDINALITY k(key, n),
           LATERAL catalogi.besluittype_on(cat, k.key, d) v
     WHERE v IS NOT NULL;
$$;

CREATE FUNCTION catalogi.informatieobjecttype_urls(base text, cat uuid,
    keys text[], d date)
RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(base || '/catalogi/api/v1/informatieobjecttypen/'
                              || v ORDER BY k.n), '{}')
      FROM unnest(keys) WITH ORDINALITY k(key, n),
           LATERAL catalogi.informatieobjecttype_on(cat, k.key, d) v
     WHERE v IS NOT NULL;
$$;

CREATE FUNCTION catalogi.zaaktype_urls(base text, cat uuid, keys text[],
    d date)
RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(base || '/catalogi/api/v1/zaaktypen/' || v
                              ORDER BY k.n), '{}')
      FROM unnest(keys) WITH ORDINALITY k(key, n),
           LATERAL catalogi.zaaktype_on(cat, k.key, d) v
     WHERE v IS NOT NULL;
$$;


-- The other side of the relations: versions, on d, that point at key.

-- zaaktypen whose besluittypen hold this omschrijving
CREATE FUNCTION catalogi.zaaktypen_of_besluittype(base text, cat uuid,
    oms text, d date)
RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(base || '/catalogi/api/v1/zaaktypen/' || v
                              ORDER BY k.identificatie), '{}')
      FROM (SELECT DISTINCT z.identificatie FROM catalogi.zaaktype z
             WHERE z.catalogus = cat AND z.besluittypen @> ARRAY[oms]) k,
           LATERAL catalogi.zaaktype_on(cat, k.identificatie, d) v
     WHERE v IS NOT NULL
       AND EXISTS (SELECT 1 FROM catalogi.zaaktype z
                    WHERE z.uuid = v AND z.besluittypen @> ARRAY[oms]);
$$;

-- zaaktypen with a zaaktype-informatieobjecttype for this omschrijving
CREATE FUNCTION catalogi.zaaktypen_of_informatieobjecttype(base text,
    cat uuid, oms text, d date)
RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(base || '/catalogi/api/v1/zaaktypen/' || v
                              ORDER BY k.identificatie), '{}')
      FROM (SELECT DISTINCT z.identificatie
              FROM catalogi.zaaktypeinformatieobjecttype r
              JOIN catalogi.zaaktype z ON z.uuid = r.zaaktype
             WHERE z.catalogus = cat AND r.informatieobjecttype = oms) k,
           LATERAL catalogi.zaaktype_on(cat, k.identificatie, d) v
     WHERE v IS NOT NULL
       AND EXISTS (SELECT 1 FROM catalogi.zaaktypeinformatieobjecttype r
                    WHERE r.zaaktype = v AND r.informatieobjecttype = oms);
$$;

-- besluittypen whose informatieobjecttypen hold this omschrijving
CREATE FUNCTION catalogi.besluittypen_of_informatieobjecttype(base text,
    cat uuid, oms text, d date)
RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(base || '/catalogi/api/v1/besluittypen/' || v
                              ORDER BY k.omschrijving), '{}')
      FROM (SELECT DISTINCT b.omschrijving FROM catalogi.besluittype b
             WHERE b.catalogus = cat
               AND b.informatieobjecttypen @> ARRAY[oms]) k,
           LATERAL catalogi.besluittype_on(cat, k.omschrijving, d) v
     WHERE v IS NOT NULL
       AND EXISTS (SELECT 1 FROM catalogi.besluittype b
                    WHERE b.uuid = v
                      AND b.informatieobjecttypen @> ARRAY[oms]);
$$;

-- informatieobjecttypen of a zaaktype version (through its
-- zaaktype-informatieobjecttypen), on d
CREATE FUNCTION catalogi.informatieobjecttypen_of_zaaktype(base text,
    zt uuid, d date)
RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(base || '/catalogi/api/v1/informatieobjecttypen/'
                              || v ORDER BY k.first), '{}')
      FROM (SELECT r.informatieobjecttype AS oms, min(r.volgnummer) AS first
              FROM catalogi.zaaktypeinformatieobjecttype r
             WHERE r.zaaktype = zt
             GROUP BY r.informatieobjecttype) k,
           LATERAL catalogi.informatieobjecttype_on(
               (SELECT z.catalogus FROM catalogi.zaaktype z
                 WHERE z.uuid = zt), k.oms, d) v
     WHERE v IS NOT NULL;
$$;

-- The life of an object across its versions: the first begin, and the
-- last end (NULL while a version has none).

CREATE FUNCTION catalogi.life(begins date[], ends date[], out first date,
    out last date)
LANGUAGE sql IMMUTABLE AS $$
    SELECT (SELECT min(b) FROM unnest(begins) b),
           CASE WHEN (SELECT bool_or(e IS NULL) FROM unnest(ends) e) THEN NULL
                ELSE (SELECT max(e) FROM unnest(ends) e) END;
$$;


-- ------------------------------------------------------------ normalising

-- Relations arrive as URLs of a version or as the key itself (omschrijving
-- or identificatie); they are stored by key, in the same catalogus.
-- Violations raise ZG400 with the field as the invalidParams name.

CREATE FUNCTION catalogi.keys_of(field text, cat uuid, items text[],
    collection text, hoofd boolean DEFAULT false)
RETURNS text[]
LANGUAGE plpgsql STABLE AS $$
DECLARE
    item   text;
    u      uuid;
    k      text;
    c      uuid;
    result text[] := '{}';
BEGIN
    FOREACH item IN ARRAY coalesce(items, '{}') LOOP
        u := zgw.ref_uuid(item, 'catalogi', collection);

        IF u IS NOT NULL THEN
            IF collection = 'zaaktypen' THEN
                SELECT z.identificatie, z.catalogus INTO k, c
                  FROM catalogi.zaaktype z WHERE z.uuid = u;
            ELSIF collection = 'besluittypen' THEN
                SELECT b.omschrijving, b.catalogus INTO k, c
                  FROM catalogi.besluittype b WHERE b.uuid = u;
            ELSE
                SELECT i.omschrijving, i.catalogus INTO k, c
                  FROM catalogi.informatieobjecttype i WHERE i.uuid = u;
            END IF;

            IF k IS NULL THEN
                PERFORM zgw.invalid(field, 'does_not_exist',
                    'Ongeldige hyperlink - Object bestaat niet.');
            END IF;

        ELSE
            k := item;

            IF collection = 'zaaktypen' THEN
                SELECT z.catalogus INTO c FROM catalogi.zaaktype z
                 WHERE z.identificatie = k
                 ORDER BY z.catalogus = cat DESC LIMIT 1;
            ELSIF collection = 'besluittypen' THEN
                SELECT b.catalogus INTO c FROM catalogi.besluittype b
                 WHERE b.omschrijving = k
                 ORDER BY b.catalogus = cat DESC LIMIT 1;
            ELSE
                SELECT i.catalogus INTO c FROM catalogi.informatieobjecttype i
                 WHERE i.omschrijving = k
                 ORDER BY i.catalogus = cat DESC LIMIT 1;
            END IF;

            IF c IS NULL THEN
                PERFORM zgw.invalid(field, 'does_not_exist',
                    format('Er bestaat geen %s met %s "%s" in deze catalogus.',
                           CASE collection WHEN 'zaaktypen' THEN 'zaaktype'
                                WHEN 'besluittypen' THEN 'besluittype'
                                ELSE 'informatieobjecttype' END,
                           CASE collection WHEN 'zaaktypen'
                                THEN 'identificatie' ELSE 'omschrijving' END,
                           k));
            END IF;
        END IF;

        IF c <> cat THEN
            IF hoofd THEN
                PERFORM zgw.invalid(field, 'relations-incorrect-catalogus',
                    'Hoofd- en deelzaaktypen moeten tot dezelfde catalogus '
                    || 'behoren');
            END IF;

            PERFORM zgw.invalid('nonFieldErrors',
                'relations-incorrect-catalogus',
                format('De %s hoort bij een andere catalogus dan het '
                       || 'aangemaakte object', field));
        END IF;

        IF NOT k = ANY (result) THEN
            result := result || k;
        END IF;
    END LOOP;

    RETURN result;
END
$$;


CREATE SEQUENCE catalogi.zaaktype_identificatie;

-- Relations are checked and turned into keys when they are written, not
-- on every update: a later deletion of a related type does not make the
-- zaaktype unwritable.

CREATE FUNCTION catalogi.zaaktype_normalise() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    rel  jsonb;
    rels jsonb := '[]';
    u    uuid;
    k    text;
    ins  boolean := (TG_OP = 'INSERT');
BEGIN
    IF ins OR NEW.besluittypen IS DISTINCT FROM OLD.besluittypen THEN
        NEW.besluittypen := catalogi.keys_of('besluittypen', NEW.catalogus,
                                             NEW.besluittypen,
                                             'besluittypen');
    END IF;

    IF ins OR NEW.deelzaaktypen IS DISTINCT FROM OLD.deelzaaktypen THEN
        NEW.deelzaaktypen := catalogi.keys_of('deelzaaktypen', NEW.catalogus,
                                              NEW.deelzaaktypen, 'zaaktypen',
                                              true);
    END IF;

    -- a related zaaktype may be external (a URL elsewhere): kept as it is
    FOR rel IN SELECT * FROM jsonb_array_elements(NEW.gerelateerde_zaaktypen)
    LOOP
        u := zgw.ref_uuid(rel->>'zaaktype', 'catalogi', 'zaaktypen');

        IF u IS NOT NULL THEN
            SELECT z.identificatie INTO k FROM catalogi.zaaktype z
             WHERE z.uuid = u;

            IF k IS NOT NULL THEN
                rel := jsonb_set(rel, '{zaaktype}', to_jsonb(k));
            END IF;
        END IF;

        rels := rels || rel;
    END LOOP;

    NEW.gerelateerde_zaaktypen := rels;

    -- verlengingstermijn only means something when verlenging is possible
    IF NEW.verlenging_mogelijk AND NEW.verlengingstermijn IS NULL THEN
        PERFORM zgw.invalid('nonFieldErrors', 'verlenging-mismatch',
            'Verlengingstermijn must be set if verlengingMogelijk is set.');
    END IF;

    IF NOT NEW.verlenging_mogelijk THEN
        NEW.verlengingstermijn := NULL;
    END IF;

    IF (NEW.broncatalogus IS NULL) <> (NEW.bronzaaktype IS NULL) THEN
        PERFORM zgw.invalid('nonFieldErrors',
            'invalid-bronzaaktype-for-broncatalogus',
            'Indien bronzaaktype is opgegeven moet ook broncatalogus '
            || 'opgegeven worden en andersom.');
    END IF;

    IF NEW.identificatie = '' THEN
        NEW.identificatie := 'ZAAKTYPE-' || extract(year FROM NEW.versiedatum)
            || '-' || lpad(nextval('catalogi.zaaktype_identificatie')::text,
                           10, '0');
    END IF;

    IF NEW.einde_geldigheid IS NOT NULL
       AND NEW.einde_geldigheid < NEW.begin_geldigheid THEN
        PERFORM zgw.invalid('nonFieldErrors', 'date-mismatch',
            'begin_geldigheid moet vóór einde_geldigheid zijn.');
    END IF;

    RETURN NEW;
END
$$;

CREATE TRIGGER zaaktype_normalise
    BEFORE INSERT OR UPDATE ON catalogi.zaaktype
    FOR EACH ROW EXECUTE FUNCTION catalogi.zaaktype_normalise();


CREATE FUNCTION catalogi.besluittype_normalise() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT'
       OR NEW.informatieobjecttypen IS DISTINCT FROM OLD.informatieobjecttypen
    THEN
        NEW.informatieobjecttypen := catalogi.keys_of('informatieobjecttypen',
            NEW.catalogus, NEW.informatieobjecttypen,
            'informatieobjecttypen');
    END IF;

    IF NEW.einde_geldigheid IS NOT NULL
       AND NEW.einde_geldigheid < NEW.begin_geldigheid THEN
        PERFORM zgw.invalid('nonFieldErrors', 'date-mismatch',
            'begin_geldigheid moet vóór einde_geldigheid zijn.');
    END IF;

    RETURN NEW;
END
$$;

CREATE TRIGGER besluittype_normalise
    BEFORE INSERT OR UPDATE ON catalogi.besluittype
    FOR EACH ROW EXECUTE FUNCTION catalogi.besluittype_normalise();


CREATE FUNCTION catalogi.informatieobjecttype_normalise() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.einde_geldigheid IS NOT NULL
       AND NEW.einde_geldigheid < NEW.begin_geldigheid THEN
        PERFORM zgw.invalid('nonFieldErrors', 'date-mismatch',
            'begin_geldigheid moet vóór einde_geldigheid zijn.');
    END IF;

    RETURN NEW;
END
$$;

CREATE TRIGGER informatieobjecttype_normalise
    BEFORE INSERT OR UPDATE ON catalogi.informatieobjecttype
    FOR EACH ROW EXECUTE FUNCTION catalogi.informatieobjecttype_normalise();


-- Types below a zaaktype: the geldigheid follows the zaaktype's unless
-- given; a statustype given must belong to the same zaaktype.

CREATE FUNCTION catalogi.subtype_normalise() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    zt  catalogi.zaaktype;
    stz uuid;
BEGIN
    SELECT * INTO zt FROM catalogi.zaaktype z WHERE z.uuid = NEW.zaaktype;

    IF TG_OP = 'INSERT' OR NEW.zaaktype IS DISTINCT FROM OLD.zaaktype THEN
        IF NEW.begin_geldigheid IS NULL THEN
            NEW.begin_geldigheid := zt.begin_geldigheid;
        END IF;

        IF NEW.einde_geldigheid IS NULL THEN
            NEW.einde_geldigheid := zt.einde_geldigheid;
        END IF;
    END IF;

    IF NEW.einde_geldigheid IS NOT NULL AND NEW.begin_geldigheid IS NOT NULL
       AND NEW.einde_geldigheid < NEW.begin_geldigheid THEN
        PERFORM zgw.invalid('nonFieldErrors', 'date-mismatch',
            'begin_geldigheid moet vóór einde_geldigheid zijn.');
    END IF;

    IF TG_TABLE_NAME IN ('eigenschap', 'zaakobjecttype',
                         'zaaktypeinformatieobjecttype') THEN
        EXECUTE 'SELECT ($1).statustype' INTO stz USING NEW;

        IF stz IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM catalogi.statustype s
             WHERE s.uuid = stz AND s.zaaktype = NEW.zaaktype)
        THEN
            PERFORM zgw.invalid('nonFieldErrors',
                'relations-incorrect-zaaktype',
                'Het statustype hoort niet bij hetzelfde zaaktype.');
        END IF;
    END IF;

    RETURN NEW;
END
$$;

CREATE TRIGGER statustype_normalise
    BEFORE INSERT OR UPDATE ON catalogi.statustype
    FOR EACH ROW EXECUTE FUNCTION catalogi.subtype_normalise();
CREATE TRIGGER roltype_normalise
    BEFORE INSERT OR UPDATE ON catalogi.roltype
    FOR EACH ROW EXECUTE FUNCTION catalogi.subtype_normalise();
CREATE TRIGGER resultaattype_normalise
    BEFORE INSERT OR UPDATE ON catalogi.resultaattype
    FOR EACH ROW EXECUTE FUNCTION catalogi.subtype_normalise();
CREATE TRIGGER eigenschap_normalise
    BEFORE INSERT OR UPDATE ON catalogi.eigenschap
    FOR EACH ROW EXECUTE FUNCTION catalogi.subtype_normalise();
CREATE TRIGGER zaakobjecttype_normalise
    BEFORE INSERT OR UPDATE ON catalogi.zaakobjecttype
    FOR EACH ROW EXECUTE FUNCTION catalogi.subtype_normalise();


-- The zaaktype-informatieobjecttype names its informatieobjecttype by
-- omschrijving (or by URL), in the catalogus of its zaaktype.

CREATE FUNCTION catalogi.ztiot_normalise() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    keys text[];
BEGIN
    IF TG_OP = 'INSERT'
       OR NEW.informatieobjecttype IS DISTINCT FROM OLD.informatieobjecttype
       OR NEW.zaaktype IS DISTINCT FROM OLD.zaaktype
    THEN
        keys := catalogi.keys_of('informatieobjecttype',
            (SELECT z.catalogus FROM catalogi.zaaktype z
              WHERE z.uuid = NEW.zaaktype),
            ARRAY[NEW.informatieobjecttype], 'informatieobjecttypen');
        NEW.informatieobjecttype := keys[1];
    END IF;

    IF NEW.statustype IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM catalogi.statustype s
         WHERE s.uuid = NEW.statustype AND s.zaaktype = NEW.zaaktype)
    THEN
        PERFORM zgw.invalid('nonFieldErrors', 'relations-incorrect-zaaktype',
            'Het statustype hoort niet bij hetzelfde zaaktype.');
    END IF;

    RETURN NEW;
END
$$;

CREATE TRIGGER zaaktypeinformatieobjecttype_normalise
    BEFORE INSERT OR UPDATE ON catalogi.zaaktypeinformatieobjecttype
    FOR EACH ROW EXECUTE FUNCTION catalogi.ztiot_normalise();


CREATE FUNCTION catalogi.resultaattype_normalise() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    cat uuid;
    ins boolean := (TG_OP = 'INSERT');
BEGIN
    SELECT z.catalogus INTO cat FROM catalogi.zaaktype z
     WHERE z.uuid = NEW.zaaktype;

    IF ins OR NEW.besluittypen IS DISTINCT FROM OLD.besluittypen THEN
        NEW.besluittypen := catalogi.keys_of('besluittypen', cat,
                                             NEW.besluittypen,
                                             'besluittypen');
    END IF;

    IF ins OR NEW.informatieobjecttypen IS DISTINCT FROM
              OLD.informatieobjecttypen THEN
        NEW.informatieobjecttypen := catalogi.keys_of(
            'informatieobjecttypen', cat, NEW.informatieobjecttypen,
            'informatieobjecttypen');
    END IF;

    RETURN NEW;
END
$$;

CREATE TRIGGER resultaattype_relations
    BEFORE INSERT OR UPDATE ON catalogi.resultaattype
    FOR EACH ROW EXECUTE FUNCTION catalogi.resultaattype_normalise();


-- ------------------------------------------------------------ rules

-- Geldigheid (ztc-016, Open Zaak's GeldigheidValidator): published
-- versions with the same key in a catalogus may not overlap; an open end
-- counts as infinity.  Concepts do not take part.

CREATE FUNCTION catalogi.check_overlap(kind text, this uuid, field text)
RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    b date;
    e date;
    c boolean;
    hit boolean;
BEGIN
    EXECUTE format('SELECT concept FROM catalogi.%I WHERE uuid = $1', kind)
       INTO c USING this;

    IF c IS NOT FALSE THEN
        RETURN;
    END IF;

    IF kind = 'zaaktype' THEN
        SELECT x.begin_geldigheid, x.einde_geldigheid INTO b, e
          FROM catalogi.zaaktype x WHERE x.uuid = this;
        SELECT EXISTS (SELECT 1 FROM catalogi.zaaktype o, catalogi.zaaktype x
                        WHERE x.uuid = this AND o.uuid <> this
                          AND NOT o.concept
                          AND o.catalogus = x.catalogus
                          AND o.identificatie = x.identificatie
                          AND daterange(o.begin_geldigheid, o.einde_geldigheid,
                                        '[]')
                              && daterange(b, e, '[]'))
          INTO hit;
    ELSIF kind = 'besluittype' THEN
        SELECT x.begin_geldigheid, x.einde_geldigheid INTO b, e
          FROM catalogi.besluittype x WHERE x.uuid = this;
        SELECT EXISTS (SELECT 1 FROM catalogi.besluittype o,
                                     catalogi.besluittype x
                        WHERE x.uuid = this AND o.uuid <> this
                          AND NOT o.concept
                          AND o.catalogus = x.catalogus
                          AND o.omschrijving = x.omschrijving
                          AND daterange(o.begin_geldigheid, o.einde_geldigheid,
                                        '[]')
                              && daterange(b, e, '[]'))
          INTO hit;
    ELSE
        SELECT x.begin_geldigheid, x.einde_geldigheid INTO b, e
          FROM catalogi.informatieobjecttype x WHERE x.uuid = this;
        SELECT EXISTS (SELECT 1 FROM catalogi.informatieobjecttype o,
                                     catalogi.informatieobjecttype x
                        WHERE x.uuid = this AND o.uuid <> this
                          AND NOT o.concept
                          AND o.catalogus = x.catalogus
                          AND o.omschrijving = x.omschrijving
                          AND daterange(o.begin_geldigheid, o.einde_geldigheid,
                                        '[]')
                              && daterange(b, e, '[]'))
          INTO hit;
    END IF;

    IF hit THEN
        PERFORM zgw.invalid(field, 'overlap',
            format('Dit %s komt al voor binnen de catalogus en opgegeven '
                   || 'geldigheidsperiode.', kind));
    END IF;
END
$$;


-- ztc-009: a published type is not changed, except its eindeGeldigheid
-- alone or with catalogi.geforceerd-schrijven; not deleted without
-- catalogi.geforceerd-verwijderen (nor while published types relate to
-- it, ztc-011).

CREATE FUNCTION catalogi.check_type_write(kind text, this uuid,
    only_einde boolean, forced boolean)
RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    c boolean;
BEGIN
    EXECUTE format('SELECT concept FROM catalogi.%I WHERE uuid = $1', kind)
       INTO c USING this;

    IF c IS FALSE AND NOT only_einde AND NOT forced THEN
        PERFORM zgw.invalid('nonFieldErrors', 'non-concept-object',
            'Het is niet toegestaan om een non-concept object bij te werken');
    END IF;
END
$$;

CREATE FUNCTION catalogi.check_type_delete(kind text, this uuid,
    forced boolean)
RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    c   boolean;
    cat uuid;
    k   text;
BEGIN
    IF forced THEN
        RETURN;
    END IF;

    EXECUTE format('SELECT concept FROM catalogi.%I WHERE uuid = $1', kind)
       INTO c USING this;

    IF c IS FALSE THEN
        PERFORM zgw.invalid('nonFieldErrors', 'non-concept-object',
            'Alleen concepten kunnen worden verwijderd.');
    END IF;

    -- published objects that relate to it
    IF kind = 'besluittype' THEN
        SELECT b.catalogus, b.omschrijving INTO cat, k
          FROM catalogi.besluittype b WHERE b.uuid = this;

        IF EXISTS (SELECT 1 FROM catalogi.zaaktype z
                    WHERE z.catalogus = cat AND NOT z.concept
                      AND z.besluittypen @> ARRAY[k]) THEN
            PERFORM zgw.invalid('nonFieldErrors', 'non-concept-relation',
                'Objects related to non-concept zaaktypen can''t be '
                || 'destroyed');
        END IF;

    ELSIF kind = 'informatieobjecttype' THEN
        SELECT i.catalogus, i.omschrijving INTO cat, k
          FROM catalogi.informatieobjecttype i WHERE i.uuid = this;

        IF EXISTS (SELECT 1 FROM catalogi.zaaktypeinformatieobjecttype r
                     JOIN catalogi.zaaktype z ON z.uuid = r.zaaktype
                    WHERE z.catalogus = cat AND NOT z.concept
                      AND r.informatieobjecttype = k)
           OR EXISTS (SELECT 1 FROM catalogi.besluittype b
                       WHERE b.catalogus = cat AND NOT b.concept
                         AND b.informatieobjecttypen @> ARRAY[k]) THEN
            PERFORM zgw.invalid('nonFieldErrors', 'non-concept-relation',
                'Objects related to non-concept objects can''t be destroyed');
        END IF;
    END IF;
END
$$;


-- ztc-010: the types below a published zaaktype are neither created,
-- changed nor deleted without the forced scopes.

CREATE FUNCTION catalogi.check_zaaktype_concept(zaaktypen uuid[],
    forced boolean)
RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF NOT forced AND EXISTS (SELECT 1 FROM catalogi.zaaktype z
                               WHERE z.uuid = ANY (zaaktypen)
                                 AND NOT z.concept) THEN
        PERFORM zgw.invalid('nonFieldErrors', 'non-concept-zaaktype',
            'Creating or updating a relation to a non-concept zaaktype is '
            || 'forbidden');
    END IF;
END
$$;


-- Publishing.  A zaaktype needs its besluittypen and informatieobjecttypen
-- published (ztc-012); Open Zaak also wants at least one roltype and one
-- resultaattype, two statustypen and a selectielijstklasse on every
-- resultaattype, all reported together.  A client that may write
-- published types anyway (catalogi.geforceerd-schrijven) is spared those
-- last checks, not ztc-012.

CREATE FUNCTION catalogi.publish(kind text, this uuid, forced boolean)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    zt       catalogi.zaaktype;
    problems jsonb := '[]';
BEGIN
    IF kind = 'zaaktype' THEN
        SELECT * INTO zt FROM catalogi.zaaktype z WHERE z.uuid = this;

        IF EXISTS (SELECT 1 FROM unnest(zt.besluittypen) k
                    WHERE NOT EXISTS (
                        SELECT 1 FROM catalogi.besluittype b
                         WHERE b.catalogus = zt.catalogus
                           AND b.omschrijving = k AND NOT b.concept))
           OR EXISTS (SELECT 1 FROM catalogi.zaaktypeinformatieobjecttype r
                       WHERE r.zaaktype = this
                         AND NOT EXISTS (
                             SELECT 1 FROM catalogi.informatieobjecttype i
                              WHERE i.catalogus = zt.catalogus
                                AND i.omschrijving = r.informatieobjecttype
                                AND NOT i.concept))
        THEN
            problems := problems || jsonb_build_object('name',
                'nonFieldErrors', 'code', 'concept-relation', 'reason',
                'All related resources should be published');
        END IF;

        IF NOT forced THEN
            IF EXISTS (SELECT 1 FROM catalogi.resultaattype r
                        WHERE r.zaaktype = this
                          AND r.selectielijstklasse = '') THEN
                problems := problems || jsonb_build_object('name',
                    'resultaattypen', 'code', 'concept-relation', 'reason',
                    'Er zijn resultaattypen zonder selectielijstklasse.');
            END IF;

            IF NOT EXISTS (SELECT 1 FROM catalogi.roltype r
                            WHERE r.zaaktype = this) THEN
                problems := problems || jsonb_build_object('name', 'roltypen',
                    'code', 'concept-relation', 'reason',
                    'Publiceren is niet mogelijk zonder roltypen.');
            END IF;

            IF NOT EXISTS (SELECT 1 FROM catalogi.resultaattype r
                            WHERE r.zaaktype = this) THEN
                problems := problems || jsonb_build_object('name',
                    'resultaattypen', 'code', 'concept-relation', 'reason',
                    'Publiceren is niet mogelijk zonder resultaattypen.');
            END IF;

            IF (SELECT count(*) FROM catalogi.statustype s
                 WHERE s.zaaktype = this) < 2 THEN
                problems := problems || jsonb_build_object('name',
                    'statustypen', 'code', 'concept-relation', 'reason',
                    'Publiceren is niet mogelijk met minder dan twee '
                    || 'statustypen.');
            END IF;
        END IF;

        IF jsonb_array_length(problems) > 0 THEN
            PERFORM zgw.invalid(problems);
        END IF;
    END IF;

    EXECUTE format('UPDATE catalogi.%I SET concept = false WHERE uuid = $1',
                   kind) USING this;

    PERFORM catalogi.check_overlap(kind, this, 'beginGeldigheid');
END
$$;


-- A resultaattype after it was written (ztc-002, ztc-003): the
-- selectielijstklasse belongs to the zaaktype's selectielijst procestype,
-- the afleidingswijze fits the selectielijstklasse's procestermijn, and
-- a brondatumArchiefprocedure is there unless the zaak is kept for good.

CREATE FUNCTION catalogi.check_resultaattype(this uuid) RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    r    catalogi.resultaattype;
    pt   text;
    afl  text;
BEGIN
    SELECT * INTO r FROM catalogi.resultaattype x WHERE x.uuid = this;
    SELECT z.selectielijst_procestype INTO pt FROM catalogi.zaaktype z
     WHERE z.uuid = r.zaaktype;

    IF pt <> '' AND r.selectielijst_procestype <> ''
       AND r.selectielijst_procestype <> pt THEN
        PERFORM zgw.invalid('nonFieldErrors', 'procestype-mismatch',
            'De selectielijstklasse hoort niet bij het selectielijst '
            || 'procestype van het zaaktype.');
    END IF;

    IF r.brondatum_archiefprocedure IS NULL
       OR jsonb_typeof(r.brondatum_archiefprocedure) <> 'object' THEN
        IF r.archiefnominatie <> 'blijvend_bewaren' THEN
            PERFORM zgw.invalid('brondatumArchiefprocedure', 'required',
                format('Dit veld is verplicht als de archiefnominatie %s is',
                       nullif(r.archiefnominatie, '')));
        END IF;

        RETURN;
    END IF;

    afl := r.brondatum_archiefprocedure->>'afleidingswijze';

    IF (r.selectielijst_procestermijn = 'nihil' AND afl <> 'afgehandeld')
       OR (r.selectielijst_procestermijn
               = 'ingeschatte_bestaansduur_procesobject'
           AND afl <> 'termijn')
       OR (r.selectielijst_procestermijn NOT IN ('', 'nihil',
               'ingeschatte_bestaansduur_procesobject')
           AND afl = 'afgehandeld')
    THEN
        PERFORM zgw.invalid('nonFieldErrors',
            'invalid-afleidingswijze-for-procestermijn',
            format('De afleidingswijze %s past niet bij de procestermijn %s '
                   || 'van de selectielijstklasse.', afl,
                   r.selectielijst_procestermijn));
    END IF;
END
$$;
