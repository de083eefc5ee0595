using System.Collections.Concurrent;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>The search parameter handlers of each resource type, built from the catalog on first use.</summary>
public sealed class SearchParameterRegistry(SearchIndexer indexer)
{
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, SearchParameterHandler>> _byType = new(StringComparer.Ordinal);

    public SearchIndexer Indexer { get; } = indexer;

    public IReadOnlyDictionary<string, SearchParameterHandler> For(string resourceType) =>
        _byType.GetOrAdd(resourceType, type => Indexer.Catalog.For(type)
            .ToDictionary(d => d.Code, d => new SearchParameterHandler(d, type, Indexer), StringComparer.Ordinal));

    public SearchParameterHandler? Find(string resourceType, string code) => For(resourceType).GetValueOrDefault(code);

    /// <summary>The index rows of a resource over all parameters of its type.</summary>
    public List<SearchIndexRow> Rows(ElementNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var rows = new List<SearchIndexRow>();
        foreach (var handler in For(resource.TypeName).Values) handler.AddRows(resource, rows);
        return rows;
    }

    /// <summary>Forgets the handlers, after a SearchParameter was added at run time.</summary>
    public void Reset() => _byType.Clear();
}
