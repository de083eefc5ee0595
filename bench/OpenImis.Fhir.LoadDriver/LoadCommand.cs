using System.CommandLine;
using System.CommandLine.Parsing;
using OpenImis.Fhir.LoadDriver.Measurement;

namespace OpenImis.Fhir.LoadDriver;

/// <summary>The command line of the driver (System.CommandLine); the run itself is <see cref="LoadRun"/>.</summary>
internal static class LoadCommand
{
    public static RootCommand Create(TextWriter log)
    {
        var baseUrl = BaseUrlOption();
        var pg = new Option<string>("--pg")
        {
            Description = "Npgsql connection string of the server's database, for the raw PostgreSQL ceiling (raw-* scenarios) and a checkpoint before each scenario.",
            HelpName = "CONNECTION-STRING",
        };
        var duration = new Option<int>("--duration") { Description = "Measured seconds per scenario and concurrency.", HelpName = "SECONDS", DefaultValueFactory = _ => 15 };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up seconds before each measurement.", HelpName = "SECONDS", DefaultValueFactory = _ => 3 };
        var serverWarmup = new Option<int>("--server-warmup")
        {
            Description = "Untimed seconds of creates at 4 clients against each server before the first scenario, so that the server's JIT has compiled its hot paths (a server runs for days).",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 10,
        };
        var clients = IntList("--clients", [1, 4, 16], "Concurrent clients of create and raw-insert.");
        var readClients = IntList("--read-clients", [4, 16], "Concurrent clients of read.");
        var transactionClients = IntList("--transaction-clients", [1, 4], "Concurrent clients of transaction and raw-batch.");
        var scenarios = new Option<string[]>("--scenarios")
        {
            Description = $"Scenarios to run: {string.Join(", ", Scenario.All.Select(s => s.Name))} (comma-separated).",
            HelpName = "NAME,NAME,...",
            DefaultValueFactory = _ => [.. Scenario.All.Select(s => s.Name)],
            CustomParser = ParseScenarios,
        };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for results.json and summary.md.", HelpName = "DIR" };
        var ig = new Option<DirectoryInfo>("--ig") { Description = "The openIMIS IG folder (examples, templates). Default: ig-profiles/ of the repository.", HelpName = "DIR" };
        var noSeed = new Option<bool>("--no-seed") { Description = "Do not PUT the IG examples first (they are already on the server)." };
        var unindexed = new Option<Uri>("--unindexed-base-url")
        {
            Description = "FHIR base of a second server with search indexing off (Fhir__SearchIndexing=false) on its own fresh database: " +
                "runs create-unindexed after each create, and the summary reports what indexing adds to a create.",
            HelpName = "URL",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
                result.AddError($"--unindexed-base-url: '{text}' is not an absolute http(s) URL.");
                return null;
            },
        };
        var compare = new Option<string>("--compare")
        {
            Description = "The second server (--unindexed-base-url) indexes too and differs from the first in TEXT (a setting, a build): " +
                "the summary then says how much more a create costs on the first than on the second, in place of what indexing adds.",
            HelpName = "TEXT",
        };
        var rounds = new Option<int>("--rounds")
        {
            Description = "Runs of raw-insert, create and create-unindexed per client count, in turn. Single runs on a shared machine " +
                "vary by 20% or more; with several, the summary gives what indexing adds as the median of the rounds.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        var dump = new Option<DirectoryInfo>("--dump")
        {
            Description = "Write one of each request body (patient.json, transaction.json, seed.json) into DIR and stop, e.g. to validate them.",
            HelpName = "DIR",
        };

        var root = new RootCommand("""
            Load driver for the openimis-fhir REST server, with the raw PostgreSQL ceiling for the same JSON in the same run.
            Scenarios: create (POST Patient), create-unindexed (the same against a server without search indexing,
            --unindexed-base-url), read (GET Patient/id), transaction (100-entry Bundle of creates), transaction-update
            (100-entry Bundle of PUTs, updating resources each client created first), transaction-update-conditional
            (the same PUTs by identifier: PUT Patient?identifier=...),
            raw-insert (single-row INSERT, autocommit), raw-batch (100-row INSERT per transaction).
            Example: openimis-fhir-load --pg "Host=127.0.0.1;Port=5433;Username=postgres;Database=openimis_fhir" --out bench/results/load
            """)
        {
            baseUrl, pg, duration, warmup, serverWarmup, clients, readClients, transactionClients, scenarios, output, ig, noSeed, dump, unindexed, compare, rounds,
        };
        root.Add(Search.SearchCommand.Create(log));
        root.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new LoadOptions(
                BaseUrl: parseResult.GetValue(baseUrl)!,
                Postgres: parseResult.GetValue(pg),
                Duration: TimeSpan.FromSeconds(parseResult.GetValue(duration)),
                Warmup: TimeSpan.FromSeconds(parseResult.GetValue(warmup)),
                Clients: parseResult.GetValue(clients) ?? [],
                ReadClients: parseResult.GetValue(readClients) ?? [],
                TransactionClients: parseResult.GetValue(transactionClients) ?? [],
                Scenarios: (parseResult.GetValue(scenarios) ?? []).ToHashSet(StringComparer.Ordinal),
                OutDirectory: parseResult.GetValue(output)?.FullName,
                IgDirectory: parseResult.GetValue(ig)?.FullName,
                Seed: !parseResult.GetValue(noSeed),
                DumpDirectory: parseResult.GetValue(dump)?.FullName,
                UnindexedBaseUrl: parseResult.GetValue(unindexed),
                Rounds: parseResult.GetValue(rounds),
                ServerWarmup: TimeSpan.FromSeconds(parseResult.GetValue(serverWarmup)),
                Compare: parseResult.GetValue(compare));
            if (options.Duration <= TimeSpan.Zero || options.Warmup < TimeSpan.Zero || options.ServerWarmup < TimeSpan.Zero || options.Rounds < 1)
            {
                await log.WriteLineAsync("--duration and --rounds must be positive, --warmup and --server-warmup not negative.");
                return 2;
            }
            if (options.Compare is not null && options.UnindexedBaseUrl is null)
            {
                await log.WriteLineAsync("--compare names what the second server (--unindexed-base-url) differs in: give that server too.");
                return 2;
            }
            if (options.DumpDirectory is { } dumpDirectory) return LoadRun.Dump(options, dumpDirectory, log);
            if (options.Postgres is null && options.Scenarios.Any(s => s.StartsWith("raw-", StringComparison.Ordinal)))
            {
                await log.WriteLineAsync("The raw-* scenarios need --pg (the server's database); or leave them out with --scenarios.");
                return 2;
            }
            return await LoadRun.RunAsync(options, log, TimeProvider.System, cancellationToken);
        });
        return root;
    }

    /// <summary><c>--base-url</c>: the FHIR base of the server; also the <c>search</c> command's.</summary>
    public static Option<Uri> BaseUrlOption() => new("--base-url")
    {
        Description = "FHIR base of the server.",
        HelpName = "URL",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:8080/fhir"),
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
            result.AddError($"--base-url: '{text}' is not an absolute http(s) URL.");
            return null;
        },
    };

    private static Option<int[]> IntList(string name, int[] defaults, string description) => new(name)
    {
        Description = $"{description} Comma-separated.",
        HelpName = "N,N,...",
        DefaultValueFactory = _ => defaults,
        CustomParser = result =>
        {
            var values = new List<int>();
            foreach (var part in Split(result))
            {
                if (!int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
                {
                    result.AddError($"{name}: '{part}' is not a positive whole number.");
                    return [];
                }
                values.Add(n);
            }
            return [.. values];
        },
    };

    private static string[] ParseScenarios(ArgumentResult result)
    {
        var names = Split(result).ToArray();
        foreach (var name in names)
        {
            if (Scenario.All.Any(s => s.Name == name)) continue;
            result.AddError($"--scenarios: unknown scenario '{name}'; known: {string.Join(", ", Scenario.All.Select(s => s.Name))}.");
        }
        return names;
    }

    private static IEnumerable<string> Split(ArgumentResult result) =>
        result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
