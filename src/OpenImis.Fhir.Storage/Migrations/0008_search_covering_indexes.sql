-- Index rows that answer a search on their own (index-only scans, no table row visited per candidate):
-- * the value indexes end in rid: a search reads its candidate rids from the index alone, and for an equal value
--   (status = active, provider = X) they come in rid order, the default order of a page;
-- * the rid indexes carry the parameter's code and value: "has resource 123 a given name starting with sai?" is one
--   probe of an index, where it was a visit of every index row of resource 123 in the table. They still serve
--   deletes by rid, and sorting (the lowest or highest value of a resource).
-- At a million resources, `Patient?family=X&given=Y` went from 78 ms to 9 ms with the query shape of SearchEngine
-- (candidate rids first); docs/performance.md has the catalogue. At a million resources this migration takes a few
-- minutes (the index builds sort in the memory given here).

set local maintenance_work_mem = '256MB';

drop index search_string_value;
create index search_string_value on search_string (resource_type, code, normalized text_pattern_ops, rid);
drop index search_string_rid;
create index search_string_rid on search_string (rid, code, normalized text_pattern_ops) include (resource_type);

drop index search_token_value;
create index search_token_value on search_token (resource_type, code, value, system, rid);
drop index search_token_rid;
create index search_token_rid on search_token (rid, code, value) include (resource_type, system);

drop index search_date_value;
create index search_date_value on search_date (resource_type, code, low, high, rid);
drop index search_date_rid;
create index search_date_rid on search_date (rid, code) include (resource_type, low, high);

drop index search_reference_target;
create index search_reference_target on search_reference (resource_type, code, target_id, target_type, rid);
drop index search_reference_rid;
create index search_reference_rid on search_reference (rid, code) include (resource_type, target_type, target_id);
