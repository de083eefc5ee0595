-- The referential integrity check as a statement that fails: a write, its check and its COMMIT then go to the
-- database in one round trip (a second round trip cost a create about 0.2 ms on this machine, and held the
-- transaction open meanwhile). The check itself is plain SQL (StoreTransaction.CommitAsync): it locks each target
-- that exists `for key share`, as PostgreSQL's own foreign keys do, and gathers the missing ones; this function only
-- turns what is missing into an error. Its message ends with the missing targets as a JSON array of [type, id] pairs,
-- which storage reads back (the message, not the detail: clients may redact details).

create function fhir_refuse_missing(missing jsonb) returns void
language plpgsql as $$
begin
    raise exception 'referenced resources do not exist: %', missing::text using errcode = 'FH404';
end
$$;
