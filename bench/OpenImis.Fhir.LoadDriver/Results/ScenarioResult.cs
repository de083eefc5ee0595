using OpenImis.Fhir.LoadDriver.Measurement;

namespace OpenImis.Fhir.LoadDriver.Results;

/// <summary>
/// One scenario at one concurrency, as written to results.json. <see cref="DriverCpuPercent"/>: the driver's own CPU
/// time in the measured window, in percent of one core. <see cref="ServiceCpuMsPerRequest"/>: the rest of the
/// machine's CPU time in the window (the server and PostgreSQL, when nothing else runs) per completed request; null
/// where the machine's CPU time cannot be read.
/// </summary>
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
    bool Aborted,
    double DriverCpuPercent,
    double? ServiceCpuMsPerRequest = null);
