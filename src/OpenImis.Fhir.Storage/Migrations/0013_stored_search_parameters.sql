-- The parameters of searches whose paging links would be longer than the server accepts in a URL (a POST _search
-- with a long form body): the links name a row here instead of repeating the parameters. The id is a hash of the
-- parameters, so every page of a search uses one row; each page refreshes stored_at, and rows unused for a day go.

create table fhir_search_parameters (
    id         text        primary key,
    parameters jsonb       not null,   -- [[name, value], ...] in the order given
    stored_at  timestamptz not null
);
create index fhir_search_parameters_stored_at on fhir_search_parameters (stored_at);
