namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// One ElementDefinition.type entry: the type code, the profiles the value must conform to, and for Reference and
/// canonical the target profiles (http://hl7.org/fhir/R4/elementdefinition-definitions.html#ElementDefinition.type).
/// </summary>
internal sealed record TypePlan(string Code, string[] Profiles, string[] TargetProfiles)
{
    /// <summary>FHIRPath system types (<c>http://hl7.org/fhirpath/System.String</c> on <c>id</c>) are not FHIR types we check.</summary>
    public bool IsSystemType => Code.StartsWith("http://hl7.org/fhirpath/", StringComparison.Ordinal);
}
