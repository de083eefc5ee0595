namespace OpenImis.Fhir.Storage;

/// <summary>
/// A new version to store: its JSON (already stamped with id and meta) and the identifier and reference index rows
/// extracted from it. <see cref="Json"/> is null for a delete.
/// </summary>
public sealed record ResourceWrite(
    string ResourceType,
    string Id,
    int VersionId,
    DateTimeOffset LastUpdated,
    string Method,
    string? Json,
    IReadOnlyList<IndexedIdentifier> Identifiers,
    IReadOnlyList<IndexedReference> References)
{
    /// <summary>The search index rows of this version (none for a delete).</summary>
    public IReadOnlyList<Search.SearchIndexRow> Search { get; init; } = [];

    public bool Deleted => Json is null;

    public bool IsFirstVersion => VersionId == 1;
}
