namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// A query shape of the catalogue: its name, the query with placeholders for the drawn values (for the report), its
/// latency target, and how to draw one search from the sample (null when the sample has nothing to draw from).
/// </summary>
internal sealed record SearchShape(string Name, string Template, LatencyTarget Target, Func<SampleData, Random, DrawnQuery?> Draw);
