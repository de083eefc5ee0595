namespace OpenImis.Fhir.Storage.Search;

/// <summary>One search parameter of a request as written (<c>subject:Patient.name</c>, <c>_has:Claim:patient:status</c>) with its comma-separated values (ORed).</summary>
public sealed record SearchCriterion(string Name, IReadOnlyList<string> Values);
