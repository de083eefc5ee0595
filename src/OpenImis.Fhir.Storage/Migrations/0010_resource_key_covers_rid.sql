-- The resource key (type, id) carries the rid and the deleted flag, so that the step from a reference's target to
-- the target's rid is an index-only scan. `_has` takes that step for every referring resource: for
-- `Patient?_has:Claim:patient:provider=X`, the 1,500 claims of a facility each visited their patient's table row
-- (a third of the search's 33 ms at a million resources). The key is rebuilt in place (seconds at a million).

set local maintenance_work_mem = '256MB';

alter table fhir_resource
    drop constraint fhir_resource_pkey,
    add constraint fhir_resource_pkey primary key (resource_type, id) include (rid, deleted);
