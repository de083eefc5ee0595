namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// One ElementDefinition.type entry: the type code, the profiles the value must conform to, and for Reference and
/// canonical the target profiles (http://hl7.org/fhir/R4/elementdefinition-definitions.html#ElementDefinition.type).
/// </summary>
internal sealed record TypePlan(string Code, string[] Profiles, string[] TargetProfiles)
{
    // The compiled Profiles, found on first use: every extension is checked against its profile, and a registry
    // lookup hashes the whole canonical.
    private ProfilePlan?[]? _profilePlans;

    /// <summary>FHIRPath system types (<c>http://hl7.org/fhirpath/System.String</c> on <c>id</c>) are not FHIR types we check.</summary>
    public bool IsSystemType { get; } = Code.StartsWith("http://hl7.org/fhirpath/", StringComparison.Ordinal);

    /// <summary>The plan of <c>Profiles[index]</c>, or null when the registry does not know it.</summary>
    public ProfilePlan? ProfilePlan(ProfileRegistry registry, int index)
    {
        var plans = _profilePlans ??= new ProfilePlan?[Profiles.Length];
        // Plans are immutable and the registry returns the same one each time, so a race only repeats a lookup.
        return plans[index] ??= registry.Find(Profiles[index]);
    }
}
