-- The module's detail GET since the row path (issue 8): the applicatie's row and its autorisaties, two prepared statements in one pipeline (one round trip, one implicit transaction), as the module sends them; the JSON is written in C.
\set i random(1, 10000)
\startpipeline
SELECT t.uuid, t.uuid, t.client_ids, t.label, t.heeft_alle_autorisaties FROM autorisaties.applicatie t WHERE t.uuid = overlay(overlay(md5('bench-applicatie-' || :i) placing '4' from 13) placing substr('89ab', :i % 4 + 1, 1) from 17)::uuid;
SELECT c.applicatie_uuid, c.component, (CASE c.component WHEN 'ac' THEN 'Autorisaties API' WHEN 'nrc' THEN 'Notificaties API' WHEN 'zrc' THEN 'Zaken API' WHEN 'ztc' THEN 'Catalogi API' WHEN 'drc' THEN 'Documenten API' WHEN 'brc' THEN 'Besluiten API' WHEN 'cmc' THEN 'Contactmomenten API' WHEN 'kc' THEN 'Klanten API' WHEN 'vrc' THEN 'Verzoeken API' END), c.scopes, c.zaaktype, c.informatieobjecttype, c.besluittype, c.max_vertrouwelijkheidaanduiding FROM autorisaties.autorisatie c WHERE c.applicatie_uuid = overlay(overlay(md5('bench-applicatie-' || :i) placing '4' from 13) placing substr('89ab', :i % 4 + 1, 1) from 17)::uuid ORDER BY c.position;
\endpipeline
