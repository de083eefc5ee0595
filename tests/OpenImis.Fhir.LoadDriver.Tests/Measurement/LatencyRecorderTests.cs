using System.Diagnostics;
using OpenImis.Fhir.LoadDriver.Measurement;

namespace OpenImis.Fhir.LoadDriver.Tests.Measurement;

public sealed class LatencyRecorderTests
{
    private static long Ticks(double ms) => (long)Math.Round(ms * Stopwatch.Frequency / 1000.0);

    [Fact]
    public void Percentiles_are_nearest_rank_over_the_samples_of_every_worker()
    {
        // 1..200 ms in a shuffled order, split over two workers: the k-th smallest is k ms.
        var values = Enumerable.Range(1, 200).OrderBy(v => (v * 7919) % 200).ToList();
        var first = new LatencyRecorder();
        var second = new LatencyRecorder();
        for (var i = 0; i < values.Count; i++) (i % 3 == 0 ? first : second).Record(Ticks(values[i]));

        var summary = LatencyRecorder.Summarise([first, second]);

        // Nearest rank: p of 200 samples is the ceil(200p)-th smallest.
        Assert.Equal(100, summary.P50Ms);
        Assert.Equal(180, summary.P90Ms);
        Assert.Equal(190, summary.P95Ms);
        Assert.Equal(198, summary.P99Ms);
        Assert.Equal(200, summary.P999Ms);
        Assert.Equal(200, summary.MaxMs);
        Assert.Equal(100.5, summary.MeanMs);
    }

    [Fact]
    public void One_slow_request_in_twenty_is_the_p99_but_not_the_p95()
    {
        var recorder = new LatencyRecorder();
        for (var i = 0; i < 19; i++) recorder.Record(Ticks(2));
        recorder.Record(Ticks(50));

        var summary = LatencyRecorder.Summarise([recorder]);

        Assert.Equal(2, summary.P50Ms);
        Assert.Equal(2, summary.P95Ms);   // the 19th of 20
        Assert.Equal(50, summary.P99Ms);  // the 20th of 20
        Assert.Equal(4.4, summary.MeanMs);
    }

    [Fact]
    public void No_samples_give_the_empty_summary()
    {
        Assert.Equal(LatencySummary.Empty, LatencyRecorder.Summarise([new LatencyRecorder()]));
    }

    [Theory]
    [InlineData(0.07, 100, 7)]    // 0.07 * 100 is 7.000000000000001 in doubles
    [InlineData(0.50, 1, 1)]
    [InlineData(0.99, 1, 1)]
    [InlineData(0.95, 20, 19)]
    [InlineData(0.99, 200, 198)]
    [InlineData(0.99, 201, 199)]
    [InlineData(0.999, 1000, 999)]
    [InlineData(0.50, 3, 2)]
    public void Nearest_rank_is_the_smallest_rank_with_p_of_the_samples_at_or_below_it(double p, int count, int rank)
    {
        Assert.Equal(rank, LatencyRecorder.NearestRank(p, count));
    }
}
