using System.Reflection;
using Npgsql;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// Applies the SQL files in <c>Migrations/</c> (embedded, named <c>NNNN_what.sql</c>) in order, each once, each in a
/// transaction. An advisory lock lets several server processes start against one database at the same time.
/// </summary>
public static class DatabaseMigrator
{
    private const long LockKey = 0x0F41_2000_0001;

    /// <summary>Returns the migrations applied now (empty when the schema was current).</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"select pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, "create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())", cancellationToken);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var read = new NpgsqlCommand("select name from schema_migration", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetString(0));
            }
            var done = new List<string>();
            foreach (var (name, sql) in Migrations())
            {
                if (applied.Contains(name)) continue;
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using (var record = new NpgsqlCommand("insert into schema_migration (name) values ($1)", connection, transaction) { Parameters = { new() { Value = name } } })
                {
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                done.Add(name);
            }
            return done;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"select pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static IEnumerable<(string Name, string Sql)> Migrations()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        const string prefix = "OpenImis.Fhir.Storage.Migrations.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[prefix.Length..^".sql".Length], reader.ReadToEnd());
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        // No time limit: a migration that builds an index on a large database takes minutes, and a timeout would
        // leave the server unable to start.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
