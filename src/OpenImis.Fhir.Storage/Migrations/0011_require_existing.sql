-- The referential integrity check as a statement that fails: a write, its check and its COMMIT then go to the
-- database in one round trip (a second round trip cost a create about 0.2 ms on this machine, and held the
-- transaction open meanwhile). Each target that exists and is not deleted is locked `for key share`, as
-- PostgreSQL's own foreign keys do: a concurrent delete (which locks the row for update) waits for this transaction,
-- or this check waits for the delete and no longer finds the row. The error's message ends with the missing targets
-- as a JSON array [type, id, type, id, ...], which storage reads back (the message, not the detail: clients may
-- redact details).
-- One key lookup per target (not a join over unnest): each lookup keeps one plan for every call, where a join over
-- arrays of unknown length is planned again each time.

create function fhir_require_existing(types text[], ids text[]) returns void
language plpgsql as $$
declare
    missing text[] := '{}';
begin
    for i in 1 .. coalesce(array_length(types, 1), 0) loop
        perform 1 from fhir_resource
            where resource_type = types[i] and id = ids[i] and not deleted
            for key share;
        if not found then
            missing := missing || array[types[i], ids[i]];
        end if;
    end loop;
    if cardinality(missing) > 0 then
        raise exception 'referenced resources do not exist: %', to_jsonb(missing)::text using errcode = 'FH404';
    end if;
end
$$;
