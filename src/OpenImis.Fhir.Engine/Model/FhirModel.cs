using OpenImis.Fhir.Engine.Definitions;

namespace OpenImis.Fhir.Engine.Model;

/// <summary>
/// The FHIR type system: every primitive, complex type and resource type, plus inline (backbone) types named by path
/// (<c>Patient.contact</c>). Immutable once built, shared across threads.
/// </summary>
public sealed class FhirModel
{
    private static readonly Lazy<FhirModel> SharedR4 =
        new(() => FhirModelBuilder.Build(FhirDefinitions.R4), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, TypeDefinition> _types;

    internal FhirModel(Dictionary<string, TypeDefinition> types)
    {
        _types = types;
    }

    /// <summary>The R4 core model, built from <see cref="FhirDefinitions.R4"/> on first use and shared.</summary>
    public static FhirModel R4 => SharedR4.Value;

    /// <summary>A model that knows no types: the reader then reads every property untyped (FHIRPath non-strict still sees them).</summary>
    public static FhirModel Empty { get; } = new(new Dictionary<string, TypeDefinition>(StringComparer.Ordinal));

    /// <summary>All types, backbone types included (filter on <see cref="TypeDefinition.Kind"/>).</summary>
    public IReadOnlyCollection<TypeDefinition> Types => _types.Values;

    /// <summary>The type by name (<c>Patient</c>, <c>HumanName</c>, <c>code</c>, <c>SimpleQuantity</c>) or backbone path (<c>Patient.contact</c>); null when unknown.</summary>
    public TypeDefinition? FindType(string name) => _types.GetValueOrDefault(name);

    /// <summary>True for a resource type, the abstract <c>Resource</c> and <c>DomainResource</c> included.</summary>
    public bool IsResourceType(string name) => _types.TryGetValue(name, out var type) && type.Kind == TypeKind.Resource;
}
