namespace OpenImis.Fhir.LoadDriver;

/// <summary>What the command line asked for; see <see cref="LoadCommand"/> for each option.</summary>
internal sealed record LoadOptions(
    Uri BaseUrl,
    string? Postgres,
    TimeSpan Duration,
    TimeSpan Warmup,
    IReadOnlyList<int> Clients,
    IReadOnlyList<int> ReadClients,
    IReadOnlyList<int> TransactionClients,
    IReadOnlySet<string> Scenarios,
    string? OutDirectory,
    string? IgDirectory,
    bool Seed,
    string? DumpDirectory,
    Uri? UnindexedBaseUrl = null,
    int Rounds = 1,
    TimeSpan ServerWarmup = default,
    string? Compare = null)
{
    /// <summary>Whether the scenario runs: asked for, and for create-unindexed, a server without indexing named.</summary>
    public bool Runs(Measurement.Scenario scenario) =>
        Scenarios.Contains(scenario.Name) && (scenario != Measurement.Scenario.CreateUnindexed || UnindexedBaseUrl is not null);

    public int MaxClients => Clients.Concat(ReadClients).Concat(TransactionClients).DefaultIfEmpty(1).Max();
}
