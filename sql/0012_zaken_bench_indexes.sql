-- Zaken at a million rows: what the list of a client with zaaktype
-- autorisaties needs.  Measured with bench/load-zaken.sql (1,000,000
-- zaken over 100 zaaktypen) and the list statement the module sends for a
-- client authorised for 5 of them (50,000 zaken):
--
--   SELECT count(*) FROM zaken.zaak t WHERE TRUE
--      AND t.zaaktype = ANY($1::uuid[]) AND EXISTS (SELECT 1
--          FROM unnest($1::uuid[], $2::int2[]) g(k, v) WHERE g.k = t.zaaktype
--           AND coalesce(zgw.va_order(t.vertrouwelijkheidaanduiding), 0) <= g.v)
--
-- took 508 ms (EXPLAIN ANALYZE, a busy 2-core machine): a bitmap heap scan
-- of 32,554 pages to read vertrouwelijkheidaanduiding, and a call of
-- zgw.va_order per row.  docs/performance.md, "Zaken at one million".
--
-- 1. The index: (zaaktype, id) as zaak_zaaktype, which it replaces (a write
--    maintains one index, not two), with vertrouwelijkheidaanduiding
--    included, so the count is an index-only scan: 508 -> 169 ms.
CREATE INDEX zaak_zaaktype_va ON zaken.zaak (zaaktype, id)
    INCLUDE (vertrouwelijkheidaanduiding);
DROP INDEX zaken.zaak_zaaktype;

-- 2. zgw.va_order inlined: PostgreSQL inlines a SQL function declared
--    STRICT only when its body is strict, and a CASE is not, so it was a
--    function call per row.  Without STRICT it is inlined (NULL still
--    gives NULL: no WHEN matches): 169 -> 23 ms.
CREATE OR REPLACE FUNCTION zgw.va_order(va text) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE va
        WHEN 'openbaar' THEN 1 WHEN 'beperkt_openbaar' THEN 2
        WHEN 'intern' THEN 3 WHEN 'zaakvertrouwelijk' THEN 4
        WHEN 'vertrouwelijk' THEN 5 WHEN 'confidentieel' THEN 6
        WHEN 'geheim' THEN 7 WHEN 'zeer_geheim' THEN 8 END::smallint;
$$;
