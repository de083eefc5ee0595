namespace OpenImis.Fhir.Storage;

/// <summary>
/// A write that the database refused for a unique key: another resource of the type holds the same openIMIS business
/// identifier (<see cref="IsDuplicateIdentifier"/>), or another transaction wrote the same version first. Names the
/// write, since writes are sent in batches and fail where they are flushed, not where they were made.
/// </summary>
public sealed class StorageConflictException(string message, string resourceType, string id, bool isDuplicateIdentifier, Exception inner)
    : Exception(message, inner)
{
    public string ResourceType { get; } = resourceType;

    public string Id { get; } = id;

    public bool IsDuplicateIdentifier { get; } = isDuplicateIdentifier;
}
