namespace OpenImis.Fhir.Storage;

/// <summary>A row of the identifier table: <c>Identifier.system</c> ('' when absent), value and first type coding.</summary>
public sealed record IndexedIdentifier(string System, string Value, string? TypeSystem, string? TypeCode);
