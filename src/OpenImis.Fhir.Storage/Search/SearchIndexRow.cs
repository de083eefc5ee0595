using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>One value a resource holds for one search parameter (by its code), to be stored in the search index.</summary>
public readonly record struct SearchIndexRow(string Code, SearchValue Value);
