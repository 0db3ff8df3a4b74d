-- Zaken API 1.5.1: what the filters of /zaken and its search
-- (/zaken/_zoek) need, and the check that keeps PostGIS from turning a
-- GeoJSON geometry it cannot build into an internal error.

-- The level of assurance of a rol's authenticatieContext, for
-- rol__machtiging__loa ("lower than or equal to"): eHerkenning's levels
-- and DigiD's on one scale, DigiD Basis with eH2, Midden with eH2+,
-- Substantieel with eH3 and Hoog with eH4, as the Dutch
-- betrouwbaarheidsniveaus pair them.  NULL for anything else.
CREATE FUNCTION zaken.loa_order(loa text) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE loa
        WHEN 'urn:etoegang:core:assurance-class:loa1' THEN 1
        WHEN 'urn:etoegang:core:assurance-class:loa2' THEN 2
        WHEN 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport'
            THEN 2
        WHEN 'urn:etoegang:core:assurance-class:loa2plus' THEN 3
        WHEN 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract'
            THEN 3
        WHEN 'urn:etoegang:core:assurance-class:loa3' THEN 4
        WHEN 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard' THEN 4
        WHEN 'urn:etoegang:core:assurance-class:loa4' THEN 5
        WHEN 'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI' THEN 5
    END::smallint;
$$;

-- What GEOS (Open Zaak's GeometryField) refuses and PostGIS's GeoJSON
-- parser takes: a line of one point, a polygon ring of fewer than four
-- points or not closed.  PostGIS answers its own operations on such a
-- geometry with an error.
CREATE FUNCTION zgw.geometry_sound(g geometry) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT NOT EXISTS (
        SELECT 1 FROM ST_Dump(g) d
        WHERE (GeometryType(d.geom) = 'LINESTRING' AND ST_NPoints(d.geom) < 2)
           OR (GeometryType(d.geom) = 'POLYGON' AND EXISTS (
                   SELECT 1 FROM ST_DumpRings(d.geom) r
                   WHERE ST_NPoints(r.geom) < 4
                      OR NOT ST_IsClosed(ST_ExteriorRing(r.geom)))));
$$;

-- The geometry of a search's zaakgeometrie.within.  The module has checked
-- the GeoJSON's structure; what PostGIS still refuses (a ring of three
-- points, an open ring, ...) is the client's error, under the field's
-- name, not an internal one.  Called once per statement (a scalar
-- sub-select), so the zaak table's GiST index serves the ST_Within.
CREATE FUNCTION zgw.geometry_within(geojson text, name text)
RETURNS geometry
LANGUAGE plpgsql STABLE AS $$
DECLARE
    g geometry;
BEGIN
    BEGIN
        g := geojson::geometry(Geometry, 4326);
    EXCEPTION WHEN others THEN
        g := NULL;
    END;

    IF g IS NULL OR NOT zgw.geometry_sound(g) THEN
        PERFORM zgw.invalid(name, 'invalid',
            'Ongeldig formaat: string of unicode invoer niet herkend als '
            || 'GeoJSON, WKT EWKT of HEXEWKB.');
    END IF;

    RETURN g;
END
$$;

-- The same for a geometry field of a write, before its row is written
-- (the column's own input function would fail there): the problem is
-- answered at once, with those recorded before it in the batch.
CREATE FUNCTION zgw.check_geometry(geojson text, name text, reason text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    g geometry;
BEGIN
    BEGIN
        g := geojson::geometry(Geometry, 4326);
    EXCEPTION WHEN others THEN
        g := NULL;
    END;

    IF g IS NULL OR NOT zgw.geometry_sound(g) THEN
        PERFORM zgw.problem(name, 'invalid', reason);
        PERFORM zgw.problems_raise();
    END IF;
END
$$;
