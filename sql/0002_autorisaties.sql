-- Autorisaties API 1.0.0: applicaties, their autorisaties, and the JWT
-- secrets of client ids.

CREATE SCHEMA IF NOT EXISTS autorisaties;

CREATE TABLE autorisaties.applicatie (
    uuid                     uuid PRIMARY KEY,
    id                       bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    client_ids               text[] NOT NULL DEFAULT '{}',
    label                    text NOT NULL,
    heeft_alle_autorisaties  boolean NOT NULL DEFAULT false
);

CREATE INDEX applicatie_client_ids ON autorisaties.applicatie
    USING gin (client_ids);

-- ac-001: a client id belongs to at most one applicatie.  The primary key
-- enforces it even between concurrent writes.
CREATE TABLE autorisaties.client_id (
    client_id   text PRIMARY KEY,
    applicatie  uuid NOT NULL
                REFERENCES autorisaties.applicatie (uuid) ON DELETE CASCADE
);

CREATE INDEX client_id_applicatie ON autorisaties.client_id (applicatie);

CREATE FUNCTION autorisaties.sync_client_ids() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM autorisaties.client_id WHERE applicatie = NEW.uuid;
    INSERT INTO autorisaties.client_id (client_id, applicatie)
        SELECT DISTINCT c, NEW.uuid FROM unnest(NEW.client_ids) c;
    RETURN NULL;
END
$$;

CREATE TRIGGER applicatie_client_ids
    AFTER INSERT OR UPDATE OF client_ids ON autorisaties.applicatie
    FOR EACH ROW EXECUTE FUNCTION autorisaties.sync_client_ids();

CREATE TABLE autorisaties.autorisatie (
    applicatie_uuid                  uuid NOT NULL
                                     REFERENCES autorisaties.applicatie (uuid)
                                     ON DELETE CASCADE,
    position                         integer NOT NULL,
    component                        text NOT NULL,
    scopes                           text[] NOT NULL DEFAULT '{}',
    -- only the fields of the component's variant are set
    zaaktype                         text,
    informatieobjecttype             text,
    besluittype                      text,
    max_vertrouwelijkheidaanduiding  text,
    PRIMARY KEY (applicatie_uuid, position)
);

-- Client secrets, looked up by client id when a token is verified.  An
-- applicatie created through the API gets empty ones (no token passes)
-- until `sql/client-secret` sets them.
CREATE TABLE autorisaties.jwt_secret (
    client_id  text PRIMARY KEY,
    secret     text NOT NULL DEFAULT ''
);

-- Every worker of the module keeps these in a cache and LISTENs here.
CREATE FUNCTION autorisaties.notify_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('openzaak_auth', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER applicatie_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON autorisaties.applicatie
    FOR EACH STATEMENT EXECUTE FUNCTION autorisaties.notify_changed();

CREATE TRIGGER autorisatie_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON autorisaties.autorisatie
    FOR EACH STATEMENT EXECUTE FUNCTION autorisaties.notify_changed();

CREATE TRIGGER jwt_secret_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON autorisaties.jwt_secret
    FOR EACH STATEMENT EXECUTE FUNCTION autorisaties.notify_changed();
