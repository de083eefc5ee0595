using OpenImis.Fhir.Engine.Terminology;
using static OpenImis.Fhir.Engine.Tests.Terminology.SharedTerminology;

namespace OpenImis.Fhir.Engine.Tests.Terminology;

public sealed class CoreValueSetTests
{
    private const string Gender = "http://hl7.org/fhir/ValueSet/administrative-gender";
    private const string GenderSystem = "http://hl7.org/fhir/administrative-gender";
    private const string MaritalStatus = "http://hl7.org/fhir/ValueSet/marital-status";

    [Fact]
    public void administrative_gender_contains_male_with_its_display()
    {
        var answer = Service.Contains(Gender, GenderSystem, "male");
        Assert.Equal(MembershipOutcome.Member, answer.Outcome);
        Assert.Equal("Male", answer.Display);
    }

    [Fact]
    public void administrative_gender_is_case_sensitive_and_complete()
    {
        Assert.Equal(MembershipOutcome.NotMember, Service.Contains(Gender, GenderSystem, "Male").Outcome);
        Assert.Equal(MembershipOutcome.NotMember, Service.Contains(Gender, GenderSystem, "yes").Outcome);
        var expansion = Service.Expand(Gender)!;
        Assert.True(expansion.IsComplete);
        Assert.Equal(["male", "female", "other", "unknown"], expansion.Concepts.Select(c => c.Code));
    }

    [Fact]
    public void a_bare_code_matches_on_the_code_alone()
    {
        Assert.Equal(MembershipOutcome.Member, Service.Contains(Gender, null, "female").Outcome);
        Assert.Equal(MembershipOutcome.NotMember, Service.Contains(Gender, null, "F").Outcome);
    }

    [Fact]
    public void a_code_of_another_system_is_not_a_member()
    {
        Assert.Equal(MembershipOutcome.NotMember, Service.Contains(Gender, V3MaritalStatus, "male").Outcome);
    }

    [Fact]
    public void marital_status_contains_v3_married_and_null_flavor_unknown_only()
    {
        Assert.True(Service.Contains(MaritalStatus, V3MaritalStatus, "M").IsMember);
        Assert.Equal("Married", Service.Contains(MaritalStatus, V3MaritalStatus, "M").Display);
        Assert.True(Service.Contains(MaritalStatus, V3NullFlavor, "UNK").IsMember);
        Assert.True(Service.Contains(MaritalStatus, V3NullFlavor, "NI").IsNotMember);
        Assert.True(Service.Expand(MaritalStatus)!.IsComplete);
    }

    [Fact]
    public void a_snomed_filter_value_set_answers_unknown_with_a_reason()
    {
        var answer = Service.Contains("http://hl7.org/fhir/ValueSet/condition-code", Snomed, "404684003");
        Assert.Equal(MembershipOutcome.Unknown, answer.Outcome);
        Assert.Contains(Snomed, answer.Reason, StringComparison.Ordinal);
        Assert.False(Service.Expand("http://hl7.org/fhir/ValueSet/condition-code")!.IsComplete);
    }

    [Fact]
    public void a_value_set_of_listed_snomed_codes_knows_those_codes()
    {
        // condition-severity lists three SNOMED codes: they are members even though SNOMED CT itself is not held.
        const string Severity = "http://hl7.org/fhir/ValueSet/condition-severity";
        Assert.True(Service.Contains(Severity, Snomed, "24484000").IsMember);
        Assert.True(Service.Contains(Severity, Snomed, "404684003").IsNotMember);
    }

    [Fact]
    public void an_is_a_filter_on_a_v3_code_system_expands_the_hierarchy()
    {
        const string Parents = "http://hl7.org/fhir/ValueSet/parent-relationship-codes";
        const string RoleCode = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
        var expansion = Service.Expand(Parents)!;
        Assert.True(expansion.IsComplete, expansion.IncompleteReason);
        Assert.True(expansion.Contains(RoleCode, "PRN").IsMember);
        Assert.True(expansion.Contains(RoleCode, "MTH").IsMember);
        Assert.True(expansion.Contains(RoleCode, "NMTH").IsMember); // a grandchild: natural mother under mother
        Assert.True(expansion.Contains(RoleCode, "FRND").IsNotMember);
        Assert.True(expansion.Count > 10);
    }

    [Fact]
    public void a_versioned_url_is_accepted_when_the_version_is_held()
    {
        Assert.True(Service.Contains(Gender + "|4.0.1", GenderSystem, "male").IsMember);
        Assert.NotNull(Service.Expand(Gender + "|4.0.1"));
        var other = Service.Contains(Gender + "|5.0.0", GenderSystem, "male");
        Assert.Equal(MembershipOutcome.Unknown, other.Outcome);
        Assert.Null(Service.Expand(Gender + "|5.0.0"));
    }

    [Fact]
    public void an_unknown_value_set_url_answers_unknown()
    {
        var answer = Service.Contains("http://example.org/ValueSet/nothing-here", GenderSystem, "male");
        Assert.Equal(MembershipOutcome.Unknown, answer.Outcome);
        Assert.NotNull(answer.Reason);
        Assert.Null(Service.Expand("http://example.org/ValueSet/nothing-here"));
    }

    [Fact]
    public void a_code_systems_all_codes_value_set_resolves_without_a_value_set_resource()
    {
        // restful-interaction declares CodeSystem.valueSet, but R4 ships no ValueSet resource with that URL.
        var expansion = Service.Expand("http://hl7.org/fhir/ValueSet/restful-interaction");
        Assert.NotNull(expansion);
        Assert.True(expansion.Contains("http://hl7.org/fhir/restful-interaction", "read").IsMember);
        Assert.True(expansion.Contains("http://hl7.org/fhir/restful-interaction", "search-type").IsMember); // nested under "type"
        Assert.Equal(17, expansion.Count);
    }

    [Fact]
    public void lookup_knows_codes_of_held_systems_and_not_of_others()
    {
        var married = Service.Lookup(V3MaritalStatus, "M");
        Assert.Equal(LookupOutcome.Known, married.Outcome);
        Assert.Equal("Married", married.Display);
        Assert.Equal(LookupOutcome.NotFound, Service.Lookup(V3MaritalStatus, "XYZ").Outcome);
        Assert.Equal(LookupOutcome.NotFound, Service.Lookup(V3MaritalStatus, "m").Outcome); // caseSensitive: true
        Assert.Equal(LookupOutcome.SystemUnknown, Service.Lookup(Snomed, "404684003").Outcome);
        Assert.Equal(LookupOutcome.SystemUnknown, Service.Lookup("http://loinc.org", "1234-5").Outcome);
    }

    [Fact]
    public void lookup_in_an_example_code_system_cannot_say_a_code_does_not_exist()
    {
        const string ServiceType = "http://terminology.hl7.org/CodeSystem/service-type";
        Assert.Equal(LookupOutcome.Known, Service.Lookup(ServiceType, "1").Outcome);
        Assert.Equal(LookupOutcome.SystemUnknown, Service.Lookup(ServiceType, "no-such-code").Outcome);
    }
}
