namespace OpenImis.Fhir.Application.Interactions;

/// <summary>
/// How a write inside a Bundle differs from a plain one: the id assigned in advance (so that other entries could
/// point to it), the reference rewriting (<c>urn:uuid:</c> to <c>Type/id</c>), where its issues are located, and the
/// criteria its transaction resolved for it.
/// </summary>
public sealed record WriteOptions
{
    public static WriteOptions None { get; } = new();

    public string? AssignedId { get; init; }

    public Func<string, string?>? RewriteReference { get; init; }

    /// <summary>Replaces the resource type at the start of issue locations, e.g. <c>Bundle.entry[3].resource</c>.</summary>
    public string? LocationPrefix { get; init; }

    /// <summary>
    /// The criteria of a conditional entry of a transaction as the transaction resolved them (fullUrls rewritten to the
    /// ids their entries write; for a create or update, its key already locked): what the entry matches, and what a
    /// resource it creates because they matched nothing must match.
    /// </summary>
    public ConditionalCriteria? Criteria { get; init; }

    /// <summary>
    /// What a conditional update's criteria match as its transaction sees them, worked out without asking the database
    /// again (BundleProcessor, "conditional updates"); null: the update searches.
    /// </summary>
    public IReadOnlyList<string>? KnownMatches { get; init; }
}
