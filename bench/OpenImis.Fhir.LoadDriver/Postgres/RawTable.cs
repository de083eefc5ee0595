using Npgsql;

namespace OpenImis.Fhir.LoadDriver.Postgres;

/// <summary>
/// The raw ceiling's table, in the server's database beside its tables: the columns a minimal resource store needs
/// and nothing else (no version table, no index but the primary key, no identifiers or references). The body is
/// compressed with lz4, as the server's version table compresses it: the ceiling is the cheapest store of the JSON.
/// </summary>
internal static class RawTable
{
    public const string Name = "bench_raw_resource";

    public const string InsertOne = $"insert into {Name} (id, type, version, last_updated, body) values ($1, $2, $3, $4, $5)";

    /// <summary>One statement, one transaction, 100 rows: the arrays unnested.</summary>
    public const string InsertMany = $"""
        insert into {Name} (id, type, version, last_updated, body)
        select * from unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::jsonb[])
        """;

    /// <summary>Creates the table, emptied: each run starts from the same state.</summary>
    public static async Task ResetAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand($"""
            create table if not exists {Name} (
                id           uuid primary key,
                type         text        not null,
                version      int         not null,
                last_updated timestamptz not null,
                body         jsonb       compression lz4 not null);
            truncate {Name};
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A checkpoint before each scenario, so none starts with the dirty pages of the one before (fsync is on: a
    /// checkpoint in the middle of a 15 s window shows in its p99). Needs a superuser; skipped when refused.
    /// </summary>
    public static async Task<bool> CheckpointAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        try
        {
            await using var command = dataSource.CreateCommand("checkpoint");
            command.CommandTimeout = 300;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            return false;
        }
    }
}
