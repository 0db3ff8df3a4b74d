-- Shared by every API (schema zgw): helper functions the generated SQL relies on and the
-- notification outbox.

CREATE SCHEMA IF NOT EXISTS zgw;

-- Rules checked in SQL raise SQLSTATE ZG400 with the invalidParams entries
-- as a JSON array in DETAIL; the module turns that into a 400 ValidatieFout.
-- ZG404 becomes 404, ZG403 a 403 whose detail is the message.

CREATE FUNCTION zgw.invalid(params jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'invalid input' USING ERRCODE = 'ZG400',
        DETAIL = params::text;
END
$$;

CREATE FUNCTION zgw.invalid(name text, code text, reason text)
RETURNS void
LANGUAGE sql AS $$
    SELECT zgw.invalid(jsonb_build_array(jsonb_build_object(
        'name', name, 'code', code, 'reason', reason)));
$$;

-- (the parameter is not called "found": PL/pgSQL has a variable FOUND)
CREATE FUNCTION zgw.found(present boolean) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF present IS NOT TRUE THEN
        RAISE EXCEPTION 'not found' USING ERRCODE = 'ZG404';
    END IF;
END
$$;

-- Timestamps as Django REST framework renders them: UTC, "Z", and
-- microseconds only when there are any.
CREATE FUNCTION zgw.dt(ts timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CASE WHEN extract(microseconds FROM ts)::bigint % 1000000 = 0
        THEN to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
        ELSE to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    END;
$$;

-- The notification outbox: written in the same transaction as the change
-- it announces, delivered to a Notificaties API afterwards.
CREATE TABLE zgw.notificatie (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kanaal        text NOT NULL,
    bericht       jsonb NOT NULL,
    aangemaakt    timestamptz NOT NULL DEFAULT now(),
    verzonden     timestamptz,
    pogingen      integer NOT NULL DEFAULT 0,
    laatste_fout  text
);

CREATE INDEX notificatie_te_verzenden ON zgw.notificatie (id)
    WHERE verzonden IS NULL;
