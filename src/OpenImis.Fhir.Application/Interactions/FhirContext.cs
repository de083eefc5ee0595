using OpenImis.Fhir.Application.Validation;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Terminology;
using OpenImis.Fhir.Storage;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Application.Interactions;

/// <summary>What the interactions share, built once per process: storage, validation, the model and the settings.</summary>
public sealed class FhirContext(FhirStore store, ResourceValidation validation, FhirServerOptions options, SearchParameterRegistry search, FhirModel? model = null, FhirPathEngine? fhirPath = null)
{
    /// <summary>The search parameters: every write stores its index rows through them.</summary>
    public SearchParameterRegistry Search { get; } = search;

    /// <summary>Loads SearchParameters written at run time into <see cref="Search"/>; null: only the built-in parameters.</summary>
    public Search.SearchParameterSync? SearchParameters { get; init; }

    public FhirStore Store { get; } = store;

    /// <summary>Runs searches, and the matching of conditional operations inside a write.</summary>
    public SearchEngine SearchEngine => LazyInitializer.EnsureInitialized(ref _searchEngine, () => new SearchEngine(Store, Search, new SearchEnvironment(IsResourceType, ExpandValueSet)));

    private SearchEngine? _searchEngine;

    public ResourceValidation Validation { get; } = validation;

    public FhirServerOptions Options { get; } = options;

    public FhirModel Model { get; } = model ?? FhirModel.R4;

    public FhirPathEngine FhirPath { get; } = fhirPath ?? new FhirPathEngine(model ?? FhirModel.R4);

    /// <summary>
    /// The concrete resource types of R4: in the model and in the R4 resource-types CodeSystem (the npm package also
    /// ships R4B's SubscriptionStatus, which R4 servers do not have).
    /// </summary>
    public IReadOnlySet<string> ResourceTypes { get; } = (model ?? FhirModel.R4).Types
        .Where(t => t is { Kind: TypeKind.Resource, IsAbstract: false }
            && validation.Terminology.Lookup("http://hl7.org/fhir/resource-types", t.Name).Outcome == LookupOutcome.Known)
        .Select(t => t.Name)
        .ToHashSet(StringComparer.Ordinal);

    public bool IsResourceType(string name) => ResourceTypes.Contains(name);

    // :in and :not-in search against a local expansion; a ValueSet this server cannot expand completely is refused.
    private IReadOnlyList<(string System, string Code)>? ExpandValueSet(string url) =>
        Validation.Terminology.Expand(url) is { IsComplete: true } expansion ? expansion.Concepts.Select(c => (c.System, c.Code)).ToList() : null;
}
