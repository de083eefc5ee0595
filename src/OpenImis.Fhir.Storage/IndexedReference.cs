namespace OpenImis.Fhir.Storage;

/// <summary>
/// A row of the reference table: where the reference sits (<c>Claim.patient</c>) and what it names: a resource on
/// this server (type and id), an absolute URL, or an identifier. <see cref="TargetVersion"/> is the version a
/// versioned reference (<c>Type/id/_history/v</c>) names: checked at write, not stored.
/// </summary>
public sealed record IndexedReference(string Path, string? TargetType, string? TargetId, string? TargetUrl, string? IdentifierSystem, string? IdentifierValue, string? TargetVersion = null);
