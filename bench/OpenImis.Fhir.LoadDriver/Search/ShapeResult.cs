using OpenImis.Fhir.LoadDriver.Measurement;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// One shape in results.json: what it asks, its target, the measured requests (null when skipped), and the EXPLAIN of
/// its first drawn searches. <see cref="MetTarget"/>: every answer right and p99 under the target.
/// <see cref="IndexedOnly"/>: no statement of any explained search read a large table with a Seq Scan.
/// </summary>
internal sealed record ShapeResult(
    string Name,
    string Template,
    string Target,
    double TargetP99Ms,
    string? Example,
    string? Skipped,
    int Requests,
    int Errors,
    LatencySummary Latency,
    double MeanMatches,
    double MeanIncluded,
    IReadOnlyList<string> ErrorSamples,
    IReadOnlyList<QueryExplain> Explains)
{
    public bool? MetTarget => Skipped is not null ? null : Requests > Errors && Errors == 0 && Latency.P99Ms < TargetP99Ms;

    public bool? IndexedOnly => Explains.Count == 0 ? null : Explains.All(e => e.Statements.All(s => s.SeqScansOnLargeTables.Count == 0));

    public bool? ExplainAgrees => Explains.Count == 0 ? null : Explains.All(e => e.Agrees);
}
