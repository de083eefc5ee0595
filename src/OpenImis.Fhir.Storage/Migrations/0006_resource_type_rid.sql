-- The resources of a type in rid order: the default order of a search (rid, the keyset's last key). Without it, a
-- search of a type loaded late (claims after a million other rows) walks the rid index past every other type to
-- fill its first page, and a date range on _lastUpdated sorts all its matches. It carries id, version_id and
-- last_updated so that a page (of a _lastUpdated range too) is cut from the index alone: with heap visits, the
-- planner prices it above the rid index (the heap follows rid, not type) and walks the rid index anyway.

create index fhir_resource_type_rid on fhir_resource (resource_type, rid) include (id, version_id, last_updated) where not deleted;
