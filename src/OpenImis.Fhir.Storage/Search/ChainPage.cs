using Npgsql;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// The pages of a search whose one criterion is a chain through a reference a resource holds at most once
/// (<c>Claim?patient.name=x</c>: a claim has one patient). Its matches are ordered by their target's rid, then their own
/// (no <c>_sort</c> leaves the order to the server), so a page is read target by target in rid order and stops once
/// it is full. In rid order of the claims, the first page needed every matching target: the 4,800 patients of a common
/// family name, two index probes each (70 ms at a million resources).
/// <para>
/// The targets are taken in batches (128, then four times more each round) from the candidate set of the chained
/// criterion, sorted by rid; each round is one round trip that also says how many targets the batch held. A batch
/// bounds the work whatever plan PostgreSQL picks: left to one query over every target, it sometimes joined them all
/// before sorting.
/// </para>
/// </summary>
internal sealed class ChainPage(SearchConditionBuilder conditions, SearchParameterRegistry registry)
{
    /// <summary>Sort signature of the cursors of these pages: (target rid, rid).</summary>
    public const string Signature = "chain";

    private const int FirstBatch = 128;

    /// <summary>The chain of the request when its pages can be read target by target; null otherwise.</summary>
    public (string Code, string TargetType, SearchCriterion Inner)? Find(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Sort.Count > 0 || request.Compartment is not null || request.Criteria.Count != 1) return null;
        var criterion = request.Criteria[0];
        var dot = criterion.Name.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || criterion.Name.StartsWith('_')) return null;
        var head = criterion.Name[..dot];
        var colon = head.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? head : head[..colon];
        if (registry.Find(request.ResourceType, code) is not { Definition.Type: SearchParameterType.Reference, IsIndexed: true, IsSingleValued: true } handler) return null;
        var target = colon < 0 ? (handler.Definition.Target.Count == 1 ? handler.Definition.Target[0] : null) : head[(colon + 1)..];
        if (target is null || !handler.Definition.Target.Contains(target)) return null;
        var inner = new SearchCriterion(criterion.Name[(dot + 1)..], criterion.Values);
        try
        {
            // Only a criterion that is an index condition on the target's rid can be the sorted candidate set.
            var condition = conditions.Build(new SqlBuilder(), "r", target, inner);
            return CandidateSet.Parse(condition) is null || !CandidateSet.AllRidOnly([condition]) ? null : (code, target, inner);
        }
        catch (SearchException)
        {
            return null; // the regular path reports it
        }
    }

    /// <summary>The page: up to <paramref name="limit"/> matches after (<paramref name="afterTarget"/>, <paramref name="afterRid"/>), in order.</summary>
    /// <returns>Each row's resource, its rid and its target's rid.</returns>
    public async Task<List<(StoredResource Resource, long Rid, long TargetRid)>> ReadAsync(
        SearchConnection connection, SearchRequest request, (string Code, string TargetType, SearchCriterion Inner) chain,
        long? afterTarget, long? afterRid, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rows = new List<(StoredResource, long, long)>();
        var batch = FirstBatch;
        while (rows.Count < limit)
        {
            var (count, last) = await ReadBatchAsync(connection, request, chain, afterTarget, afterRid, batch, limit - rows.Count, rows, cancellationToken);
            if (rows.Count >= limit || count < batch || last is null) break;
            // Every match of the batch's targets is read: go on after its last target.
            (afterTarget, afterRid) = (last, long.MaxValue);
            batch *= 4;
        }
        return rows;
    }

    private async Task<(long Count, long? Last)> ReadBatchAsync(
        SearchConnection connection, SearchRequest request, (string Code, string TargetType, SearchCriterion Inner) chain,
        long? afterTarget, long? afterRid, int batch, int limit, List<(StoredResource, long, long)> rows, CancellationToken cancellationToken)
    {
        var (text, sql) = Statement(request, chain, afterTarget, afterRid, batch, limit);
        long count = 0;
        long? last = null;
        var any = false;
        await using (var command = connection.Command(text, sql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                any = true;
                rows.Add((FhirStore.ReadRow(reader), reader.GetInt64(8), reader.GetInt64(9)));
                count = reader.GetInt64(10);
                last = reader.GetInt64(11);
            }
        }
        if (any) return (count, last);
        // No match among the batch's targets: how many there were says whether to go on.
        var targets = new SqlBuilder();
        await using var stats = connection.Command($"select count(*), max(rid) from ({Targets(targets, chain, afterTarget, batch)}) c", targets);
        await using var statsReader = await stats.ExecuteReaderAsync(cancellationToken);
        await statsReader.ReadAsync(cancellationToken);
        return (statsReader.GetInt64(0), statsReader.IsDBNull(1) ? null : statsReader.GetInt64(1));
    }

    /// <summary>
    /// One batch: the matches of up to <paramref name="batch"/> targets after the cursor, in (target rid, rid) order,
    /// at most <paramref name="limit"/>. Columns: <see cref="FhirStore.VersionColumns"/>, the rid (8), the target's rid
    /// (9), the batch's count of targets (10) and its last target's rid (11). Also what the search bench EXPLAINs.
    /// </summary>
    internal (string Text, SqlBuilder Sql) Statement(SearchRequest request, (string Code, string TargetType, SearchCriterion Inner) chain,
        long? afterTarget, long? afterRid, int batch, int limit)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sql = new SqlBuilder();
        var targets = Targets(sql, chain, afterTarget, batch);
        var after = afterTarget is { } at ? $"where (c.rid > {sql.Add(at)}::bigint or (c.rid = {sql.Add(at)}::bigint and r.rid > {sql.Add(afterRid ?? long.MaxValue)}::bigint))" : "";
        var type = sql.Add(request.ResourceType);
        var text = $"""
            with c as materialized ({targets})
            select {FhirStore.VersionColumns}, p.rid, p.target_rid, s.n, s.last
            from (
                select r.resource_type, r.id, r.version_id, r.rid, c.rid as target_rid
                from c
                join search_reference x on x.resource_type = {type} and x.code = {sql.Add(chain.Code)} and x.target_type = {sql.Add(chain.TargetType)} and x.target_id = c.id
                join fhir_resource r on r.resource_type = {type} and r.rid = x.rid and not r.deleted
                {after}
                order by c.rid, r.rid
                limit {sql.Add(limit)}
            ) p
            cross join (select count(*) as n, max(rid) as last from c) s
            join fhir_resource_version v on v.resource_type = p.resource_type and v.id = p.id and v.version_id = p.version_id
            order by p.target_rid, p.rid
            """;
        return (text, sql);
    }

    /// <summary>The first round's statement of a search (the bench EXPLAINs it).</summary>
    internal (string Text, SqlBuilder Sql) FirstStatement(SearchRequest request, (string Code, string TargetType, SearchCriterion Inner) chain, long? afterTarget, long? afterRid) =>
        Statement(request, chain, afterTarget, afterRid, FirstBatch, request.Count + 1);

    // The batch's targets in rid order: the candidates of the chained criterion, sorted apart (offset 0) so that the
    // limit applies to them, then their current rows.
    private string Targets(SqlBuilder sql, (string Code, string TargetType, SearchCriterion Inner) chain, long? afterTarget, int batch)
    {
        var (from, alias, where) = CandidateSet.Parse(conditions.Build(sql, "r", chain.TargetType, chain.Inner))!.Value;
        var candidates = $"select distinct {alias}.rid from {from} where {CandidateSet.OnRid(where, "r", alias + ".rid")}" +
            (afterTarget is { } t ? $" and {alias}.rid >= {sql.Add(t)}::bigint" : "");
        return $"""
            select t.rid, t.id from ({candidates} order by 1 offset 0) d
            join fhir_resource t on t.resource_type = {sql.Add(chain.TargetType)} and t.rid = d.rid and not t.deleted
            order by t.rid limit {sql.Add(batch)}
            """;
    }
}
