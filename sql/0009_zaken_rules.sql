-- Zaken API 1.5.1: what Open Zaak derives when a zaak is saved, and the
-- rules of a zaak that need stored data.  Problems are recorded with
-- zgw.problem() and answered together at the end of the write's batch.

-- ------------------------------------------------------------ defaults

-- Open Zaak's ZaakSerializer.create and Zaak.save (ZGW-INVENTORY Z1, Z6,
-- Z7, Z30): a generated identificatie, the vertrouwelijkheidaanduiding
-- and the planned dates of the zaaktype, laatstGemuteerd, a cleared
-- laatsteBetaaldatum for "nvt", and the gegevensgroepen as they render.
CREATE FUNCTION zaken.zaak_defaults() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    zt catalogi.zaaktype;
    was zaken.zaak;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT * INTO zt FROM catalogi.zaaktype WHERE uuid = NEW.zaaktype;

        IF coalesce(NEW.identificatie, '') = '' THEN
            NEW.identificatie := zaken.genereer_identificatie(
                NEW.bronorganisatie,
                extract(year FROM coalesce(NEW.startdatum,
                                           current_date))::integer);
        END IF;

        NEW.registratiedatum := coalesce(NEW.registratiedatum,
                                         current_date);
        NEW.archiefstatus := coalesce(NEW.archiefstatus,
                                      'nog_te_archiveren');

        IF NEW.vertrouwelijkheidaanduiding IS NULL THEN
            NEW.vertrouwelijkheidaanduiding := zt.vertrouwelijkheidaanduiding;
        END IF;

        IF NEW.einddatum_gepland IS NULL AND zt.servicenorm IS NOT NULL THEN
            NEW.einddatum_gepland := NEW.startdatum + zt.servicenorm::interval;
        END IF;

        IF NEW.uiterlijke_einddatum_afdoening IS NULL
           AND zt.doorlooptijd IS NOT NULL
        THEN
            NEW.uiterlijke_einddatum_afdoening :=
                NEW.startdatum + zt.doorlooptijd::interval;
        END IF;

    END IF;

    IF NEW.betalingsindicatie = 'nvt' THEN
        NEW.laatste_betaaldatum := NULL;
    END IF;

    -- eerdereOpschorting: once suspended, always "suspended before"
    NEW.opschorting := jsonb_build_object(
        'indicatie',
        coalesce((NEW.opschorting->>'indicatie')::boolean, false),
        'reden', coalesce(NEW.opschorting->>'reden', ''),
        'eerdereOpschorting',
        coalesce((NEW.opschorting->>'indicatie')::boolean, false)
        OR coalesce((NEW.opschorting->>'eerdereOpschorting')::boolean, false)
        OR (TG_OP = 'UPDATE' AND coalesce(
               (OLD.opschorting->>'eerdereOpschorting')::boolean, false)));

    -- the group is null when it has no duur (zrc-012 renders the rest)
    IF NEW.verlenging IS NOT NULL
       AND jsonb_typeof(NEW.verlenging->'duur') IS DISTINCT FROM 'string'
    THEN
        NEW.verlenging := NULL;
    END IF;

    -- laatstGemuteerd: any change but one of laatstGeopend alone (Z30)
    IF TG_OP = 'INSERT' THEN
        NEW.laatst_gemuteerd := now();
    ELSE
        was := NEW;
        was.laatst_geopend := OLD.laatst_geopend;
        was.laatst_gemuteerd := OLD.laatst_gemuteerd;
        IF was IS DISTINCT FROM OLD THEN
            NEW.laatst_gemuteerd := now();
        END IF;
    END IF;

    RETURN NEW;
END
$$;

CREATE TRIGGER zaak_defaults BEFORE INSERT OR UPDATE ON zaken.zaak
    FOR EACH ROW EXECUTE FUNCTION zaken.zaak_defaults();


-- ------------------------------------------------------------ the checks

-- n: the zaak as it will be stored; o: as it is (NULL on create); body:
-- the normalised body (the columns the client sent).
CREATE FUNCTION zaken.check_zaak(n zaken.zaak, o zaken.zaak,
    body jsonb DEFAULT '{}')
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    zt catalogi.zaaktype;
    hz zaken.zaak;
    hzt catalogi.zaaktype;
    i integer;
    item jsonb;
BEGIN
    -- zrc-002: a given identificatie is unique within the bronorganisatie.
    -- A field-keyed error of a validator in DRF: it is the only answer.
    -- (Two concurrent creates are caught by zaak_identificatie_key.)
    IF coalesce(body->>'identificatie', '') <> '' AND EXISTS (
           SELECT 1 FROM zaken.zaak z
            WHERE z.bronorganisatie = n.bronorganisatie
              AND z.identificatie = n.identificatie AND z.uuid <> n.uuid)
    THEN
        PERFORM zgw.invalid('identificatie', 'identificatie-niet-uniek',
            format('Deze identificatie (%s) bestaat al voor deze '
                   || 'bronorganisatie', n.identificatie));
    END IF;

    SELECT * INTO zt FROM catalogi.zaaktype WHERE uuid = n.zaaktype;

    -- a URL of this server naming no zaaktype: the field's error alone
    IF zt.uuid IS NULL THEN
        PERFORM zgw.invalid('zaaktype', 'does_not_exist',
            'Ongeldige hyperlink - Object bestaat niet.');
    END IF;

    -- zrc-001: a published zaaktype (on create; it cannot change)
    IF o IS NULL AND zt.concept THEN
        PERFORM zgw.problem('zaaktype', 'not-published',
            'De resource is niet gepubliceerd.');
    END IF;

    -- zrc-014: no laatsteBetaaldatum for "nvt", and none in the future
    IF coalesce(body->>'betalingsindicatie', o.betalingsindicatie) = 'nvt'
       AND body ? 'laatste_betaaldatum'
       AND jsonb_typeof(body->'laatste_betaaldatum') = 'string'
    THEN
        PERFORM zgw.problem('laatsteBetaaldatum', 'betaling-nvt',
            'De laatste betaaldatum kan niet gezet worden als de '
            || 'betalingsindicatie "nvt" is');
    END IF;

    IF body ? 'laatste_betaaldatum' AND n.laatste_betaaldatum > now() THEN
        PERFORM zgw.problem('laatsteBetaaldatum', 'future_not_allowed',
            'Deze waarde mag niet in de toekomst liggen.');
    END IF;

    IF body ? 'laatst_geopend' AND n.laatst_geopend > now() THEN
        PERFORM zgw.problem('laatstGeopend', 'date-in-future',
            'Deze datum mag niet in de toekomst zijn');
    END IF;

    -- zrc-015: the products and services of the zaaktype
    IF body ? 'producten_of_diensten' AND zt.uuid IS NOT NULL
       AND NOT (n.producten_of_diensten <@ zt.producten_of_diensten)
    THEN
        PERFORM zgw.problem('productenOfDiensten',
            'invalid-products-services',
            'Niet alle producten/diensten komen voor in de '
            || 'producten/diensten op het zaaktype');
    END IF;

    -- zrc-013: a hoofdzaak that is no deelzaak, not the zaak itself, of
    -- a zaaktype that has this zaak's zaaktype among its deelzaaktypen
    IF body ? 'hoofdzaak' AND n.hoofdzaak IS NOT NULL THEN
        SELECT * INTO hz FROM zaken.zaak WHERE uuid = n.hoofdzaak;

        IF n.hoofdzaak = n.uuid THEN
            PERFORM zgw.problem('hoofdzaak', 'self-forbidden',
                'Het veld ''hoofdzaak` mag geen referentie naar zichzelf '
                || 'zijn');
        ELSIF hz.uuid IS NOT NULL AND hz.hoofdzaak IS NOT NULL THEN
            PERFORM zgw.problem('hoofdzaak', 'deelzaak-als-hoofdzaak',
                'Een deelzaak kan niet als hoofdzaak gebruikt worden.');
        ELSIF hz.uuid IS NOT NULL THEN
            SELECT * INTO hzt FROM catalogi.zaaktype WHERE uuid = hz.zaaktype;

            IF NOT (zt.identificatie = ANY (hzt.deelzaaktypen)) THEN
                PERFORM zgw.problem('hoofdzaak', 'invalid-deelzaaktype',
                    'Zaaktype van de deelzaak moet een deelzaaktype zijn van '
                    || 'het zaaktype van de hoofdzaak.');
            END IF;
        END IF;
    END IF;

    -- relevanteAndereZaken: "overig" needs its overigeRelatie
    IF body ? 'relevante_andere_zaken' THEN
        FOR i IN 0 .. jsonb_array_length(n.relevante_andere_zaken) - 1 LOOP
            item := n.relevante_andere_zaken->i;
            IF item->>'aardRelatie' = 'overig'
               AND coalesce(item->>'overigeRelatie', '') = ''
            THEN
                PERFORM zgw.problem(
                    'relevanteAndereZaken.' || i || '.overigeRelatie',
                    'overigerelatie-required',
                    'Het veld overigeRelatie is verplicht als de '
                    || 'aardRelatie "overig" is.');
            END IF;
        END LOOP;
    END IF;

    -- zrc-022: archived only with archiefnominatie and archiefactiedatum
    -- (the documents of the zaak come with the Documenten API)
    IF n.archiefstatus <> 'nog_te_archiveren' THEN
        IF coalesce(n.archiefnominatie, '') = '' THEN
            PERFORM zgw.problem('archiefnominatie',
                'archiefnominatie-not-set',
                'Moet van een waarde voorzien zijn als de "Archiefstatus" '
                || 'een waarde heeft anders dan "nog_te_archiveren".');
        END IF;
        IF n.archiefactiedatum IS NULL THEN
            PERFORM zgw.problem('archiefactiedatum',
                'archiefactiedatum-not-set',
                'Moet van een waarde voorzien zijn als de "Archiefstatus" '
                || 'een waarde heeft anders dan "nog_te_archiveren".');
        END IF;
    END IF;
END
$$;
