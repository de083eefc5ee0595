using Npgsql;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// Rebuilds the search rows of the current resources of a type from their stored bodies, with the parameters the
/// registry knows now: after a SearchParameter is added, changed or deleted, or after an indexing fix. Works in
/// batches of rid order, one short transaction each (resources locked as a write would lock them, old rows deleted
/// and new ones inserted), so it never holds one giant transaction, writers wait at most for one batch, and a batch
/// that fails leaves the earlier ones done: rerun from the last rid reported.
/// </summary>
public sealed class SearchIndexRebuilder(NpgsqlDataSource dataSource, SearchParameterRegistry registry, FhirModel model)
{
    /// <summary>Rebuilds the rows of the current resources of <paramref name="resourceType"/> with a rid above <paramref name="afterRid"/>.</summary>
    /// <param name="progress">Called after each batch: resources done so far and the last rid done (where to resume).</param>
    /// <returns>The number of resources reindexed.</returns>
    public async Task<long> RebuildAsync(string resourceType, int batchSize, long afterRid, Action<ReindexProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        long total;
        await using (var count = dataSource.CreateCommand("select count(*) from fhir_resource where resource_type = $1 and not deleted and rid > $2"))
        {
            count.Parameters.Add(new() { Value = resourceType });
            count.Parameters.Add(new() { Value = afterRid });
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        long done = 0;
        var last = afterRid;
        while (true)
        {
            var (batch, lastRid) = await WithRetryAsync(() => RebuildBatchAsync(resourceType, batchSize, last, cancellationToken));
            if (batch == 0) break;
            done += batch;
            last = lastRid;
            progress?.Invoke(new ReindexProgress(resourceType, done, total, last));
            if (batch < batchSize) break;
        }
        return done;
    }

    // A batch locks many resources at once: a transaction Bundle locking some of them in another order can deadlock
    // with it, and PostgreSQL then aborts one of the two. The batch is simply run again.
    private static async Task<T> WithRetryAsync<T>(Func<Task<T>> run)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await run();
            }
            catch (PostgresException e) when (attempt < 5 && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                await Task.Delay(50 * attempt);
            }
        }
    }

    private async Task<(int Count, long LastRid)> RebuildBatchAsync(string resourceType, int batchSize, long afterRid, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Lock first, read after: a resource updated meanwhile is read at its new version (a locking read that joined the
        // version table would drop it), and one deleted meanwhile is left out.
        var locked = new List<long>();
        await using (var select = new NpgsqlCommand("""
            select rid from fhir_resource
            where resource_type = $1 and not deleted and rid > $2
            order by rid limit $3
            for no key update
            """, connection, transaction))
        {
            select.Parameters.Add(new() { Value = resourceType });
            select.Parameters.Add(new() { Value = afterRid });
            select.Parameters.Add(new() { Value = batchSize });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) locked.Add(reader.GetInt64(0));
        }
        if (locked.Count == 0) return (0, afterRid);
        var rows = new List<(long Rid, string Id, string Json)>(locked.Count);
        await using (var read = new NpgsqlCommand("""
            select r.rid, r.id, v.body::text from fhir_resource r
            join fhir_resource_version v on v.resource_type = r.resource_type and v.id = r.id and v.version_id = r.version_id
            where r.rid = any($1) and not r.deleted
            order by r.rid
            """, connection, transaction))
        {
            read.Parameters.Add(new() { Value = locked.ToArray() });
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }
        if (rows.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return (locked.Count, locked[^1]);
        }
        var writes = rows.Select(r => new ResourceWrite(resourceType, r.Id, 0, default, "REINDEX", r.Json, [], [])
        {
            Search = registry.Rows(ElementNodeReader.Read(r.Json, model)),
        }).ToList();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var rids = rows.Select(r => r.Rid).ToArray();
        var delete = new NpgsqlBatchCommand();
        var d = new WriteBatch.Parameters(delete);
        var ridList = d.Add(rids);
        delete.CommandText = $"with {string.Join(",\n", SearchIndexCommands.Tables.Select(t => $"d_{t} as (delete from {t} where rid = any({ridList}::bigint[]))"))}\nselect 1";
        batch.BatchCommands.Add(delete);
        var insert = new NpgsqlBatchCommand();
        var p = new WriteBatch.Parameters(insert);
        var parts = new List<string> { $"k as (select rid, resource_type, id from fhir_resource where rid = any({p.Add(rids)}::bigint[]))" };
        SearchIndexCommands.AddInserts(parts, p, writes);
        insert.CommandText = $"with {string.Join(",\n", parts)}\nselect 1";
        batch.BatchCommands.Add(insert);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (locked.Count, locked[^1]);
    }
}
