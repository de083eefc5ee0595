using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Storage.Search.Conditions;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// Runs searches on the index: the criteria become EXISTS conditions on the index tables (each backed by an index),
/// pages are cut by a keyset cursor over the sort keys and the resource's rid (stable while data changes, unlike an
/// offset), <c>_total</c> counts or estimates, and includes follow the reference index.
/// </summary>
public sealed class SearchEngine(FhirStore store, SearchParameterRegistry registry, SearchEnvironment environment)
{
    private const int MaxIncluded = 1000;
    private const int MaxIterations = 3;

    public SearchConditionBuilder Conditions { get; } = new(registry, environment);

    private ChainPage Chains { get; } = new(new SearchConditionBuilder(registry, environment), registry);

    public SearchParameterRegistry Registry { get; } = registry;

    /// <summary>What conditions need from outside storage; the in-memory matcher takes the same.</summary>
    public SearchEnvironment Environment { get; } = environment;

    public Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) => SearchAsync(request, null, cancellationToken);

    /// <param name="transaction">
    /// Null: on the pools, as a search over REST. A transaction: in it, seeing its writes (a search entry of a
    /// transaction Bundle, which runs after the Bundle's writes).
    /// </param>
    public async Task<SearchPage> SearchAsync(SearchRequest request, StoreTransaction? transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var connection = transaction is null ? SearchConnection.Pools(store) : await SearchConnection.InAsync(transaction, cancellationToken);
        var matches = new List<StoredResource>();
        var rids = new List<long>();
        string? next = null;
        if (Chains.Find(request) is { } chain)
        {
            var (afterTarget, afterRid) = ChainCursor(request);
            var rows = await Chains.ReadAsync(connection, request, chain, afterTarget, afterRid, request.Count + 1, cancellationToken);
            foreach (var (resource, rid, _) in rows.Take(request.Count))
            {
                matches.Add(resource);
                rids.Add(rid);
            }
            if (rows.Count > request.Count && request.Count > 0)
            {
                var (_, lastRid, lastTarget) = rows[request.Count - 1];
                next = EncodeKeys(ChainPage.Signature, [lastTarget.ToString(CultureInfo.InvariantCulture), lastRid.ToString(CultureInfo.InvariantCulture)]);
            }
            return await FinishAsync(connection, request, matches, rids, next, cancellationToken);
        }
        var (text, sql, keys) = await PageQueryAsync(connection, request, cancellationToken);
        var sort = SortSignature(request);
        string?[]? lastKeys = null;
        await using (var command = connection.Command(text, sql, prepared: IsKeyLookup(request)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (matches.Count == request.Count)
                {
                    // One row more than the page: there is a next page, which starts after the last row shown.
                    if (lastKeys is not null) next = EncodeKeys(sort, lastKeys);
                    break;
                }
                matches.Add(FhirStore.ReadRow(reader));
                rids.Add(reader.GetInt64(8));
                lastKeys = KeyValues(reader, keys.Count);
            }
        }
        return await FinishAsync(connection, request, matches, rids, next, cancellationToken);
    }

    // The total and the includes of a page.
    private async Task<SearchPage> FinishAsync(SearchConnection connection, SearchRequest request, List<StoredResource> matches, List<long> rids, string? next, CancellationToken cancellationToken)
    {
        long? total = request.Total switch
        {
            SearchTotal.Accurate => await CountAsync(connection, request, cancellationToken),
            SearchTotal.Estimate => await EstimateAsync(connection, request, cancellationToken),
            _ => null,
        };
        var included = request.Includes.Count + request.RevIncludes.Count == 0 || matches.Count == 0
            ? []
            : await IncludeAsync(connection, request, matches, rids, cancellationToken);
        return new SearchPage(matches, included, next, total);
    }

    /// <summary>
    /// The page query of a search, as <see cref="SearchAsync"/> runs it: also what the search bench EXPLAINs
    /// (bench/OpenImis.Fhir.LoadDriver). Columns: <see cref="FhirStore.VersionColumns"/>, then the rid (8), then the
    /// sort keys (9...).
    /// </summary>
    internal Task<(string Text, SqlBuilder Sql, List<(string Expression, bool Descending, string SqlType)> Keys)> PageQueryAsync(SearchRequest request, CancellationToken cancellationToken) =>
        PageQueryAsync(SearchConnection.Pools(store), request, cancellationToken);

    private async Task<(string Text, SqlBuilder Sql, List<(string Expression, bool Descending, string SqlType)> Keys)> PageQueryAsync(SearchConnection connection, SearchRequest request, CancellationToken cancellationToken)
    {
        if (Chains.Find(request) is { } chain)
        {
            // A lone chain through a single-valued reference: its first round (ChainPage), keyed by (target rid, rid).
            var (afterTarget, afterRid) = ChainCursor(request);
            var (chainText, chainSql) = Chains.FirstStatement(request, chain, afterTarget, afterRid);
            return (chainText, chainSql, [("p.target_rid", false, "bigint"), ("p.rid", false, "bigint")]);
        }
        var sql = new SqlBuilder();
        var keys = SortKeys(sql, request);
        var sort = SortSignature(request);
        var cursor = request.Cursor is { } c ? Keyset(sql, keys, DecodeCursor(c, sort, keys.Select(k => k.SqlType).ToList())) : null;
        var limit = sql.Add(request.Count + 1);
        var where = BaseConditions(sql, request);
        var conditions = CriteriaConditions(sql, request, cursor);
        if (keys.Count == 1 && CandidateSet.AllRidOnly(conditions))
        {
            // In rid order (no _sort), the page is cut among the candidate rids (CandidateSet).
            var (driver, fenced) = await ChooseDriverAsync(connection, conditions, sql, cancellationToken);
            where.AddRange(CandidateSet.Rewrite(conditions, limit, driver, fenced));
        }
        else
        {
            where.AddRange(CandidateSet.Rewrite(conditions, null));
        }
        var keyColumns = string.Join(", ", keys.Select((k, i) => $"{k.Expression} as k{i}"));
        var order = string.Join(", ", keys.Select(k => k.Expression + (k.Descending ? " desc" : "") + " nulls last"));
        var pageOrder = string.Join(", ", keys.Select((k, i) => $"p.k{i}" + (k.Descending ? " desc" : "") + " nulls last"));
        var pageKeys = string.Join(", ", keys.Select((_, i) => $"p.k{i}"));
        // The page is cut on the small resource rows first and only its rows fetch their bodies: joined before the
        // limit, PostgreSQL would read the version (and its jsonb) of every match in order to sort them.
        var text = $"""
            select {FhirStore.VersionColumns}, p.rid, {pageKeys}
            from (
                select r.resource_type, r.id, r.version_id, r.rid, {keyColumns}
                from fhir_resource r
                where {string.Join(" and ", where)}
                order by {order}
                limit {limit}
            ) p
            join fhir_resource_version v on v.resource_type = p.resource_type and v.id = p.id and v.version_id = p.version_id
            order by {pageOrder}
            """;
        return (text, sql, keys);
    }

    /// <summary>
    /// The ids of the current resources of a type that match every criterion, as <paramref name="transaction"/> sees
    /// them (its own writes included), at most <paramref name="limit"/>: the matching of conditional operations.
    /// </summary>
    /// <exception cref="SearchException">A criterion the server cannot evaluate.</exception>
    public async Task<IReadOnlyList<string>> MatchIdsAsync(StoreTransaction transaction, string resourceType, IReadOnlyList<SearchCriterion> criteria, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        // A conditional operation acts on one type; criteria of every type would match resources it cannot write.
        if (resourceType == SearchRequest.AnyType) throw new SearchException("Conditional criteria name one resource type", "*");
        var sql = new SqlBuilder();
        var where = Where(sql, new SearchRequest(resourceType, criteria, [], limit, null, SearchTotal.None, [], []));
        return await transaction.ReadStringsAsync($"select r.id from fhir_resource r where {string.Join(" and ", where)} order by r.id limit {sql.Add(limit)}", sql.Parameters, cancellationToken);
    }

    private List<string> Where(SqlBuilder sql, SearchRequest request)
    {
        var where = BaseConditions(sql, request);
        where.AddRange(CandidateSet.Rewrite(CriteriaConditions(sql, request, cursor: null), pageLimit: null));
        return where;
    }

    // Every type of a compartment: its condition names the types. Every type of the server: those of _type, on the
    // column that leads the resource table's indexes; one type as a type search has it (an equality, so that the
    // planner sees the conditions, and picks the plans, of GET [type]).
    private List<string> BaseConditions(SqlBuilder sql, SearchRequest request)
    {
        if (request.ResourceType != SearchRequest.AnyType) return [$"r.resource_type = {sql.Add(request.ResourceType)}", "not r.deleted"];
        if (request.Compartment is not null) return ["not r.deleted"];
        var types = request.Types ?? (OnKeyColumns(request) ? [.. Registry.Indexer.Catalog.ResourceTypes.Order(StringComparer.Ordinal)] : null);
        if (types is null) return ["not r.deleted"];
        return types.Count == 1
            ? [$"r.resource_type = {sql.Add(types[0])}", "not r.deleted"]
            : [$"r.resource_type = any({sql.Add(types.ToArray())})", "not r.deleted"];
    }

    // Without _type, a search by _id or _lastUpdated names every type all the same: the same rows, and then the
    // resource table's indexes on (resource_type, id) and (resource_type, last_updated), which lead with the type,
    // serve it, one probe per type (PostgreSQL 15 has no skip scan). At a million resources, _id=x read every row
    // (126 ms; by type 0.35 ms), and _lastUpdated=gt[minutes ago] walked them in rid order to the last ones written
    // (199 ms; 0.38 ms). Not for other searches: over a read of every row the array costs (_sort=_id: 179 -> 271 ms).
    private static bool OnKeyColumns(SearchRequest request) => request.Criteria.Any(c => c.Name is "_id" or "_lastUpdated");

    /// <param name="cursor">The keyset condition of a page after the first.</param>
    private List<string> CriteriaConditions(SqlBuilder sql, SearchRequest request, string? cursor)
    {
        var conditions = new List<string>();
        if (request.Compartment is { } compartment) conditions.Add(CompartmentCondition.Sql(sql, "r", request.ResourceType, compartment));
        conditions.AddRange(Conditions.BuildAll(sql, "r", request.ResourceType, request.Criteria));
        if (cursor is not null) conditions.Add(cursor);
        return conditions;
    }

    /// <summary>
    /// The index condition with the fewest rows by PostgreSQL's estimate drives a page of several conditions, and is
    /// sorted first when small (<see cref="CandidateSet"/>). The estimates of all candidates cost one round trip of
    /// EXPLAINs of single-table scans. One condition alone, or no estimate to be had: the first drives, unsorted;
    /// except <c>_lastUpdated</c>, which is estimated (and fenced when small) even alone: the time of writing follows
    /// the rid order, and left to itself PostgreSQL walked the rids expecting matches spread evenly (a 2-second range
    /// holding the last 1,000 claims written: 230,000 claims walked, 45 ms; fenced, 1 ms). Other dates are not: fenced
    /// alone, a birth-date range sorted its 10,000 patients first (p99 13 → 46 ms).
    /// </summary>
    private static async Task<(int? Driver, bool Fenced)> ChooseDriverAsync(SearchConnection connection, List<string> conditions, SqlBuilder sql, CancellationToken cancellationToken)
    {
        var drivers = CandidateSet.Drivers(conditions);
        if (drivers.Count == 0 || (conditions.Count < 2 && !drivers.Any(d => IsLastUpdated(d.From)))) return (null, false);
        await using var batch = connection.Batch();
        foreach (var (_, from, where) in drivers)
        {
            var explain = new NpgsqlBatchCommand($"explain (format json) select 1 from {from} where {where}");
            foreach (var parameter in sql.Parameters) explain.Parameters.Add(parameter.Clone());
            batch.BatchCommands.Add(explain);
        }
        var estimates = new List<double>(drivers.Count);
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            do
            {
                if (!await reader.ReadAsync(cancellationToken)) return (null, false);
                using var plan = JsonDocument.Parse(reader.GetString(0));
                estimates.Add(plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble());
            }
            while (await reader.NextResultAsync(cancellationToken));
        }
        catch (NpgsqlException) when (!connection.InTransaction)
        {
            // No estimate: the plain candidate set, still right (a broken connection fails the page query next). In a
            // transaction the failure has aborted it, and is the answer.
            return (null, false);
        }
        var best = estimates.IndexOf(estimates.Min());
        return (drivers[best].Index, estimates[best] <= CandidateSet.FenceRows);
    }

    private static bool IsLastUpdated(string from) => from.StartsWith("fhir_resource ", StringComparison.Ordinal);

    private List<(string Expression, bool Descending, string SqlType)> SortKeys(SqlBuilder sql, SearchRequest request)
    {
        var keys = new List<(string, bool, string)>();
        foreach (var key in request.Sort)
        {
            switch (key.Code)
            {
                case "_id":
                    keys.Add(("r.id", key.Descending, "text"));
                    break;
                case "_lastUpdated":
                    keys.Add(("r.last_updated", key.Descending, "timestamptz"));
                    break;
                default:
                    var handler = Registry.Find(request.ResourceType, key.Code) ?? throw new SearchException($"Unknown search parameter '{key.Code}' for {request.ResourceType} in _sort", "_sort");
                    var sqlType = handler.Definition.Type switch
                    {
                        SearchParameterType.Date => "timestamptz",
                        SearchParameterType.Number or SearchParameterType.Quantity => "numeric",
                        _ => "text",
                    };
                    keys.Add((handler.SortKey(sql, "r", key.Descending), key.Descending, sqlType));
                    break;
            }
        }
        keys.Add(("r.rid", false, "bigint"));
        return keys;
    }

    // Rows after the cursor in the sort order, nulls last: (k0 > v0 or k0 is null or (k0 = v0 and (...))), rid last.
    private static string Keyset(SqlBuilder sql, List<(string Expression, bool Descending, string SqlType)> keys, string?[] values)
    {
        string Condition(int i)
        {
            var (expression, descending, sqlType) = keys[i];
            if (i == keys.Count - 1) return $"{expression} > {sql.Add(values[i])}::{sqlType}";
            if (values[i] is null) return $"({expression} is null and {Condition(i + 1)})";
            var value = $"{sql.Add(values[i])}::{sqlType}";
            return $"({expression} {(descending ? "<" : ">")} {value} or {expression} is null or ({expression} = {value} and {Condition(i + 1)}))";
        }
        return Condition(0);
    }

    private static string?[] KeyValues(NpgsqlDataReader reader, int count)
    {
        var values = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var ordinal = 9 + i;
            values[i] = reader.IsDBNull(ordinal) ? null : reader.GetValue(ordinal) switch
            {
                DateTime time => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                DateTimeOffset time => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };
        }
        return values;
    }

    private static (long? Target, long? Rid) ChainCursor(SearchRequest request)
    {
        if (request.Cursor is not { } cursor) return (null, null);
        var values = DecodeCursor(cursor, ChainPage.Signature, ["bigint", "bigint"]);
        if (values[0] is null) throw new SearchException("The paging cursor is not one this search gave (was the search changed?)", "_cursor");
        return (long.Parse(values[0]!, CultureInfo.InvariantCulture), long.Parse(values[1]!, CultureInfo.InvariantCulture));
    }

    // A cursor holds the sort it was cut for: the key values of another sort would be compared as if they were its own.
    private static string SortSignature(SearchRequest request) => string.Join(',', request.Sort.Select(k => (k.Descending ? "-" : "") + k.Code));

    private static string EncodeKeys(string sort, string?[] values) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes((string?[])[sort, .. values])).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string?[] DecodeCursor(string cursor, string sort, List<string> sqlTypes)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var values = JsonSerializer.Deserialize<string?[]>(Convert.FromBase64String(base64));
            if (values is null || values.Length != sqlTypes.Count + 1 || values[0] != sort || values[^1] is null) throw new FormatException();
            values = values[1..];
            for (var i = 0; i < values.Length; i++)
            {
                if (values[i] is { } value && !Readable(value, sqlTypes[i])) throw new FormatException();
            }
            return values;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new SearchException("The paging cursor is not one this search gave (was the search changed?)", "_cursor");
        }
    }

    // A key value the database can cast to its type (a tampered cursor would otherwise fail in the query): in the
    // form this server writes (an instant in the round-trip format; "10:00" parses in .NET, not in PostgreSQL).
    private static bool Readable(string value, string sqlType) => sqlType switch
    {
        "timestamptz" => DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
        "numeric" => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        "bigint" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        _ => !value.Contains('\0', StringComparison.Ordinal),
    };

    private async Task<long> CountAsync(SearchConnection connection, SearchRequest request, CancellationToken cancellationToken)
    {
        var (text, sql) = CountQuery(request);
        await using var command = connection.Command(text, sql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The count of <c>_total=accurate</c>, as <see cref="SearchAsync"/> runs it (and the search bench EXPLAINs).</summary>
    internal (string Text, SqlBuilder Sql) CountQuery(SearchRequest request)
    {
        var sql = new SqlBuilder();
        var where = Where(sql, request);
        return ($"select count(*) from fhir_resource r where {string.Join(" and ", where)}", sql);
    }

    private async Task<long> EstimateAsync(SearchConnection connection, SearchRequest request, CancellationToken cancellationToken)
    {
        var sql = new SqlBuilder();
        var where = Where(sql, request);
        await using var command = connection.Command($"explain (format json) select 1 from fhir_resource r where {string.Join(" and ", where)}", sql);
        var plan = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        using var document = JsonDocument.Parse(plan);
        return (long)document.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
    }

    private static async Task<List<StoredResource>> IncludeAsync(SearchConnection connection, SearchRequest request, List<StoredResource> matches, List<long> rids, CancellationToken cancellationToken)
    {
        var seen = new HashSet<(string, string)>(matches.Select(m => (m.ResourceType, m.Id)));
        var included = new List<StoredResource>();
        var frontier = matches.Select((m, i) => (m.ResourceType, m.Id, Rid: rids[i])).ToList();
        for (var round = 0; round < MaxIterations && frontier.Count > 0 && included.Count < MaxIncluded; round++)
        {
            var found = new List<(string, string, long)>();
            foreach (var include in request.Includes.Where(i => round == 0 || i.Iterate))
            {
                var sources = frontier.Where(f => f.ResourceType == include.SourceType).Select(f => f.Rid).ToArray();
                if (sources.Length == 0) continue;
                var (text, sql) = IncludeQuery(include, sources);
                await ReadIncludedAsync(connection, text, sql, seen, included, found, cancellationToken);
            }
            foreach (var include in request.RevIncludes.Where(i => round == 0 || i.Iterate))
            {
                foreach (var group in frontier.GroupBy(f => f.ResourceType))
                {
                    var (text, sql) = RevIncludeQuery(include, group.Key, group.Select(g => g.Id).ToArray());
                    await ReadIncludedAsync(connection, text, sql, seen, included, found, cancellationToken);
                }
            }
            frontier = found;
        }
        return included;
    }

    /// <summary>One <c>_include</c> from the resources of rid <paramref name="sources"/>; columns as the page query's, rid at 8.</summary>
    internal static (string Text, SqlBuilder Sql) IncludeQuery(IncludeRequest include, long[] sources)
    {
        ArgumentNullException.ThrowIfNull(include);
        var sql = new SqlBuilder();
        var code = include.Code == "*" ? "" : $" and x.code = {sql.Add(include.Code)}";
        var target = include.TargetType is null ? "" : $" and t.resource_type = {sql.Add(include.TargetType)}";
        return ($"""
            select {FhirStore.VersionColumns}, t.rid from search_reference x
            join fhir_resource t on t.resource_type = x.target_type and t.id = x.target_id
            join fhir_resource_version v on v.resource_type = t.resource_type and v.id = t.id and v.version_id = t.version_id
            where x.rid = any({sql.Add(sources)}) and x.resource_type = {sql.Add(include.SourceType)}{code}{target} and not t.deleted
            limit {MaxIncluded}
            """, sql);
    }

    /// <summary>One <c>_revinclude</c> of the resources <paramref name="targetIds"/> of <paramref name="targetType"/>.</summary>
    internal static (string Text, SqlBuilder Sql) RevIncludeQuery(IncludeRequest include, string targetType, string[] targetIds)
    {
        ArgumentNullException.ThrowIfNull(include);
        var sql = new SqlBuilder();
        var code = include.Code == "*" ? "" : $" and x.code = {sql.Add(include.Code)}";
        return ($"""
            select {FhirStore.VersionColumns}, s.rid from search_reference x
            join fhir_resource s on s.rid = x.rid
            join fhir_resource_version v on v.resource_type = s.resource_type and v.id = s.id and v.version_id = s.version_id
            where x.target_type = {sql.Add(targetType)} and x.target_id = any({sql.Add(targetIds)})
              and x.resource_type = {sql.Add(include.SourceType)}{code} and not s.deleted
            limit {MaxIncluded}
            """, sql);
    }

    private static async Task ReadIncludedAsync(SearchConnection connection, string text, SqlBuilder sql, HashSet<(string, string)> seen, List<StoredResource> included, List<(string, string, long)> found, CancellationToken cancellationToken)
    {
        // Includes follow rids and ids: one plan fits every value.
        await using var command = connection.Command(text, sql, prepared: true);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var resource = FhirStore.ReadRow(reader);
            if (!seen.Add((resource.ResourceType, resource.Id))) continue;
            included.Add(resource);
            found.Add((resource.ResourceType, resource.Id, reader.GetInt64(8)));
        }
    }

    // A search by _id or by an identifier's value has one good plan whatever the value (a key lookup), so it is
    // prepared once and spared the planning (0.3-0.6 ms at a million resources); any other search is planned for its
    // values. A system alone (identifier=system|) matches every resource that has one: not a key.
    private static bool IsKeyLookup(SearchRequest request) =>
        request.Criteria.Count > 0 && request.Compartment is null &&
        request.Criteria.All(c => c.Name == "_id" || (c.Name is "identifier" or "identifier:of-type" && c.Values.All(v => !v.EndsWith('|'))));
}
