using OpenImis.Fhir.LoadDriver.Measurement;

namespace OpenImis.Fhir.LoadDriver.Results;

/// <summary>One scenario at one concurrency, as written to results.json.</summary>
internal sealed record ScenarioResult(
    string Scenario,
    string Target,
    int Clients,
    int ResourcesPerRequest,
    double Seconds,
    int Requests,
    int Errors,
    double RequestsPerSecond,
    double ResourcesPerSecond,
    LatencySummary Latency,
    IReadOnlyList<string> ErrorSamples,
    bool Aborted);
