using System.Globalization;
using System.Text;

namespace OpenImis.Fhir.LoadDriver.Results;

/// <summary>
/// summary.md: each server scenario beside the raw PostgreSQL ceiling at the same concurrency, and the issue's targets.
/// create is compared with raw-insert (rows/s), transaction with raw-batch (rows/s against resources/s).
/// </summary>
internal static class SummaryWriter
{
    private const double CreateRatioTarget = 0.30;
    private const double CreateP99TargetMs = 20;
    private const int CreateP99Clients = 4;
    private const double ReadTarget = 5_000;
    private const double TransactionTarget = 3_000;
    private const double IndexingOverheadTarget = 0.30;

    public static string Write(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var md = new StringBuilder();
        md.AppendLine("# Load: openimis-fhir REST server and the raw PostgreSQL ceiling");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {run.StartedAt:yyyy-MM-dd HH:mm} UTC on {run.ProcessorCount} cores ({run.OperatingSystem}, {run.Framework}); " +
            $"{run.WarmupSeconds:0.#} s warm-up and {run.DurationSeconds:0.#} s measured per scenario and concurrency, after {run.ServerWarmupSeconds:0.#} s of untimed creates per server; closed loop (each client one request at a time).");
        md.AppendLine(CultureInfo.InvariantCulture, $"Server {run.BaseUrl}. Patient body {run.PatientBytes:N0} bytes; transaction Bundle {run.BundleEntries} entries, {run.BundleBytes:N0} bytes. " +
            $"Raw ceiling: table `{Postgres.RawTable.Name}` in the server's database{(run.Postgres is null ? " (not run)" : "")}. " +
            $"Driver CPU: the load driver's own CPU time in the measured window, in cores (it shares the {run.ProcessorCount} with the server and PostgreSQL). " +
            $"Service CPU: the rest of the machine's CPU time in the window (the server and PostgreSQL, on a machine running nothing else), per request.");
        md.AppendLine();
        md.AppendLine("| scenario | clients | requests/s | resources/s | p50 ms | p99 ms | errors | raw ceiling rows/s | ratio | target | met? | driver CPU | service CPU ms/request |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---:|");
        foreach (var s in run.Scenarios.Where(s => s.Target == Measurement.Scenario.Server))
        {
            var raw = Ceiling(run, s);
            var ratio = raw is null || raw.ResourcesPerSecond == 0 ? (double?)null : s.ResourcesPerSecond / raw.ResourcesPerSecond;
            var (target, met) = Target(s, ratio, run.Compare);
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Scenario} | {s.Clients} | {Rate(s.RequestsPerSecond)} | {Rate(s.ResourcesPerSecond)} | {Ms(s.Latency.P50Ms)} | {Ms(s.Latency.P99Ms)} | {Errors(s)} | " +
                $"{(raw is null ? "—" : Rate(raw.ResourcesPerSecond))} | {(ratio is { } r ? Percent(r) : "—")} | {target} | {Met(met)} | {Cpu(s)} | {ServiceCpu(s)} |");
        }
        var rawRows = run.Scenarios.Where(s => s.Target == Measurement.Scenario.Postgres).ToList();
        if (rawRows.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("Raw PostgreSQL ceiling, same JSON: `raw-insert` = one autocommitted single-row INSERT per request (the create body); " +
                "`raw-batch` = one 100-row INSERT per transaction (the Bundle's 100 resources). Prepared statements, one connection per client.");
            md.AppendLine();
            md.AppendLine("| scenario | clients | statements/s | rows/s | p50 ms | p99 ms | errors | driver CPU | service CPU ms/statement |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var s in rawRows)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {s.Scenario} | {s.Clients} | {Rate(s.RequestsPerSecond)} | {Rate(s.ResourcesPerSecond)} | {Ms(s.Latency.P50Ms)} | {Ms(s.Latency.P99Ms)} | {Errors(s)} | {Cpu(s)} | {ServiceCpu(s)} |");
            }
        }
        md.AppendLine();
        md.AppendLine("Targets:");
        foreach (var line in Verdicts(run)) md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        var failures = run.Scenarios.Where(s => s.ErrorSamples.Count > 0).ToList();
        if (failures.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("Failed requests (first of each scenario; all in results.json):");
            foreach (var s in failures) md.AppendLine(CultureInfo.InvariantCulture, $"- {s.Scenario}@{s.Clients}: `{s.ErrorSamples[0].Replace('`', '\'')}`");
        }
        return md.ToString();
    }

    private static ScenarioResult? Ceiling(RunResult run, ScenarioResult s)
    {
        var raw = s.Scenario switch
        {
            "create" or "create-unindexed" => "raw-insert",
            "transaction" => "raw-batch",
            _ => null,
        };
        if (raw is null) return null;
        // With --rounds, the raw run of the same round (the n-th of each at this concurrency).
        var round = run.Scenarios.Where(r => r.Scenario == s.Scenario && r.Clients == s.Clients).ToList().FindIndex(r => ReferenceEquals(r, s));
        var raws = run.Scenarios.Where(r => r.Scenario == raw && r.Clients == s.Clients).ToList();
        return raws.Count == 0 ? null : raws[Math.Clamp(round, 0, raws.Count - 1)];
    }

    private static (string Target, bool? Met) Target(ScenarioResult s, double? ratio, string? compare) => s.Scenario switch
    {
        "create" when s.Clients == CreateP99Clients =>
            ($"≥ {Percent(CreateRatioTarget)} of raw, p99 < {CreateP99TargetMs:0} ms",
             ratio is null ? null : Valid(s) && ratio >= CreateRatioTarget && s.Latency.P99Ms < CreateP99TargetMs),
        "create" => ($"≥ {Percent(CreateRatioTarget)} of raw", ratio is null ? null : Valid(s) && ratio >= CreateRatioTarget),
        "create-unindexed" => (compare is null ? "baseline of the indexing overhead" : "the second server of the comparison", null),
        "read" => ($"> {ReadTarget:N0}/s", Valid(s) && s.RequestsPerSecond > ReadTarget),
        "transaction" => ($"> {TransactionTarget:N0} resources/s", Valid(s) && s.ResourcesPerSecond > TransactionTarget),
        _ => ("—", null),
    };

    private static IEnumerable<string> Verdicts(RunResult run)
    {
        ScenarioResult[] Of(string name) => [.. run.Scenarios.Where(s => s.Scenario == name)];
        var creates = Of("create");
        var withRatio = creates.Select(c => (c, Raw: Ceiling(run, c))).Where(x => x.Raw is { ResourcesPerSecond: > 0 }).ToList();
        if (withRatio.Count > 0)
        {
            var all = withRatio.All(x => Valid(x.c) && x.c.ResourcesPerSecond / x.Raw!.ResourcesPerSecond >= CreateRatioTarget);
            var ratios = string.Join(", ", withRatio.Select(x => $"{x.c.Clients}: {Percent(x.c.ResourcesPerSecond / x.Raw!.ResourcesPerSecond)}"));
            yield return $"creates at ≥ {Percent(CreateRatioTarget)} of the raw single-row INSERT rate at equal concurrency ({ratios}): **{Met(all)}**";
        }
        if (creates.FirstOrDefault(c => c.Clients == CreateP99Clients) is { } four)
        {
            yield return $"p99 create latency under {CreateP99TargetMs:0} ms at {CreateP99Clients} clients ({Ms(four.Latency.P99Ms)} ms): **{Met(Valid(four) && four.Latency.P99Ms < CreateP99TargetMs)}**";
        }
        if (Of("read").Where(Valid).MaxBy(s => s.RequestsPerSecond) is { } read)
        {
            yield return $"reads over {ReadTarget:N0}/s (best: {Rate(read.RequestsPerSecond)}/s at {Clients(read.Clients)}): **{Met(read.RequestsPerSecond > ReadTarget)}**";
        }
        if (Of("transaction").Where(Valid).MaxBy(s => s.ResourcesPerSecond) is { } tx)
        {
            yield return $"transaction ingest over {TransactionTarget:N0} resources/s (best: {Rate(tx.ResourcesPerSecond)}/s at {Clients(tx.Clients)}): **{Met(tx.ResourcesPerSecond > TransactionTarget)}**";
        }
        foreach (var line in IndexingOverhead(creates, Of("create-unindexed"), run.Compare)) yield return line;
        if (run.Scenarios.Any(s => !Valid(s)))
        {
            yield return "a scenario with failed requests meets no target: its figures count only the successful ones.";
        }
    }

    /// <summary>
    /// What search indexing adds to a create: at 1 client, to the p50 latency (indexed / unindexed - 1); at more
    /// clients, to the cost per create by throughput (unindexed rate / indexed rate - 1). With several rounds (each
    /// create run paired with the create-unindexed run after it), the median of the rounds decides.
    /// With <paramref name="compare"/>, the second server indexes too and differs in that: the same pairs say how much
    /// more a create costs on the first server, with no target.
    /// </summary>
    private static IEnumerable<string> IndexingOverhead(ScenarioResult[] creates, ScenarioResult[] unindexed, string? compare)
    {
        foreach (var clients in unindexed.Select(s => s.Clients).Distinct())
        {
            var ons = creates.Where(c => c.Clients == clients).ToList();
            var offs = unindexed.Where(c => c.Clients == clients).ToList();
            var pairs = ons.Zip(offs).Where(p => Valid(p.First) && Valid(p.Second)).ToList();
            if (pairs.Count == 0) continue;
            var byLatency = clients == 1;
            var added = pairs.Select(p => byLatency ? p.First.Latency.P50Ms / p.Second.Latency.P50Ms - 1 : p.Second.RequestsPerSecond / p.First.RequestsPerSecond - 1)
                .Where(double.IsFinite).ToList();
            if (added.Count == 0) continue;
            var median = Median(added);
            var (first, second) = compare is null ? ("indexing on", "off") : ("first", "second");
            var figures = pairs.Count == 1
                ? byLatency
                    ? $"{first} {Ms(pairs[0].First.Latency.P50Ms)} ms, {second} {Ms(pairs[0].Second.Latency.P50Ms)} ms"
                    : $"{first} {Rate(pairs[0].First.RequestsPerSecond)}/s, {second} {Rate(pairs[0].Second.RequestsPerSecond)}/s"
                : $"median of {added.Count} rounds: {string.Join(", ", added.Select(Percent))}";
            if (compare is not null)
            {
                var how = byLatency ? "by p50 latency at 1 client" : $"by throughput at {Clients(clients)}";
                yield return $"a create costs {Percent(median)} more on the first server than on the second ({compare}), {how} ({figures})";
                continue;
            }
            var what = byLatency ? "to the p50 latency of a create at 1 client" : $"to the cost of a create by throughput at {Clients(clients)}";
            yield return $"search indexing adds {Percent(median)} {what} ({figures}), target under {Percent(IndexingOverheadTarget)}: **{Met(median < IndexingOverheadTarget)}**";
        }
        foreach (var line in CpuOverhead(creates, unindexed, compare)) yield return line;
    }

    /// <summary>
    /// The same pairs by the CPU a create costs the server and PostgreSQL (on - off) / off, at every concurrency:
    /// a third reading of "the cost of a create", free of how latency and throughput hide or show waiting.
    /// </summary>
    private static IEnumerable<string> CpuOverhead(ScenarioResult[] creates, ScenarioResult[] unindexed, string? compare)
    {
        foreach (var clients in unindexed.Select(s => s.Clients).Distinct())
        {
            var pairs = creates.Where(c => c.Clients == clients).Zip(unindexed.Where(c => c.Clients == clients))
                .Where(p => Valid(p.First) && Valid(p.Second) && p.First.ServiceCpuMsPerRequest > 0 && p.Second.ServiceCpuMsPerRequest > 0)
                .ToList();
            if (pairs.Count == 0) continue;
            var added = pairs.Select(p => p.First.ServiceCpuMsPerRequest!.Value / p.Second.ServiceCpuMsPerRequest!.Value - 1).ToList();
            var median = Median(added);
            var figures = pairs.Count == 1
                ? $"{(compare is null ? "indexing on" : "first")} {Ms(pairs[0].First.ServiceCpuMsPerRequest!.Value)} ms, {(compare is null ? "off" : "second")} {Ms(pairs[0].Second.ServiceCpuMsPerRequest!.Value)} ms"
                : $"median of {added.Count} rounds: {string.Join(", ", added.Select(Percent))}";
            if (compare is not null)
            {
                yield return $"a create costs {Percent(median)} more CPU on the first server than on the second ({compare}), at {Clients(clients)} ({figures})";
                continue;
            }
            yield return $"search indexing adds {Percent(median)} to the CPU a create costs the server and PostgreSQL at {Clients(clients)} ({figures}), target under {Percent(IndexingOverheadTarget)}: **{Met(median < IndexingOverheadTarget)}**";
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static bool Valid(ScenarioResult s) => s.Errors == 0 && !s.Aborted && s.Requests > 0;

    private static string Percent(double ratio) => (ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Cpu(ScenarioResult s) => (s.DriverCpuPercent / 100).ToString("0.00", CultureInfo.InvariantCulture) + " core";

    private static string ServiceCpu(ScenarioResult s) => s.ServiceCpuMsPerRequest is { } ms ? Ms(ms) : "—";

    private static string Clients(int n) => n == 1 ? "1 client" : $"{n} clients";

    private static string Met(bool? met) => met switch { true => "yes", false => "no", null => "—" };

    private static string Errors(ScenarioResult s) => s.Aborted ? $"{s.Errors} (aborted)" : s.Errors.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(double value) => value.ToString(value >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);

    private static string Ms(double value) => value.ToString(value >= 100 ? "N0" : "0.00", CultureInfo.InvariantCulture);
}
