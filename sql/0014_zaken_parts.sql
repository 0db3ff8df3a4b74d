-- Zaken API 1.5.1: what Open Zaak derives when a part of a zaak is saved.

-- Z22: a zaakeigenschap's naam is the name of its eigenschap (copied when
-- the row is made without one: the API never writes it; the eigenschap
-- cannot change later).
CREATE FUNCTION zaken.zaakeigenschap_naam() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(NEW.naam, '') = '' THEN
        NEW.naam := coalesce((SELECT e.naam FROM catalogi.eigenschap e
                              WHERE e.uuid = NEW.eigenschap), '');
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER zaakeigenschap_naam
    BEFORE INSERT ON zaken.zaakeigenschap
    FOR EACH ROW EXECUTE FUNCTION zaken.zaakeigenschap_naam();

-- A klantcontact without an identificatie gets 12 random characters, as
-- Open Zaak's default (a given "" is kept).
ALTER TABLE zaken.klantcontact
    ALTER COLUMN identificatie
    SET DEFAULT substr(replace(gen_random_uuid()::text, '-', ''), 1, 12);
