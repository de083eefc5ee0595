using System.Diagnostics;

namespace OpenImis.Fhir.LoadDriver.Measurement;

/// <summary>
/// Latencies of one worker, in Stopwatch ticks, kept whole: a run has at most a few hundred thousand requests, so exact
/// percentiles cost a few MB and one sort at the end, and nothing is shared while measuring.
/// </summary>
internal sealed class LatencyRecorder
{
    private long[] _ticks = new long[4096];

    public int Count { get; private set; }

    public void Record(long ticks)
    {
        if (Count == _ticks.Length) Array.Resize(ref _ticks, _ticks.Length * 2);
        _ticks[Count++] = ticks;
    }

    public static LatencySummary Summarise(IReadOnlyList<LatencyRecorder> recorders)
    {
        ArgumentNullException.ThrowIfNull(recorders);
        var all = new long[recorders.Sum(r => r.Count)];
        var at = 0;
        foreach (var recorder in recorders)
        {
            Array.Copy(recorder._ticks, 0, all, at, recorder.Count);
            at += recorder.Count;
        }
        if (all.Length == 0) return LatencySummary.Empty;
        Array.Sort(all);
        double Ms(long ticks) => Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 3);
        double Percentile(double p) => Ms(all[NearestRank(p, all.Length) - 1]);
        return new LatencySummary(
            P50Ms: Percentile(0.50),
            P90Ms: Percentile(0.90),
            P95Ms: Percentile(0.95),
            P99Ms: Percentile(0.99),
            P999Ms: Percentile(0.999),
            MaxMs: Ms(all[^1]),
            MeanMs: Math.Round(all.Average(t => (double)t) * 1000.0 / Stopwatch.Frequency, 3));
    }

    /// <summary>
    /// Nearest rank (1-based): the smallest rank with at least <paramref name="p"/> of the <paramref name="count"/>
    /// samples at or below it. The tolerance keeps binary rounding from moving an exact rank up (0.07 * 100 is
    /// 7.000000000000001 in doubles).
    /// </summary>
    public static int NearestRank(double p, int count) => Math.Clamp((int)Math.Ceiling(p * count - 1e-9), 1, count);
}
