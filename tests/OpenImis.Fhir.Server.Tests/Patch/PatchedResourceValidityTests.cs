using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.Terminology;
using OpenImis.Fhir.Engine.Validation;
using static OpenImis.Fhir.Server.Tests.Patch.PatchTestSupport;

namespace OpenImis.Fhir.Server.Tests.Patch;

/// <summary>
/// FHIRPath Patch results pass the R4 validator: the JSON the appliers write (arrays by cardinality, choice names,
/// aligned <c>_name</c> arrays, no empty objects left by deletes) is FHIR JSON.
/// </summary>
public class PatchedResourceValidityTests
{
    private static readonly Lazy<FhirValidator> Validator = new(() => new FhirValidator(
        [FhirDefinitions.R4, FhirDefinitions.Load(DefinitionsDirectory.FindR4(), FhirValidator.R4ExtraProfileFiles)],
        TerminologyService.ForR4AndIg(null)));

    private const string Ext = """{"extension":[{"url":"http://example.org/q","valueString":"x"}]}""";

    private static readonly string Patient = $$"""
        {"resourceType":"Patient","id":"p1",
         "identifier":[{"system":"urn:a","value":"1"},{"system":"urn:b","value":"2"}],
         "name":[{"family":"Doe","given":["John","Quincy"],"_given":[null,{{Ext}}]},{"family":"Old"}],
         "gender":"male","birthDate":"1970-01-01","_birthDate":{{Ext}},"deceasedBoolean":false}
        """;

    private static void AssertValid(string json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = Validator.Value.Validate(document.RootElement).Issues.Where(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(i => $"{i.Rule} at {i.Location}: {i.Message}")) + "\n" + json);
    }

    [Fact]
    public void the_input_is_valid_and_the_validator_sees_what_a_careless_patch_would_leave()
    {
        AssertValid(Patient);
        Assert.Throws<Xunit.Sdk.TrueException>(() => AssertValid("""{"resourceType":"Patient","name":[{}]}"""));
        Assert.Throws<Xunit.Sdk.TrueException>(() => AssertValid("""{"resourceType":"Patient","name":[{"given":["a"],"_given":[null,{"id":"x"}]}]}"""));
        Assert.Throws<Xunit.Sdk.TrueException>(() => AssertValid("""{"resourceType":"Patient","identifier":{"value":"1"}}"""));
    }

    [Fact]
    public void a_patch_using_every_operation_gives_a_valid_resource()
    {
        var result = ApplyFhirPatch(Patient, Parameters(
            Operation(Type("add"), Path("Patient.gender"), Name("extension"),
                ValueParts(Part("url", "valueUri", "\"http://example.org/g\""), Part("value", "valueBoolean", "true"))),
            Operation(Type("add"), Path("Patient"), Name("contact"), ValueParts(
                PartWithParts("name", Part("family", "valueString", "\"Roe\""), Part("given", "valueString", "\"Ann\"")),
                Part("telecom", "valueContactPoint", """{"system":"phone","value":"123"}"""))),
            Operation(Type("insert"), Path("Patient.name[0].given"), Index(0), Value("valueString", "\"Dr\"")),
            Operation(Type("delete"), Path("Patient.name[0].given[2]")),
            Operation(Type("delete"), Path("Patient.birthDate.extension")),
            Operation(Type("delete"), Path("Patient.name[1].family")),
            Operation(Type("replace"), Path("Patient.deceased"), Value("valueDateTime", "\"2020-01-01\"")),
            Operation(Type("move"), Path("Patient.identifier"), Source(1), Destination(0)),
            Operation(Type("add"), Path("Patient"), Name("contained"), """{"name":"value","resource":{"resourceType":"Organization","id":"o1","name":"Clinic"}}"""),
            Operation(Type("add"), Path("Patient"), Name("managingOrganization"), Value("valueReference", """{"reference":"#o1"}"""))));

        AssertJson("""
            {"resourceType":"Patient","id":"p1","contained":[{"resourceType":"Organization","id":"o1","name":"Clinic"}],
             "identifier":[{"system":"urn:b","value":"2"},{"system":"urn:a","value":"1"}],
             "name":[{"family":"Doe","given":["Dr","John"]}],
             "gender":"male","_gender":{"extension":[{"url":"http://example.org/g","valueBoolean":true}]},
             "birthDate":"1970-01-01","deceasedDateTime":"2020-01-01",
             "contact":[{"name":{"family":"Roe","given":["Ann"]},"telecom":[{"system":"phone","value":"123"}]}],
             "managingOrganization":{"reference":"#o1"}}
            """, result);
        AssertValid(result.ToJsonString());
    }

    [Fact]
    public void primitives_with_only_extensions_stay_valid()
    {
        var result = ApplyFhirPatch(Patient, Parameters(
            Operation(Type("add"), Path("Patient.name[0]"), Name("given"), $$"""{"name":"value","_valueString":{{Ext}}}"""),
            Operation(Type("replace"), Path("Patient.name[0].given[0]"), $$"""{"name":"value","_valueString":{{Ext}}}""")));

        AssertJson($$"""{"family":"Doe","given":[null,"Quincy",null],"_given":[{{Ext}},{{Ext}},{{Ext}}]}""", result["name"]![0]);
        AssertValid(result.ToJsonString());
    }
}
