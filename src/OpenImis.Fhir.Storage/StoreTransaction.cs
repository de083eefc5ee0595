using Npgsql;
using NpgsqlTypes;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// One database transaction: all the writes of an interaction or of a transaction Bundle, committed together or not
/// at all. Disposing without <see cref="CommitAsync"/> rolls back. Not thread-safe.
/// </summary>
public sealed class StoreTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    internal StoreTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>The current version, row-locked until the end of the transaction (concurrent writers of the resource wait).</summary>
    public async Task<CurrentVersion?> LockCurrentAsync(string resourceType, string id, CancellationToken cancellationToken = default)
    {
        await using var command = Command("select version_id, last_updated, deleted from fhir_resource where resource_type = $1 and id = $2 for update");
        command.Parameters.Add(new() { Value = resourceType });
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new CurrentVersion(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetBoolean(2));
    }

    /// <summary>The current version with its body, row-locked (PATCH reads, changes and writes it back).</summary>
    public async Task<StoredResource?> ReadCurrentForUpdateAsync(string resourceType, string id, CancellationToken cancellationToken = default)
    {
        await using var command = Command($"""
            select {FhirStore.VersionColumns}
            from fhir_resource r
            join fhir_resource_version v on v.resource_type = r.resource_type and v.id = r.id and v.version_id = r.version_id
            where r.resource_type = $1 and r.id = $2
            for update of r
            """);
        command.Parameters.Add(new() { Value = resourceType });
        command.Parameters.Add(new() { Value = id });
        return await FhirStore.ReadOneAsync(command, cancellationToken);
    }

    /// <summary>The current body of a resource as this transaction sees it (its own writes included); null when absent or deleted.</summary>
    public async Task<StoredResource?> ReadAsync(string resourceType, string id, CancellationToken cancellationToken = default)
    {
        await using var command = Command($"""
            select {FhirStore.VersionColumns}
            from fhir_resource r
            join fhir_resource_version v on v.resource_type = r.resource_type and v.id = r.id and v.version_id = r.version_id
            where r.resource_type = $1 and r.id = $2
            """);
        command.Parameters.Add(new() { Value = resourceType });
        command.Parameters.Add(new() { Value = id });
        return await FhirStore.ReadOneAsync(command, cancellationToken);
    }

    /// <summary>Ids of the current, not deleted resources of a type holding an identifier (system null: any system).</summary>
    public async Task<IReadOnlyList<string>> FindByIdentifierAsync(string resourceType, string? system, string value, CancellationToken cancellationToken = default)
    {
        await using var command = Command(system is null
            ? "select distinct resource_id from fhir_identifier where resource_type = $1 and value = $2 limit 100"
            : "select distinct resource_id from fhir_identifier where resource_type = $1 and value = $2 and system = $3 limit 100");
        command.Parameters.Add(new() { Value = resourceType });
        command.Parameters.Add(new() { Value = value });
        if (system is not null) command.Parameters.Add(new() { Value = system });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>Which of the given resources exist and are not deleted (reference checks), in one round trip.</summary>
    public async Task<HashSet<(string Type, string Id)>> ExistingAsync(IReadOnlyCollection<(string Type, string Id)> keys, CancellationToken cancellationToken = default)
    {
        var found = new HashSet<(string, string)>();
        if (keys.Count == 0) return found;
        await using var command = Command("""
            select r.resource_type, r.id from fhir_resource r
            join unnest($1::text[], $2::text[]) as k(resource_type, id) on r.resource_type = k.resource_type and r.id = k.id
            where not r.deleted
            """);
        command.Parameters.Add(new() { Value = keys.Select(k => k.Type).ToArray() });
        command.Parameters.Add(new() { Value = keys.Select(k => k.Id).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found.Add((reader.GetString(0), reader.GetString(1)));
        return found;
    }

    /// <summary>Current resources that still reference any of the given ones (a delete would leave them dangling); at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<(string SourceType, string SourceId, string Path, string TargetType, string TargetId)>> ReferrersAsync(
        IReadOnlyCollection<(string Type, string Id)> targets, int limit, CancellationToken cancellationToken = default)
    {
        var result = new List<(string, string, string, string, string)>();
        if (targets.Count == 0) return result;
        await using var command = Command("""
            select f.source_type, f.source_id, f.path, f.target_type, f.target_id from fhir_reference f
            join unnest($1::text[], $2::text[]) as k(resource_type, id) on f.target_type = k.resource_type and f.target_id = k.id
            limit $3
            """);
        command.Parameters.Add(new() { Value = targets.Select(k => k.Type).ToArray() });
        command.Parameters.Add(new() { Value = targets.Select(k => k.Id).ToArray() });
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }
        return result;
    }

    /// <summary>
    /// Stores a new version: the version row, the resource row, and the identifier and reference rows replaced, in one
    /// round trip. Returns the version's change sequence number.
    /// </summary>
    /// <exception cref="DuplicateIdentifierException">An openIMIS business code of the resource is held by another resource of its type.</exception>
    /// <exception cref="ConcurrentCreateException">Another transaction wrote this version first.</exception>
    /// <exception cref="UnstorableValueException">The resource holds a NUL character, or an identifier or reference too long to index.</exception>
    public async Task<long> WriteAsync(ResourceWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var batch = new NpgsqlBatch(_connection, _transaction);

        var version = new NpgsqlBatchCommand("""
            insert into fhir_resource_version (resource_type, id, version_id, last_updated, deleted, method, body)
            values ($1, $2, $3, $4, $5, $6, $7) returning change_seq
            """);
        version.Parameters.Add(new() { Value = write.ResourceType });
        version.Parameters.Add(new() { Value = write.Id });
        version.Parameters.Add(new() { Value = write.VersionId });
        version.Parameters.Add(new() { Value = write.LastUpdated });
        version.Parameters.Add(new() { Value = write.Deleted });
        version.Parameters.Add(new() { Value = write.Method });
        version.Parameters.Add(new() { Value = (object?)write.Json ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb });
        batch.BatchCommands.Add(version);

        var current = new NpgsqlBatchCommand(write.IsFirstVersion
            ? "insert into fhir_resource (resource_type, id, version_id, last_updated, deleted) values ($1, $2, $3, $4, $5)"
            : "update fhir_resource set version_id = $3, last_updated = $4, deleted = $5 where resource_type = $1 and id = $2");
        current.Parameters.Add(new() { Value = write.ResourceType });
        current.Parameters.Add(new() { Value = write.Id });
        current.Parameters.Add(new() { Value = write.VersionId });
        current.Parameters.Add(new() { Value = write.LastUpdated });
        current.Parameters.Add(new() { Value = write.Deleted });
        batch.BatchCommands.Add(current);

        if (!write.IsFirstVersion)
        {
            batch.BatchCommands.Add(KeyCommand("delete from fhir_identifier where resource_type = $1 and resource_id = $2", write));
            batch.BatchCommands.Add(KeyCommand("delete from fhir_reference where source_type = $1 and source_id = $2", write));
        }
        if (write.Identifiers.Count > 0)
        {
            var identifiers = KeyCommand("""
                insert into fhir_identifier (resource_type, resource_id, system, value, type_system, type_code)
                select $1, $2, * from unnest($3::text[], $4::text[], $5::text[], $6::text[])
                """, write);
            identifiers.Parameters.Add(new() { Value = write.Identifiers.Select(i => i.System).ToArray() });
            identifiers.Parameters.Add(new() { Value = write.Identifiers.Select(i => i.Value).ToArray() });
            identifiers.Parameters.Add(new() { Value = write.Identifiers.Select(i => i.TypeSystem).ToArray() });
            identifiers.Parameters.Add(new() { Value = write.Identifiers.Select(i => i.TypeCode).ToArray() });
            batch.BatchCommands.Add(identifiers);
        }
        if (write.References.Count > 0)
        {
            var references = KeyCommand("""
                insert into fhir_reference (source_type, source_id, path, target_type, target_id, target_url, identifier_system, identifier_value)
                select $1, $2, * from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                """, write);
            references.Parameters.Add(new() { Value = write.References.Select(r => r.Path).ToArray() });
            references.Parameters.Add(new() { Value = write.References.Select(r => r.TargetType).ToArray() });
            references.Parameters.Add(new() { Value = write.References.Select(r => r.TargetId).ToArray() });
            references.Parameters.Add(new() { Value = write.References.Select(r => r.TargetUrl).ToArray() });
            references.Parameters.Add(new() { Value = write.References.Select(r => r.IdentifierSystem).ToArray() });
            references.Parameters.Add(new() { Value = write.References.Select(r => r.IdentifierValue).ToArray() });
            batch.BatchCommands.Add(references);
        }
        try
        {
            return (long)(await batch.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            if (e.ConstraintName == "fhir_identifier_openimis_unique")
            {
                throw new DuplicateIdentifierException($"Another {write.ResourceType} already has this openIMIS identifier ({e.Detail})", e);
            }
            throw new ConcurrentCreateException($"{write.ResourceType}/{write.Id} was written by another request at the same time", e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UntranslatableCharacter)
        {
            throw new UnstorableValueException($"The {write.ResourceType} holds a character this server cannot store ({e.MessageText}: {e.Detail})", e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ProgramLimitExceeded)
        {
            throw new UnstorableValueException($"An identifier or reference of the {write.ResourceType} is too long for this server to index ({e.MessageText})", e);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await _transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted NpgsqlTransaction rolls it back (or the server does, if the connection broke).
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);

    private static NpgsqlBatchCommand KeyCommand(string sql, ResourceWrite write)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new() { Value = write.ResourceType });
        command.Parameters.Add(new() { Value = write.Id });
        return command;
    }
}
