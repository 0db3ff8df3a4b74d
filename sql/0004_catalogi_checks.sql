-- Catalogi: sharper field errors and concept rules, found by the tests.
--
-- * A relation given as a URL that is not one of this API's objects of the
--   right kind is no_match / incorrect_match, as DRF's hyperlinks say,
--   instead of being taken for an omschrijving.
-- * A zaaktype-informatieobjecttype reports every reference that does not
--   exist (zaaktype, informatieobjecttype, statustype) at once, under the
--   field's own name.
-- * Eigenschappen and zaakobjecttypen name a statustype that does not
--   exist under statustype.
-- * A zaaktype-informatieobjecttype between a published zaaktype and a
--   published informatieobjecttype is non-concept-relation (Open Zaak);
--   below a published zaaktype otherwise non-concept-zaaktype (ztc-010).
-- * A concept version of a besluittype or informatieobjecttype may be
--   deleted while other versions carry its relations.
-- * A sub-type's beginGeldigheid, when given on create, is its zaaktype's
--   beginGeldigheid or versiedatum (the standard's historiemodel).
-- * A roltype's omschrijving is unique within its zaaktype (Open Zaak).


-- ------------------------------------------------------------ relations

-- The key (omschrijving or identificatie) of one relation item: a URL of
-- an object of this API, or the key itself.  Problems are raised as
-- ZG400 with field as the invalidParams name.

CREATE OR REPLACE FUNCTION catalogi.keys_of(field text, cat uuid,
    items text[], collection text, hoofd boolean DEFAULT false)
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
        k := NULL;
        c := NULL;
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

        ELSIF item ~ '^[A-Za-z][A-Za-z0-9+.-]*://' THEN
            -- a URL, but not of an object of the right kind
            IF item ~ ('^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]+(/[^?#]*)?'
                       || '/[a-z]+/api/v1/[a-z-]+/[0-9a-fA-F-]{36}$') THEN
                PERFORM zgw.invalid(field, 'incorrect_match',
                    'Ongeldige hyperlink - Ongeldige URL');
            END IF;

            PERFORM zgw.invalid(field, 'no_match',
                'Ongeldige hyperlink - Geen overeenkomende URL.');

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


-- ------------------------------------------------------------ sub-types

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

    IF NEW.einde_geldigheid IS NOT NULL AND NEW.begin_geldigheid IS NOT NULL
       AND NEW.einde_geldigheid < NEW.begin_geldigheid THEN
        PERFORM zgw.invalid('nonFieldErrors', 'date-mismatch',
            'begin_geldigheid moet vóór einde_geldigheid zijn.');
    END IF;

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
                PERFORM zgw.invalid('nonFieldErrors',
                    'relations-incorrect-zaaktype',
                    'Het statustype hoort niet bij hetzelfde zaaktype.');
            END IF;
        END IF;
    END IF;

    RETURN NEW;
END
$$;


-- A sub-type created through the API with a beginGeldigheid: it is the
-- zaaktype's beginGeldigheid or versiedatum (the standard: "Deze MOETen
-- overeenkomen").  Not a trigger: data loaded by other means may differ.

CREATE FUNCTION catalogi.check_sub_begin(zaaktype uuid, begin date)
RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    zt catalogi.zaaktype;
BEGIN
    SELECT * INTO zt FROM catalogi.zaaktype z WHERE z.uuid = zaaktype;

    IF zt.uuid IS NOT NULL AND begin IS NOT NULL
       AND begin IS DISTINCT FROM zt.begin_geldigheid
       AND begin IS DISTINCT FROM zt.versiedatum
    THEN
        PERFORM zgw.invalid('beginGeldigheid', 'invalid',
            'De beginGeldigheid moet gelijk zijn aan de beginGeldigheid of '
            || 'de versiedatum van het zaaktype.');
    END IF;
END
$$;


-- The zaaktype-informatieobjecttype: its informatieobjecttype by
-- omschrijving (or URL) in the catalogus of its zaaktype; every reference
-- that does not exist is reported, in the fields' order.

CREATE OR REPLACE FUNCTION catalogi.ztiot_normalise() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    cat      uuid;
    keys     text[];
    detail   text;
    p        jsonb;
    problems jsonb := '[]';
BEGIN
    SELECT z.catalogus INTO cat FROM catalogi.zaaktype z
     WHERE z.uuid = NEW.zaaktype;

    IF cat IS NULL THEN
        problems := problems || jsonb_build_object('name', 'zaaktype',
            'code', 'does_not_exist',
            'reason', 'Ongeldige hyperlink - Object bestaat niet.');
    END IF;

    IF TG_OP = 'INSERT'
       OR NEW.informatieobjecttype IS DISTINCT FROM OLD.informatieobjecttype
       OR NEW.zaaktype IS DISTINCT FROM OLD.zaaktype
    THEN
        -- the item is resolved once; its problem is collected, not raised
        BEGIN
            keys := catalogi.keys_of('informatieobjecttype', cat,
                ARRAY[NEW.informatieobjecttype], 'informatieobjecttypen');
            NEW.informatieobjecttype := keys[1];
        EXCEPTION WHEN SQLSTATE 'ZG400' THEN
            GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
            p := detail::jsonb;

            -- without a catalogus a URL is still checked; a key cannot be
            IF cat IS NOT NULL OR NEW.informatieobjecttype ~ '://'
               OR p->0->>'code' <> 'does_not_exist' THEN
                problems := problems || p;
            END IF;
        END;
    END IF;

    IF NEW.statustype IS NOT NULL THEN
        IF NOT EXISTS (SELECT 1 FROM catalogi.statustype s
                        WHERE s.uuid = NEW.statustype) THEN
            problems := problems || jsonb_build_object('name', 'statustype',
                'code', 'does_not_exist',
                'reason', 'Ongeldige hyperlink - Object bestaat niet.');

        ELSIF cat IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM catalogi.statustype s
             WHERE s.uuid = NEW.statustype AND s.zaaktype = NEW.zaaktype)
        THEN
            problems := problems || jsonb_build_object('name',
                'nonFieldErrors', 'code', 'relations-incorrect-zaaktype',
                'reason', 'Het statustype hoort niet bij hetzelfde zaaktype.');
        END IF;
    END IF;

    IF jsonb_array_length(problems) > 0 THEN
        PERFORM zgw.invalid(problems);
    END IF;

    RETURN NEW;
END
$$;


-- ztc-010 for the zaaktype-informatieobjecttype, before its write: this
-- row (NULL on create), the zaaktype and informatieobjecttype given (NULL
-- when not given).  Between a published zaaktype and a published
-- informatieobjecttype nothing changes (Open Zaak's non-concept-relation);
-- below a published zaaktype otherwise non-concept-zaaktype.

CREATE FUNCTION catalogi.check_ztiot_concept(this uuid, zt uuid, iot text,
    forced boolean, deleting boolean)
RETURNS void
LANGUAGE plpgsql STABLE AS $$
DECLARE
    r         catalogi.zaaktypeinformatieobjecttype;
    z         catalogi.zaaktype;
    k         text;
    published boolean := false;
BEGIN
    IF forced THEN
        RETURN;
    END IF;

    SELECT * INTO r FROM catalogi.zaaktypeinformatieobjecttype x
     WHERE x.uuid = this;

    FOR z IN SELECT * FROM catalogi.zaaktype y
              WHERE y.uuid IN (r.zaaktype, zt) AND NOT y.concept
    LOOP
        published := true;

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
                PERFORM zgw.invalid('nonFieldErrors', 'non-concept-relation',
                    CASE WHEN deleting
                         THEN 'Objects related to non-concept objects can''t '
                              || 'be destroyed'
                         ELSE 'Objects related to non-concept objects can''t '
                              || 'be created or updated' END);
            END IF;
        END LOOP;
    END LOOP;

    IF published THEN
        PERFORM zgw.invalid('nonFieldErrors', 'non-concept-zaaktype',
            CASE WHEN deleting
                 THEN 'Objects related to non-concept zaaktypen can''t be '
                      || 'destroyed'
                 ELSE 'Creating or updating a relation to a non-concept '
                      || 'zaaktype is forbidden' END);
    END IF;
END
$$;


-- ztc-010 for a delete of the other sub-types, with a delete's reason
-- (check_zaaktype_concept of 0003 speaks of creating or updating).

CREATE FUNCTION catalogi.check_zaaktype_concept_delete(this_zaaktype uuid,
    forced boolean)
RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF NOT forced AND EXISTS (SELECT 1 FROM catalogi.zaaktype z
                               WHERE z.uuid = this_zaaktype
                                 AND NOT z.concept) THEN
        PERFORM zgw.invalid('nonFieldErrors', 'non-concept-zaaktype',
            'Objects related to non-concept zaaktypen can''t be destroyed');
    END IF;
END
$$;


-- ------------------------------------------------------------ versions

-- ztc-009 on delete.  Published objects relate to a besluittype or
-- informatieobjecttype by its omschrijving; while another version with
-- that omschrijving exists, deleting this one breaks no relation.

CREATE OR REPLACE FUNCTION catalogi.check_type_delete(kind text, this uuid,
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

    IF kind = 'besluittype' THEN
        SELECT b.catalogus, b.omschrijving INTO cat, k
          FROM catalogi.besluittype b WHERE b.uuid = this;

        IF NOT EXISTS (SELECT 1 FROM catalogi.besluittype b
                        WHERE b.catalogus = cat AND b.omschrijving = k
                          AND b.uuid <> this)
           AND EXISTS (SELECT 1 FROM catalogi.zaaktype z
                        WHERE z.catalogus = cat AND NOT z.concept
                          AND z.besluittypen @> ARRAY[k]) THEN
            PERFORM zgw.invalid('nonFieldErrors', 'non-concept-relation',
                'Objects related to non-concept zaaktypen can''t be '
                || 'destroyed');
        END IF;

    ELSIF kind = 'informatieobjecttype' THEN
        SELECT i.catalogus, i.omschrijving INTO cat, k
          FROM catalogi.informatieobjecttype i WHERE i.uuid = this;

        IF NOT EXISTS (SELECT 1 FROM catalogi.informatieobjecttype i
                        WHERE i.catalogus = cat AND i.omschrijving = k
                          AND i.uuid <> this)
           AND (EXISTS (SELECT 1 FROM catalogi.zaaktypeinformatieobjecttype r
                          JOIN catalogi.zaaktype z ON z.uuid = r.zaaktype
                         WHERE z.catalogus = cat AND NOT z.concept
                           AND r.informatieobjecttype = k)
                OR EXISTS (SELECT 1 FROM catalogi.besluittype b
                            WHERE b.catalogus = cat AND NOT b.concept
                              AND b.informatieobjecttypen @> ARRAY[k])) THEN
            PERFORM zgw.invalid('nonFieldErrors', 'non-concept-relation',
                'Objects related to non-concept objects can''t be destroyed');
        END IF;
    END IF;
END
$$;


-- ------------------------------------------------------------ roltypen

ALTER TABLE catalogi.roltype ADD CONSTRAINT roltype_zaaktype_omschrijving_key
    UNIQUE (zaaktype, omschrijving);
