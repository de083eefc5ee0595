using System.CommandLine;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>The <c>search</c> command of the driver: the search latency catalogue (<see cref="SearchRun"/>).</summary>
internal static class SearchCommand
{
    public static Command Create(TextWriter log)
    {
        var baseUrl = LoadCommand.BaseUrlOption();
        var pg = new Option<string>("--pg")
        {
            Description = "Npgsql connection string of the server's database: the values are drawn from it and the searches EXPLAINed on it. Required.",
            HelpName = "CONNECTION-STRING",
            Required = true,
        };
        var requests = Positive("--requests", 200, "Measured searches per shape (split between the clients).");
        var warmup = new Option<int>("--warmup") { Description = "Unmeasured searches per client of each shape, in the warm-up pass over every shape and again before the shape's measured ones.", HelpName = "N", DefaultValueFactory = _ => 100 };
        var clients = Positive("--clients", 1, "Concurrent clients, each with one search in flight.");
        var seed = new Option<int>("--seed") { Description = "Seed of the sample and of the drawn values: the same seed and data give the same searches.", HelpName = "N", DefaultValueFactory = _ => 1 };
        var sample = Positive("--sample", 500, "Resources sampled per type to draw values from.");
        var explain = new Option<int>("--explain") { Description = "Drawn searches EXPLAINed per shape (0: none).", HelpName = "N", DefaultValueFactory = _ => 3 };
        var shapes = new Option<string[]>("--shapes")
        {
            Description = "Shapes to run (comma-separated); default all, in catalogue order.",
            HelpName = "NAME,NAME,...",
            DefaultValueFactory = _ => [.. ShapeCatalogue.All.Select(s => s.Name)],
            CustomParser = result =>
            {
                var names = result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
                foreach (var name in names.Where(n => ShapeCatalogue.All.All(s => s.Name != n))) result.AddError($"--shapes: unknown shape '{name}'.");
                return names;
            },
        };
        var output = new Option<DirectoryInfo>("--out") { Description = "Write results.json and summary.md into DIR (else print the summary).", HelpName = "DIR" };
        var command = new Command("search", """
            The search latency catalogue (issue 5): for each query shape, values drawn at random (seeded) from the loaded data,
            a warm-up, then --requests searches; p50/p95/p99, mean hits, errors (HTTP errors and wrong answers) against the
            shape's target, and the EXPLAIN (ANALYZE, BUFFERS) of the SQL the server's search engine builds for it.
            Example: openimis-fhir-load search --pg "Host=127.0.0.1;Port=5433;Username=postgres;Database=openimis_fhir" --out bench/results/search
            """)
        {
            baseUrl, pg, requests, warmup, clients, seed, sample, explain, shapes, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new SearchOptions(
                BaseUrl: parseResult.GetValue(baseUrl)!,
                Postgres: parseResult.GetValue(pg)!,
                Requests: parseResult.GetValue(requests),
                Warmup: parseResult.GetValue(warmup),
                Clients: parseResult.GetValue(clients),
                Seed: parseResult.GetValue(seed),
                SamplePerType: parseResult.GetValue(sample),
                ExplainSamples: parseResult.GetValue(explain),
                Shapes: (parseResult.GetValue(shapes) ?? []).ToHashSet(StringComparer.Ordinal),
                OutDirectory: parseResult.GetValue(output)?.FullName);
            if (options.Warmup < 0 || options.ExplainSamples < 0)
            {
                await log.WriteLineAsync("--warmup and --explain must not be negative.");
                return 2;
            }
            return await SearchRun.RunAsync(options, log, TimeProvider.System, cancellationToken);
        });
        return command;
    }

    private static Option<int> Positive(string name, int value, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => value,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<int>() < 1) result.AddError($"{name} must be a positive whole number.");
            },
        },
    };
}
