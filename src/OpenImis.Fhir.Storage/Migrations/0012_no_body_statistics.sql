-- No planner statistics for the version bodies: no query filters or sorts on a body (search reads its own tables), and
-- ANALYZE spent most of its time on them, decompressing and comparing 30,000 sampled jsonb documents. At a million
-- resources `analyze fhir_resource_version` took 2.3–6.7 s with them and 1.0–1.4 s without; autovacuum runs it after
-- every tenth of the table is new, so a young, growing database paid it often.

alter table fhir_resource_version alter column body set statistics 0;
