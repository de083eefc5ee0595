-- Resources and their versions, the identifier and reference tables, the change sequence.
-- fhir_resource: one row per resource (current state, no body); fhir_resource_version: every version with its body.
-- A create writes one version row and one resource row; reads join the two on the primary keys.

create sequence fhir_change_seq;

create table fhir_resource_version (
    resource_type text        not null,
    id            text        not null,
    version_id    integer     not null,
    last_updated  timestamptz not null,
    deleted       boolean     not null,
    method        text        not null,               -- POST, PUT, PATCH, DELETE: history's request.method
    change_seq    bigint      not null default nextval('fhir_change_seq'),
    txid          xid8        not null default pg_current_xact_id(),
    body          jsonb,                               -- null for a delete
    primary key (resource_type, id, version_id)
);
-- Type and system history (newest first, by change sequence) and the change feed (txid, change_seq).
create index fhir_resource_version_type_seq on fhir_resource_version (resource_type, change_seq);
create index fhir_resource_version_seq on fhir_resource_version (change_seq);
create index fhir_resource_version_feed on fhir_resource_version (txid, change_seq);

create table fhir_resource (
    resource_type text        not null,
    id            text        not null,
    version_id    integer     not null,
    last_updated  timestamptz not null,
    deleted       boolean     not null,
    primary key (resource_type, id)
);

-- Business and sync identifiers of current, not deleted resources (Patient.identifier, ...).
create table fhir_identifier (
    resource_type text not null,
    resource_id   text not null,
    system        text not null,                       -- '' when the identifier has no system
    value         text not null,
    type_system   text,
    type_code     text
);
create index fhir_identifier_resource on fhir_identifier (resource_type, resource_id);
create index fhir_identifier_value on fhir_identifier (resource_type, value, system);
-- openIMIS business codes and UUIDs are unique per resource type (CodeSystem openimis-identifiers: "Unique code";
-- the module refuses a second insuree with the same CHFID and a second claim with the same code).
create unique index fhir_identifier_openimis_unique on fhir_identifier (resource_type, type_code, value)
    where type_system = 'https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/openimis-identifiers'
      and type_code in ('Code', 'UUID');

-- References held by current resources: to Type/id on this server, to an absolute URL, or by identifier only.
create table fhir_reference (
    source_type       text not null,
    source_id         text not null,
    path              text not null,                   -- Claim.patient, Patient.extension.valueReference, ...
    target_type       text,
    target_id         text,
    target_url        text,
    identifier_system text,
    identifier_value  text
);
create index fhir_reference_source on fhir_reference (source_type, source_id);
create index fhir_reference_target on fhir_reference (target_type, target_id) where target_id is not null;
