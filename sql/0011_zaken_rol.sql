-- Zaken API 1.5.1: the rules of rollen and zaakobjecten that need stored
-- data (ZGW-INVENTORY Z20, Z23), recorded with zgw.problem() and answered
-- together at the end of the write's batch, and what Open Zaak derives
-- when a rol is saved.

-- ------------------------------------------------------------------ rol

-- omschrijving and omschrijvingGeneriek come from the roltype; an empty
-- contactpersoonRol renders as null (a gegevensgroep without values); the
-- authenticatieContext belongs to the betrokkeneTypes that have one.
CREATE FUNCTION zaken.rol_defaults() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- a roltype that does not exist is the foreign key's error
    SELECT coalesce(max(rt.omschrijving), ''),
           coalesce(max(rt.omschrijving_generiek), '')
      INTO NEW.omschrijving, NEW.omschrijving_generiek
      FROM catalogi.roltype rt WHERE rt.uuid = NEW.roltype;

    IF NEW.contactpersoon_rol IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM jsonb_each(NEW.contactpersoon_rol) m
                       WHERE m.value NOT IN ('""'::jsonb, 'null'::jsonb))
    THEN
        NEW.contactpersoon_rol := NULL;
    END IF;

    IF NEW.betrokkene_type NOT IN ('natuurlijk_persoon',
                                   'niet_natuurlijk_persoon', 'vestiging')
    THEN
        NEW.authenticatie_context := NULL;
    END IF;

    RETURN NEW;
END
$$;

CREATE TRIGGER rol_defaults BEFORE INSERT OR UPDATE ON zaken.rol
    FOR EACH ROW EXECUTE FUNCTION zaken.rol_defaults();

-- The rol as it will be (the stored one with the body on top) and its
-- key.  Two rollen of one zaak are checked one after the other (a lock
-- on the zaak), so two concurrent initiators cannot both pass.
CREATE FUNCTION zaken.check_rol(n zaken.rol, key uuid)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    rt catalogi.roltype;
BEGIN
    SELECT * INTO rt FROM catalogi.roltype WHERE uuid = n.roltype;

    -- zrc-019: the roltype of the zaak's zaaktype
    IF rt.zaaktype IS DISTINCT FROM
       (SELECT z.zaaktype FROM zaken.zaak z WHERE z.uuid = n.zaak)
    THEN
        PERFORM zgw.problem('nonFieldErrors', 'zaaktype-mismatch',
            'De referentie hoort niet bij het zaaktype van de zaak.');
    END IF;

    -- one initiator and one zaakcoordinator per zaak
    IF rt.omschrijving_generiek IN ('initiator', 'zaakcoordinator') THEN
        PERFORM pg_advisory_xact_lock(hashtextextended('zaken.rol '
                                                       || n.zaak, 0));

        IF EXISTS (SELECT 1 FROM zaken.rol r
                   WHERE r.zaak = n.zaak AND r.uuid <> key
                     AND r.omschrijving_generiek = rt.omschrijving_generiek)
        THEN
            PERFORM zgw.problem('roltype', 'max-occurences',
                format('De waarde `%s` komt al 1 keer voor',
                       rt.omschrijving_generiek));
        END IF;
    END IF;

    IF coalesce(n.betrokkene, '') = '' AND n.betrokkene_identificatie IS NULL
    THEN
        PERFORM zgw.problem('nonFieldErrors', 'invalid-betrokkene',
            'betrokkene or betrokkeneIdentificatie must be provided');
    END IF;

    IF n.einde_geldigheid < n.begin_geldigheid THEN
        PERFORM zgw.problem('eindeGeldigheid',
            'einde-geldigheid-before-begin-geldigheid',
            'eindeGeldigheid mag niet voor beginGeldigheid liggen.');
    END IF;

    -- a representee: mandated, and with its mandate
    IF jsonb_typeof(n.authenticatie_context->'representee') = 'object' THEN
        IF n.indicatie_machtiging IS DISTINCT FROM 'gemachtigde' THEN
            PERFORM zgw.problem('nonFieldErrors',
                'indicatie-machtiging-invalid',
                'Als er een `representee` is opgegeven, dan moet '
                || '`indicatieMachtiging` "gemachtigde" zijn.');
        END IF;

        IF jsonb_typeof(n.authenticatie_context->'mandate')
           IS DISTINCT FROM 'object'
        THEN
            PERFORM zgw.problem('authenticatieContext.mandate', 'required',
                'Dit veld is verplicht.');
        END IF;
    END IF;
END
$$;

-- machtiging__loa: the levels of assurance up to the one given, on its
-- own scale (DigiD or eHerkenning), lowest first.
CREATE FUNCTION zaken.loa_upto(loa text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(s[1:array_position(s, loa)], '{}')
      FROM (VALUES
        (ARRAY['urn:oasis:names:tc:SAML:2.0:ac:classes:'
               || 'PasswordProtectedTransport',
               'urn:oasis:names:tc:SAML:2.0:ac:classes:'
               || 'MobileTwoFactorContract',
               'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard',
               'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI']),
        (ARRAY['urn:etoegang:core:assurance-class:loa1',
               'urn:etoegang:core:assurance-class:loa2',
               'urn:etoegang:core:assurance-class:loa2plus',
               'urn:etoegang:core:assurance-class:loa3',
               'urn:etoegang:core:assurance-class:loa4'])) v (s)
     WHERE loa = ANY (s)
$$;

-- ----------------------------------------------------------- zaakobject

CREATE FUNCTION zaken.check_zaakobject(n zaken.zaakobject)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF n.zaakobjecttype IS NOT NULL
       AND (SELECT zot.zaaktype FROM catalogi.zaakobjecttype zot
             WHERE zot.uuid = n.zaakobjecttype)
           IS DISTINCT FROM
           (SELECT z.zaaktype FROM zaken.zaak z WHERE z.uuid = n.zaak)
    THEN
        PERFORM zgw.problem('nonFieldErrors', 'zaaktype-mismatch',
            'De referentie hoort niet bij het zaaktype van de zaak.');
    END IF;

    IF coalesce(n.object, '') = '' AND n.object_identificatie IS NULL THEN
        PERFORM zgw.problem('nonFieldErrors', 'invalid-zaakobject',
            'Je moet een object-url of objectIdentificatie opgeven');
    END IF;

    IF n.object_type = 'overige' THEN
        IF coalesce(n.object_type_overige, '') = ''
           AND n.object_type_overige_definitie IS NULL
        THEN
            PERFORM zgw.problem('nonFieldErrors',
                'missing-object-type-overige',
                'Als `objectType` de waarde "overige" heeft, moet '
                || '`objectTypeOverige` of `objectTypeOverigeDefinitie` '
                || 'van een waarde voorzien zijn.');
        END IF;

    ELSIF coalesce(n.object_type_overige, '') <> '' THEN
        PERFORM zgw.problem('nonFieldErrors',
            'invalid-object-type-overige-usage',
            'Als `objectType` niet de waarde "overige" heeft, mag '
            || '`objectTypeOverige` niet van een waarde voorzien zijn.');
    END IF;
END
$$;
