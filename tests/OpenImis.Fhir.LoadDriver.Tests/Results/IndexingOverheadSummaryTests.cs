using OpenImis.Fhir.LoadDriver.Measurement;
using OpenImis.Fhir.LoadDriver.Results;

namespace OpenImis.Fhir.LoadDriver.Tests.Results;

/// <summary>What search indexing adds to a create, as summary.md states it against the "under 30%".</summary>
public sealed class IndexingOverheadSummaryTests
{
    private static ScenarioResult Create(string scenario, int clients, double perSecond, double p50) => new(
        scenario, Scenario.Server, clients, 1, 15, (int)(perSecond * 15), 0, perSecond, perSecond,
        new LatencySummary(p50, p50, p50, p50, p50, p50, p50), [], false, 5);

    private static string Summary(params ScenarioResult[] scenarios) => SummaryWriter.Write(new RunResult(
        DateTimeOffset.UnixEpoch, "test", 2, "Linux", ".NET", "http://a/fhir", "http://b/fhir", null, 3, 15, 2_551, 254_776, 100, 12, scenarios));

    [Fact]
    public void Latency_at_one_client_and_throughput_at_four_give_what_indexing_adds()
    {
        var summary = Summary(
            Create("create", 1, 80, 13.0), Create("create-unindexed", 1, 100, 10.0),
            Create("create", 4, 200, 20), Create("create-unindexed", 4, 240, 16));

        // 13 ms against 10 ms: 30% more, which is not under 30%. 240/s against 200/s: a create costs 20% more.
        Assert.Contains("search indexing adds 30% to the p50 latency of a create at 1 client (indexing on 13.00 ms, off 10.00 ms), target under 30%: **no**", summary, StringComparison.Ordinal);
        Assert.Contains("search indexing adds 20% to the cost of a create by throughput at 4 clients (indexing on 200/s, off 240/s), target under 30%: **yes**", summary, StringComparison.Ordinal);
        Assert.Contains("| create-unindexed | 4 |", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_unindexed_server_there_is_no_overhead_verdict()
    {
        Assert.DoesNotContain("search indexing adds", Summary(Create("create", 1, 80, 13.0)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_with_failed_creates_gives_no_verdict()
    {
        var failed = Create("create-unindexed", 1, 100, 10.0) with { Errors = 3 };
        Assert.DoesNotContain("search indexing adds", Summary(Create("create", 1, 80, 13.0), failed), StringComparison.Ordinal);
    }
}
