-- Zaken API 1.5.1: statussen and resultaten.  Closing a zaak with its
-- eindstatus, reopening it, and the archive fields Open Zaak derives
-- (zrc-007, zrc-008, zrc-016, zrc-020, zrc-021; ZGW-INVENTORY Z13-Z19,
-- Z21).  The checks record their problems (zgw.problem) and answer them
-- before the row is written, so that a unique or foreign-key violation of
-- the INSERT never hides them.

-- The 403 of a guard with Open Zaak's detail (the closed-zaak rules).
CREATE FUNCTION zgw.allowed(ok boolean, detail text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF ok IS NOT TRUE THEN
        RAISE EXCEPTION '%', detail USING ERRCODE = 'ZG403';
    END IF;
END
$$;

-- A date at the start of a value (YYYY-MM-DD or YYYYMMDD, a time may
-- follow), or NULL: an eigenschap or an object attribute as brondatum.
CREATE FUNCTION zaken.iso_date(v text) RETURNS date
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF v ~ '^\d{4}-\d{2}-\d{2}($|T| )' THEN
        RETURN left(v, 10)::date;
    END IF;
    IF v ~ '^\d{8}($|T|\d{6}$)' THEN
        RETURN to_date(left(v, 8), 'YYYYMMDD');
    END IF;
    RETURN NULL;
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;

-- The zaak a URL names when it is one of this Zaken API (the path is
-- enough: other hosts' zaken are not fetched).
CREATE FUNCTION zaken.local_zaak(url text) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN m IS NOT NULL THEN lower(m[1])::uuid END
      FROM (SELECT regexp_match(url,
                '/zaken/api/v1/zaken/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-'
                || '[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/?$') m) x;
$$;


-- ------------------------------------------------------------ archiving

-- zrc-021, Z17: the brondatum of the archive procedure of resultaattype
-- rt for zaak z (with its einddatum), or a reason why it cannot be
-- determined.  NULL without a reason: not known (yet).  Besluiten and
-- documents do not exist yet: ingangsdatum_besluit and
-- vervaldatum_besluit find none.
CREATE FUNCTION zaken.brondatum(z zaken.zaak, rt catalogi.resultaattype,
    OUT brondatum date, OUT fout text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    bap jsonb := coalesce(rt.brondatum_archiefprocedure, '{}');
    kenmerk text := coalesce(bap->>'datumkenmerk', '');
    waarde text;
BEGIN
    CASE bap->>'afleidingswijze'

    WHEN 'afgehandeld' THEN
        brondatum := z.einddatum;

    WHEN 'hoofdzaak' THEN
        SELECT h.einddatum INTO brondatum
          FROM zaken.zaak h WHERE h.uuid = z.hoofdzaak;

    WHEN 'eigenschap' THEN
        SELECT e.waarde INTO waarde FROM zaken.zaakeigenschap e
         WHERE e.zaak = z.uuid AND e.naam = kenmerk
         ORDER BY e.id LIMIT 1;

        IF waarde IS NOT NULL THEN
            brondatum := zaken.iso_date(waarde);
            IF brondatum IS NULL THEN
                fout := format('Geen geldige datumwaarde in eigenschap "%s"',
                               kenmerk);
            END IF;
        END IF;

    WHEN 'zaakobject' THEN
        -- the attribute (a path, "/" separated) of the identificatie
        -- stored with the zaakobjecten of the objecttype; objects only
        -- referred to by URL are not fetched
        SELECT max(zaken.iso_date(o.object_identificatie
                                  #>> string_to_array(kenmerk, '/')))
          INTO brondatum
          FROM zaken.zaakobject o
         WHERE o.zaak = z.uuid AND o.object_type = bap->>'objecttype';

        IF brondatum IS NULL THEN
            fout := format('Geen zaakobject van type "%s" met een datum in '
                           || '"%s" gevonden.', bap->>'objecttype', kenmerk);
        END IF;

    WHEN 'termijn' THEN
        IF coalesce(bap->>'procestermijn', '') = '' THEN
            fout := 'Geen procestermijn aanwezig om de brondatum te bepalen.';
        ELSE
            brondatum := (z.einddatum + (bap->>'procestermijn')::interval)
                         ::date;
        END IF;

    WHEN 'gerelateerde_zaak' THEN
        SELECT max(r.einddatum) INTO brondatum
          FROM jsonb_array_elements(z.relevante_andere_zaken) x
          JOIN zaken.zaak r ON r.uuid = zaken.local_zaak(x->>'url');

    ELSE
        -- ander_datumkenmerk (set by hand), ingangsdatum_besluit,
        -- vervaldatum_besluit
        brondatum := NULL;
    END CASE;
END
$$;

-- The archive fields of zaak z (its einddatum set) from its resultaat:
-- archiefnominatie of the resultaattype when the zaak has none, and
-- archiefactiedatum = brondatum + archiefactietermijn, with the brondatum
-- as startdatumBewaartermijn.  Without force, an archiefactiedatum or a
-- startdatumBewaartermijn the zaak already has is kept (Open Zaak's
-- BrondatumCalculator).  fout: why they cannot be determined (Z18: a
-- postponed brondatum is no error).
CREATE FUNCTION zaken.archief(z zaken.zaak, force boolean,
    OUT nominatie text, OUT actiedatum date, OUT bewaartermijn date,
    OUT fout text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    rt catalogi.resultaattype;
    bron date;
BEGIN
    nominatie := coalesce(z.archiefnominatie, '');
    actiedatum := z.archiefactiedatum;
    bewaartermijn := z.startdatum_bewaartermijn;

    SELECT t.* INTO rt
      FROM zaken.resultaat r
      JOIN catalogi.resultaattype t ON t.uuid = r.resultaattype
     WHERE r.zaak = z.uuid;

    IF rt.uuid IS NULL THEN
        RETURN;
    END IF;

    IF nominatie = '' THEN
        nominatie := rt.archiefnominatie;
    END IF;

    IF NOT force AND actiedatum IS NOT NULL THEN
        RETURN;
    END IF;

    IF NOT force AND bewaartermijn IS NOT NULL THEN
        bron := bewaartermijn;
    ELSE
        SELECT x.brondatum, x.fout INTO bron, fout
          FROM zaken.brondatum(z, rt) x;
    END IF;

    IF fout IS NOT NULL THEN
        actiedatum := NULL;
        bewaartermijn := NULL;
        RETURN;
    END IF;

    IF bron IS NULL THEN
        actiedatum := NULL;
        bewaartermijn := NULL;

        IF rt.brondatum_archiefprocedure->>'afleidingswijze' NOT IN
               ('vervaldatum_besluit', 'eigenschap', 'ander_datumkenmerk',
                'hoofdzaak')
           AND nominatie <> 'blijvend_bewaren'
        THEN
            fout := 'De archiefactiedatum kon niet worden bepaald.';
        END IF;

        RETURN;
    END IF;

    bewaartermijn := bron;
    actiedatum := CASE WHEN rt.archiefactietermijn IS NOT NULL
                  THEN (bron + rt.archiefactietermijn::interval)::date END;
END
$$;

-- Z19: the archive fields of a closed zaak again, after a change they
-- depend on; what cannot be determined is left empty (zrc-021).
CREATE FUNCTION zaken.archief_herbereken(zid uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    z zaken.zaak;
    a record;
BEGIN
    SELECT * INTO z FROM zaken.zaak WHERE uuid = zid;

    IF z.einddatum IS NULL THEN
        RETURN;
    END IF;

    SELECT * INTO a FROM zaken.archief(z, true);

    UPDATE zaken.zaak
       SET archiefnominatie = a.nominatie,
           archiefactiedatum = a.actiedatum,
           startdatum_bewaartermijn = a.bewaartermijn
     WHERE uuid = zid;
END
$$;

-- Z16: the deelzaken whose brondatum is the einddatum of this hoofdzaak.
CREATE FUNCTION zaken.deelzaken_herbereken(hoofdzaak uuid) RETURNS void
LANGUAGE sql AS $$
    SELECT zaken.archief_herbereken(d.uuid)
      FROM zaken.zaak d
      JOIN zaken.resultaat r ON r.zaak = d.uuid
      JOIN catalogi.resultaattype t ON t.uuid = r.resultaattype
     WHERE d.hoofdzaak = deelzaken_herbereken.hoofdzaak
       AND d.einddatum IS NOT NULL
       AND t.brondatum_archiefprocedure->>'afleidingswijze' = 'hoofdzaak';
$$;


-- ------------------------------------------------------------ status

-- A new status n (its datumStatusGezet as sent in "sent"): Open Zaak's
-- validators (every problem together), then StatusSerializer.validate
-- (its first problem), then the zaak closes (eindstatus: the statustype
-- with the highest volgnummer) or reopens (another status on a closed
-- zaak).  A zaak, statustype or gezetdoor that does not exist is the
-- field's error, answered by the INSERT's foreign key.
CREATE FUNCTION zaken.status_create(n zaken.status, sent text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    z zaken.zaak;
    st catalogi.statustype;
    rol_zaak uuid;
    eind boolean;
    a record;
BEGIN
    SELECT * INTO z FROM zaken.zaak WHERE uuid = n.zaak;
    SELECT * INTO st FROM catalogi.statustype WHERE uuid = n.statustype;

    IF n.gezetdoor IS NOT NULL THEN
        SELECT r.zaak INTO rol_zaak FROM zaken.rol r
         WHERE r.uuid = n.gezetdoor;
    END IF;

    IF z.uuid IS NULL OR st.uuid IS NULL
       OR (n.gezetdoor IS NOT NULL AND rol_zaak IS NULL)
    THEN
        RETURN;
    END IF;

    -- a field's validator: no object-level rule runs after it
    IF n.datum_status_gezet > now() THEN
        PERFORM zgw.problem('datumStatusGezet', 'date-in-future',
            'Deze datum mag niet in de toekomst zijn');
        PERFORM zgw.problems_raise();
    END IF;

    eind := st.volgnummer = (SELECT max(s.volgnummer)
                               FROM catalogi.statustype s
                              WHERE s.zaaktype = z.zaaktype);

    -- the validators, together
    IF EXISTS (SELECT 1 FROM zaken.status s WHERE s.zaak = n.zaak
                  AND s.datum_status_gezet = n.datum_status_gezet)
    THEN
        PERFORM zgw.problem('nonFieldErrors', 'unique',
            'De velden zaak, datum_status_gezet moeten een unieke set zijn.');
    END IF;

    IF st.zaaktype <> z.zaaktype THEN
        PERFORM zgw.problem('nonFieldErrors', 'zaaktype-mismatch',
            'De referentie hoort niet bij het zaaktype van de zaak.');
    END IF;

    IF z.archiefstatus <> 'nog_te_archiveren' THEN
        PERFORM zgw.problem('nonFieldErrors', 'zaak-archiefstatus-invalid',
            'Er mogen geen gegevens aan de zaak worden toegevoegd of '
            || 'gewijzigd als de archiefstatus niet "nog_te_archiveren" is.');
    END IF;

    IF rol_zaak IS NOT NULL AND rol_zaak <> n.zaak THEN
        PERFORM zgw.problem('nonFieldErrors', 'zaak-mismatch',
            'De rol hoort niet bij de zaak van de status.');
    END IF;

    IF eind AND EXISTS (SELECT 1 FROM zaken.zaak d
                         WHERE d.hoofdzaak = z.uuid AND d.einddatum IS NULL)
    THEN
        PERFORM zgw.problem('nonFieldErrors', 'deelzaken-not-closed',
            'Alle deelzaken moeten gesloten zijn voordat de hoofdzaak '
            || 'afgesloten kan worden.');
    END IF;

    IF NOT eind AND z.einddatum IS NOT NULL
       AND EXISTS (SELECT 1 FROM zaken.zaak h WHERE h.uuid = z.hoofdzaak
                      AND h.einddatum IS NOT NULL)
    THEN
        PERFORM zgw.problem('nonFieldErrors', 'hoofdzaak-closed',
            'Een deelzaak kan niet heropend worden zolang de hoofdzaak '
            || 'gesloten is.');
    END IF;

    PERFORM zgw.problems_raise();

    IF eind THEN
        -- validate(): its first problem only
        IF EXISTS (SELECT 1 FROM zaken.zaak d
                    WHERE d.hoofdzaak = z.uuid AND d.resultaat IS NULL)
        THEN
            PERFORM zgw.invalid('nonFieldErrors',
                'deelzaak-resultaat-does-not-exist', 'Ongeldige invoer.');
        END IF;

        IF z.resultaat IS NULL THEN
            PERFORM zgw.invalid('nonFieldErrors', 'resultaat-does-not-exist',
                'Zaak has no resultaat.');
        END IF;

        -- Z15: the date as the client sent it, in its own offset
        z.einddatum := left(sent, 10)::date;
        SELECT * INTO a FROM zaken.archief(z, false);

        IF a.fout IS NOT NULL THEN
            PERFORM zgw.invalid('nonFieldErrors', 'archiefactiedatum-error',
                                a.fout);
        END IF;

        UPDATE zaken.zaak
           SET einddatum = z.einddatum,
               archiefnominatie = a.nominatie,
               archiefactiedatum = a.actiedatum,
               startdatum_bewaartermijn = a.bewaartermijn
         WHERE uuid = z.uuid;

        PERFORM zaken.deelzaken_herbereken(z.uuid);

    ELSIF z.einddatum IS NOT NULL THEN
        -- zrc-008: reopened
        UPDATE zaken.zaak
           SET einddatum = NULL, archiefnominatie = '',
               archiefactiedatum = NULL, startdatum_bewaartermijn = NULL
         WHERE uuid = z.uuid;

        PERFORM zaken.deelzaken_herbereken(z.uuid);
    END IF;
END
$$;


-- ------------------------------------------------------------ resultaat

-- A resultaat as it will be stored (n; the stored one with the body on
-- top): one per zaak (the zaak field's UniqueValidator, so no other rule
-- is checked after it), then the validators together.
CREATE FUNCTION zaken.check_resultaat(n zaken.resultaat) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    z zaken.zaak;
    rt catalogi.resultaattype;
BEGIN
    SELECT * INTO z FROM zaken.zaak WHERE uuid = n.zaak;
    SELECT * INTO rt FROM catalogi.resultaattype WHERE uuid = n.resultaattype;

    IF z.uuid IS NULL OR rt.uuid IS NULL THEN
        RETURN;
    END IF;

    IF EXISTS (SELECT 1 FROM zaken.resultaat r
                WHERE r.zaak = n.zaak AND r.uuid <> n.uuid)
    THEN
        PERFORM zgw.problem('zaak', 'unique',
                            'resultaat met deze zaak bestaat al.');
        PERFORM zgw.problems_raise();
    END IF;

    IF rt.zaaktype <> z.zaaktype THEN
        PERFORM zgw.problem('nonFieldErrors', 'zaaktype-mismatch',
            'De referentie hoort niet bij het zaaktype van de zaak.');
    END IF;

    IF z.archiefstatus <> 'nog_te_archiveren' THEN
        PERFORM zgw.problem('nonFieldErrors', 'zaak-archiefstatus-invalid',
            'Er mogen geen gegevens aan de zaak worden toegevoegd of '
            || 'gewijzigd als de archiefstatus niet "nog_te_archiveren" is.');
    END IF;

    PERFORM zgw.problems_raise();
END
$$;

-- Z19: a closed zaak's archive fields follow its resultaat; without one
-- the dates are cleared.
CREATE FUNCTION zaken.resultaat_archief() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE zaken.zaak
           SET archiefactiedatum = NULL, startdatum_bewaartermijn = NULL
         WHERE uuid = OLD.zaak AND einddatum IS NOT NULL;
    ELSE
        PERFORM zaken.archief_herbereken(NEW.zaak);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER resultaat_archief
    AFTER INSERT OR UPDATE OR DELETE ON zaken.resultaat
    FOR EACH ROW EXECUTE FUNCTION zaken.resultaat_archief();
