using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Engine.Tests.ImplementationGuide;
using OpenImis.Fhir.Engine.Validation;

namespace OpenImis.Fhir.Engine.Tests.Validation;

/// <summary>Each validator check on small resources: core R4 inline, and the openIMIS Patient example changed in one place.</summary>
public sealed class FhirValidatorTests
{
    private const string OpenImisPatient = "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient";

    private static ValidationIssue SingleError(ValidationResult result)
    {
        var errors = result.Errors().ToList();
        Assert.True(errors.Count == 1, SharedValidator.Describe(result.Issues));
        return errors[0];
    }

    private static void AssertError(ValidationResult result, string code, string location)
    {
        var error = SingleError(result);
        Assert.Equal((IssueSeverity.Error, code, location), (error.Severity, error.Code, error.Location));
    }

    // The john-doe example (valid against openimis-patient), changed by the action.
    private static ValidationResult JohnDoe(Action<JsonObject> change, ValidationOptions? options = null)
    {
        var patient = JsonNode.Parse(File.ReadAllText(Path.Combine(IgBuild.IgProfiles, "Patient-john-doe.json")))!.AsObject();
        change(patient);
        return SharedValidator.Run(patient.ToJsonString(), options, singleQuotes: false);
    }

    [Fact]
    public void a_valid_core_resource_has_no_errors()
    {
        var result = SharedValidator.Run("{'resourceType':'Patient','gender':'male','name':[{'family':'Doe','given':['John']}]}");
        Assert.False(result.HasErrors, SharedValidator.Describe(result.Issues));
    }

    [Fact]
    public void a_missing_required_element_is_reported_at_the_parent()
    {
        AssertError(SharedValidator.Run("{'resourceType':'Observation','status':'final'}"), "required", "Observation");
    }

    [Fact]
    public void too_many_repetitions_are_a_structure_error_at_the_parent()
    {
        AssertError(JohnDoe(p => p["name"]!.AsArray().Add(JsonNode.Parse("{\"use\":\"official\",\"family\":\"Roe\",\"given\":[\"Jim\"]}"))), "structure", "Patient");
    }

    [Fact]
    public void a_prohibited_element_is_a_structure_error_at_the_parent()
    {
        AssertError(JohnDoe(p => p["deceasedBoolean"] = false), "structure", "Patient");
    }

    [Fact]
    public void a_pattern_mismatch_is_a_value_error_at_the_element()
    {
        AssertError(JohnDoe(p => p["name"]![0]!["use"] = "usual"), "value", "Patient.name[0].use");
    }

    [Fact]
    public void a_code_outside_a_required_value_set_is_code_invalid()
    {
        AssertError(SharedValidator.Run("{'resourceType':'Patient','gender':'boy'}"), "code-invalid", "Patient.gender");
    }

    [Fact]
    public void a_failed_invariant_is_reported_with_its_key_at_its_element()
    {
        var result = SharedValidator.Run("{'resourceType':'Patient','name':[{'family':'Doe','period':{'start':'2020-01-02','end':'2020-01-01'}}]}");
        var error = SingleError(result);
        Assert.Equal(("invariant", "Patient.name[0].period", "per-1"), (error.Code, error.Location, error.Rule));
        Assert.StartsWith("per-1: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_malformed_literal_reference_is_a_value_error()
    {
        AssertError(SharedValidator.Run("{'resourceType':'Patient','managingOrganization':{'reference':'acme'}}"), "value", "Patient.managingOrganization");
    }

    [Fact]
    public void a_reference_to_a_type_the_target_profiles_do_not_allow_is_a_structure_error()
    {
        AssertError(SharedValidator.Run("{'resourceType':'Patient','managingOrganization':{'reference':'Patient/1'}}"), "structure", "Patient.managingOrganization");
        Assert.False(SharedValidator.Run("{'resourceType':'Patient','managingOrganization':{'reference':'Organization/1'}}").HasErrors);
    }

    [Fact]
    public void a_contained_target_must_conform_to_one_of_the_target_profiles()
    {
        var hospital = JsonNode.Parse(File.ReadAllText(Path.Combine(IgBuild.IgProfiles, "Organization-RaptaDistrictHospital.json")))!.AsObject();
        hospital["id"] = "hf";
        var conforming = JohnDoe(p =>
        {
            p["contained"] = new JsonArray(hospital.DeepClone());
            p["generalPractitioner"] = new JsonArray(JsonNode.Parse("{\"reference\":\"#hf\"}"));
        });
        Assert.False(conforming.HasErrors, SharedValidator.Describe(conforming.Errors()));
        var bare = JohnDoe(p =>
        {
            p["contained"] = new JsonArray(JsonNode.Parse("{\"resourceType\":\"Organization\",\"id\":\"hf\",\"name\":\"HF\"}"));
            p["generalPractitioner"] = new JsonArray(JsonNode.Parse("{\"reference\":\"#hf\"}"));
        });
        var error = SingleError(bare);
        Assert.Equal(("structure", "Patient.generalPractitioner[0]", "reference-target-profile"), (error.Code, error.Location, error.Rule));
    }

    [Fact]
    public void an_unknown_extension_is_a_warning()
    {
        var result = SharedValidator.Run("{'resourceType':'Patient','extension':[{'url':'http://example.org/x','valueString':'a'}]}");
        Assert.False(result.HasErrors);
        Assert.Contains(result.Issues, i => i is { Severity: IssueSeverity.Warning, Code: "extension", Location: "Patient.extension[0]" });
    }

    // Found by fuzzing the server: an unknown extension was not checked at all.
    [Theory]
    [InlineData("{'url':'http://example.org/x','valueString':'a','valueInteger':1}", "Patient.extension[0]")]
    [InlineData("{'url':'http://example.org/x','valueString':'a','extension':[{'url':'y','valueString':'b'}]}", "Patient.extension[0]")]
    [InlineData("{'url':'http://example.org/x','extension':[{'url':'y','valueString':'b','valueBoolean':true}]}", "Patient.extension[0].extension[0]")]
    public void an_unknown_extension_is_still_checked_as_an_extension(string extension, string location)
    {
        var result = SharedValidator.Run("{'resourceType':'Patient','extension':[" + extension + "]}");

        Assert.Contains(result.Issues, i => i.Severity == IssueSeverity.Error && i.Location == location);
    }

    // R4 Reference.type: with a FHIR URL in reference, both SHALL be consistent (found by fuzzing the server).
    [Theory]
    [InlineData("Organization/1", "Practitioner", true)]
    [InlineData("http://example.org/fhir/Organization/1", "Practitioner", true)]
    [InlineData("Organization/1", "Organization", false)]
    [InlineData("Organization/1", "http://hl7.org/fhir/StructureDefinition/Organization", false)]
    public void a_reference_type_must_agree_with_the_reference(string reference, string type, bool refused)
    {
        var result = SharedValidator.Run("{'resourceType':'Patient','generalPractitioner':[{'reference':'" + reference + "','type':'" + type + "'}]}");

        Assert.Equal(refused, result.Issues.Any(i => i.Rule == "reference-type" && i.Severity == IssueSeverity.Error && i.Location == "Patient.generalPractitioner[0]"));
    }

    // Found by fuzzing the server: '#id' would not say which of two contained resources it means.
    [Theory]
    [InlineData("a", "a", true)]
    [InlineData("a", "b", false)]
    public void contained_ids_are_unique_within_their_container(string first, string second, bool refused)
    {
        var result = SharedValidator.Run("{'resourceType':'Patient','contained':[{'resourceType':'Organization','id':'" + first + "','name':'x'},"
                                         + "{'resourceType':'Organization','id':'" + second + "','name':'y'}],'generalPractitioner':[{'reference':'#a'}],"
                                         + "'managingOrganization':{'reference':'#" + second + "'}}");

        Assert.Equal(refused, result.Issues.Any(i => i.Rule == "contained-id-unique" && i.Severity == IssueSeverity.Error && i.Location == "Patient.contained[1]"));
        Assert.Equal(refused, result.HasErrors);
    }

    [Fact]
    public void an_extension_outside_its_context_is_an_extension_error()
    {
        var json = "{'resourceType':'Observation','status':'final','code':{'text':'x'},"
                   + "'extension':[{'url':'http://hl7.org/fhir/StructureDefinition/patient-birthPlace','valueAddress':{'city':'Rome'}}]}";
        AssertError(SharedValidator.Run(json), "extension", "Observation.extension[0]");
    }

    [Fact]
    public void an_extension_value_of_a_type_its_definition_does_not_allow_is_a_structure_error()
    {
        var json = "{'resourceType':'Patient','extension':[{'url':'http://hl7.org/fhir/StructureDefinition/patient-birthPlace','valueString':'Rome'}]}";
        AssertError(SharedValidator.Run(json), "structure", "Patient.extension[0].value");
    }

    [Fact]
    public void an_entry_matching_no_slice_of_a_closed_slicing_is_a_structure_error_at_the_entry()
    {
        AssertError(JohnDoe(p => p["address"]![0]!["use"] = "work"), "structure", "Patient.address[0]");
    }

    [Fact]
    public void an_unknown_profile_is_not_supported_and_a_profile_of_another_type_is_a_processing_error()
    {
        AssertError(JohnDoe(p => p["meta"]!["profile"]![0] = OpenImisPatient + "-x"), "not-supported", "Patient.meta.profile[0]");
        AssertError(JohnDoe(p => p["meta"]!["profile"]![0] = OpenImisPatient + "|0.9.0"), "not-supported", "Patient.meta.profile[0]");
        var other = "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-location";
        AssertError(JohnDoe(p => p["meta"]!["profile"]![0] = other), "processing", "Patient.meta.profile[0]");
    }

    [Fact]
    public void a_profile_given_in_the_options_is_applied_too()
    {
        var json = "{'resourceType':'Patient','gender':'male'}";
        Assert.False(SharedValidator.Run(json).HasErrors);
        var result = SharedValidator.Run(json, new ValidationOptions { Profiles = [OpenImisPatient] });
        Assert.Contains(result.Errors(), i => i is { Code: "required", Location: "Patient" });
    }

    [Fact]
    public void contained_resources_and_bundle_entries_are_validated_with_their_own_definitions()
    {
        var contained = "{'resourceType':'Patient','contained':[{'resourceType':'Observation','id':'o','status':'final'}],"
                        + "'extension':[{'url':'http://hl7.org/fhir/StructureDefinition/patient-relatedPerson','valueReference':{'reference':'#o'}}]}";
        Assert.Contains(SharedValidator.Run(contained).Errors(), i => i is { Code: "required", Location: "Patient.contained[0]" });
        var bundle = "{'resourceType':'Bundle','type':'collection','entry':[{'fullUrl':'urn:uuid:6b6e8a3e-6f1a-4d1c-9d3b-1b2c3d4e5f60','resource':{'resourceType':'Observation','status':'final'}}]}";
        AssertError(SharedValidator.Run(bundle), "required", "Bundle.entry[0].resource");
    }

    [Fact]
    public void a_json_fatal_stops_before_the_definitions()
    {
        var result = SharedValidator.Run("{'gender':'boy'}");
        var issue = Assert.Single(result.Issues);
        Assert.Equal((IssueSeverity.Fatal, "structure", "Resource"), (issue.Severity, issue.Code, issue.Location));
    }

    [Fact]
    public void the_operation_outcome_carries_severity_code_text_and_expression()
    {
        var json = SharedValidator.Run("{'resourceType':'Patient','gender':'boy'}").ToOperationOutcomeJson();
        using var outcome = JsonDocument.Parse(json);
        var issue = outcome.RootElement.GetProperty("issue").EnumerateArray()
            .Single(i => i.GetProperty("severity").GetString() == "error");
        Assert.Equal("OperationOutcome", outcome.RootElement.GetProperty("resourceType").GetString());
        Assert.Equal("code-invalid", issue.GetProperty("code").GetString());
        Assert.Equal("Patient.gender", issue.GetProperty("expression")[0].GetString());
        Assert.False(string.IsNullOrEmpty(issue.GetProperty("details").GetProperty("text").GetString()));
    }
}
