using System.Collections.Concurrent;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// Evaluates search parameters on resources: each parameter's expression (restricted to the resource's type,
/// compiled once with lenient <c>as</c>) and the values it gives (<see cref="SearchValueExtractor"/>). Indexing at
/// write time and matching in memory both go through <see cref="Values"/>, so they cannot disagree.
/// </summary>
public sealed class SearchIndexer(SearchParameterCatalog catalog, FhirPathEngine engine)
{
    private static readonly FhirPathCompileOptions Lenient = new() { LenientAs = true };

    private readonly ConcurrentDictionary<(SearchParameterDefinition, string), CompiledExpression?> _compiled = new();

    // R4 expressions select by target type with where(resolve() is Patient): a reference resolves to a stub of its
    // type and id, so those parameters (Basic.patient, Encounter.patient, ...) index without a database.
    private readonly FhirPathEnvironment _environment = new() { ResolveReference = ReferenceStubs.For(engine.Model) };

    public SearchParameterCatalog Catalog { get; } = catalog;

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
        SearchValueExtractor.Extract(definition.Type, selected, engine.Model.IsResourceType, values);
        return values;
    }

    private CompiledExpression? Compiled(SearchParameterDefinition definition, string resourceType) =>
        _compiled.GetOrAdd((definition, resourceType), key =>
        {
            var text = Catalog.ExpressionFor(key.Item1, key.Item2);
            return text is null ? null : engine.Compile(text, Lenient);
        });
}
