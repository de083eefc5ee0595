namespace OpenImis.Fhir.Storage;

/// <summary>One entry of the change feed: a version written, and its position.</summary>
public sealed record ResourceChange(string ResourceType, string Id, int VersionId, bool Deleted, ChangeCursor Position);
