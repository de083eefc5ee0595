using Npgsql;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// Reads resources and versions, and opens the transactions every write goes through (one per interaction or Bundle).
/// Thread-safe: it holds only the connection pools.
/// </summary>
/// <param name="searchDataSource">
/// The pool searches run on, best without prepared statements: a search's SQL is the same for every value, and a
/// prepared statement soon runs a generic plan that cannot tell <c>name=zz</c> (a few rows) from <c>name=a</c>
/// (thousands), which picks the wrong plan for a LIMIT (a walk of every claim in rid order for a rare chained name).
/// Unprepared, each search is planned for its values. Defaults to <paramref name="dataSource"/>.
/// </param>
/// <param name="lookupDataSource">
/// The pool of the searches that have one good plan whatever the values (key lookups by <c>_id</c> or identifier,
/// includes), best with prepared statements and <c>plan_cache_mode=force_generic_plan</c>: PostgreSQL otherwise
/// plans them again for every value (0.3–1.2 ms at a million resources), because the generic plan's estimate (an
/// average value's count) looks dearer than a plan for one rare identifier. Defaults to <paramref name="dataSource"/>.
/// </param>
public sealed class FhirStore(NpgsqlDataSource dataSource, NpgsqlDataSource? searchDataSource = null, NpgsqlDataSource? lookupDataSource = null)
{
    internal const string VersionColumns = "v.resource_type, v.id, v.version_id, v.last_updated, v.deleted, v.method, v.change_seq, v.body::text";

    /// <summary>The current version of one resource ($1 type, $2 id), with its body.</summary>
    internal const string CurrentVersionSql = $"""
        select {VersionColumns}
        from fhir_resource r
        join fhir_resource_version v on v.resource_type = r.resource_type and v.id = r.id and v.version_id = r.version_id
        where r.resource_type = $1 and r.id = $2
        """;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>Groups the commits of creates that arrive while others are committing; null: each commits on its own.</summary>
    internal CommitGroup? Commits { get; init; }

    /// <summary>Answers reads of current versions from memory when it can; null: every read asks PostgreSQL.</summary>
    public CurrentResourceCache? Cache { get; init; }

    public NpgsqlDataSource SearchDataSource { get; } = searchDataSource ?? dataSource;

    public NpgsqlDataSource LookupDataSource { get; } = lookupDataSource ?? dataSource;

    /// <summary>The current version (a delete included), or null when the resource never existed.</summary>
    public async Task<StoredResource?> ReadAsync(string resourceType, string id, CancellationToken cancellationToken = default)
    {
        if (Cache is not { } cache) return await ReadCurrentAsync(resourceType, id, cancellationToken);
        if (cache.TryGet(resourceType, id, out var kept)) return kept;
        var ticket = cache.BeforeRead(resourceType, id);
        var found = await ReadCurrentAsync(resourceType, id, cancellationToken);
        if (found is not null) cache.Keep(ticket, found);
        return found;
    }

    private async Task<StoredResource?> ReadCurrentAsync(string resourceType, string id, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(CurrentVersionSql);
        command.Parameters.Add(new() { Value = resourceType });
        command.Parameters.Add(new() { Value = id });
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>One version of one resource ($1 type, $2 id, $3 version), with its body.</summary>
    internal const string VersionSql = $"""
        select {VersionColumns} from fhir_resource_version v
        where v.resource_type = $1 and v.id = $2 and v.version_id = $3
        """;

    public async Task<StoredResource?> ReadVersionAsync(string resourceType, string id, int versionId, CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand(VersionSql);
        command.Parameters.Add(new() { Value = resourceType });
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = versionId });
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>Versions newest first (by change sequence), for the history interactions; see <see cref="HistoryQuery"/>.</summary>
    public async Task<IReadOnlyList<StoredResource>> HistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = DataSource.CreateCommand();
        return await HistoryAsync(command, query, cancellationToken);
    }

    /// <summary>Runs a history query on a command of a pool or of a transaction.</summary>
    internal static async Task<IReadOnlyList<StoredResource>> HistoryAsync(NpgsqlCommand command, HistoryQuery query, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        string Add(object value)
        {
            command.Parameters.Add(new() { Value = value });
            return "$" + command.Parameters.Count;
        }
        if (query.ResourceType is { } type) conditions.Add($"v.resource_type = {Add(type)}");
        if (query.Id is { } id) conditions.Add($"v.id = {Add(id)}");
        if (query.Since is { } since) conditions.Add($"v.last_updated >= {Add(since)}");
        if (query.BeforeChangeSeq is { } before) conditions.Add($"v.change_seq < {Add(before)}");
        if (query.At is { } at)
        {
            // The version current at that instant: the newest one written at or before it, per resource.
            var atParameter = Add(at);
            conditions.Add($"""
                v.last_updated <= {atParameter} and not exists (
                    select 1 from fhir_resource_version n
                    where n.resource_type = v.resource_type and n.id = v.id and n.version_id > v.version_id and n.last_updated <= {atParameter})
                """);
        }
        var where = conditions.Count == 0 ? "" : "where " + string.Join(" and ", conditions);
        command.CommandText = $"select {VersionColumns} from fhir_resource_version v {where} order by v.change_seq desc limit {Add(query.Limit)}";
        var result = new List<StoredResource>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) result.Add(ReadRow(reader));
        return result;
    }

    public async Task<StoreTransaction> BeginAsync(CancellationToken cancellationToken = default) =>
        new(await DataSource.OpenConnectionAsync(cancellationToken), Commits, Cache);

    /// <summary>True when the database answers: the health check.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = DataSource.CreateCommand("select 1");
            return await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }

    internal static async Task<StoredResource?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRow(reader) : null;
    }

    internal static StoredResource ReadRow(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt32(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.GetBoolean(4),
        reader.GetString(5),
        reader.GetInt64(6),
        reader.IsDBNull(7) ? null : StoredJson.Normalize(reader.GetString(7)));
}
