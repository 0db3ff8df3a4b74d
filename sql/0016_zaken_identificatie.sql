-- zaken.genereer_identificatie at a million zaken: the highest number of
-- the year was max() over every identificatie of the year (553 ms with
-- 230,000 of them, under the lock every create of a zaak takes, so creates
-- ran at two a second: docs/performance.md, "Zaken at one million").  The
-- ten digits have a fixed width, so the highest number is the last
-- identificatie of the form in text order: one step backwards through the
-- text_pattern_ops index zaak_identificatie_pattern, skipping the few
-- identificaties of the year a client chose in another form.
CREATE OR REPLACE FUNCTION zaken.genereer_identificatie(bron text,
    jaar integer)
RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    prefix text := 'ZAAK-' || lpad(jaar::text, 4, '0') || '-';
    last text;
    n bigint;
    candidate text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('zaken.genereer_identificatie'));

    SELECT z.identificatie INTO last
      FROM zaken.zaak z
     WHERE z.identificatie ~>=~ prefix
       AND z.identificatie ~<~ (prefix || '~')
       AND z.identificatie ~ ('^' || prefix || '[0-9]{10}$')
     ORDER BY z.identificatie USING ~>~
     LIMIT 1;

    n := coalesce(substr(last, length(prefix) + 1)::bigint, 0);

    LOOP
        n := n + 1;
        candidate := prefix || lpad(n::text, 10, '0');
        EXIT WHEN NOT EXISTS (SELECT 1 FROM zaken.zaak
                              WHERE bronorganisatie = bron
                                AND identificatie = candidate);
    END LOOP;

    RETURN candidate;
END
$$;
