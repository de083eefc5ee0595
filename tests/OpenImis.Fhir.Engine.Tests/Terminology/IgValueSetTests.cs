using OpenImis.Fhir.Engine.Terminology;
using static OpenImis.Fhir.Engine.Tests.Terminology.SharedTerminology;

namespace OpenImis.Fhir.Engine.Tests.Terminology;

public sealed class IgValueSetTests
{
    [Fact]
    public void openimis_identifiers_has_uuid_and_code_only()
    {
        var expansion = Service.Expand(Ig + "ValueSet/openimis-identifiers")!;
        Assert.True(expansion.IsComplete);
        Assert.Equal(["Code", "UUID"], expansion.Concepts.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.True(Service.Contains(Ig + "ValueSet/openimis-identifiers", Ig + "CodeSystem/openimis-identifiers", "UUID").IsMember);
        Assert.True(Service.Contains(Ig + "ValueSet/openimis-identifiers", Ig + "CodeSystem/openimis-identifiers", "MR").IsNotMember);
    }

    [Fact]
    public void patient_marital_status_includes_null_flavor_unknown()
    {
        const string Url = Ig + "ValueSet/patient-marital-status";
        Assert.True(Service.Contains(Url, V3NullFlavor, "UNK").IsMember);
        Assert.True(Service.Contains(Url, V3MaritalStatus, "W").IsMember);
        Assert.True(Service.Contains(Url, V3MaritalStatus, "P").IsNotMember); // in v3-MaritalStatus, not in the IG's list
        Assert.True(Service.Contains(Url + "|1.0.0", null, "S").IsMember);
        Assert.Equal(5, Service.Expand(Url)!.Count);
    }

    [Fact]
    public void location_type_has_region_district_ward_village()
    {
        var expansion = Service.Expand(Ig + "ValueSet/location-type")!;
        Assert.True(expansion.IsComplete);
        Assert.Equal(["R", "D", "W", "V"], expansion.Concepts.Select(c => c.Code));
        Assert.Equal("Municipality/Ward", expansion.Contains(Ig + "CodeSystem/location-type", "W").Display);
    }

    [Fact]
    public void group_type_comes_from_the_igs_own_code_system()
    {
        var expansion = Service.Expand(Ig + "ValueSet/group-type")!;
        Assert.True(expansion.IsComplete);
        Assert.Equal(7, expansion.Count);
        Assert.All(expansion.Concepts, c => Assert.Equal(Ig + "CodeSystem/group-type", c.System));
        Assert.Equal("Household", Service.Contains(Ig + "ValueSet/group-type", Ig + "CodeSystem/group-type", "H").Display);
        Assert.Equal(LookupOutcome.Known, Service.Lookup(Ig + "CodeSystem/group-type", "T").Outcome);
    }

    [Fact]
    public void every_ig_value_set_expands_completely()
    {
        var definitions = TerminologyService.LoadIgTerminology(ImplementationGuide.IgBuild.IgProfiles);
        var incomplete = new List<string>();
        foreach (var valueSet in definitions.ValueSets)
        {
            var url = valueSet.GetProperty("url").GetString()!;
            var expansion = Service.Expand(url);
            if (expansion is null || !expansion.IsComplete || expansion.Count == 0) incomplete.Add($"{url}: {expansion?.ToString() ?? "not held"}");
        }
        Assert.True(definitions.ValueSets.Count > 40);
        // The IG draws only on its own and HL7 code systems we hold (ICD-10 level 1 is an IG code system).
        Assert.True(incomplete.Count == 0, string.Join("\n", incomplete));
    }
}
