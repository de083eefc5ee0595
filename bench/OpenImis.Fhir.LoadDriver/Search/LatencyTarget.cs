namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>The p99 a shape must stay under (issue 5): identifier and id lookups 5 ms, typical shapes 50 ms, a count of all claims 200 ms.</summary>
internal sealed record LatencyTarget(string Name, double P99Ms)
{
    public static readonly LatencyTarget Lookup = new("lookup", 5);
    public static readonly LatencyTarget Typical = new("typical", 50);
    public static readonly LatencyTarget CountAll = new("count all", 200);
}
