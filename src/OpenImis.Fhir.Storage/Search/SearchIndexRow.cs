using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// One value a resource holds for one search parameter (by its code), to be stored in the search index. Rows of a
/// composite carry the number of the element instance they come from (<see cref="Part"/>); see
/// <see cref="SearchParameterHandler"/>.
/// </summary>
public readonly record struct SearchIndexRow(string Code, SearchValue Value, int? Part = null);
