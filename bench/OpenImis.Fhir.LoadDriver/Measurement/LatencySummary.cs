namespace OpenImis.Fhir.LoadDriver.Measurement;

/// <summary>Latency of the successful requests of a scenario, in milliseconds.</summary>
internal sealed record LatencySummary(double P50Ms, double P90Ms, double P95Ms, double P99Ms, double P999Ms, double MaxMs, double MeanMs)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0, 0);
}
