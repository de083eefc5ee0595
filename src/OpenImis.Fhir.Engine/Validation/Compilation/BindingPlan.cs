namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>ElementDefinition.binding: strength (required, extensible, preferred, example) and the ValueSet canonical.</summary>
internal sealed record BindingPlan(string Strength, string ValueSet)
{
    public bool IsRequired => Strength == "required";

    public bool IsExtensible => Strength == "extensible";
}
