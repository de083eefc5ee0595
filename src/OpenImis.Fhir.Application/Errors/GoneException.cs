using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Errors;

/// <summary>A read of a deleted resource: 410, with the delete's version in the ETag.</summary>
public sealed class GoneException(StoredResource deleted)
    : Exception($"{deleted.ResourceType}/{deleted.Id} was deleted (version {deleted.VersionId})")
{
    public StoredResource Deleted { get; } = deleted;
}
