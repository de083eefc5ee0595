namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// A compartment a search is limited to (<c>GET Patient/123/Claim</c>): a resource of the searched type is in it when
/// one of <paramref name="Parameters"/> refers to <c>Type/Id</c>, or, with <c>{def}</c>, when it is that resource.
/// </summary>
public sealed record SearchCompartment(string Type, string Id, IReadOnlyList<string> Parameters);
