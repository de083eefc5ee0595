using Npgsql;
using OpenImis.Fhir.LoadDriver.Http;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// EXPLAINs the statements the server runs for one drawn search: the SQL comes from the server's own
/// <see cref="SearchEngine"/> (the page query, the count for <c>_total=accurate</c>, the first round of each include),
/// run with <c>EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)</c> on the server's database. The same search is also sent
/// over HTTP: the matches it answers must be the rows the page plan gave (at most a page), which shows the SQL
/// explained is the SQL served.
/// </summary>
internal sealed class ShapeExplainer(SearchEngine engine, NpgsqlDataSource database, HttpClient client, Uri baseUrl, int defaultPageSize, int maxPageSize)
{
    private const string Explain = "explain (analyze, buffers, format json) ";

    public async Task<QueryExplain> ExplainAsync(DrawnQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = SearchRequestReader.Read(engine, query, defaultPageSize, maxPageSize);
        var served = await ServedMatchesAsync(query, cancellationToken);
        var plans = new List<StatementPlan>();
        var (pageText, pageSql, _) = await engine.PageQueryAsync(request, cancellationToken);
        var page = await ExplainAsync("page", pageText, pageSql, cancellationToken);
        plans.Add(page);
        if (request.Total == SearchTotal.Accurate)
        {
            var (countText, countSql) = engine.CountQuery(request);
            plans.Add(await ExplainAsync("count", countText, countSql, cancellationToken));
        }
        if (request.Includes.Count + request.RevIncludes.Count > 0)
        {
            var rows = await PageRowsAsync(pageText, pageSql, request.Count, cancellationToken);
            foreach (var include in request.Includes)
            {
                var sources = rows.Where(r => r.Type == include.SourceType).Select(r => r.Rid).ToArray();
                if (sources.Length == 0) continue;
                var (text, sql) = SearchEngine.IncludeQuery(include, sources);
                plans.Add(await ExplainAsync($"_include {include.SourceType}:{include.Code}", text, sql, cancellationToken));
            }
            foreach (var include in request.RevIncludes)
            {
                foreach (var group in rows.GroupBy(r => r.Type))
                {
                    var (text, sql) = SearchEngine.RevIncludeQuery(include, group.Key, [.. group.Select(r => r.Id)]);
                    plans.Add(await ExplainAsync($"_revinclude {include.SourceType}:{include.Code}", text, sql, cancellationToken));
                }
            }
        }
        var planned = (int)Math.Min(page.TopRows, request.Count);
        return new QueryExplain(query.PathAndQuery, served, planned, served == planned, plans);
    }

    private async Task<int?> ServedMatchesAsync(DrawnQuery query, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + query.PathAndQuery));
        var buffer = new ResponseBuffer();
        var (response, length) = await FhirHttp.SendAsync(client, request, buffer, cancellationToken);
        using (response)
        {
            return response.IsSuccessStatusCode ? SearchAnswer.Read(buffer.Span(length), query).Matches : null;
        }
    }

    private async Task<StatementPlan> ExplainAsync(string statement, string text, SqlBuilder sql, CancellationToken cancellationToken)
    {
        await using var command = Command(Explain + text, sql);
        var json = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        return PlanInspector.Read(statement, json);
    }

    // The page's resources as the engine reads them, for the include statements that start from them.
    private async Task<List<(string Type, string Id, long Rid)>> PageRowsAsync(string text, SqlBuilder sql, int count, CancellationToken cancellationToken)
    {
        await using var command = Command(text, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(string, string, long)>();
        while (rows.Count < count && await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(8)));
        return rows;
    }

    // Copies of the parameters: a parameter belongs to one command only, and the page query runs twice.
    private NpgsqlCommand Command(string text, SqlBuilder sql)
    {
        var command = database.CreateCommand(text);
        foreach (var parameter in sql.Parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter.Value });
        return command;
    }
}
