namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>What the <c>search</c> command line asked for; see <see cref="SearchCommand"/> for each option.</summary>
internal sealed record SearchOptions(
    Uri BaseUrl,
    string Postgres,
    int Requests,
    int Warmup,
    int Clients,
    int Seed,
    int SamplePerType,
    int ExplainSamples,
    IReadOnlySet<string> Shapes,
    string? OutDirectory);
