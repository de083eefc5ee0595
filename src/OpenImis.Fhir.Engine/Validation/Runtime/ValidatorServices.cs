using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Terminology;
using OpenImis.Fhir.Engine.Validation.Compilation;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>What every validation run shares: the model, the compiled profiles, terminology and the FHIRPath environment.</summary>
internal sealed class ValidatorServices(FhirModel model, ProfileRegistry registry, TerminologyService terminology, FhirPathEnvironment environment)
{
    public FhirModel Model { get; } = model;

    public ProfileRegistry Registry { get; } = registry;

    public TerminologyService Terminology { get; } = terminology;

    public FhirPathEnvironment Environment { get; } = environment;
}
