-- :contains on string parameters (Patient?name:contains=onc) from an index: a trigram index (pg_trgm, a trusted
-- extension shipped with PostgreSQL) answers `normalized like '%onc%'` for three characters or more. Without it the
-- infix was found by walking a type's names in rid order: 111 ms for a rare infix at a million resources.
-- GIN's pending list (fastupdate, the default) keeps the cost of a write low: new entries are appended, and merged
-- into the index by autovacuum.

set local maintenance_work_mem = '256MB';

create extension if not exists pg_trgm;
create index search_string_trigram on search_string using gin (normalized gin_trgm_ops);
