using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// One search parameter of one resource type: it extracts the parameter's index rows from a resource at write time
/// and turns a search on it into SQL over the same rows, so indexing and querying cannot drift apart.
/// </summary>
public sealed class SearchParameterHandler
{
    private readonly SearchIndexer _indexer;
    private readonly Lazy<IReadOnlyList<SearchParameterHandler>?> _components;

    public SearchParameterHandler(SearchParameterDefinition definition, string resourceType, SearchIndexer indexer)
        : this(definition, resourceType, indexer, isComponent: false)
    {
    }

    private SearchParameterHandler(SearchParameterDefinition definition, string resourceType, SearchIndexer indexer, bool isComponent)
    {
        Definition = definition;
        ResourceType = resourceType;
        IsComponent = isComponent;
        _indexer = indexer;
        _components = new(() => ComponentHandlers(definition, resourceType, indexer));
        _singleValued = new(() => indexer.IsSingleValued(definition, resourceType));
        StoredCodes = [definition.Code];
    }

    private readonly Lazy<bool> _singleValued;

    /// <summary>
    /// The codes under which the index rows of this parameter's values are stored: its own, or also (or instead)
    /// those of parameters whose values it shares (<see cref="SharedStringRows"/>). A search reads all of them.
    /// </summary>
    public IReadOnlyList<string> StoredCodes { get; private set; }

    /// <summary>False when another parameter stores this one's values (<see cref="SharedStringRows"/>).</summary>
    public bool StoresRows { get; private set; } = true;

    /// <summary>Codes of parameters that store some of this one's values: rows equal to theirs are not written again.</summary>
    internal IReadOnlyList<string> SubtractedCodes { get; private set; } = [];

    /// <summary>Set while the registry builds the parameters of a type, before any use.</summary>
    internal void ShareRows(IReadOnlyList<string> storedCodes, IReadOnlyList<string> subtractedCodes, bool storesRows)
    {
        StoredCodes = storedCodes;
        SubtractedCodes = subtractedCodes;
        StoresRows = storesRows;
    }

    /// <summary>A resource holds at most one value for this parameter (<see cref="SearchIndexer.IsSingleValued"/>).</summary>
    public bool IsSingleValued => _singleValued.Value;

    public SearchParameterDefinition Definition { get; }

    public string ResourceType { get; }

    public string Code => Definition.Code;

    /// <summary>
    /// A component of a composite: its rows are stored under <c>composite$i</c> with the number of the element
    /// instance they come from, and its conditions are tied to one instance row of the composite.
    /// </summary>
    public bool IsComponent { get; }

    /// <summary>
    /// The handlers of a composite's components, in order, with codes <c>code$0</c>, <c>code$1</c>...; null when
    /// this is no composite or a component's definition is unknown.
    /// </summary>
    public IReadOnlyList<SearchParameterHandler>? Components => _components.Value;

    /// <summary>
    /// Parameters answered from the resource table itself (<c>_id</c>, <c>_lastUpdated</c>) and those without
    /// values of their own (special, composites with unknown components) have no index rows.
    /// </summary>
    public bool IsIndexed => Definition.Code is not ("_id" or "_lastUpdated")
        && !string.IsNullOrEmpty(Definition.Expression) // _content, _text, _query: nothing to extract, so nothing to search
        && Definition.Type is not SearchParameterType.Special
        && (Definition.Type is not SearchParameterType.Composite || Components is not null);

    /// <summary>The values a resource holds for this parameter (the in-memory matcher compares against these too).</summary>
    public List<SearchValue> Values(ElementNode resource) => _indexer.Values(resource, Definition);

    /// <summary>
    /// The SQL condition (on the resource table alias <paramref name="resource"/>) that a resource matches one of
    /// <paramref name="values"/> (comma-separated values are ORed), with the modifier.
    /// </summary>
    public string Condition(SqlBuilder sql, string resource, string? modifier, IReadOnlyList<string> values, SearchEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(environment);
        if (!IsIndexed) throw new SearchException($"The search parameter {Code} ({Definition.Type.ToString().ToLowerInvariant()}) is not supported", Code);
        if (modifier == "missing")
        {
            if (values.Count != 1) throw new SearchException($"{Code}:missing takes one value, true or false", Code);
            return Conditions.IndexExists.Missing(sql, Table, this, resource, values[0]);
        }
        return Definition.Type switch
        {
            SearchParameterType.String => Conditions.StringCondition.Sql(sql, this, resource, modifier, values),
            SearchParameterType.Token => Conditions.TokenCondition.Sql(sql, this, resource, modifier, values, environment.ExpandValueSet),
            SearchParameterType.Date => Conditions.DateCondition.Sql(sql, this, resource, modifier, values),
            SearchParameterType.Number => Conditions.NumberCondition.Sql(sql, this, resource, modifier, values),
            SearchParameterType.Quantity => Conditions.QuantityCondition.Sql(sql, this, resource, modifier, values),
            SearchParameterType.Reference => Conditions.ReferenceCondition.Sql(sql, this, resource, modifier, values, environment.IsResourceType),
            SearchParameterType.Composite => Conditions.CompositeCondition.Sql(sql, this, resource, modifier, values, environment),
            _ => Conditions.UriCondition.Sql(sql, this, resource, modifier, values),
        };
    }

    /// <summary>The index table of this parameter's values.</summary>
    public string Table => Definition.Type switch
    {
        SearchParameterType.String => "search_string",
        SearchParameterType.Token => "search_token",
        SearchParameterType.Date => "search_date",
        SearchParameterType.Number => "search_number",
        SearchParameterType.Quantity => "search_quantity",
        SearchParameterType.Reference => "search_reference",
        SearchParameterType.Composite => "search_composite",
        _ => "search_uri",
    };

    /// <summary>The sort key of a resource for this parameter (search.html#sort: the lowest value ascending, the highest descending).</summary>
    public string SortKey(SqlBuilder sql, string resource, bool descending)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var column = Definition.Type switch
        {
            SearchParameterType.String => "normalized",
            SearchParameterType.Token => "nullif(value, '')", // a CodeableConcept's text has a value of its own, without code
            SearchParameterType.Date => descending ? "high" : "low",
            SearchParameterType.Number or SearchParameterType.Quantity => "value",
            SearchParameterType.Reference => "coalesce(target_type || '/' || target_id, url)",
            SearchParameterType.Uri => "value",
            _ => throw new SearchException($"{Code} cannot be sorted on", Code),
        };
        var aggregate = descending ? "max" : "min";
        return $"(select {aggregate}({column}) from {Table} s where s.rid = {resource}.rid and s.resource_type = {sql.Add(ResourceType)} and {CodeCondition(sql, "s")})";
    }

    /// <summary>The condition that an index row (alias <paramref name="alias"/>) holds a value of this parameter.</summary>
    public string CodeCondition(SqlBuilder sql, string alias)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return StoredCodes.Count == 1 ? $"{alias}.code = {sql.Add(StoredCodes[0])}" : $"{alias}.code = any({sql.Add(StoredCodes.ToArray())})";
    }

    public void AddRows(ElementNode resource, List<SearchIndexRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!IsIndexed || !StoresRows) return;
        var values = Values(resource);
        if (SubtractedCodes.Count > 0)
        {
            // The rows of the parameters that store some of these values are already in (the registry adds them first).
            var stored = rows.Where(r => SubtractedCodes.Contains(r.Code)).Select(r => r.Value).ToHashSet();
            values.RemoveAll(stored.Contains);
        }
        if (Definition.Type != SearchParameterType.Composite)
        {
            foreach (var value in values) rows.Add(new SearchIndexRow(Code, value));
            return;
        }
        var components = Components!;
        var part = 0;
        foreach (var value in values)
        {
            if (value is not CompositeSearchValue composite) continue;
            rows.Add(new SearchIndexRow(Code, composite, part));
            for (var i = 0; i < components.Count; i++)
            {
                foreach (var componentValue in composite.Components[i]) rows.Add(new SearchIndexRow(components[i].Code, componentValue, part));
            }
            part++;
        }
    }

    private static List<SearchParameterHandler>? ComponentHandlers(SearchParameterDefinition definition, string resourceType, SearchIndexer indexer)
    {
        if (definition.Type != SearchParameterType.Composite || definition.Components.Count == 0) return null;
        var handlers = new List<SearchParameterHandler>(definition.Components.Count);
        for (var i = 0; i < definition.Components.Count; i++)
        {
            if (indexer.Catalog.FindByUrl(definition.Components[i].Definition) is not { } component) return null;
            if (component.Type is SearchParameterType.Composite or SearchParameterType.Special) return null;
            handlers.Add(new SearchParameterHandler(component with { Code = $"{definition.Code}${i}" }, resourceType, indexer, isComponent: true));
        }
        return handlers;
    }
}
