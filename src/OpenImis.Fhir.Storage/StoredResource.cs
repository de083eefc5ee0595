namespace OpenImis.Fhir.Storage;

/// <summary>One version of a resource as stored. <see cref="Json"/> is null for a delete.</summary>
public sealed record StoredResource(
    string ResourceType,
    string Id,
    int VersionId,
    DateTimeOffset LastUpdated,
    bool Deleted,
    string Method,
    long ChangeSeq,
    string? Json);
