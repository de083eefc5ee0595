-- Every text column of the resource, identifier, reference and search tables compares byte by byte (collation "C"). Under any other collation, PostgreSQL 15 compares text through the
-- C library's strcoll, even for "C.UTF-8" (only "C" and "POSIX" take the fast path), and every B-tree insert and
-- probe compares several text columns: resource types, ids, parameter codes, systems, values. The search statement of
-- a create ran about 10% faster this way (pgbench of its inserts, 1 client), and a create's PostgreSQL CPU fell by a
-- median 9% (six paired rounds at 4 clients; docs/performance.md). On the cluster `serve` starts (C.UTF-8) the order
-- is the same: byte order of UTF-8 is code point order, which is that locale's. On a database with a linguistic
-- default collation, `_sort` on text (normalized strings, codes, ids) becomes code point order.
-- Changing a column's collation keeps its rows and rebuilds its indexes: minutes at a million resources.

set local maintenance_work_mem = '256MB';

-- The SearchParameter trigger of 0004 names resource_type, which cannot change under it.
drop trigger fhir_resource_search_parameter on fhir_resource;
alter table fhir_resource
    alter column resource_type type text collate "C",
    alter column id type text collate "C";
create trigger fhir_resource_search_parameter
    after insert or update on fhir_resource
    for each row when (new.resource_type = 'SearchParameter')
    execute function search_parameter_changed();
alter table fhir_resource_version
    alter column resource_type type text collate "C",
    alter column id type text collate "C",
    alter column method type text collate "C";
alter table fhir_identifier
    alter column resource_type type text collate "C",
    alter column resource_id type text collate "C",
    alter column system type text collate "C",
    alter column value type text collate "C",
    alter column type_system type text collate "C",
    alter column type_code type text collate "C";
alter table fhir_reference
    alter column source_type type text collate "C",
    alter column source_id type text collate "C",
    alter column path type text collate "C",
    alter column target_type type text collate "C",
    alter column target_id type text collate "C",
    alter column target_url type text collate "C",
    alter column identifier_system type text collate "C",
    alter column identifier_value type text collate "C";
alter table search_string
    alter column resource_type type text collate "C",
    alter column code type text collate "C",
    alter column normalized type text collate "C",
    alter column exact type text collate "C";
alter table search_token
    alter column resource_type type text collate "C",
    alter column code type text collate "C",
    alter column system type text collate "C",
    alter column value type text collate "C",
    alter column text type text collate "C",
    alter column type_system type text collate "C",
    alter column type_code type text collate "C";
alter table search_date
    alter column resource_type type text collate "C",
    alter column code type text collate "C";
alter table search_number
    alter column resource_type type text collate "C",
    alter column code type text collate "C";
alter table search_quantity
    alter column resource_type type text collate "C",
    alter column code type text collate "C",
    alter column system type text collate "C",
    alter column unit type text collate "C",
    alter column unit_text type text collate "C";
alter table search_reference
    alter column resource_type type text collate "C",
    alter column code type text collate "C",
    alter column target_type type text collate "C",
    alter column target_id type text collate "C",
    alter column url type text collate "C",
    alter column version type text collate "C",
    alter column identifier_system type text collate "C",
    alter column identifier_value type text collate "C";
alter table search_uri
    alter column resource_type type text collate "C",
    alter column code type text collate "C",
    alter column value type text collate "C";
alter table search_composite
    alter column resource_type type text collate "C",
    alter column code type text collate "C";
alter table fhir_search_parameters
    alter column id type text collate "C";

-- A column's new collation drops its planner statistics (and with them the MCV lists of 0007): gather them again now
-- rather than plan searches blind until autovacuum next analyzes.
analyze fhir_resource, fhir_resource_version, fhir_identifier, fhir_reference, search_string, search_token, search_date,
    search_number, search_quantity, search_reference, search_uri, search_composite;
