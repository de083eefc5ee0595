namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// A compartment a search is limited to (<c>GET Patient/123/Claim</c>, or <c>Patient/123/*</c> for every type): a
/// resource is in it when one of the parameters of its type in <paramref name="Members"/> refers to <c>Type/Id</c>,
/// or, with <c>{def}</c>, when it is that resource. A search of one type needs only that type's entry.
/// </summary>
public sealed record SearchCompartment(string Type, string Id, IReadOnlyDictionary<string, IReadOnlyList<string>> Members);
