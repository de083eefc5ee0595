using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// The search parameters known for each resource type: the R4 core definitions, our own (openIMIS), and any added at
/// run time. A parameter whose base is Resource or DomainResource applies to every type. Reads are lock-free: an add
/// publishes a new snapshot.
/// </summary>
public sealed class SearchParameterCatalog
{
    private readonly FhirModel _model;
    private volatile Dictionary<string, Dictionary<string, SearchParameterDefinition>> _byType = new(StringComparer.Ordinal);
    private volatile Dictionary<string, SearchParameterDefinition> _byUrl = new(StringComparer.Ordinal);
    private readonly Lock _writeLock = new();

    public SearchParameterCatalog(FhirModel model, IEnumerable<SearchParameterDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        _model = model;
        foreach (var definition in definitions) Add(definition);
    }

    public static SearchParameterCatalog ForR4(FhirDefinitions? definitions = null, FhirModel? model = null) =>
        new(model ?? FhirModel.R4, CoreDefinitions(definitions));

    /// <summary>The R4 core SearchParameter definitions.</summary>
    public static IReadOnlyList<SearchParameterDefinition> CoreDefinitions(FhirDefinitions? definitions = null) =>
        (definitions ?? FhirDefinitions.R4).SearchParameters.Select(SearchParameterDefinition.FromJson).ToList();

    /// <summary>The concrete resource types a definition applies to (every one for base Resource or DomainResource).</summary>
    public IEnumerable<string> ResourceTypesOf(SearchParameterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return TypesOf(definition);
    }

    public SearchParameterDefinition? Find(string resourceType, string code) =>
        _byType.TryGetValue(resourceType, out var codes) && codes.TryGetValue(code, out var definition) ? definition : null;

    /// <summary>A definition by its canonical url (composite components name theirs this way).</summary>
    public SearchParameterDefinition? FindByUrl(string url) => _byUrl.GetValueOrDefault(url);

    public IReadOnlyCollection<SearchParameterDefinition> For(string resourceType) =>
        _byType.TryGetValue(resourceType, out var codes) ? codes.Values : [];

    /// <summary>The types that have parameters: every concrete resource type (those of base Resource apply to each).</summary>
    public IReadOnlyCollection<string> ResourceTypes => _byType.Keys;

    /// <summary>The parameters of base Resource, which every resource type has (<c>_tag</c>, <c>_profile</c>, ...).</summary>
    public IReadOnlyCollection<SearchParameterDefinition> ForEveryType() =>
        _byType.Values.SelectMany(codes => codes.Values).Where(d => d.Base.Contains("Resource")).DistinctBy(d => d.Code).ToList();

    /// <summary>Adds or replaces (same type and code) a definition, for every type of its base.</summary>
    public void Add(SearchParameterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        lock (_writeLock)
        {
            var next = _byType.ToDictionary(p => p.Key, p => new Dictionary<string, SearchParameterDefinition>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
            foreach (var type in TypesOf(definition))
            {
                if (!next.TryGetValue(type, out var codes)) next[type] = codes = new(StringComparer.Ordinal);
                codes[definition.Code] = definition;
            }
            _byType = next;
            if (definition.Url.Length > 0) _byUrl = new Dictionary<string, SearchParameterDefinition>(_byUrl, StringComparer.Ordinal) { [definition.Url] = definition };
        }
    }

    /// <summary>The expression of a parameter restricted to one type (see <see cref="SearchExpressionSplitter"/>); null when none applies.</summary>
    public string? ExpressionFor(SearchParameterDefinition definition, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Expression is { } expression
            ? SearchExpressionSplitter.ForType(expression, resourceType, IsConcreteResourceType)
            : null;
    }

    private bool IsConcreteResourceType(string name) => _model.FindType(name) is { Kind: TypeKind.Resource, IsAbstract: false };

    private IEnumerable<string> TypesOf(SearchParameterDefinition definition)
    {
        foreach (var type in definition.Base)
        {
            if (type is "Resource" or "DomainResource")
            {
                foreach (var t in _model.Types)
                {
                    if (t is { Kind: TypeKind.Resource, IsAbstract: false } && (type == "Resource" || t.IsA(_model.FindType("DomainResource")!))) yield return t.Name;
                }
            }
            else
            {
                yield return type;
            }
        }
    }
}
