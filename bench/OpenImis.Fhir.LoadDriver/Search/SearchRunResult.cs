namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>bench/results/search/results.json: how the run was made, the data it ran on, and every shape.</summary>
internal sealed record SearchRunResult(
    DateTimeOffset StartedAt,
    string CommandLine,
    int ProcessorCount,
    string OperatingSystem,
    string Framework,
    string BaseUrl,
    string Postgres,
    int Seed,
    int Clients,
    int WarmupPerClient,
    int RequestsPerShape,
    IReadOnlyDictionary<string, long> ResourcesByType,
    IReadOnlyDictionary<string, int> SampledByType,
    IReadOnlyList<ShapeResult> Shapes);
