namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// One element instance a composite parameter selects (a Group.characteristic), with the values of each component
/// taken from that instance only: <c>Components[i]</c> holds what component i's expression gives there. A search
/// matches when one instance matches every component, so code and value of two different characteristics never
/// combine (search.html#composite).
/// </summary>
public sealed record CompositeSearchValue(IReadOnlyList<IReadOnlyList<SearchValue>> Components) : SearchValue;
