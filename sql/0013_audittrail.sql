-- The audit trail of the Zaken (and later Documenten and Besluiten) API
-- (ZGW-INVENTORY X3): one row per write of an audited resource, written
-- in the write's transaction by ngx_openzaak_audit.c.  "hoofd" is the key
-- of the main object (the zaak) the trail is read by and deleted with.

CREATE TABLE zgw.audittrail (
    uuid                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    id                   bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    bron                 text NOT NULL,
    applicatie_id        text NOT NULL DEFAULT '',
    applicatie_weergave  text NOT NULL DEFAULT '',
    gebruikers_id        text NOT NULL DEFAULT '',
    gebruikers_weergave  text NOT NULL DEFAULT '',
    actie                text NOT NULL,
    actie_weergave       text NOT NULL DEFAULT '',
    resultaat            integer NOT NULL,
    hoofd                uuid NOT NULL,
    hoofd_object         text NOT NULL,
    resource             text NOT NULL,
    resource_url         text NOT NULL,
    resource_weergave    text NOT NULL DEFAULT '',
    toelichting          text NOT NULL DEFAULT '',
    aanmaakdatum         timestamptz NOT NULL DEFAULT now(),
    -- {"oud": ..., "nieuw": ...}: json, not jsonb, keeps the bodies as
    -- the API wrote them (member order and all)
    wijzigingen          json NOT NULL
);

CREATE INDEX audittrail_hoofd ON zgw.audittrail (hoofd, aanmaakdatum, id);

-- Z27 / zrc-023: deleting a zaak deletes its audit trail.
CREATE FUNCTION zgw.audittrail_forget() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM zgw.audittrail WHERE hoofd = OLD.uuid;
    RETURN NULL;
END
$$;

CREATE TRIGGER zaak_audittrail_forget AFTER DELETE ON zaken.zaak
    FOR EACH ROW EXECUTE FUNCTION zgw.audittrail_forget();

-- Makes the transaction of a write fail on purpose: a batch in two parts
-- whose second part could not be made (its request went away, the audit
-- trail could not be written) must not commit its first.
CREATE FUNCTION zgw.abort(reason text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'write aborted: %', reason;
END
$$;
