-- Resource bodies are compressed with lz4 instead of pglz (the default): a 2.5 KB Patient is compressed on every
-- write, and pglz costs several times lz4's CPU for about the same size (measured: docs/performance.md). Rows
-- written before this stay pglz; both read alike. PostgreSQL 14+ built with lz4 (Debian's and the official images).

alter table fhir_resource_version alter column body set compression lz4;
