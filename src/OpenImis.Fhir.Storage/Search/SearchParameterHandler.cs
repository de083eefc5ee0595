using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// One search parameter of one resource type: it extracts the parameter's index rows from a resource at write time
/// and turns a search on it into SQL over the same rows, so indexing and querying cannot drift apart.
/// </summary>
public sealed class SearchParameterHandler(SearchParameterDefinition definition, string resourceType, SearchIndexer indexer)
{
    public SearchParameterDefinition Definition { get; } = definition;

    public string ResourceType { get; } = resourceType;

    public string Code => Definition.Code;

    /// <summary>
    /// Parameters answered from the resource table itself (<c>_id</c>, <c>_lastUpdated</c>) and those without
    /// values of their own (composite, special) have no index rows.
    /// </summary>
    public bool IsIndexed => Definition.Code is not ("_id" or "_lastUpdated")
        && Definition.Type is not (SearchParameterType.Composite or SearchParameterType.Special);

    /// <summary>The values a resource holds for this parameter (the in-memory matcher compares against these too).</summary>
    public List<SearchValue> Values(ElementNode resource) => indexer.Values(resource, Definition);

    public void AddRows(ElementNode resource, List<SearchIndexRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!IsIndexed) return;
        foreach (var value in Values(resource)) rows.Add(new SearchIndexRow(Code, value));
    }
}
