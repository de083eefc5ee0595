using System.Globalization;
using System.Text;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// bench/results/search/summary.md: one row per shape (latency, hits, target, plan), the verdict on each target of
/// issue 5, then the scans of every explained statement.
/// </summary>
internal static class SearchSummaryWriter
{
    public static string Write(SearchRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var md = new StringBuilder();
        var resources = run.ResourcesByType.Values.Sum();
        md.AppendLine("# Search latency catalogue");
        md.AppendLine();
        md.AppendLine(Invariant($"Run {run.StartedAt:yyyy-MM-dd HH:mm} UTC on {run.ProcessorCount} cores ({run.OperatingSystem}, {run.Framework}); server {run.BaseUrl}. ")
            + Invariant($"{run.RequestsPerShape:N0} measured searches per shape after a warm-up pass over every shape and {run.WarmupPerClient:N0} warm-up searches per client, {Clients(run.Clients)}, closed loop; values drawn with seed {run.Seed}."));
        md.AppendLine(Invariant($"Data: {resources:N0} resources ({string.Join(", ", run.ResourcesByType.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:N0}"))})."));
        md.AppendLine();
        md.AppendLine("Latency: from sending the request to the end of the response body, over HTTP on the same machine; p50/p95/p99 nearest rank over the measured searches. "
            + "Hits: mean matches per search (and mean included resources). Plan: from `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` of the statements the server's search engine builds for the first drawn searches; "
            + "\"seq scan\" names a large table (resources, versions, identifiers, references, search index) read whole; times are the slowest explained search's.");
        md.AppendLine();
        md.AppendLine("| shape | requests | errors | hits | p50 ms | p95 ms | p99 ms | target p99 | met? | index only? | seq scan on | plan ms | exec ms |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---|---|---|---:|---:|");
        foreach (var s in run.Shapes)
        {
            if (s.Skipped is { } reason)
            {
                md.AppendLine(Invariant($"| {s.Name} | — | — | — | — | — | — | < {s.TargetP99Ms:0} ms | skipped: {reason} | — | — | — | — |"));
                continue;
            }
            var statements = s.Explains.SelectMany(e => e.Statements).ToList();
            var hits = s.MeanIncluded > 0 ? Invariant($"{s.MeanMatches:0.#} (+{s.MeanIncluded:0.#})") : Invariant($"{s.MeanMatches:0.#}");
            var seq = string.Join(", ", statements.SelectMany(p => p.SeqScansOnLargeTables).Distinct(StringComparer.Ordinal));
            md.AppendLine(Invariant($"| {s.Name} | {s.Requests:N0} | {s.Errors:N0} | {hits} | {Ms(s.Latency.P50Ms)} | {Ms(s.Latency.P95Ms)} | {Ms(s.Latency.P99Ms)} | < {s.TargetP99Ms:0} ms | {Met(s.MetTarget)} | ")
                + Invariant($"{Met(s.IndexedOnly)} | {(seq.Length == 0 ? "—" : seq)} | {(statements.Count == 0 ? "—" : Ms(SlowestExplain(s).Planning))} | {(statements.Count == 0 ? "—" : Ms(SlowestExplain(s).Execution))} |"));
        }
        md.AppendLine();
        md.AppendLine("Targets:");
        foreach (var line in Verdicts(run)) md.AppendLine("- " + line);
        md.AppendLine();
        md.AppendLine("## Plans");
        md.AppendLine();
        foreach (var s in run.Shapes.Where(s => s.Explains.Count > 0))
        {
            md.AppendLine(Invariant($"**{s.Name}**: `{s.Template}`"));
            md.AppendLine();
            foreach (var explain in s.Explains)
            {
                md.AppendLine(Invariant($"- `{explain.Query}`: served {explain.ServedMatches?.ToString(CultureInfo.InvariantCulture) ?? "an error"}, planned {explain.PlannedMatches}{(explain.Agrees ? "" : " (**differ**)")}"));
                foreach (var p in explain.Statements)
                {
                    md.AppendLine(Invariant($"  - {p.Statement}: plan {Ms(p.PlanningMs)} ms, exec {Ms(p.ExecutionMs)} ms, {p.TopRows:0} rows, buffers hit {p.SharedHitBlocks:N0} read {p.SharedReadBlocks:N0}; {string.Join("; ", p.Scans.Select(n => n.ToString()))}"));
                }
            }
            md.AppendLine();
        }
        var failures = run.Shapes.Where(s => s.ErrorSamples.Count > 0).ToList();
        if (failures.Count > 0)
        {
            md.AppendLine("## Failed searches (first of each shape; all kept in results.json)");
            md.AppendLine();
            foreach (var s in failures) md.AppendLine(Invariant($"- {s.Name}: `{s.ErrorSamples[0].Replace('`', '\'')}`"));
        }
        return md.ToString();
    }

    private static IEnumerable<string> Verdicts(SearchRunResult run)
    {
        var measured = run.Shapes.Where(s => s.Skipped is null).ToList();
        foreach (var group in measured.GroupBy(s => (s.Target, s.TargetP99Ms)))
        {
            var missed = group.Where(s => s.MetTarget != true).Select(s => Invariant($"{s.Name} {Ms(s.Latency.P99Ms)} ms")).ToList();
            var worst = group.MaxBy(s => s.Latency.P99Ms)!;
            yield return Invariant($"{group.Key.Target} shapes, p99 under {group.Key.TargetP99Ms:0} ms ({Shapes(group.Count())}, worst {worst.Name} {Ms(worst.Latency.P99Ms)} ms): **{Met(missed.Count == 0)}**")
                + (missed.Count == 0 ? "" : $" — missed: {string.Join(", ", missed)}");
        }
        var explained = measured.Where(s => s.IndexedOnly is not null).ToList();
        if (explained.Count > 0)
        {
            var seq = explained.Where(s => s.IndexedOnly == false).Select(s => s.Name).ToList();
            yield return Invariant($"EXPLAIN shows an index for every shape, no Seq Scan on a large table ({Shapes(explained.Count)} explained): **{Met(seq.Count == 0)}**")
                + (seq.Count == 0 ? "" : $" — Seq Scan in: {string.Join(", ", seq)}");
            var differ = explained.Where(s => s.ExplainAgrees == false).Select(s => s.Name).ToList();
            yield return $"the explained SQL gave the rows the server served: **{Met(differ.Count == 0)}**" + (differ.Count == 0 ? "" : $" — differ: {string.Join(", ", differ)}");
        }
        var skipped = run.Shapes.Where(s => s.Skipped is not null).Select(s => s.Name).ToList();
        if (skipped.Count > 0) yield return $"skipped (nothing in the data to draw from): {string.Join(", ", skipped)}";
        if (measured.Any(s => s.Errors > 0)) yield return "a shape with errors (HTTP errors or wrong answers) meets no target: see the failed searches below.";
    }

    private static (double Planning, double Execution) SlowestExplain(ShapeResult s) =>
        s.Explains.Select(e => (e.Statements.Sum(p => p.PlanningMs), e.Statements.Sum(p => p.ExecutionMs))).MaxBy(t => t.Item1 + t.Item2);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Shapes(int n) => n == 1 ? "1 shape" : $"{n} shapes";

    private static string Clients(int n) => n == 1 ? "1 client" : $"{n} clients";

    private static string Met(bool? met) => met switch { true => "yes", false => "no", null => "—" };

    private static string Ms(double value) => value.ToString(value >= 100 ? "N0" : "0.00", CultureInfo.InvariantCulture);
}
