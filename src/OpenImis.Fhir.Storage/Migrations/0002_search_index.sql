-- Search index: the values each current resource holds for each search parameter, one table per value kind.
-- Rows name the resource by rid, a bigint of fhir_resource (8 bytes instead of type and id text in every row of
-- tables that hold tens of rows per resource). A write replaces a resource's rows in the same transaction.

alter table fhir_resource add column rid bigint generated always as identity;
create unique index fhir_resource_rid on fhir_resource (rid);
create index fhir_resource_type_updated on fhir_resource (resource_type, last_updated) where not deleted;

create table search_string (
    rid           bigint not null,
    resource_type text   not null,
    code          text   not null,
    normalized    text   not null,   -- lower case, accents folded: default (starts with) and :contains
    exact         text   not null    -- as written: :exact
);
create index search_string_value on search_string (resource_type, code, normalized text_pattern_ops);
create index search_string_rid on search_string (rid);

create table search_token (
    rid           bigint not null,
    resource_type text   not null,
    code          text   not null,
    system        text,
    value         text   not null,
    text          text,              -- folded display or text: :text
    type_system   text,              -- an Identifier's type coding: :of-type
    type_code     text
);
create index search_token_value on search_token (resource_type, code, value, system);
create index search_token_rid on search_token (rid);

create table search_date (
    rid           bigint      not null,
    resource_type text        not null,
    code          text        not null,
    low           timestamptz not null,   -- the instants covered: [low, high)
    high          timestamptz not null
);
create index search_date_value on search_date (resource_type, code, low, high);
create index search_date_rid on search_date (rid);

create table search_number (
    rid           bigint  not null,
    resource_type text    not null,
    code          text    not null,
    value         numeric not null,
    low           numeric not null,      -- the precision range: 100 is [99.5, 100.5)
    high          numeric not null
);
create index search_number_value on search_number (resource_type, code, value);
create index search_number_rid on search_number (rid);

create table search_quantity (
    rid           bigint  not null,
    resource_type text    not null,
    code          text    not null,
    system        text,
    unit          text,                  -- the unit code (or the unit, when no code)
    value         numeric not null,
    low           numeric not null,
    high          numeric not null
);
create index search_quantity_value on search_quantity (resource_type, code, value);
create index search_quantity_rid on search_quantity (rid);

create table search_reference (
    rid               bigint not null,
    resource_type     text   not null,
    code              text   not null,
    target_type       text,
    target_id         text,
    url               text,              -- absolute references and canonicals
    version           text,
    identifier_system text,              -- identifier-only references: :identifier
    identifier_value  text
);
create index search_reference_target on search_reference (resource_type, code, target_id, target_type);
create index search_reference_reverse on search_reference (target_type, target_id);   -- _revinclude, _has
create index search_reference_url on search_reference (resource_type, code, url) where url is not null;
create index search_reference_rid on search_reference (rid);

create table search_uri (
    rid           bigint not null,
    resource_type text   not null,
    code          text   not null,
    value         text   not null
);
create index search_uri_value on search_uri (resource_type, code, value text_pattern_ops);
create index search_uri_rid on search_uri (rid);
