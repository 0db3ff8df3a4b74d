-- Only the primary key lookup: the floor for any statement that reads one applicatie.
\set i random(1, 10000)
SELECT t.label FROM autorisaties.applicatie t WHERE t.uuid = overlay(overlay(md5('bench-applicatie-' || :i) placing '4' from 13) placing substr('89ab', :i % 4 + 1, 1) from 17)::uuid;
