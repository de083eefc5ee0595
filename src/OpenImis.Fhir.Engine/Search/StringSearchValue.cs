namespace OpenImis.Fhir.Engine.Search;

/// <summary>A string: folded (lower case, no accents) for the default and <c>:contains</c>, as written for <c>:exact</c>.</summary>
public sealed record StringSearchValue(string Normalized, string Exact) : SearchValue;
