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
    /// The criteria of a conditional create or update in a transaction, resolved there (its placeholders rewritten,
    /// its keys locked): a resource the entry writes because they matched nothing must match them.
    /// </summary>
    public ConditionalCriteria? Criteria { get; init; }
}
