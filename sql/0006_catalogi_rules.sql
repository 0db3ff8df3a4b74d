-- Catalogi rules as the standard words them (issue 7).
--
-- * Every broken object-level rule of a write in one answer, as DRF runs
--   all of a serializer's validators and answers their errors together:
--   the checks record a problem (zgw.problem) and go on; the write's
--   batch ends with zgw.problems_raise(), which answers them all.  Field
--   errors (a relation that does not resolve) still stop at once: DRF
--   runs no object-level validator after a field error.
-- * Publishing: Open Zaak's minimums (roltypen, resultaattypen,
--   statustypen, selectielijstklassen) are no longer waived for clients
--   with the forced scope; they apply when the operator asks for them
--   (openzaak_catalogi_publish_minimums), to every client.


-- ------------------------------------------------------------ problems

-- The problems recorded in this transaction, a JSON array of invalid
-- params in a transaction-local setting: gone at commit or rollback.

CREATE FUNCTION zgw.problems_add(params jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('zgw.problems',
        (coalesce(nullif(current_setting('zgw.problems', true), ''), '[]')
             ::jsonb || params)::text,
        true);
END
$$;

CREATE FUNCTION zgw.problem(name text, code text, reason text)
RETURNS void
LANGUAGE sql AS $$
    SELECT zgw.problems_add(jsonb_build_array(jsonb_build_object(
        'name', name, 'code', code, 'reason', reason)));
$$;

-- Ends a write's checks: every problem recorded, in one ZG400.
CREATE FUNCTION zgw.problems_raise() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    p jsonb := nullif(current_setting('zgw.problems', true), '')::jsonb;
BEGIN
    IF jsonb_array_length(coalesce(p, '[]')) > 0 THEN
        PERFORM set_config('zgw.problems', '', true);
        PERFORM zgw.invalid(p);
    END IF;
END
$$;


-- ------------------------------------------------------------ the checks

-- Open Zaak's StartBeforeEndValidator: the geldigheid ends after it begins.
CREATE FUNCTION catalogi.check_dates(b date, e date) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF e < b THEN
        PERFORM zgw.problem('nonFieldErrors', 'date-mismatch',
            'begin_geldigheid moet vóór einde_geldigheid zijn.');
    END IF;
END
$$;


CREATE OR REPLACE FUNCTION catalogi.zaaktype_normalise() RETURNS trigger
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
        PERFORM zgw.problem('nonFieldErrors', 'verlenging-mismatch',
            'Verlengingstermijn must be set if verlengingMogelijk is set.');
    END IF;

    IF NOT NEW.verlenging_mogelijk THEN
        NEW.verlengingstermijn := NULL;
    END IF;

    IF (NEW.broncatalogus IS NULL) <> (NEW.bronzaaktype IS NULL) THEN
        PERFORM zgw.problem('nonFieldErrors',
            'invalid-bronzaaktype-for-broncatalogus',
            'Indien bronzaaktype is opgegeven moet ook broncatalogus '
            || 'opgegeven worden en andersom.');
    END IF;

    IF NEW.identificatie = '' THEN
        NEW.identificatie := 'ZAAKTYPE-' || extract(year FROM NEW.versiedatum)
            || '-' || lpad(nextval('catalogi.zaaktype_identificatie')::text,
                           10, '0');
    END IF;

    PERFORM catalogi.check_dates(NEW.begin_geldigheid, NEW.einde_geldigheid);

    RETURN NEW;
END
$$;


CREATE OR REPLACE FUNCTION catalogi.besluittype_normalise() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT'
       OR NEW.informatieobjecttypen IS DISTINCT FROM OLD.informatieobjecttypen
    THEN
        NEW.informatieobjecttypen := catalogi.keys_of('informatieobjecttypen',
            NEW.catalogus, NEW.informatieobjecttypen,
            'informatieobjecttypen');
    END IF;

    PERFORM catalogi.check_dates(NEW.begin_geldigheid, NEW.einde_geldigheid);

    RETURN NEW;
END
$$;


CREATE OR REPLACE FUNCTION catalogi.informatieobjecttype_normalise()
RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM catalogi.check_dates(NEW.begin_geldigheid, NEW.einde_geldigheid);

    RETURN NEW;
END
$$;


CREATE OR REPLACE FUNCTION catalogi.subtype_normalise() RETURNS trigger
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

    PERFORM catalogi.check_dates(NEW.begin_geldigheid, NEW.einde_geldigheid);

    IF TG_TABLE_NAME IN ('eigenschap', 'zaakobjecttype') THEN
        EXECUTE 'SELECT ($1).statustype' INTO stz USING NEW;

        IF stz IS NOT NULL THEN
            IF NOT EXISTS (SELECT 1 FROM catalogi.statustype s
                            WHERE s.uuid = stz) THEN
                PERFORM zgw.invalid('statustype', 'does_not_exist',
                    'Ongeldige hyperlink - Object bestaat niet.');
            END IF;

            IF zt.uuid IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM catalogi.statustype s
                 WHERE s.uuid = stz AND s.zaaktype = NEW.zaaktype)
            THEN
                PERFORM zgw.problem('nonFieldErrors',
                    'relations-incorrect-zaaktype',
                    'Het statustype hoort niet bij hetzelfde zaaktype.');
            END IF;
        END IF;
    END IF;

    RETURN NEW;
END
$$;


CREATE OR REPLACE FUNCTION catalogi.check_overlap(kind text, this uuid,
    field text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    c   boolean;
    bad boolean;
    hit boolean;
BEGIN
    EXECUTE format('SELECT concept, einde_geldigheid < begin_geldigheid'
                   ' FROM catalogi.%I WHERE uuid = $1', kind)
       INTO c, bad USING this;

    -- concepts do not take part; an end before the begin is date-mismatch
    IF c IS NOT FALSE OR bad THEN
        RETURN;
    END IF;

    -- the key of the versions: identificatie or omschrijving
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM catalogi.%1$I o,'
                   ' catalogi.%1$I x WHERE x.uuid = $1 AND o.uuid <> $1'
                   ' AND NOT o.concept AND o.catalogus = x.catalogus'
                   ' AND o.%2$I = x.%2$I'
                   ' AND daterange(o.begin_geldigheid, o.einde_geldigheid,'
                   ' ''[]'') && daterange(x.begin_geldigheid,'
                   ' x.einde_geldigheid, ''[]''))',
                   kind, CASE kind WHEN 'zaaktype' THEN 'identificatie'
                                   ELSE 'omschrijving' END)
       INTO hit USING this;

    IF hit THEN
        PERFORM zgw.problem(field, 'overlap',
            format('Dit %s komt al voor binnen de catalogus en opgegeven '
                   || 'geldigheidsperiode.', kind));
    END IF;
END
$$;


CREATE OR REPLACE FUNCTION catalogi.check_type_write(kind text, this uuid,
    only_einde boolean, forced boolean)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    c boolean;
BEGIN
    EXECUTE format('SELECT concept FROM catalogi.%I WHERE uuid = $1', kind)
       INTO c USING this;

    IF c IS FALSE AND NOT only_einde AND NOT forced THEN
        PERFORM zgw.problem('nonFieldErrors', 'non-concept-object',
            'Het is niet toegestaan om een non-concept object bij te werken');
    END IF;
END
$$;


CREATE OR REPLACE FUNCTION catalogi.check_zaaktype_concept(zaaktypen uuid[],
    forced boolean)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT forced AND EXISTS (SELECT 1 FROM catalogi.zaaktype z
                               WHERE z.uuid = ANY (zaaktypen)
                                 AND NOT z.concept) THEN
        PERFORM zgw.problem('nonFieldErrors', 'non-concept-zaaktype',
            'Creating or updating a relation to a non-concept zaaktype is '
            || 'forbidden');
    END IF;
END
$$;


CREATE OR REPLACE FUNCTION catalogi.check_resultaattype(this uuid) RETURNS void
LANGUAGE plpgsql AS $$
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
        PERFORM zgw.problem('nonFieldErrors', 'procestype-mismatch',
            'De selectielijstklasse hoort niet bij het selectielijst '
            || 'procestype van het zaaktype.');
    END IF;

    IF r.brondatum_archiefprocedure IS NULL
       OR jsonb_typeof(r.brondatum_archiefprocedure) <> 'object' THEN
        IF r.archiefnominatie <> 'blijvend_bewaren' THEN
            PERFORM zgw.problem('brondatumArchiefprocedure', 'required',
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
        PERFORM zgw.problem('nonFieldErrors',
            'invalid-afleidingswijze-for-procestermijn',
            format('De afleidingswijze %s past niet bij de procestermijn %s '
                   || 'van de selectielijstklasse.', afl,
                   r.selectielijst_procestermijn));
    END IF;
END
$$;


CREATE OR REPLACE FUNCTION catalogi.check_sub_begin(zaaktype uuid, begin date)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    zt catalogi.zaaktype;
BEGIN
    SELECT * INTO zt FROM catalogi.zaaktype z WHERE z.uuid = zaaktype;

    IF zt.uuid IS NOT NULL AND begin IS NOT NULL
       AND begin IS DISTINCT FROM zt.begin_geldigheid
       AND begin IS DISTINCT FROM zt.versiedatum
    THEN
        PERFORM zgw.problem('beginGeldigheid', 'invalid',
            'De beginGeldigheid moet gelijk zijn aan de beginGeldigheid of '
            || 'de versiedatum van het zaaktype.');
    END IF;
END
$$;


-- ztc-010 for the zaaktype-informatieobjecttype (see 0004): a write
-- records its problem; a delete answers it at once.

CREATE OR REPLACE FUNCTION catalogi.check_ztiot_concept(this uuid, zt uuid,
    iot text, forced boolean, deleting boolean)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    r         catalogi.zaaktypeinformatieobjecttype;
    z         catalogi.zaaktype;
    k         text;
    code      text;
    reason    text;
BEGIN
    IF forced THEN
        RETURN;
    END IF;

    SELECT * INTO r FROM catalogi.zaaktypeinformatieobjecttype x
     WHERE x.uuid = this;

    FOR z IN SELECT * FROM catalogi.zaaktype y
              WHERE y.uuid IN (r.zaaktype, zt) AND NOT y.concept
    LOOP
        code := 'non-concept-zaaktype';
        reason := CASE WHEN deleting
                       THEN 'Objects related to non-concept zaaktypen '
                            || 'can''t be destroyed'
                       ELSE 'Creating or updating a relation to a '
                            || 'non-concept zaaktype is forbidden' END;

        -- the informatieobjecttype, by key, of the row or of the request
        FOREACH k IN ARRAY array_remove(ARRAY[r.informatieobjecttype,
                coalesce((SELECT i.omschrijving
                            FROM catalogi.informatieobjecttype i
                           WHERE i.uuid = zgw.ref_uuid(iot, 'catalogi',
                                     'informatieobjecttypen')), iot)], NULL)
        LOOP
            IF EXISTS (SELECT 1 FROM catalogi.informatieobjecttype i
                        WHERE i.catalogus = z.catalogus
                          AND i.omschrijving = k AND NOT i.concept) THEN
                code := 'non-concept-relation';
                reason := CASE WHEN deleting
                               THEN 'Objects related to non-concept objects '
                                    || 'can''t be destroyed'
                               ELSE 'Objects related to non-concept objects '
                                    || 'can''t be created or updated' END;
            END IF;
        END LOOP;

        EXIT WHEN code = 'non-concept-relation';
    END LOOP;

    IF code IS NULL THEN
        RETURN;
    END IF;

    IF deleting THEN
        PERFORM zgw.invalid('nonFieldErrors', code, reason);
    ELSE
        PERFORM zgw.problem('nonFieldErrors', code, reason);
    END IF;
END
$$;


-- Publishing.  A zaaktype needs its besluittypen and informatieobjecttypen
-- published (ztc-012, concept-relation).  With minimums (the directive
-- openzaak_catalogi_publish_minimums) also what Open Zaak asks: at least
-- one roltype and one resultaattype, two statustypen and a
-- selectielijstklasse on every resultaattype.  Every problem, the overlap
-- of ztc-016 included, is recorded; the batch answers them together.

DROP FUNCTION catalogi.publish(text, uuid, boolean);

CREATE FUNCTION catalogi.publish(kind text, this uuid, minimums boolean)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    zt       catalogi.zaaktype;
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
            PERFORM zgw.problem('nonFieldErrors', 'concept-relation',
                'All related resources should be published');
        END IF;

        IF minimums THEN
            IF EXISTS (SELECT 1 FROM catalogi.resultaattype r
                        WHERE r.zaaktype = this
                          AND r.selectielijstklasse = '') THEN
                PERFORM zgw.problem('resultaattypen', 'concept-relation',
                    'Er zijn resultaattypen zonder selectielijstklasse.');
            END IF;

            IF NOT EXISTS (SELECT 1 FROM catalogi.roltype r
                            WHERE r.zaaktype = this) THEN
                PERFORM zgw.problem('roltypen', 'concept-relation',
                    'Publiceren is niet mogelijk zonder roltypen.');
            END IF;

            IF NOT EXISTS (SELECT 1 FROM catalogi.resultaattype r
                            WHERE r.zaaktype = this) THEN
                PERFORM zgw.problem('resultaattypen', 'concept-relation',
                    'Publiceren is niet mogelijk zonder resultaattypen.');
            END IF;

            IF (SELECT count(*) FROM catalogi.statustype s
                 WHERE s.zaaktype = this) < 2 THEN
                PERFORM zgw.problem('statustypen', 'concept-relation',
                    'Publiceren is niet mogelijk met minder dan twee '
                    || 'statustypen.');
            END IF;
        END IF;
    END IF;

    EXECUTE format('UPDATE catalogi.%I SET concept = false WHERE uuid = $1',
                   kind) USING this;

    PERFORM catalogi.check_overlap(kind, this, 'beginGeldigheid');
END
$$;
