using System.Collections.Concurrent;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// The search parameter handlers of each resource type, built from the catalog on first use. The catalog is the
/// built-in definitions (R4 core and the openIMIS IG) plus the SearchParameters stored at run time; loading new
/// run-time definitions (<see cref="Load"/>) publishes a new snapshot, so a write or a search uses one consistent set.
/// </summary>
public sealed class SearchParameterRegistry
{
    private readonly FhirModel _model;
    private readonly FhirPathEngine _engine;
    private volatile Snapshot _current;
    private readonly Lazy<HashSet<string>> _builtInUrls;

    /// <param name="builtIn">The definitions known without the database: R4 core and the IG's own.</param>
    public SearchParameterRegistry(FhirPathEngine engine, IReadOnlyList<SearchParameterDefinition> builtIn)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _model = engine.Model;
        BuiltIn = builtIn;
        _builtInUrls = new(() => BuiltIn.Select(d => d.Url).ToHashSet(StringComparer.Ordinal));
        _current = new Snapshot(new SearchIndexer(new SearchParameterCatalog(_model, builtIn), engine), new Dictionary<string, SearchParameterDefinition>(), -1, IsBuiltIn);
    }

    /// <summary>A registry over the R4 core definitions only.</summary>
    public SearchParameterRegistry(SearchIndexer indexer)
    {
        ArgumentNullException.ThrowIfNull(indexer);
        _engine = indexer.Engine;
        _model = indexer.Engine.Model;
        BuiltIn = SearchParameterCatalog.CoreDefinitions();
        _builtInUrls = new(() => BuiltIn.Select(d => d.Url).ToHashSet(StringComparer.Ordinal));
        _current = new Snapshot(indexer, new Dictionary<string, SearchParameterDefinition>(), -1, IsBuiltIn);
    }

    public IReadOnlyList<SearchParameterDefinition> BuiltIn { get; }

    /// <summary>True for the url of a built-in definition (R4 core or the IG).</summary>
    public bool IsBuiltIn(string url) => _builtInUrls.Value.Contains(url);

    public SearchIndexer Indexer => _current.Indexer;

    /// <summary>The run-time definitions by the id of their SearchParameter resource.</summary>
    public IReadOnlyDictionary<string, SearchParameterDefinition> RunTime => _current.RunTime;

    /// <summary>The generation of the run-time definitions loaded (<c>search_parameter_generation</c>); -1 before any load.</summary>
    public long Generation => _current.Generation;

    public IReadOnlyDictionary<string, SearchParameterHandler> For(string resourceType) => _current.For(resourceType);

    public SearchParameterHandler? Find(string resourceType, string code) => For(resourceType).GetValueOrDefault(code);

    /// <summary>The index rows of a resource over all parameters of its type.</summary>
    public List<SearchIndexRow> Rows(ElementNode resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var rows = new List<SearchIndexRow>();
        foreach (var handler in _current.IndexOrder(resource.TypeName)) handler.AddRows(resource, rows);
        return rows;
    }

    /// <summary>Replaces the run-time definitions (those of the stored SearchParameters, by resource id).</summary>
    public void Load(IReadOnlyDictionary<string, SearchParameterDefinition> runTime, long generation)
    {
        ArgumentNullException.ThrowIfNull(runTime);
        var catalog = new SearchParameterCatalog(_model, BuiltIn);
        // Added in a stable order, so that a clash that slipped in (two instances writing at once) resolves the same
        // everywhere. A stored copy of a built-in parameter (same url, such as the IG's own) leaves the built-in in use.
        foreach (var (_, definition) in runTime.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!IsBuiltIn(definition.Url)) catalog.Add(definition);
        }
        _current = new Snapshot(new SearchIndexer(catalog, _engine), runTime, generation, IsBuiltIn);
    }

    private sealed class Snapshot(SearchIndexer indexer, IReadOnlyDictionary<string, SearchParameterDefinition> runTime, long generation, Func<string, bool> isBuiltIn)
    {
        private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, SearchParameterHandler> ByCode, IReadOnlyList<SearchParameterHandler> IndexOrder)> _byType = new(StringComparer.Ordinal);

        public SearchIndexer Indexer { get; } = indexer;

        public IReadOnlyDictionary<string, SearchParameterDefinition> RunTime { get; } = runTime;

        public long Generation { get; } = generation;

        public IReadOnlyDictionary<string, SearchParameterHandler> For(string resourceType) => Parameters(resourceType).ByCode;

        /// <summary>The parameters of the type in the order their rows are made: those that leave out rows of others last.</summary>
        public IReadOnlyList<SearchParameterHandler> IndexOrder(string resourceType) => Parameters(resourceType).IndexOrder;

        // SearchRequest.AnyType (every type of a compartment): the parameters of base Resource, which every type has.
        private (IReadOnlyDictionary<string, SearchParameterHandler> ByCode, IReadOnlyList<SearchParameterHandler> IndexOrder) Parameters(string resourceType) =>
            _byType.GetOrAdd(resourceType, type =>
            {
                var byCode = (type == SearchRequest.AnyType ? Indexer.Catalog.ForEveryType() : Indexer.Catalog.For(type))
                    .ToDictionary(d => d.Code, d => new SearchParameterHandler(d, type, Indexer), StringComparer.Ordinal);
                if (type != SearchRequest.AnyType) SharedStringRows.Apply(byCode, type, Indexer, isBuiltIn);
                return (byCode, byCode.Values.OrderBy(h => h.SubtractedCodes.Count > 0).ToList());
            });
    }
}
