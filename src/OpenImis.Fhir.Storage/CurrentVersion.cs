namespace OpenImis.Fhir.Storage;

/// <summary>The current version of a resource, without its body: what an update or delete checks first.</summary>
public sealed record CurrentVersion(int VersionId, DateTimeOffset LastUpdated, bool Deleted);
