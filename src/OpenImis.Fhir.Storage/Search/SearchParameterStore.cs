using Npgsql;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// The SearchParameters stored at run time, as storage sees them: the current bodies and the generation counter
/// that a trigger bumps whenever one is written (migration 0004), so that every server instance on the database can
/// tell cheaply whether its definitions are current.
/// </summary>
public sealed class SearchParameterStore(NpgsqlDataSource dataSource)
{
    public async Task<long> GenerationAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("select generation from search_parameter_generation");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The generation and the current (not deleted) SearchParameter bodies by id, read in one snapshot.</summary>
    public async Task<(long Generation, IReadOnlyList<(string Id, string Json)> Resources)> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        long generation;
        await using (var command = new NpgsqlCommand("select generation from search_parameter_generation", connection, transaction))
        {
            generation = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        var resources = new List<(string, string)>();
        await using (var command = new NpgsqlCommand("""
            select r.id, v.body::text from fhir_resource r
            join fhir_resource_version v on v.resource_type = r.resource_type and v.id = r.id and v.version_id = r.version_id
            where r.resource_type = 'SearchParameter' and not r.deleted
            order by r.id
            """, connection, transaction))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) resources.Add((reader.GetString(0), reader.GetString(1)));
        }
        await transaction.CommitAsync(cancellationToken);
        return (generation, resources);
    }
}
