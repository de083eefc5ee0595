using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Npgsql;
using OpenImis.Fhir.LoadDriver.Http;
using OpenImis.Fhir.LoadDriver.Measurement;
using OpenImis.Fhir.LoadDriver.Postgres;
using OpenImis.Fhir.LoadDriver.Results;
using OpenImis.Fhir.LoadDriver.Workload;

namespace OpenImis.Fhir.LoadDriver;

/// <summary>
/// One run: seed, then each server scenario right after its raw PostgreSQL ceiling at the same concurrency, so the two
/// see the same database state (size, cache, checkpoint just done). Order: raw-insert/create per client count, reads,
/// raw-batch/transaction per client count. create-unindexed (a second server, search indexing off) runs right after create;
/// with --rounds N, raw-insert, create and create-unindexed run N times in turn per client count.
/// </summary>
internal static class LoadRun
{
    /// <summary>Reads need this many Patients at least; made (untimed) when the create scenario left fewer.</summary>
    private const int MinimumReadIds = 1_000;

    public static async Task<int> RunAsync(LoadOptions options, TextWriter log, TimeProvider time, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var examples = IgExamples.Load(IgExamples.FindDirectory(options.IgDirectory));
        var workload = OpenImisWorkload.Build(examples);
        var codes = new UniqueCodes(new Random());
        var created = new CreatedIds();
        var results = new List<ScenarioResult>();
        var serverScenarios = Scenario.All.Where(s => s.Target == Scenario.Server && options.Runs(s)).ToList();
        using var client = FhirHttp.CreateClient(options.MaxClients, TimeSpan.FromSeconds(120));
        await using var dataSource = options.Postgres is null ? null : OpenDataSource(options.Postgres, options.MaxClients);
        var checkpoints = dataSource is not null;

        await log.WriteLineAsync($"Load run: {options.Warmup.TotalSeconds:0.#} s warm-up + {options.Duration.TotalSeconds:0.#} s per scenario; " +
            $"Patient {workload.Patient.Length:N0} bytes, Bundle {workload.Transaction.Length:N0} bytes ({OpenImisWorkload.BundleEntries} entries).");
        var seeded = 0;
        if (serverScenarios.Count > 0 && options.Seed)
        {
            seeded = await Seeder.SeedAsync(client, options.BaseUrl, examples, workload.SampleBodies(codes), log, cancellationToken);
            if (options.Runs(Scenario.CreateUnindexed))
            {
                await log.WriteLineAsync($"Seeding the server without search indexing, {options.UnindexedBaseUrl}:");
                await Seeder.SeedAsync(client, options.UnindexedBaseUrl!, examples, workload.SampleBodies(codes), log, cancellationToken);
            }
        }
        if (dataSource is not null && (options.Runs(Scenario.RawInsert) || options.Runs(Scenario.RawBatch))) await RawTable.ResetAsync(dataSource, cancellationToken);
        if (serverScenarios.Count > 0 && options.ServerWarmup > TimeSpan.Zero)
        {
            // Untimed: a fresh server spends its first seconds compiling (at 1 client, 585 creates/s in the first 10 s
            // against about 740/s after), which would otherwise land in the first scenario measured.
            await log.WriteLineAsync($"Server warm-up: {options.ServerWarmup.TotalSeconds:0.#} s of creates at 4 clients per server (untimed).");
            var servers = options.Runs(Scenario.CreateUnindexed) ? new[] { options.BaseUrl, options.UnindexedBaseUrl! } : [options.BaseUrl];
            foreach (var baseUrl in servers)
            {
                await ScenarioRunner.RunAsync(Scenario.Create, 4, (_, _) => ValueTask.FromResult<ILoadWorker>(new CreateWorker(client, baseUrl, workload.Patient, codes, created: null)),
                    options.ServerWarmup, TimeSpan.FromMilliseconds(1), TextWriter.Null, cancellationToken);
            }
        }

        async Task Run(Scenario scenario, int clients, Func<int, CancellationToken, ValueTask<ILoadWorker>> createWorker)
        {
            if (!options.Runs(scenario)) return;
            if (checkpoints && !await RawTable.CheckpointAsync(dataSource!, cancellationToken))
            {
                checkpoints = false;
                await log.WriteLineAsync("  (no CHECKPOINT before scenarios: the --pg user may not run it)");
            }
            var result = await ScenarioRunner.RunAsync(scenario, clients, createWorker, options.Warmup, options.Duration, log, cancellationToken);
            results.Add(result);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name,-12} {clients,3} clients: {result.RequestsPerSecond,10:N1} req/s {result.ResourcesPerSecond,10:N1} resources/s   " +
                $"p50 {result.Latency.P50Ms,8:N2} ms  p99 {result.Latency.P99Ms,8:N2} ms  errors {result.Errors}{(result.Aborted ? " (aborted)" : "")}"));
        }

        foreach (var clients in options.Clients)
        {
            for (var round = 0; round < options.Rounds; round++)
            {
                await Run(Scenario.RawInsert, clients, (_, ct) => RawInsertWorker.OpenAsync(dataSource!, workload.Patient, codes, time, ct));
                await Run(Scenario.Create, clients, (_, _) => ValueTask.FromResult<ILoadWorker>(new CreateWorker(client, options.BaseUrl, workload.Patient, codes, created)));
                await Run(Scenario.CreateUnindexed, clients, (_, _) => ValueTask.FromResult<ILoadWorker>(new CreateWorker(client, options.UnindexedBaseUrl!, workload.Patient, codes, created: null)));
            }
        }
        if (options.Runs(Scenario.Read) && options.ReadClients.Count > 0)
        {
            await EnsureReadIdsAsync(client, options.BaseUrl, workload.Patient, codes, created, log, cancellationToken);
            var uris = created.ToArray().Select(id => new Uri($"{options.BaseUrl.AbsoluteUri.TrimEnd('/')}/Patient/{id}")).ToArray();
            foreach (var clients in options.ReadClients)
            {
                await Run(Scenario.Read, clients, (i, _) => ValueTask.FromResult<ILoadWorker>(new ReadWorker(client, uris, new Random(i))));
            }
        }
        foreach (var clients in options.TransactionClients)
        {
            await Run(Scenario.RawBatch, clients, (_, ct) => RawBatchWorker.OpenAsync(dataSource!, workload.TransactionRows, codes, time, ct));
            await Run(Scenario.Transaction, clients, (_, _) => ValueTask.FromResult<ILoadWorker>(new TransactionWorker(client, options.BaseUrl, workload.Transaction, codes)));
            await Run(Scenario.TransactionUpdate, clients, (_, ct) => UpdateTransactionWorker.OpenAsync(client, options.BaseUrl, workload.Transaction, codes, conditional: false, ct));
            await Run(Scenario.TransactionUpdateConditional, clients, (_, ct) => UpdateTransactionWorker.OpenAsync(client, options.BaseUrl, workload.Transaction, codes, conditional: true, ct));
        }

        var run = new RunResult(
            StartedAt: startedAt,
            CommandLine: Environment.CommandLine,
            ProcessorCount: Environment.ProcessorCount,
            OperatingSystem: RuntimeInformation.OSDescription,
            Framework: RuntimeInformation.FrameworkDescription,
            BaseUrl: options.BaseUrl.AbsoluteUri,
            UnindexedBaseUrl: options.UnindexedBaseUrl?.AbsoluteUri,
            Postgres: options.Postgres is null ? null : Describe(options.Postgres),
            WarmupSeconds: options.Warmup.TotalSeconds,
            ServerWarmupSeconds: options.ServerWarmup.TotalSeconds,
            DurationSeconds: options.Duration.TotalSeconds,
            PatientBytes: workload.Patient.Length,
            BundleBytes: workload.Transaction.Length,
            BundleEntries: OpenImisWorkload.BundleEntries,
            SeededExamples: seeded,
            Scenarios: results,
            Compare: options.Compare);
        await RunOutput.WriteAsync(run, SummaryWriter.Write(run), options.OutDirectory, log, cancellationToken);
        // Exit 1 when a scenario had failed requests: its figures are not a measurement of the server working.
        return results.Any(r => r.Errors > 0 || r.Aborted || r.Requests == 0) ? 1 : 0;
    }

    /// <summary>One rendering of each body, to look at or validate (<c>openimis-fhir validate</c>).</summary>
    public static int Dump(LoadOptions options, string directory, TextWriter log)
    {
        var examples = IgExamples.Load(IgExamples.FindDirectory(options.IgDirectory));
        var workload = OpenImisWorkload.Build(examples);
        var codes = new UniqueCodes(new Random());
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "patient.json"), workload.Patient.Render(codes));
        File.WriteAllBytes(Path.Combine(directory, "transaction.json"), workload.Transaction.Render(codes));
        File.WriteAllBytes(Path.Combine(directory, "seed.json"), JsonSerializer.SerializeToUtf8Bytes(SeedBundle.Build(examples.Resources, options.BaseUrl)));
        log.WriteLine($"Wrote patient.json, transaction.json and seed.json into {directory}");
        return 0;
    }

    private static NpgsqlDataSource OpenDataSource(string connectionString, int maxClients)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // One connection per raw client plus one for checkpoints; no reset round trip when a connection is returned.
        builder.MaxPoolSize = Math.Max(builder.MaxPoolSize, maxClients + 2);
        builder.NoResetOnClose = true;
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>The connection string without its password, for results.json.</summary>
    private static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = null };
        return builder.ConnectionString;
    }

    private static async Task EnsureReadIdsAsync(HttpClient client, Uri baseUrl, BodyTemplate patient, UniqueCodes codes, CreatedIds created, TextWriter log, CancellationToken cancellationToken)
    {
        var missing = MinimumReadIds - created.Count;
        if (missing <= 0) return;
        await log.WriteLineAsync($"Creating {missing} Patients to read (untimed).");
        var workers = Enumerable.Range(0, 4).Select(_ => new CreateWorker(client, baseUrl, patient, codes, created)).ToList();
        var left = missing;
        await Task.WhenAll(workers.Select(async worker =>
        {
            await using (worker)
            {
                while (Interlocked.Decrement(ref left) >= 0)
                {
                    if (await worker.ExecuteAsync(cancellationToken) is { } failure)
                    {
                        throw new InvalidOperationException($"Creating Patients to read failed: {failure}");
                    }
                }
            }
        }));
    }
}
