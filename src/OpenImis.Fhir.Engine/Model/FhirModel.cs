namespace OpenImis.Fhir.Engine.Model;

// CONTRACT STUB: replaced by the model helper's implementation.
public sealed class FhirModel
{
    public static FhirModel Empty { get; } = new();

    public TypeDefinition? FindType(string name) => null;
}
