namespace OpenImis.Fhir.LoadDriver.Results;

/// <summary>results.json: how the run was made and every scenario's result, in the order they ran.</summary>
internal sealed record RunResult(
    DateTimeOffset StartedAt,
    string CommandLine,
    int ProcessorCount,
    string OperatingSystem,
    string Framework,
    string BaseUrl,
    string? UnindexedBaseUrl,
    string? Postgres,
    double WarmupSeconds,
    double ServerWarmupSeconds,
    double DurationSeconds,
    int PatientBytes,
    int BundleBytes,
    int BundleEntries,
    int SeededExamples,
    IReadOnlyList<ScenarioResult> Scenarios,
    string? Compare = null);
