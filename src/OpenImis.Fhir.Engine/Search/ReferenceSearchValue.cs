namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// A reference: to <c>Type/id</c> on this server, to another URL (absolute references and canonicals; the version
/// after <c>|</c> apart), or by identifier only (for <c>:identifier</c>).
/// </summary>
public sealed record ReferenceSearchValue(string? TargetType, string? TargetId, string? Url, string? Version, string? IdentifierSystem, string? IdentifierValue) : SearchValue;
