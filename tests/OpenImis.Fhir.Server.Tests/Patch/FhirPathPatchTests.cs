using System.Text.Json.Nodes;
using OpenImis.Fhir.Application.Patch;
using static OpenImis.Fhir.Server.Tests.Patch.PatchTestSupport;

namespace OpenImis.Fhir.Server.Tests.Patch;

/// <summary>FHIRPath Patch operations applied to FHIR JSON: every operation type, choices, lists, primitives with extensions, parts.</summary>
public class FhirPathPatchTests
{
    private const string Ext = """{"extension":[{"url":"http://example.org/q","valueString":"x"}]}""";

    private const string BirthTime = """{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthTime","valueDateTime":"1970-01-01T10:00:00Z"}]}""";

    private static readonly string Patient = $$"""
        {"resourceType":"Patient","id":"p1",
         "identifier":[{"system":"urn:a","value":"1"},{"system":"urn:b","value":"2"},{"system":"urn:c","value":"3"}],
         "active":true,
         "name":[{"use":"official","family":"Doe","given":["John","Quincy"],"_given":[null,{{Ext}}]}],
         "gender":"male",
         "birthDate":"1970-01-01","_birthDate":{{BirthTime}},
         "deceasedBoolean":false,
         "address":[{"city":"Kigali"}]}
        """;

    private static JsonNode Patched(params string[] operations) => ApplyFhirPatch(Patient, Parameters(operations));

    private static void AssertMember(string expected, JsonNode result, string member) => AssertJson(expected, result[member]);

    // add

    [Fact]
    public void add_appends_an_identifier_built_from_parts()
    {
        var result = Patched(Operation(Type("add"), Path("Patient"), Name("identifier"),
            ValueParts(Part("system", "valueUri", "\"urn:d\""), Part("value", "valueString", "\"4\""))));

        AssertMember("""[{"system":"urn:a","value":"1"},{"system":"urn:b","value":"2"},{"system":"urn:c","value":"3"},{"system":"urn:d","value":"4"}]""", result, "identifier");
    }

    [Fact]
    public void add_creates_a_repeating_element_as_an_array_in_definition_order()
    {
        var result = ApplyFhirPatch("""{"resourceType":"Patient","id":"p","gender":"male"}""", Parameters(
            Operation(Type("add"), Path("Patient"), Name("identifier"), Value("valueIdentifier", """{"system":"urn:d","value":"4"}"""))));

        AssertJson("""{"resourceType":"Patient","id":"p","identifier":[{"system":"urn:d","value":"4"}],"gender":"male"}""", result);
    }

    [Fact]
    public void add_sets_a_single_element_in_definition_order()
    {
        var result = ApplyFhirPatch("""{"resourceType":"Patient","id":"p","gender":"male","address":[{"city":"Kigali"}]}""", Parameters(
            Operation(Type("add"), Path("Patient"), Name("birthDate"), Value("valueDate", "\"2001-02-03\""))));

        AssertJson("""{"resourceType":"Patient","id":"p","gender":"male","birthDate":"2001-02-03","address":[{"city":"Kigali"}]}""", result);
    }

    [Fact]
    public void add_names_a_choice_by_the_type_of_its_value()
    {
        const string resource = """{"resourceType":"Patient","id":"p"}""";

        var byElementName = ApplyFhirPatch(resource, Parameters(Operation(Type("add"), Path("Patient"), Name("deceased"), Value("valueDateTime", "\"2020-01-01\""))));
        var byJsonName = ApplyFhirPatch(resource, Parameters(Operation(Type("add"), Path("Patient"), Name("deceasedBoolean"), Value("valueBoolean", "true"))));

        AssertJson("""{"resourceType":"Patient","id":"p","deceasedDateTime":"2020-01-01"}""", byElementName);
        AssertJson("""{"resourceType":"Patient","id":"p","deceasedBoolean":true}""", byJsonName);
    }

    [Fact]
    public void add_builds_a_backbone_element_with_nested_parts_using_the_model_for_arrays()
    {
        var result = ApplyFhirPatch("""{"resourceType":"Patient","id":"p"}""", Parameters(Operation(Type("add"), Path("Patient"), Name("contact"),
            ValueParts(
                PartWithParts("name", Part("family", "valueString", "\"Roe\""), Part("given", "valueString", "\"Ann\""), Part("given", "valueString", "\"B\"")),
                Part("telecom", "valueContactPoint", """{"system":"phone","value":"123"}"""),
                Part("relationship", "valueCodeableConcept", """{"text":"sister"}"""),
                Part("gender", "valueCode", "\"female\"")))));

        AssertJson("""
            {"resourceType":"Patient","id":"p","contact":[{"relationship":[{"text":"sister"}],"name":{"family":"Roe","given":["Ann","B"]},
             "telecom":[{"system":"phone","value":"123"}],"gender":"female"}]}
            """, result);
    }

    [Fact]
    public void add_builds_an_extension_whose_value_is_a_choice_from_parts()
    {
        var result = ApplyFhirPatch("""{"resourceType":"Patient","id":"p"}""", Parameters(Operation(Type("add"), Path("Patient"), Name("extension"),
            ValueParts(Part("url", "valueUri", "\"http://example.org/e\""), Part("value", "valueQuantity", """{"value":1.50,"unit":"kg"}""")))));

        AssertJson("""{"resourceType":"Patient","id":"p","extension":[{"url":"http://example.org/e","valueQuantity":{"value":1.50,"unit":"kg"}}]}""", result);
    }

    [Fact]
    public void add_an_extension_to_a_primitive_goes_to_its_underscore_object()
    {
        var result = Patched(Operation(Type("add"), Path("Patient.gender"), Name("extension"),
            ValueParts(Part("url", "valueUri", "\"http://example.org/g\""), Part("value", "valueString", "\"note\""))));

        Assert.Equal(
            ["resourceType", "id", "identifier", "active", "name", "gender", "_gender", "birthDate", "_birthDate", "deceasedBoolean", "address"],
            result.AsObject().Select(p => p.Key));
        AssertMember("""{"extension":[{"url":"http://example.org/g","valueString":"note"}]}""", result, "_gender");
        AssertMember("\"male\"", result, "gender");
    }

    [Fact]
    public void add_an_extension_to_one_item_of_a_primitive_list()
    {
        var result = ApplyFhirPatch("""{"resourceType":"Patient","id":"p","name":[{"given":["A","B","C"]}]}""", Parameters(
            Operation(Type("add"), Path("Patient.name.given[1]"), Name("extension"), ValueParts(Part("url", "valueUri", "\"http://example.org/q\""), Part("value", "valueString", "\"x\"")))));

        AssertJson($$"""{"given":["A","B","C"],"_given":[null,{{Ext}},null]}""", result["name"]![0]);
    }

    [Fact]
    public void add_to_a_primitive_list_keeps_the_underscore_array_aligned()
    {
        var result = Patched(
            Operation(Type("add"), Path("Patient.name[0]"), Name("given"), Value("valueString", "\"Q\"")),
            Operation(Type("add"), Path("Patient.name[0]"), Name("given"), $$"""{"name":"value","valueString":"R","_valueString":{{Ext}}}"""));

        var name = result["name"]![0]!;
        AssertMember("""["John","Quincy","Q","R"]""", name, "given");
        AssertMember($"[null,{Ext},null,{Ext}]", name, "_given");
    }

    [Fact]
    public void add_a_primitive_that_has_only_an_extension()
    {
        var result = ApplyFhirPatch("""{"resourceType":"Patient","id":"p","name":[{"given":["A"]}]}""", Parameters(
            Operation(Type("add"), Path("Patient.name"), Name("given"), $$"""{"name":"value","_valueString":{{Ext}}}""")));

        AssertJson($$"""{"resourceType":"Patient","id":"p","name":[{"given":["A",null],"_given":[null,{{Ext}}]}]}""", result);
    }

    // insert

    [Fact]
    public void insert_at_the_start_in_the_middle_and_at_the_end()
    {
        var result = Patched(
            Operation(Type("insert"), Path("Patient.identifier"), Index(0), Value("valueIdentifier", """{"value":"first"}""")),
            Operation(Type("insert"), Path("Patient.identifier"), Index(2), Value("valueIdentifier", """{"value":"middle"}""")),
            Operation(Type("insert"), Path("Patient.identifier"), Index(5), Value("valueIdentifier", """{"value":"last"}""")));

        AssertMember("""
            [{"value":"first"},{"system":"urn:a","value":"1"},{"value":"middle"},{"system":"urn:b","value":"2"},{"system":"urn:c","value":"3"},{"value":"last"}]
            """, result, "identifier");
    }

    [Fact]
    public void insert_into_an_absent_list_creates_it()
    {
        var result = ApplyFhirPatch("""{"resourceType":"Patient","id":"p","active":true}""", Parameters(
            Operation(Type("insert"), Path("Patient.identifier"), Index(0), ValueParts(Part("value", "valueString", "\"9\"")))));

        AssertJson("""{"resourceType":"Patient","id":"p","identifier":[{"value":"9"}],"active":true}""", result);
    }

    [Fact]
    public void insert_into_a_primitive_list_keeps_the_underscore_array_aligned()
    {
        var result = Patched(Operation(Type("insert"), Path("Patient.name.where(use = 'official').given"), Index(1), Value("valueString", "\"New\"")));

        var name = result["name"]![0]!;
        AssertMember("""["John","New","Quincy"]""", name, "given");
        AssertMember($"[null,null,{Ext}]", name, "_given");
    }

    [Fact]
    public void insert_with_a_bare_list_name_works_on_the_resource()
    {
        var result = Patched(Operation(Type("insert"), Path("address"), Index(0), Value("valueAddress", """{"city":"Huye"}""")));

        AssertMember("""[{"city":"Huye"},{"city":"Kigali"}]""", result, "address");
    }

    // delete

    [Fact]
    public void delete_one_item_of_a_list()
    {
        var result = Patched(Operation(Type("delete"), Path("Patient.identifier.where(system = 'urn:b')")));

        AssertMember("""[{"system":"urn:a","value":"1"},{"system":"urn:c","value":"3"}]""", result, "identifier");
    }

    [Fact]
    public void delete_of_nothing_changes_nothing()
    {
        var result = Patched(Operation(Type("delete"), Path("Patient.telecom")), Operation(Type("delete"), Path("Patient.identifier.where(system = 'urn:z')")));

        AssertJson(Patient, result);
    }

    [Fact]
    public void delete_a_primitive_item_shifts_its_underscore_item_too()
    {
        var result = Patched(Operation(Type("delete"), Path("Patient.name.given[0]")));

        var name = result["name"]![0]!;
        AssertMember("""["Quincy"]""", name, "given");
        AssertMember($"[{Ext}]", name, "_given");
    }

    [Fact]
    public void delete_the_only_extended_item_drops_the_underscore_array()
    {
        var result = Patched(Operation(Type("delete"), Path("Patient.name.given[1]")));

        AssertJson("""{"use":"official","family":"Doe","given":["John"]}""", result["name"]![0]);
    }

    [Fact]
    public void delete_a_primitive_deletes_its_extensions()
    {
        var result = Patched(Operation(Type("delete"), Path("Patient.birthDate")));

        Assert.False(result.AsObject().ContainsKey("birthDate"));
        Assert.False(result.AsObject().ContainsKey("_birthDate"));
    }

    [Fact]
    public void delete_the_last_extension_of_a_primitive_drops_its_underscore_object()
    {
        var result = Patched(Operation(Type("delete"), Path("Patient.birthDate.extension('http://hl7.org/fhir/StructureDefinition/patient-birthTime')")));

        AssertMember("\"1970-01-01\"", result, "birthDate");
        Assert.False(result.AsObject().ContainsKey("_birthDate"));
    }

    [Fact]
    public void delete_leaves_no_empty_objects_or_arrays()
    {
        var result = ApplyFhirPatch("""{"resourceType":"Patient","id":"p","name":[{"family":"Doe"}],"gender":"male"}""", Parameters(
            Operation(Type("delete"), Path("Patient.name.family"))));

        AssertJson("""{"resourceType":"Patient","id":"p","gender":"male"}""", result);
    }

    [Fact]
    public void delete_a_primitive_with_only_an_extension_then_its_parent_if_empty()
    {
        var result = ApplyFhirPatch($$"""{"resourceType":"Patient","id":"p","name":[{"given":["A"]},{"_family":{{Ext}}}]}""", Parameters(
            Operation(Type("delete"), Path("Patient.name[1].family.extension"))));

        AssertJson("""{"resourceType":"Patient","id":"p","name":[{"given":["A"]}]}""", result);
    }

    [Fact]
    public void delete_a_choice_element()
    {
        var result = Patched(Operation(Type("delete"), Path("Patient.deceased")));

        Assert.False(result.AsObject().ContainsKey("deceasedBoolean"));
    }

    // replace

    [Fact]
    public void replace_a_primitive_keeps_its_place()
    {
        var result = Patched(Operation(Type("replace"), Path("Patient.gender"), Value("valueCode", "\"female\"")));

        AssertJson(Patient.Replace("\"gender\":\"male\"", "\"gender\":\"female\"", StringComparison.Ordinal), result);
    }

    [Fact]
    public void replace_a_primitive_drops_the_extensions_of_the_old_value()
    {
        var result = Patched(Operation(Type("replace"), Path("Patient.birthDate"), Value("valueDate", "\"1980-05-06\"")));

        AssertMember("\"1980-05-06\"", result, "birthDate");
        Assert.False(result.AsObject().ContainsKey("_birthDate"));
    }

    [Fact]
    public void replace_a_primitive_with_a_value_that_has_extensions()
    {
        var result = Patched(Operation(Type("replace"), Path("Patient.birthDate"), $$"""{"name":"value","valueDate":"1980-05-06","_valueDate":{{Ext}}}"""));

        AssertMember("\"1980-05-06\"", result, "birthDate");
        AssertMember(Ext, result, "_birthDate");
    }

    [Fact]
    public void replace_a_choice_with_another_type_renames_it_in_place()
    {
        var result = Patched(Operation(Type("replace"), Path("Patient.deceased"), Value("valueDateTime", "\"2021-03-04T05:06:07Z\"")));

        Assert.Equal(
            ["resourceType", "id", "identifier", "active", "name", "gender", "birthDate", "_birthDate", "deceasedDateTime", "address"],
            result.AsObject().Select(p => p.Key));
        AssertMember("\"2021-03-04T05:06:07Z\"", result, "deceasedDateTime");
    }

    [Fact]
    public void replace_an_item_with_an_extension_by_a_plain_value()
    {
        var result = Patched(Operation(Type("replace"), Path("Patient.name.given[1]"), Value("valueString", "\"Q\"")));

        AssertJson("""{"use":"official","family":"Doe","given":["John","Q"]}""", result["name"]![0]);
    }

    [Fact]
    public void replace_a_complex_element_by_a_typed_value_or_by_parts()
    {
        var typed = Patched(Operation(Type("replace"), Path("Patient.name[0]"), Value("valueHumanName", """{"text":"J. Doe"}""")));
        var parts = Patched(Operation(Type("replace"), Path("Patient.address.first()"),
            ValueParts(Part("line", "valueString", "\"1 Main St\""), Part("city", "valueString", "\"Huye\""))));

        AssertMember("""[{"text":"J. Doe"}]""", typed, "name");
        AssertMember("""[{"line":["1 Main St"],"city":"Huye"}]""", parts, "address");
    }

    [Fact]
    public void replace_takes_a_primitive_of_another_type_with_the_same_json_form()
    {
        // gender is a code; a valueString is accepted and left to the validator.
        var result = Patched(Operation(Type("replace"), Path("Patient.gender"), Value("valueString", "\"other\"")));

        AssertMember("\"other\"", result, "gender");
    }

    [Fact]
    public void replace_takes_a_subtype_where_its_base_type_goes()
    {
        var result = ApplyFhirPatch(
            """{"resourceType":"Observation","status":"final","code":{"text":"w"},"valueString":"heavy"}""",
            Parameters(Operation(Type("replace"), Path("Observation.value"), Value("valueAge", """{"value":3,"unit":"a"}"""))));

        AssertJson("""{"resourceType":"Observation","status":"final","code":{"text":"w"},"valueQuantity":{"value":3,"unit":"a"}}""", result);
    }

    [Fact]
    public void replace_in_a_contained_resource_reached_through_resolve()
    {
        var result = ApplyFhirPatch(
            """{"resourceType":"Patient","id":"p","contained":[{"resourceType":"Organization","id":"org","name":"Old"}],"managingOrganization":{"reference":"#org"}}""",
            Parameters(Operation(Type("replace"), Path("Patient.managingOrganization.resolve().name"), Value("valueString", "\"New\""))));

        AssertJson("""[{"resourceType":"Organization","id":"org","name":"New"}]""", result["contained"]);
    }

    [Fact]
    public void add_a_contained_resource_given_as_a_resource()
    {
        var result = ApplyFhirPatch("""{"resourceType":"Patient","id":"p","active":true}""", Parameters(
            Operation(Type("add"), Path("Patient"), Name("contained"), """{"name":"value","resource":{"resourceType":"Organization","id":"o1"}}""")));

        AssertJson("""{"resourceType":"Patient","id":"p","contained":[{"resourceType":"Organization","id":"o1"}],"active":true}""", result);
    }

    // move

    [Fact]
    public void move_within_a_list()
    {
        var result = Patched(Operation(Type("move"), Path("Patient.identifier"), Source(0), Destination(2)));

        AssertMember("""[{"system":"urn:b","value":"2"},{"system":"urn:c","value":"3"},{"system":"urn:a","value":"1"}]""", result, "identifier");
    }

    [Fact]
    public void move_backwards_and_onto_itself()
    {
        var result = Patched(
            Operation(Type("move"), Path("Patient.identifier"), Source(2), Destination(0)),
            Operation(Type("move"), Path("Patient.identifier"), Source(1), Destination(1)));

        AssertMember("""[{"system":"urn:c","value":"3"},{"system":"urn:a","value":"1"},{"system":"urn:b","value":"2"}]""", result, "identifier");
    }

    [Fact]
    public void move_in_a_primitive_list_moves_the_extensions_along()
    {
        var result = Patched(Operation(Type("move"), Path("Patient.name[0].given"), Source(1), Destination(0)));

        var name = result["name"]![0]!;
        AssertMember("""["Quincy","John"]""", name, "given");
        AssertMember($"[{Ext},null]", name, "_given");
    }

    // several operations

    [Fact]
    public void operations_apply_in_order_each_on_the_result_of_the_previous()
    {
        var result = ApplyFhirPatch("""{"resourceType":"Patient","id":"p"}""", Parameters(
            Operation(Type("add"), Path("Patient"), Name("name"), ValueParts(Part("family", "valueString", "\"Doe\""))),
            Operation(Type("add"), Path("Patient.name"), Name("given"), Value("valueString", "\"Jo\"")),
            Operation(Type("replace"), Path("Patient.name.family"), Value("valueString", "\"Roe\"")),
            Operation(Type("insert"), Path("Patient.name.given"), Index(0), Value("valueString", "\"Al\"")),
            Operation(Type("delete"), Path("Patient.name.given[1]"))));

        AssertJson("""{"resourceType":"Patient","id":"p","name":[{"family":"Roe","given":["Al"]}]}""", result);
    }

    [Fact]
    public void an_empty_parameters_resource_changes_nothing()
    {
        AssertJson(Patient, ApplyFhirPatch(Patient, """{"resourceType":"Parameters"}"""));
        AssertJson(Patient, ApplyFhirPatch(Patient, Parameters()));
    }

    [Fact]
    public void the_input_is_unchanged_when_a_later_operation_fails()
    {
        var input = Json(Patient);
        var before = input.ToJsonString();
        var operations = FhirPathPatch.Parse(Json(Parameters(
            Operation(Type("delete"), Path("Patient.identifier[0]")),
            Operation(Type("replace"), Path("Patient.gender"), Value("valueCode", "\"female\"")),
            Operation(Type("replace"), Path("Patient.telecom"), Value("valueContactPoint", """{"value":"1"}""")))), PathEngine);

        AssertRefused(422, "Parameters.parameter[2].part[1]", () => FhirPathPatch.Apply(input.AsObject(), operations, PathEngine.Model));
        Assert.Equal(before, input.ToJsonString());
    }

    [Fact]
    public void the_result_shares_nothing_with_the_input_or_the_patch()
    {
        var input = Json(Patient).AsObject();
        var parameters = Json(Parameters(Operation(Type("add"), Path("Patient"), Name("identifier"), Value("valueIdentifier", """{"value":"x"}"""))));
        var operations = FhirPathPatch.Parse(parameters, PathEngine);

        var first = FhirPathPatch.Apply(input, operations, PathEngine.Model);
        var second = FhirPathPatch.Apply(input, operations, PathEngine.Model);
        first["identifier"]![3]!["value"] = "changed";

        Assert.Equal(3, input["identifier"]!.AsArray().Count);
        Assert.Equal("x", second["identifier"]![3]!["value"]!.GetValue<string>());
    }
}
