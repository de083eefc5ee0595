namespace OpenImis.Fhir.DataGenerator.Generation;

/// <summary>What to generate. The same options give the same data set, byte for byte.</summary>
public sealed record DataSetOptions
{
    /// <summary>Smallest data set: the reference data alone needs about a hundred resources at this scale.</summary>
    public const int MinimumResources = 500;

    public int Seed { get; init; } = 1;

    /// <summary>Total number of resources, reference data included; the data set has exactly this many.</summary>
    public int Resources { get; init; } = 1_000_000;

    /// <summary>
    /// The "today" of the data set: dates fall in the three years before it and policy states are as of it. Fixed by
    /// default, not the clock, so that a seed always gives the same data.
    /// </summary>
    public DateOnly AsOf { get; init; } = new(2026, 10, 31);

    /// <summary>The IG folder (its examples are the templates); default: <c>ig-profiles/</c> beside the program.</summary>
    public string? IgDirectory { get; init; }
}
