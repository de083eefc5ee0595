using System.Collections.Concurrent;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// Evaluates search parameters on resources: each parameter's expression (restricted to the resource's type,
/// compiled once with lenient <c>as</c>) and the values it gives (<see cref="SearchValueExtractor"/>). Indexing at
/// write time and matching in memory both go through <see cref="Values"/>, so they cannot disagree.
/// </summary>
public sealed partial class SearchIndexer(SearchParameterCatalog catalog, FhirPathEngine engine)
{
    private static readonly FhirPathCompileOptions Lenient = new() { LenientAs = true };

    private readonly ConcurrentDictionary<(SearchParameterDefinition, string), CompiledExpression?> _compiled = new();
    private readonly ConcurrentDictionary<string, CompiledExpression> _components = new(StringComparer.Ordinal);

    // R4 expressions select by target type with where(resolve() is Patient): a reference resolves to a stub of its
    // type and id (a reference by identifier to a stub of its type), so those parameters (Basic.patient,
    // Encounter.patient, ...) index without a database.
    private readonly FhirPathEnvironment _environment = new()
    {
        ResolveReference = ReferenceStubs.For(engine.Model),
        ResolveLogicalReference = ReferenceStubs.ForLogical(engine.Model),
    };

    public SearchParameterCatalog Catalog { get; } = catalog;

    public FhirPathEngine Engine { get; } = engine;

    /// <summary>The values <paramref name="resource"/> holds for <paramref name="definition"/>; empty when the expression fails on it.</summary>
    public List<SearchValue> Values(ElementNode resource, SearchParameterDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(definition);
        var values = new List<SearchValue>();
        if (Compiled(definition, resource.TypeName) is not { } expression) return values;
        FhirPathCollection selected;
        try
        {
            selected = expression.Evaluate(resource, _environment);
        }
        catch (FhirPathException)
        {
            // An expression that fails on this resource indexes nothing for it, as HAPI does; the write goes on.
            return values;
        }
        if (definition.Type == SearchParameterType.Composite)
        {
            Composites(resource, definition, selected, values);
            return values;
        }
        SearchValueExtractor.Extract(definition.Type, selected, Engine.Model.IsResourceType, values);
        return values;
    }

    /// <summary>
    /// The components of a composite for one instance: each component's expression evaluated on that instance, its
    /// values extracted as the type of the parameter the component's definition names. A composite whose component
    /// definitions are not all known indexes nothing (run-time SearchParameters are refused in that case).
    /// </summary>
    private void Composites(ElementNode resource, SearchParameterDefinition definition, FhirPathCollection selected, List<SearchValue> values)
    {
        var components = new List<(SearchParameterType Type, CompiledExpression Expression)>(definition.Components.Count);
        foreach (var component in definition.Components)
        {
            if (Catalog.FindByUrl(component.Definition) is not { } componentDefinition) return;
            components.Add((componentDefinition.Type, _components.GetOrAdd(component.Expression, text => Engine.Compile(text, Lenient))));
        }
        foreach (var item in selected)
        {
            if (item is not ElementNode instance) continue;
            var parts = new List<SearchValue>[components.Count];
            var complete = true;
            for (var i = 0; i < components.Count && complete; i++)
            {
                parts[i] = [];
                try
                {
                    SearchValueExtractor.Extract(components[i].Type, components[i].Expression.Evaluate(instance, resource), Engine.Model.IsResourceType, parts[i]);
                }
                catch (FhirPathException)
                {
                    parts[i].Clear();
                }
                complete = parts[i].Count > 0; // an instance without a value for some component cannot match a composite search
            }
            if (complete) values.Add(new CompositeSearchValue(parts));
        }
    }

    /// <summary>
    /// True when a resource holds at most one value for the parameter: its expression is a plain path (<c>Patient.birthDate</c>)
    /// through elements of cardinality 0..1. Then conditions on the parameter can be asked of one and the same value
    /// (<c>birthdate=ge1970&amp;birthdate=lt1980</c> is one range). False when in doubt.
    /// </summary>
    public bool IsSingleValued(SearchParameterDefinition definition, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (PlainPath(definition, resourceType) is not { } text) return false;
        var steps = text.Split('.');
        var type = Engine.Model.FindType(steps[0]);
        if (type is null) return false;
        for (var i = 1; i < steps.Length; i++)
        {
            if (type?.FindChild(steps[i]) is not { IsArray: false } child) return false;
            type = i < steps.Length - 1 && child.Types.Count == 1 ? child.Types[0].Type : null;
            if (type is null && i < steps.Length - 1) return false;
        }
        return true;
    }

    /// <summary>
    /// The parameter's expression for the type when it is a plain path from the type (<c>Patient.name.family</c>),
    /// without outer parentheses; null otherwise.
    /// </summary>
    public string? PlainPath(SearchParameterDefinition definition, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = Catalog.ExpressionFor(definition, resourceType)?.Trim();
        while (text is ['(', .., ')']) text = text[1..^1].Trim();
        return text is not null && PathPattern().IsMatch(text) && text.StartsWith(resourceType + ".", StringComparison.Ordinal) ? text : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Z][A-Za-z]*(\.[a-z][A-Za-z]*)+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PathPattern();

    private CompiledExpression? Compiled(SearchParameterDefinition definition, string resourceType) =>
        _compiled.GetOrAdd((definition, resourceType), key =>
        {
            var text = Catalog.ExpressionFor(key.Item1, key.Item2);
            return text is null ? null : Engine.Compile(text, Lenient);
        });
}
