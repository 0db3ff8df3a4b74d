-- Zaken at a million rows: what the list of a client with zaaktype
-- autorisaties needs (measured with bench/load-zaken.sql, 1,000,000 zaken
-- over 100 zaaktypen; docs/performance.md, "Zaken at one million").
--
-- Such a list filters on zaaktype and va_order (the client's
-- maxVertrouwelijkheidaanduiding per zaaktype).  With zaak_zaaktype
-- (zaaktype, id) the count of a client with 5 zaaktypen (50,000 zaken) read
-- every one of them from the heap for va_order: a bitmap heap scan of
-- 30,000 pages, 148 ms.  With va_order in the index it is an index-only
-- scan, 6 ms.  The key stays (zaaktype, id), so the index still gives a
-- zaaktype's zaken in list order; it replaces zaak_zaaktype, which it
-- covers, so a write maintains one index and not two.
--
-- The count is an index-only scan only while the condition is
-- "zaaktype = ANY($1) AND va_order <= $2"; an OR of one condition per
-- autorisatie makes the planner scan the whole index (117 ms).
CREATE INDEX zaak_zaaktype_va ON zaken.zaak (zaaktype, id) INCLUDE (va_order);
DROP INDEX zaken.zaak_zaaktype;
