using OpenImis.Fhir.LoadDriver.Measurement;
using OpenImis.Fhir.LoadDriver.Search;

namespace OpenImis.Fhir.LoadDriver.Tests.Search;

public sealed class SearchSummaryWriterTests
{
    private static StatementPlan Page(params string[] seqScans) => new("page", 0.5, 2.0, 21, 100, 0, [new ScanNode("Seq Scan", "fhir_resource", null, 20_000, 1)], seqScans);

    private static ShapeResult Shape(string name, LatencyTarget target, double p99, int errors = 0, QueryExplain? explain = null) => new(
        name, name + "?x", target.Name, target.P99Ms, name + "?x=1", null, 200, errors,
        new LatencySummary(p99 / 2, p99, p99, p99, p99, p99, p99 / 2), 3, 0, errors > 0 ? ["500: boom"] : [],
        explain is null ? [] : [explain]);

    private static string Write(params ShapeResult[] shapes) => SearchSummaryWriter.Write(new SearchRunResult(
        DateTimeOffset.UnixEpoch, "test", 2, "Linux", ".NET", "http://a/fhir", "Host=a", 1, 1, 20, 200,
        new Dictionary<string, long> { ["Patient"] = 700, ["Claim"] = 300 }, new Dictionary<string, int> { ["Patient"] = 500 }, shapes));

    [Fact]
    public void Each_target_is_judged_on_the_p99_of_its_shapes()
    {
        var summary = Write(
            Shape("patient-id", LatencyTarget.Lookup, 4.9, explain: new QueryExplain("Patient?_id=1", 1, 1, true, [Page()])),
            Shape("claim-identifier", LatencyTarget.Lookup, 5.0),
            Shape("claim-total-accurate", LatencyTarget.CountAll, 150));

        Assert.Contains("- lookup shapes, p99 under 5 ms (2 shapes, worst claim-identifier 5.00 ms): **no** — missed: claim-identifier 5.00 ms", summary, StringComparison.Ordinal);
        Assert.Contains("- count all shapes, p99 under 200 ms (1 shape, worst claim-total-accurate 150 ms): **yes**", summary, StringComparison.Ordinal);
        Assert.Contains("Data: 1,000 resources (Patient 700, Claim 300).", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seq_scan_of_a_large_table_fails_the_index_verdict_and_names_the_shape()
    {
        var summary = Write(
            Shape("patient-id", LatencyTarget.Lookup, 1, explain: new QueryExplain("Patient?_id=1", 1, 1, true, [Page()])),
            Shape("patient-has-claim-status", LatencyTarget.Typical, 10, explain: new QueryExplain("Patient?_has=1", 20, 20, true, [Page("fhir_resource")])));

        Assert.Contains("EXPLAIN shows an index for every shape, no Seq Scan on a large table (2 shapes explained): **no** — Seq Scan in: patient-has-claim-status", summary, StringComparison.Ordinal);
        Assert.Contains("| patient-has-claim-status | 200 | 0 | 3 | 5.00 | 10.00 | 10.00 | < 50 ms | yes | no | fhir_resource |", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_and_explains_that_disagree_with_the_server_fail_their_shape()
    {
        var summary = Write(
            Shape("patient-id", LatencyTarget.Lookup, 1, errors: 2),
            Shape("claim-identifier", LatencyTarget.Lookup, 1, explain: new QueryExplain("Claim?identifier=1", 0, 1, false, [Page()])));

        Assert.Contains("missed: patient-id 1.00 ms", summary, StringComparison.Ordinal);
        Assert.Contains("the explained SQL gave the rows the server served: **no** — differ: claim-identifier", summary, StringComparison.Ordinal);
        Assert.Contains("- patient-id: `500: boom`", summary, StringComparison.Ordinal);
    }
}
