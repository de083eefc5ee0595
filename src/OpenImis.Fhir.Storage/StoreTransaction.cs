using Npgsql;
using NpgsqlTypes;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// One database transaction: all the writes of an interaction or of a transaction Bundle, committed together or not
/// at all. Disposing without <see cref="CommitAsync(CancellationToken)"/> rolls back. Not thread-safe.
/// Writes are held and sent together, in one batch, before the next read and at commit: a 100-entry transaction Bundle
/// costs one round trip for its writes instead of a hundred, and a create one round trip in all (writes, reference
/// check and COMMIT). Creates may share their database transaction with other creates (<see cref="CommitGroup"/>),
/// each still committed whole or not at all.
/// </summary>
public sealed class StoreTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly CommitGroup? _commits;
    private readonly List<ResourceWrite> _pending = [];
    // Begun with the first statement sent before the commit; a transaction whose first statement is its commit (a
    // create) needs none: see CommitAsync.
    private NpgsqlTransaction? _transaction;
    // plan_cache_mode set for searches (PrepareSearchAsync), until the end of the transaction.
    private bool _searching;
    // The current versions of the rows LockInOrderAsync locked (null: no such resource), each until this transaction
    // writes or locks it again: an update of one of them needs neither a round trip nor the held writes sent first.
    private Dictionary<(string Type, string Id), CurrentVersion?>? _locked;
    private readonly CurrentResourceCache? _cache;
    // The resources this transaction updated or deleted, invalidated in the cache when its commit ends.
    private List<(string Type, string Id)>? _replaced;

    internal StoreTransaction(NpgsqlConnection connection, CommitGroup? commits, CurrentResourceCache? cache = null)
    {
        _connection = connection;
        _commits = commits;
        _cache = cache;
    }

    /// <summary>
    /// The current version, row-locked until the end of the transaction (concurrent writers of the resource wait).
    /// A delete locks <c>for update</c>, which also waits for transactions that are writing references to the
    /// resource (they hold <c>for key share</c>, see <see cref="ExistingAsync"/>); an update locks
    /// <c>for no key update</c>, which does not.
    /// </summary>
    public async Task<CurrentVersion?> LockCurrentAsync(string resourceType, string id, bool forDelete = false, CancellationToken cancellationToken = default)
    {
        // Locked already, for no key update: what an update needs. A delete locks for update, which only a statement takes.
        if (_locked is not null && _locked.Remove((resourceType, id), out var known) && !forDelete) return known;
        await FlushAsync(cancellationToken);
        await using var command = Command("select version_id, last_updated, deleted from fhir_resource where resource_type = $1 and id = $2 for " + (forDelete ? "update" : "no key update"));
        command.Parameters.Add(new() { Value = resourceType });
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new CurrentVersion(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetBoolean(2));
    }

    /// <summary>
    /// Locks the rows of these resources (those that exist) in one statement, in (type, id) order: two transactions
    /// that write the same resources in different orders then wait for each other instead of deadlocking. Their
    /// current versions are kept: <see cref="LockCurrentAsync"/> answers an update of one of them from memory, so a
    /// transaction's updates are held and sent together, in one set (WriteBatch), at the next read or the commit.
    /// </summary>
    public async Task LockInOrderAsync(IReadOnlyCollection<(string Type, string Id)> keys, CancellationToken cancellationToken = default)
    {
        if (keys.Count == 0) return;
        await FlushAsync(cancellationToken);
        await using var command = Command("""
            select r.resource_type, r.id, r.version_id, r.last_updated, r.deleted from fhir_resource r
            join unnest($1::text[], $2::text[]) as k(resource_type, id) on r.resource_type = k.resource_type and r.id = k.id
            order by r.resource_type, r.id
            for no key update of r
            """);
        command.Parameters.Add(new() { Value = keys.Select(k => k.Type).ToArray() });
        command.Parameters.Add(new() { Value = keys.Select(k => k.Id).ToArray() });
        _locked ??= [];
        foreach (var key in keys) _locked[key] = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _locked[(reader.GetString(0), reader.GetString(1))] = new CurrentVersion(reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetBoolean(4));
        }
    }

    /// <summary>
    /// The current version with its body, row-locked (PATCH reads, changes and writes it back). The lock is taken by a
    /// statement of its own, then the version read, in one round trip: locking the joined row directly, a PATCH that
    /// waited for a concurrent update found nothing (after the wait PostgreSQL re-checks the resource row, now at the
    /// next version, against the old version row) and answered 404.
    /// </summary>
    public async Task<StoredResource?> ReadCurrentForUpdateAsync(string resourceType, string id, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(_connection, Begun());
        var lockRow = new NpgsqlBatchCommand("select 1 from fhir_resource where resource_type = $1 and id = $2 for no key update");
        var read = new NpgsqlBatchCommand(FhirStore.CurrentVersionSql);
        foreach (var command in (NpgsqlBatchCommand[])[lockRow, read])
        {
            command.Parameters.Add(new() { Value = resourceType });
            command.Parameters.Add(new() { Value = id });
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? FhirStore.ReadRow(reader) : null;
    }

    /// <summary>The current body of a resource as this transaction sees it (its own writes included); null when absent or deleted.</summary>
    public async Task<StoredResource?> ReadAsync(string resourceType, string id, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        await using var command = Command(FhirStore.CurrentVersionSql);
        command.Parameters.Add(new() { Value = resourceType });
        command.Parameters.Add(new() { Value = id });
        return await FhirStore.ReadOneAsync(command, cancellationToken);
    }

    /// <summary>One version of a resource as this transaction sees it (its own writes included); null when absent.</summary>
    public async Task<StoredResource?> ReadVersionAsync(string resourceType, string id, int versionId, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        await using var command = Command(FhirStore.VersionSql);
        command.Parameters.Add(new() { Value = resourceType });
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = versionId });
        return await FhirStore.ReadOneAsync(command, cancellationToken);
    }

    /// <summary>Versions newest first as this transaction sees them (its own writes included); see <see cref="FhirStore.HistoryAsync(HistoryQuery, CancellationToken)"/>.</summary>
    public async Task<IReadOnlyList<StoredResource>> HistoryAsync(HistoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await FlushAsync(cancellationToken);
        await using var command = Command("");
        return await FhirStore.HistoryAsync(command, query, cancellationToken);
    }

    /// <summary>Ids of the current, not deleted resources of a type holding an identifier (system null: any system).</summary>
    public async Task<IReadOnlyList<string>> FindByIdentifierAsync(string resourceType, string? system, string value, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
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

    /// <summary>
    /// <see cref="FindByIdentifierAsync"/> for many identifiers in one statement: for each, in the order given, the ids
    /// of the resources holding it (up to 100).
    /// </summary>
    public async Task<List<string>[]> FindByIdentifiersAsync(IReadOnlyList<(string ResourceType, string? System, string Value)> identifiers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var found = new List<string>[identifiers.Count];
        for (var i = 0; i < found.Length; i++) found[i] = [];
        if (identifiers.Count == 0) return found;
        await FlushAsync(cancellationToken);
        await using var command = Command("""
            select k.n, f.resource_id
            from unnest($1::text[], $2::text[], $3::text[]) with ordinality as k(resource_type, system, value, n)
            cross join lateral (
                select distinct resource_id from fhir_identifier i
                where i.resource_type = k.resource_type and i.value = k.value and (k.system is null or i.system = k.system)
                limit 100) f
            """);
        command.Parameters.Add(new() { Value = identifiers.Select(k => k.ResourceType).ToArray() });
        command.Parameters.Add(new() { Value = identifiers.Select(k => k.System).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = identifiers.Select(k => k.Value).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found[reader.GetInt64(0) - 1].Add(reader.GetString(1));
        return found;
    }

    /// <summary>
    /// Serialises the transactions that hold the same key until they end (<c>pg_advisory_xact_lock</c> on a hash of
    /// it): conditional creates with the same criteria search and write one after the other, so that two of them cannot
    /// both find nothing and both create. Under read committed, each statement after the lock sees what the previous
    /// holder committed. A hash collision only makes two unrelated writes wait for each other. The keys are taken in
    /// one statement, in the order given (unnest returns an array's elements in order): a transaction with a hundred
    /// conditional entries waits for one round trip, not a hundred. Callers give them in one global order, so that two
    /// transactions cannot deadlock on them.
    /// </summary>
    public async Task LockKeysAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return;
        await FlushAsync(cancellationToken);
        // The two-integer key space, with its own first key: apart from the migrator's (single bigint) lock.
        await using var command = Command(keys.Count == 1
            ? $"select pg_advisory_xact_lock({ConditionalWriteLockSpace}, hashtext($1))"
            : $"select pg_advisory_xact_lock({ConditionalWriteLockSpace}, hashtext(k)) from unnest($1::text[]) as k");
        command.Parameters.Add(keys.Count == 1 ? new NpgsqlParameter { Value = keys[0] } : new NpgsqlParameter { Value = keys.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const int ConditionalWriteLockSpace = 0x46484952; // "FHIR"

    /// <summary>Runs a query of the search engine in this transaction (held writes sent first) and reads its first column.</summary>
    internal async Task<IReadOnlyList<string>> ReadStringsAsync(string sql, IEnumerable<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await using var command = Command(sql);
        foreach (var parameter in parameters) command.Parameters.Add(parameter);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>Which of the given resources exist and are not deleted (reference checks), in one round trip.</summary>
    /// <param name="lockForShare">
    /// Lock the rows found until commit (<c>for key share</c>, as PostgreSQL's own foreign keys do): a concurrent
    /// delete of one of them (which locks its row for update) then waits for this transaction and sees its
    /// references, or this check waits for the delete and no longer finds the row. Updates of the rows do not wait.
    /// </param>
    public async Task<HashSet<(string Type, string Id)>> ExistingAsync(IReadOnlyCollection<(string Type, string Id)> keys, bool lockForShare = false, CancellationToken cancellationToken = default)
    {
        var found = new HashSet<(string, string)>();
        if (keys.Count == 0)
        {
            await FlushAsync(cancellationToken);
            return found;
        }
        var query = new NpgsqlBatchCommand();
        query.CommandText = $"""
            select r.resource_type, r.id from fhir_resource r
            join {KeyList(query.Parameters, keys)} as k(resource_type, id) on r.resource_type = k.resource_type and r.id = k.id
            where not r.deleted
            """ + (lockForShare ? " for key share of r" : "");
        // The held writes go in the same round trip, before the query (which must see them); those that cannot all go in
        // one set (a resource written twice, never in practice; two values that may be too long to index) are sent first.
        List<ResourceWrite> writes;
        if (SetSize() < _pending.Count)
        {
            await FlushAsync(cancellationToken);
            writes = [];
        }
        else
        {
            writes = [.. _pending];
            _pending.Clear();
        }
        await using var batch = new NpgsqlBatch(_connection, Begun());
        if (writes.Count > 0) WriteBatch.Add(batch, writes);
        batch.BatchCommands.Add(query);
        await ExecuteAsync(batch, writes, async (reader, token) =>
        {
            for (var skip = 1; skip < batch.BatchCommands.Count; skip++) await reader.NextResultAsync(token);
            while (await reader.ReadAsync(token)) found.Add((reader.GetString(0), reader.GetString(1)));
        }, cancellationToken);
        return found;
    }

    // Up to this many keys are written out as a VALUES list. A statement prepared over unnest($1) is planned anew on
    // every run: the generic plan assumes 100 array elements, so PostgreSQL keeps preferring a custom plan, which
    // cost 0.13 ms of planning per create (pg_stat_statements). A list of known length plans once.
    private const int MaxListedKeys = 8;

    // The keys as a row source of (type, id), their parameters added.
    private static string KeyList(NpgsqlParameterCollection parameters, IReadOnlyCollection<(string Type, string Id)> keys)
    {
        if (keys.Count > MaxListedKeys)
        {
            parameters.Add(new() { Value = keys.Select(k => k.Type).ToArray() });
            parameters.Add(new() { Value = keys.Select(k => k.Id).ToArray() });
            return "unnest($1::text[], $2::text[])";
        }
        var rows = new List<string>(keys.Count);
        foreach (var (type, id) in keys)
        {
            parameters.Add(new() { Value = type });
            parameters.Add(new() { Value = id });
            rows.Add($"(${parameters.Count - 1}::text, ${parameters.Count}::text)");
        }
        return "(values " + string.Join(", ", rows) + ")";
    }

    /// <summary>Current resources that still reference any of the given ones (a delete would leave them dangling); at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<(string SourceType, string SourceId, string Path, string TargetType, string TargetId)>> ReferrersAsync(
        IReadOnlyCollection<(string Type, string Id)> targets, int limit, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
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
    /// Stores a new version: the version row, the resource row, and the identifier and reference rows replaced. Held
    /// until the next read or the commit; a refusal then surfaces as <see cref="StorageConflictException"/>.
    /// </summary>
    public void Write(ResourceWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _locked?.Remove((write.ResourceType, write.Id));
        if (_cache is not null && !write.IsFirstVersion) (_replaced ??= []).Add((write.ResourceType, write.Id));
        _pending.Add(write);
    }

    /// <summary>
    /// Which of the given versions exist (deleted ones included), and which of their resources exist in any version,
    /// as this transaction sees them: a reference to a missing version of a missing resource is told apart.
    /// </summary>
    public async Task<(HashSet<(string Type, string Id, int Version)> Versions, HashSet<(string Type, string Id)> Resources)> ExistingVersionsAsync(
        IReadOnlyCollection<(string Type, string Id, int Version)> keys, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken);
        var versions = new HashSet<(string, string, int)>();
        var resources = new HashSet<(string, string)>();
        if (keys.Count == 0) return (versions, resources);
        await using var command = Command("""
            select k.resource_type, k.id, k.version_id, v.version_id is not null
            from unnest($1::text[], $2::text[], $3::int[]) as k(resource_type, id, version_id)
            join fhir_resource r on r.resource_type = k.resource_type and r.id = k.id
            left join fhir_resource_version v on v.resource_type = k.resource_type and v.id = k.id and v.version_id = k.version_id
            """);
        command.Parameters.Add(new() { Value = keys.Select(k => k.Type).ToArray() });
        command.Parameters.Add(new() { Value = keys.Select(k => k.Id).ToArray() });
        command.Parameters.Add(new() { Value = keys.Select(k => k.Version).ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            resources.Add((reader.GetString(0), reader.GetString(1)));
            if (reader.GetBoolean(3)) versions.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }
        return (versions, resources);
    }

    /// <summary>Sends the held writes in one batch.</summary>
    /// <exception cref="StorageConflictException">A write broke a unique key (a duplicate openIMIS business identifier, or a concurrent write of the same version).</exception>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        while (_pending.Count > 0) await SendAsync(TakePending(), cancellationToken);
    }

    private async Task SendAsync(List<ResourceWrite> writes, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(_connection, Begun());
        WriteBatch.Add(batch, writes);
        await ExecuteAsync(batch, writes, static (_, _) => Task.CompletedTask, cancellationToken);
    }

    // The held writes that can go in one set (SetSize), taken.
    private List<ResourceWrite> TakePending()
    {
        var count = SetSize();
        var writes = _pending.GetRange(0, count);
        _pending.RemoveRange(0, count);
        return writes;
    }

    // How many of the held writes, from the first, can go in one set: each resource once (a second write of one resource
    // waits for the next set), and at most one write with text that may be too long to index, so that PostgreSQL's
    // refusal names its write (IndexRowLimit).
    private int SetSize()
    {
        if (_pending.Count <= 1) return _pending.Count; // a create: one write is always a set
        var keys = new HashSet<(string, string)>();
        var oversized = false;
        for (var i = 0; i < _pending.Count; i++)
        {
            var write = _pending[i];
            if (!keys.Add((write.ResourceType, write.Id))) return i;
            if (IndexRowLimit.Oversized(write) is null) continue;
            if (oversized) return i;
            oversized = true;
        }
        return _pending.Count;
    }

    /// <exception cref="StorageConflictException">A write broke a unique key.</exception>
    /// <exception cref="UnstorableValueException">A resource holds a value PostgreSQL refuses (a NUL character, a number out of range), or one too long to index.</exception>
    // The results are read inside: an error of a later statement of a batch surfaces while reading (or disposing).
    private static async Task ExecuteAsync(NpgsqlBatch batch, List<ResourceWrite> writes, Func<NpgsqlDataReader, CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await read(reader, cancellationToken);
            while (await reader.NextResultAsync(cancellationToken))
            {
                // Drain the rest, so that any refusal is seen here.
            }
        }
        catch (PostgresException e)
        {
            if (e.SqlState.StartsWith(DataExceptionClass, StringComparison.Ordinal)) await ForgetPreparedStatementsAsync(batch);
            var refusal = Refusal(e, writes);
            if (refusal is null) throw;
            throw refusal;
        }
    }

    // The refusals a client caused, as storage's exceptions; null for any other error.
    private static Exception? Refusal(PostgresException e, List<ResourceWrite> writes)
    {
        if (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Set-based statements: the write is found from the key PostgreSQL reports, "Key (...)=(Patient, Code, 123)".
            var key = KeyValues(e.Detail);
            if (e.ConstraintName == "fhir_identifier_openimis_unique")
            {
                // Of several writes of the set holding the code (a transaction's updates go in one set), the last: the
                // later entry is named, whether it takes the code or keeps it (the set does not tell which).
                var write = writes.LastOrDefault(w => key.Count == 3 && w.ResourceType == key[0] && w.Identifiers.Any(i => i.TypeCode == key[1] && i.Value == key[2])) ?? writes[0];
                var which = key.Count == 3 ? $" {key[1]} '{key[2]}'" : "";
                return new StorageConflictException($"Another {write.ResourceType} already has the openIMIS identifier{which}; business codes are unique per resource type", write.ResourceType, write.Id, isDuplicateIdentifier: true, e);
            }
            var conflicting = writes.FirstOrDefault(w => key.Count >= 2 && w.ResourceType == key[0] && w.Id == key[1]) ?? writes[0];
            return new StorageConflictException($"{conflicting.ResourceType}/{conflicting.Id} was written by another request at the same time", conflicting.ResourceType, conflicting.Id, isDuplicateIdentifier: false, e);
        }
        if (e.SqlState == MissingTargetsState) return new MissingTargetsException(MissingTargets(e.MessageText), e);
        if (e.SqlState == PostgresErrorCodes.ProgramLimitExceeded)
        {
            // At most one write of a batch can be refused so (SetSize); PostgreSQL's message names only the index.
            foreach (var write in writes)
            {
                if (IndexRowLimit.Oversized(write) is { } what)
                {
                    return new UnstorableValueException($"{what} is too long for this server to index ({e.MessageText})", e, write.ResourceType, write.Id);
                }
            }
            return new UnstorableValueException($"An identifier, reference or searchable value is too long for this server to index ({e.MessageText})", e);
        }
        // The values written come from the resource: a NUL character (\u0000), a number beyond PostgreSQL's numeric.
        if (e.SqlState.StartsWith(DataExceptionClass, StringComparison.Ordinal))
        {
            return new UnstorableValueException($"The resource holds a value this server cannot store ({e.MessageText}{(e.Detail is null ? "" : ": " + e.Detail)})", e);
        }
        return null;
    }

    // Data exceptions: a value PostgreSQL refuses, often while binding it (a NUL in a string, a number out of range).
    private const string DataExceptionClass = "22";

    /// <summary>
    /// Npgsql (10.0.3) keeps a statement that PostgreSQL refused while binding its values, on the run that prepared it
    /// automatically, as prepared but without its result columns; its next run on the connection then fails with
    /// "unexpected backend message DataRow" (PreparedStatementTests). Dropping all of the connection's prepared
    /// statements, which later runs prepare again, costs one round trip on a refusal that is rare.
    /// </summary>
    private static async Task ForgetPreparedStatementsAsync(NpgsqlBatch batch)
    {
        // DEALLOCATE cannot run in the aborted transaction, which nothing can use any more: end it first.
        if (batch.Transaction is { } transaction)
        {
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // Already ended: the refusal came from its COMMIT.
            }
        }
        try
        {
            // Npgsql has no asynchronous form of this (one short statement on a rare path).
            batch.Connection!.UnprepareAll();
        }
        catch (NpgsqlException)
        {
            // The connection broke: Npgsql discards it, prepared statements and all. The client still hears of its
            // refusal, not of this.
        }
    }

    // Raised by fhir_refuse_missing (migration 0011), its message ending with a JSON array of [type, id] pairs.
    private const string MissingTargetsState = "FH404";

    private static List<(string Type, string Id)> MissingTargets(string message)
    {
        var start = message.IndexOf('[', StringComparison.Ordinal);
        if (start < 0) return [];
        using var document = System.Text.Json.JsonDocument.Parse(message[start..]);
        return [.. document.RootElement.EnumerateArray().Select(pair => (pair[0].GetString() ?? "", pair[1].GetString() ?? ""))];
    }

    private static List<string> KeyValues(string? detail)
    {
        if (detail is null) return [];
        var open = detail.IndexOf(")=(", StringComparison.Ordinal);
        var close = detail.LastIndexOf(')');
        return open < 0 || close <= open + 3 ? [] : [.. detail[(open + 3)..close].Split(", ")];
    }

    /// <summary>Sends the held writes and commits, in one round trip.</summary>
    public Task CommitAsync(CancellationToken cancellationToken = default) => CommitAsync([], cancellationToken);

    /// <summary>
    /// Sends the held writes, checks that the given resources exist and are not deleted, and commits: in one round trip,
    /// since the check is a statement that fails (through <c>fhir_refuse_missing</c>) and the <c>COMMIT</c> after a failed
    /// statement of a batch is never run. The resources found are locked <c>for key share</c> until the commit (see
    /// <see cref="ExistingAsync"/>). The writes are sent before the check, which therefore sees them.
    /// </summary>
    /// <exception cref="MissingTargetsException">Some of the resources do not exist; nothing was committed.</exception>
    /// <exception cref="StorageConflictException">A write broke a unique key; nothing was committed.</exception>
    public async Task CommitAsync(IReadOnlyCollection<(string Type, string Id)> mustExist, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mustExist);
        try
        {
            await SendAndCommitAsync(mustExist, cancellationToken);
        }
        finally
        {
            // Whatever the outcome (a commit whose answer was lost may have happened): the versions before are not kept.
            if (_replaced is not null) foreach (var (type, id) in _replaced) _cache!.Invalidate(type, id);
        }
    }

    private async Task SendAndCommitAsync(IReadOnlyCollection<(string Type, string Id)> mustExist, CancellationToken cancellationToken)
    {
        var writes = TakePending();
        while (_pending.Count > 0)
        {
            // A resource written twice: its earlier write goes first, on its own.
            await SendAsync(writes, cancellationToken);
            writes = TakePending();
        }
        // Nothing sent before (a create): no BEGIN and no COMMIT (see CommitAloneAsync), and a create that arrives while
        // others commit is committed with them (CommitGroup).
        if (_transaction is null)
        {
            if (writes.Count == 0) return;
            // A lone create only: a first version never deletes rows another write of the group could need. A Bundle's
            // many writes already share their statement and commit; queued behind the group's slot, four 100-entry
            // transactions ran one at a time on one core (docs/performance.md, "Transactions and the commit group").
            if (_commits is not null && writes is [{ IsFirstVersion: true }]) await _commits.CommitAsync(_connection, writes, mustExist, cancellationToken);
            else await CommitAloneAsync(_connection, writes, mustExist, cancellationToken);
            return;
        }
        await using var batch = new NpgsqlBatch(_connection, _transaction);
        if (writes.Count > 0) WriteBatch.Add(batch, writes);
        if (mustExist.Count > 0) batch.BatchCommands.Add(Check(mustExist));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("commit"));
        await ExecuteAsync(batch, writes, static (_, _) => Task.CompletedTask, cancellationToken);
    }

    /// <summary>
    /// Writes, checks and commits on a connection with no transaction begun: PostgreSQL runs the statements of a
    /// batch, up to its one Sync, as one implicit transaction, committed at its end or rolled back whole when one
    /// fails. No BEGIN, whose answer PostgreSQL sends at once (the server would wake for it), and no COMMIT.
    /// </summary>
    internal static async Task CommitAloneAsync(NpgsqlConnection connection, List<ResourceWrite> writes, IReadOnlyCollection<(string Type, string Id)> mustExist, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        WriteBatch.Add(batch, writes);
        if (mustExist.Count > 0) batch.BatchCommands.Add(Check(mustExist));
        await ExecuteAsync(batch, writes, static (_, _) => Task.CompletedTask, cancellationToken);
    }

    // Fails through fhir_refuse_missing when some of the keys are missing or deleted; locks each target found (see
    // ExistingAsync). The function runs only when some are missing.
    private static NpgsqlBatchCommand Check(IReadOnlyCollection<(string Type, string Id)> mustExist)
    {
        var check = new NpgsqlBatchCommand();
        check.CommandText = $"""
            select fhir_refuse_missing(missing) from (
                select jsonb_agg(jsonb_build_array(k.resource_type, k.id)) as missing
                from {KeyList(check.Parameters, mustExist)} as k(resource_type, id)
                where not exists (select 1 from fhir_resource r
                    where r.resource_type = k.resource_type and r.id = k.id and not r.deleted for key share of r)) m
            where missing is not null
            """;
        return check;
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted NpgsqlTransaction rolls it back (or the server does, if the connection broke).
        if (_transaction is not null) await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private NpgsqlCommand Command(string sql) => new(sql, _connection, Begun());

    /// <summary>
    /// Before a search's statements in this transaction (<see cref="Search.SearchConnection"/>): the held writes sent,
    /// so that the search sees them, and searches planned for their values as on the search pool (this connection
    /// prepares its statements; FhirStore's searchDataSource says why a search should not run a generic plan).
    /// </summary>
    internal async Task PrepareSearchAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        if (_searching) return;
        await using var command = Command("set local plan_cache_mode = force_custom_plan");
        await command.ExecuteNonQueryAsync(cancellationToken);
        _searching = true;
    }

    internal NpgsqlCommand SearchCommand(string sql) => Command(sql);

    internal NpgsqlBatch SearchBatch() => new(_connection, Begun());

    // Npgsql sends the BEGIN with the next statement, in the same round trip.
    private NpgsqlTransaction Begun() => _transaction ??= _connection.BeginTransaction();
}
