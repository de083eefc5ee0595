using OpenImis.Fhir.LoadDriver.Results;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Npgsql;
using OpenImis.Fhir.Application;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.LoadDriver.Http;
using OpenImis.Fhir.Storage;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// One run of the search catalogue: sample the loaded data, then per shape draw its searches, send them (warm-up,
/// then measured), and EXPLAIN the first few; write results.json and summary.md. Exit code 1 when a search failed or
/// answered wrong, an explained search's SQL gave other rows than the server served, or no shape could be measured.
/// </summary>
internal static class SearchRun
{
    public static async Task<int> RunAsync(SearchOptions options, TextWriter log, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var startedAt = time.GetUtcNow();
        await using var database = NpgsqlDataSource.Create(options.Postgres);
        var resources = await CountResourcesAsync(database, cancellationToken);
        await log.WriteLineAsync($"Search catalogue on {resources.Values.Sum():N0} resources; sampling up to {options.SamplePerType:N0} per type (seed {options.Seed}).");
        var data = await SampleLoader.LoadAsync(database, options.Seed, options.SamplePerType, cancellationToken);
        using var client = FhirHttp.CreateClient(options.Clients + 1, TimeSpan.FromSeconds(120));
        var serverDefaults = new FhirServerOptions();
        var explainer = options.ExplainSamples == 0 ? null : new ShapeExplainer(CreateEngine(database), database, client, options.BaseUrl, serverDefaults.DefaultPageSize, serverDefaults.MaxPageSize);

        var drawn = new Dictionary<string, IReadOnlyList<ClientQueries>?>(StringComparer.Ordinal);
        for (var index = 0; index < ShapeCatalogue.All.Count; index++)
        {
            var shape = ShapeCatalogue.All[index];
            if (options.Shapes.Contains(shape.Name)) drawn[shape.Name] = ClientQueries.Draw(shape, index, data, options.Seed, options.Clients, options.Warmup, options.Requests);
        }
        // A pass of every shape's warm-up searches before any is measured: on a server just started, the first shapes
        // measured otherwise pay for compiling the code paths every search shares (a p99 of 6-10 ms for 1 ms lookups).
        var warmups = 0;
        foreach (var (name, queries) in drawn)
        {
            if (queries is null) continue;
            await ShapeRunner.RunAsync(client, options.BaseUrl, name, [.. queries.Select(q => q with { Measured = [] })], log, cancellationToken);
            warmups += queries.Sum(q => q.Warmup.Count);
        }
        await log.WriteLineAsync($"Warm-up pass: {warmups:N0} searches over {drawn.Count} shapes.");

        var results = new List<ShapeResult>();
        for (var index = 0; index < ShapeCatalogue.All.Count; index++)
        {
            var shape = ShapeCatalogue.All[index];
            if (!options.Shapes.Contains(shape.Name)) continue;
            var queries = drawn[shape.Name];
            if (queries is null)
            {
                await log.WriteLineAsync($"{shape.Name,-34} skipped: the sample has nothing to draw its values from");
                results.Add(new ShapeResult(shape.Name, shape.Template, shape.Target.Name, shape.Target.P99Ms, null, "no data", 0, 0, Measurement.LatencySummary.Empty, 0, 0, [], []));
                continue;
            }
            var measured = await ShapeRunner.RunAsync(client, options.BaseUrl, shape.Name, queries, log, cancellationToken);
            var errors = measured.Errors;
            var errorSamples = measured.ErrorSamples.ToList();
            var explains = new List<QueryExplain>();
            if (explainer is not null)
            {
                foreach (var query in queries[0].Measured.DistinctBy(q => q.PathAndQuery).Take(options.ExplainSamples))
                {
                    try
                    {
                        explains.Add(await explainer.ExplainAsync(query, cancellationToken));
                    }
                    catch (Exception e) when (e is ArgumentException or NpgsqlException or HttpRequestException or SearchException)
                    {
                        errors++;
                        errorSamples.Add($"EXPLAIN of {query.PathAndQuery}: {e.Message}");
                        await log.WriteLineAsync($"  {shape.Name}: EXPLAIN of {query.PathAndQuery} failed: {e.Message}");
                    }
                }
            }
            var result = new ShapeResult(shape.Name, shape.Template, shape.Target.Name, shape.Target.P99Ms, queries[0].Measured.FirstOrDefault()?.PathAndQuery, null,
                measured.Requests, errors, measured.Latency, measured.MeanMatches, measured.MeanIncluded, errorSamples, explains);
            results.Add(result);
            var seq = explains.SelectMany(e => e.Statements).SelectMany(s => s.SeqScansOnLargeTables).Distinct(StringComparer.Ordinal).ToList();
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{shape.Name,-34} p50 {result.Latency.P50Ms,7:0.00} p95 {result.Latency.P95Ms,7:0.00} p99 {result.Latency.P99Ms,7:0.00} ms  hits {result.MeanMatches,6:0.#}  errors {result.Errors}" +
                $"{(seq.Count > 0 ? "  seq scan: " + string.Join(",", seq) : "")}{(result.ExplainAgrees == false ? "  EXPLAIN rows differ" : "")}"));
        }

        var run = new SearchRunResult(
            StartedAt: startedAt,
            CommandLine: Environment.CommandLine,
            ProcessorCount: Environment.ProcessorCount,
            OperatingSystem: RuntimeInformation.OSDescription,
            Framework: RuntimeInformation.FrameworkDescription,
            BaseUrl: options.BaseUrl.AbsoluteUri,
            Postgres: new NpgsqlConnectionStringBuilder(options.Postgres) { Password = null }.ConnectionString,
            Seed: options.Seed,
            Clients: options.Clients,
            WarmupPerClient: options.Warmup,
            RequestsPerShape: options.Requests,
            ResourcesByType: resources,
            SampledByType: data.Counts,
            Shapes: results);
        await RunOutput.WriteAsync(run, SearchSummaryWriter.Write(run), options.OutDirectory, log, cancellationToken);
        // Nothing measured (an empty database) is a failed run too, not a clean one.
        return results.Any(r => r.Errors > 0 || r.ExplainAgrees == false) || results.All(r => r.Skipped is not null) ? 1 : 0;
    }

    // The engine the server builds (src/OpenImis.Fhir.Server/Hosting/FhirServerHost.cs), on the same database. No
    // ValueSet expansion: no shape uses :in.
    internal static SearchEngine CreateEngine(NpgsqlDataSource database)
    {
        var registry = new SearchParameterRegistry(new SearchIndexer(SearchParameterCatalog.ForR4(), new FhirPathEngine(FhirModel.R4)));
        return new SearchEngine(new FhirStore(database), registry, new SearchEnvironment(FhirModel.R4.IsResourceType, _ => null));
    }

    private static async Task<Dictionary<string, long>> CountResourcesAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select resource_type, count(*) from fhir_resource where not deleted group by resource_type");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }
}
