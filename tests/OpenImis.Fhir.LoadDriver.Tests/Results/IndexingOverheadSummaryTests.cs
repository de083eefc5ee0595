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
        DateTimeOffset.UnixEpoch, "test", 2, "Linux", ".NET", "http://a/fhir", "http://b/fhir", null, 3, 10, 15, 2_551, 254_776, 100, 12, scenarios));

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
        Assert.Contains("3 s warm-up and 15 s measured per scenario and concurrency, after 10 s of untimed creates per server", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void With_rounds_the_median_of_the_pairs_decides_and_each_create_meets_the_raw_run_of_its_round()
    {
        var summary = Summary(
            Create("create", 1, 80, 11.0), Create("create-unindexed", 1, 100, 10.0),
            Create("create", 1, 80, 15.0), Create("create-unindexed", 1, 100, 10.0),
            Create("create", 1, 80, 12.0), Create("create-unindexed", 1, 100, 10.0),
            Create("create", 4, 200, 20), Create("create-unindexed", 4, 300, 16),
            Create("create", 4, 200, 20), Create("create-unindexed", 4, 250, 16),
            Raw(4, 1_000), Raw(4, 500));

        // 10%, 50%, 20%: median 20%. 50% and 25%: median 37.5%, shown rounded.
        Assert.Contains("search indexing adds 20% to the p50 latency of a create at 1 client (median of 3 rounds: 10%, 50%, 20%), target under 30%: **yes**", summary, StringComparison.Ordinal);
        Assert.Contains("search indexing adds 38% to the cost of a create by throughput at 4 clients (median of 2 rounds: 50%, 25%), target under 30%: **no**", summary, StringComparison.Ordinal);
        // 200/s against the first round's 1,000 rows/s, then against the second's 500.
        Assert.Contains("| create | 4 | 200 | 200 | 20.00 | 20.00 | 0 | 1,000 | 20% |", summary, StringComparison.Ordinal);
        Assert.Contains("| create | 4 | 200 | 200 | 20.00 | 20.00 | 0 | 500 | 40% |", summary, StringComparison.Ordinal);
    }

    private static ScenarioResult Raw(int clients, double perSecond) => Create("raw-insert", clients, perSecond, 1.0) with { Target = Scenario.Postgres };

    [Fact]
    public void With_compare_the_pairs_compare_two_indexed_servers_and_give_no_verdict()
    {
        var run = new RunResult(DateTimeOffset.UnixEpoch, "test", 2, "Linux", ".NET", "http://a/fhir", "http://b/fhir", null, 3, 10, 15, 2_551, 254_776, 100, 12,
            [Create("create", 1, 80, 9.0), Create("create-unindexed", 1, 100, 10.0),
             Create("create", 4, 200, 20), Create("create-unindexed", 4, 150, 16), Create("create", 4, 200, 20), Create("create-unindexed", 4, 270, 16)],
            Compare: "DOTNET_gcServer=0");
        var summary = SummaryWriter.Write(run);

        // 9 ms against 10 ms: the first is 10% cheaper. 150/s and 270/s against 200/s: −25% and 35%, median 5%.
        Assert.Contains("a create costs -10% more on the first server than on the second (DOTNET_gcServer=0), by p50 latency at 1 client (first 9.00 ms, second 10.00 ms)", summary, StringComparison.Ordinal);
        Assert.Contains("a create costs 5% more on the first server than on the second (DOTNET_gcServer=0), by throughput at 4 clients (median of 2 rounds: -25%, 35%)", summary, StringComparison.Ordinal);
        Assert.Contains("| create-unindexed | 4 | 150 | 150 | 16.00 | 16.00 | 0 | — | — | the second server of the comparison | — |", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("search indexing adds", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cpu_a_create_costs_gives_a_third_reading_at_every_concurrency()
    {
        var summary = Summary(
            Create("create", 1, 80, 13.0) with { ServiceCpuMsPerRequest = 1.2 }, Create("create-unindexed", 1, 100, 10.0) with { ServiceCpuMsPerRequest = 1.0 },
            Create("create", 4, 200, 20) with { ServiceCpuMsPerRequest = 1.5 }, Create("create-unindexed", 4, 240, 16) with { ServiceCpuMsPerRequest = 1.0 },
            Create("create", 4, 200, 20) with { ServiceCpuMsPerRequest = 1.3 }, Create("create-unindexed", 4, 240, 16) with { ServiceCpuMsPerRequest = 1.0 },
            Create("create", 4, 200, 20) with { ServiceCpuMsPerRequest = 1.8 }, Create("create-unindexed", 4, 240, 16) with { ServiceCpuMsPerRequest = 1.0 });

        // 1.2 ms against 1.0 ms: 20%. At 4 clients 50%, 30%, 80%: median 50%.
        Assert.Contains("search indexing adds 20% to the CPU a create costs the server and PostgreSQL at 1 client (indexing on 1.20 ms, off 1.00 ms), target under 30%: **yes**", summary, StringComparison.Ordinal);
        Assert.Contains("search indexing adds 50% to the CPU a create costs the server and PostgreSQL at 4 clients (median of 3 rounds: 50%, 30%, 80%), target under 30%: **no**", summary, StringComparison.Ordinal);
        Assert.Contains("| create | 1 | 80.0 | 80.0 | 13.00 | 13.00 | 0 | — | — | ≥ 30% of raw | — | 0.05 core | 1.20 |", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_machine_cpu_there_is_no_cpu_reading()
    {
        var summary = Summary(Create("create", 4, 200, 20), Create("create-unindexed", 4, 240, 16));

        Assert.DoesNotContain("to the CPU a create costs", summary, StringComparison.Ordinal);
        Assert.Contains("| create | 4 | 200 | 200 | 20.00 | 20.00 | 0 | — | — | ≥ 30% of raw, p99 < 20 ms | — | 0.05 core | — |", summary, StringComparison.Ordinal);
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
