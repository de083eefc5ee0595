using System.Collections.Concurrent;
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

    // (ValueSet, code system) -> whether the expansion draws on the system; asked for every bound Coding.
    private readonly ConcurrentDictionary<(string, string), bool> _drawsOn = new();

    /// <summary>True when the ValueSet's expansion holds codes of the system (false when it cannot be expanded).</summary>
    public bool ValueSetDrawsOn(string valueSet, string system) =>
        _drawsOn.GetOrAdd((valueSet, system), static (key, terminology) =>
            terminology.Expand(key.Item1) is { } expansion && expansion.Concepts.Any(c => c.System == key.Item2), Terminology);
}
