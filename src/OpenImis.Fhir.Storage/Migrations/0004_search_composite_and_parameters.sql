-- Composite search parameters (search.html#composite) and SearchParameters created at run time.
--
-- Composites: one row per element instance the composite selects (search_composite, its number in `part`), and the
-- values of each component in the ordinary table of the component's kind, under the code `<composite>$<i>` and with
-- the same `part`. A composite search joins the rows of its components on (rid, part), so both components must come
-- from the same instance (a characteristic's code and that characteristic's value). Kept in the per-kind tables
-- rather than a table of encoded strings so that every component keeps its own comparisons (prefixes on dates,
-- numbers and quantities, token system|code) and the SQL of its kind; `part` is null for every other row, and adding
-- a nullable column without default rewrites nothing.

alter table search_string    add column part int;
alter table search_token     add column part int;
alter table search_date      add column part int;
alter table search_number    add column part int;
alter table search_quantity  add column part int;
alter table search_reference add column part int;
alter table search_uri       add column part int;

create table search_composite (
    rid           bigint not null,
    resource_type text   not null,
    code          text   not null,
    part          int    not null        -- the element instance; its component rows carry the same part
);
create index search_composite_value on search_composite (resource_type, code, rid);
create index search_composite_rid on search_composite (rid);

-- SearchParameters written at run time: every server instance keeps the definitions in memory and reloads them when
-- this generation changes. A trigger bumps it in the transaction that writes a SearchParameter, whichever path wrote
-- it, so a reader never sees a new generation before the definition it announces is committed.
create table search_parameter_generation (
    only_row   boolean primary key default true check (only_row),
    generation bigint  not null
);
insert into search_parameter_generation (generation) values (0);

create function search_parameter_changed() returns trigger language plpgsql as $$
begin
    update search_parameter_generation set generation = generation + 1;
    return null;
end $$;

create trigger fhir_resource_search_parameter
    after insert or update on fhir_resource
    for each row when (new.resource_type = 'SearchParameter')
    execute function search_parameter_changed();
