using static OpenImis.Fhir.Server.Tests.Patch.PatchTestSupport;

namespace OpenImis.Fhir.Server.Tests.Patch;

/// <summary>FHIRPath Patch refusals: 400 for a malformed Parameters resource, 422 for a patch that does not fit the resource.</summary>
public class FhirPathPatchErrorTests
{
    private const string Patient = """
        {"resourceType":"Patient","id":"p1","identifier":[{"value":"1"},{"value":"2"}],"gender":"male","birthDate":"1970-01-01",
         "deceasedBoolean":false,"name":[{"given":["A","B"]}],"generalPractitioner":[{"reference":"Practitioner/1"}]}
        """;

    private static void Refused(int status, string location, string parameters, string? messagePart = null)
    {
        var e = AssertRefused(status, location, () => ApplyFhirPatch(Patient, parameters));
        if (messagePart is not null) Assert.Contains(messagePart, e.Message, StringComparison.Ordinal);
    }

    // 400: malformed

    [Fact]
    public void parameters_that_are_not_operations()
    {
        Refused(400, "Parameters.parameter", """{"resourceType":"Parameters","parameter":{}}""");
        Refused(400, "Parameters.parameter[0]", """{"resourceType":"Parameters","parameter":[1]}""");
        Refused(400, "Parameters.parameter[0].name", """{"resourceType":"Parameters","parameter":[{"name":"op","part":[]}]}""", "'op'");
        Refused(400, "Parameters.parameter[0]", """{"resourceType":"Parameters","parameter":[{"name":"operation"}]}""", "no parts");
        Refused(400, "Parameters.parameter[0].valueString", """{"resourceType":"Parameters","parameter":[{"name":"operation","valueString":"x","part":[{"name":"type","valueCode":"delete"}]}]}""");
    }

    [Fact]
    public void an_unknown_or_missing_type()
    {
        Refused(400, "Parameters.parameter[0].part[0]", Parameters(Operation(Type("upsert"), Path("Patient"))), "unknown type 'upsert'");
        Refused(400, "Parameters.parameter[0]", Parameters(Operation(Path("Patient.gender"))), "the part 'type' is required");
    }

    [Fact]
    public void a_missing_path_value_name_index_source_or_destination()
    {
        Refused(400, "Parameters.parameter[0]", Parameters(Operation(Type("delete"))), "'path'");
        Refused(400, "Parameters.parameter[1]", Parameters(
            Operation(Type("delete"), Path("Patient.gender")),
            Operation(Type("add"), Path("Patient"), Value("valueDate", "\"2000-01-01\""))), "Operation 1 (add at 'Patient'): the part 'name' is required.");
        Refused(400, "Parameters.parameter[0]", Parameters(Operation(Type("add"), Path("Patient"), Name("birthDate"))), "'value'");
        Refused(400, "Parameters.parameter[0]", Parameters(Operation(Type("replace"), Path("Patient.gender"))), "'value'");
        Refused(400, "Parameters.parameter[0]", Parameters(Operation(Type("insert"), Path("Patient.identifier"), Value("valueIdentifier", "{}"))), "'index'");
        Refused(400, "Parameters.parameter[0]", Parameters(Operation(Type("move"), Path("Patient.identifier"), Source(0))), "'destination'");
    }

    [Fact]
    public void parts_that_are_unknown_repeated_or_do_not_belong_to_the_type()
    {
        Refused(400, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("delete"), Path("Patient.gender"), Part("when", "valueString", "\"now\""))), "unknown part 'when'");
        Refused(400, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("delete"), Path("Patient.gender"), Path("Patient.id"))), "given twice");
        Refused(400, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("replace"), Path("Patient.gender"), Index(0), Value("valueCode", "\"male\""))), "does not belong to a replace");
        Refused(400, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("delete"), Path("Patient.gender"), Value("valueCode", "\"male\""))), "does not belong to a delete");
    }

    [Fact]
    public void parts_with_the_wrong_kind_of_value()
    {
        Refused(400, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("delete"), """{"name":"path","valueInteger":3}""")), "non-empty string");
        Refused(400, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("delete"), """{"name":"path","valueString":""}""")), "non-empty string");
        Refused(400, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("insert"), Path("Patient.identifier"), Index(-1), Value("valueIdentifier", "{}"))), "whole number");
        Refused(400, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("insert"), Path("Patient.identifier"), """{"name":"index","valueDecimal":1.5}""", Value("valueIdentifier", "{}"))), "whole number");
        Refused(400, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("add"), Path("Patient"), Name("not an element"), Value("valueString", "\"x\""))), "not an element name");
    }

    [Fact]
    public void values_that_are_malformed()
    {
        Refused(400, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("replace"), Path("Patient.gender"), """{"name":"value"}""")), "has no value");
        Refused(400, "Parameters.parameter[0].part[2].valueString", Parameters(Operation(Type("replace"), Path("Patient.gender"), """{"name":"value","valueCode":"a","valueString":"b"}""")), "one value[x]");
        Refused(400, "Parameters.parameter[0].part[2].valueFoo", Parameters(Operation(Type("replace"), Path("Patient.gender"), Value("valueFoo", "\"x\""))), "does not name a FHIR data type");
        Refused(400, "Parameters.parameter[0].part[2].valueHumanName", Parameters(Operation(Type("replace"), Path("Patient.name[0]"), Value("valueHumanName", "\"x\""))), "a JSON object");
        Refused(400, "Parameters.parameter[0].part[2].valueString", Parameters(Operation(Type("replace"), Path("Patient.gender"), Value("valueString", "{}"))), "string, number or boolean");
        Refused(400, "Parameters.parameter[0].part[2].valueString", Parameters(Operation(Type("replace"), Path("Patient.gender"), Value("valueString", "null"))));
        Refused(400, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("replace"), Path("Patient.name[0]"), """{"name":"value","valueHumanName":{},"part":[{"name":"text","valueString":"x"}]}""")), "not several");
        Refused(400, "Parameters.parameter[0].part[2].part", Parameters(Operation(Type("replace"), Path("Patient.name[0]"), """{"name":"value","part":[]}""")));
        Refused(400, "Parameters.parameter[0].part[2].part[0]", Parameters(Operation(Type("replace"), Path("Patient.name[0]"), ValueParts("""{"valueString":"x"}"""))), "name of an element");
        Refused(400, "Parameters.parameter[0].part[2].resource", Parameters(Operation(Type("replace"), Path("Patient.name[0]"), """{"name":"value","resource":{"id":"x"}}""")));
        Refused(400, "Parameters.parameter[0].part[2]._valueString", Parameters(Operation(Type("replace"), Path("Patient.gender"), """{"name":"value","valueString":"x","_valueString":"y"}""")));
    }

    [Fact]
    public void a_path_that_is_not_fhirpath()
    {
        Refused(400, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("delete"), Path("Patient.name.where("))), "Operation 0 (delete at 'Patient.name.where('): the path is not valid FHIRPath");
        Refused(400, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("delete"), Path("Patient.name.nosuchfunction()"))), "not valid FHIRPath");
    }

    [Fact]
    public void a_list_path_that_does_not_end_in_a_name()
    {
        Refused(400, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("insert"), Path("Patient.identifier.first()"), Index(0), Value("valueIdentifier", "{}"))), "end in the name of the list");
        Refused(400, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("move"), Path("Patient.identifier[0]"), Source(0), Destination(1))), "end in the name of the list");
    }

    [Fact]
    public void malformed_operations_are_found_before_any_operation_applies()
    {
        // Operation 0 alone would be a 422; operation 1 makes the patch malformed.
        Refused(400, "Parameters.parameter[1].part[0]", Parameters(
            Operation(Type("replace"), Path("Patient.telecom"), Value("valueContactPoint", "{}")),
            Operation(Type("nope"), Path("Patient"))));
    }

    // 422: does not apply

    [Fact]
    public void a_path_that_selects_nothing_or_several_elements()
    {
        Refused(422, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("replace"), Path("Patient.telecom"), Value("valueContactPoint", "{}"))),
            "Operation 0 (replace at 'Patient.telecom'): the path selects nothing; it must select exactly one element.");
        Refused(422, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("replace"), Path("Patient.identifier"), Value("valueIdentifier", "{}"))), "selects 2 elements");
        Refused(422, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("add"), Path("Patient.identifier"), Name("use"), Value("valueCode", "\"usual\""))), "selects 2 elements");
        Refused(422, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("delete"), Path("Patient.identifier"))), "delete removes exactly one");
        Refused(422, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("insert"), Path("Patient.contact.telecom"), Index(0), Value("valueContactPoint", "{}"))), "the list's parent 'Patient.contact' selects nothing");
    }

    [Fact]
    public void a_path_that_selects_no_element_of_the_resource()
    {
        Refused(422, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("replace"), Path("Patient.name.count()"), Value("valueInteger", "3"))), "computed value");
        Refused(422, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("delete"), Path("'text'"))), "computed value");
        // resolve() does not reach outside the resource: the practitioner is not there to patch.
        Refused(422, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("replace"), Path("Patient.generalPractitioner.resolve()"), Value("valueString", "\"x\""))), "selects nothing");
    }

    [Fact]
    public void the_resource_itself_cannot_be_deleted_or_replaced()
    {
        Refused(422, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("delete"), Path("Patient"))), "the resource itself");
        Refused(422, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("replace"), Path("Patient"), Value("valueString", "\"x\""))), "the resource itself");
    }

    [Fact]
    public void add_to_an_element_that_is_set_or_unknown()
    {
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("add"), Path("Patient"), Name("gender"), Value("valueCode", "\"female\""))), "already has a value; use replace");
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("add"), Path("Patient"), Name("deceased"), Value("valueDateTime", "\"2020-01-01\""))), "already has a value");
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("add"), Path("Patient"), Name("colour"), Value("valueString", "\"x\""))), "Operation 0 (add at 'Patient'): Patient has no element 'colour'.");
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("add"), Path("Patient.gender"), Name("value"), Value("valueString", "\"x\""))), "Patient.gender (code) has no element 'value'");
    }

    [Fact]
    public void values_of_the_wrong_type()
    {
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("replace"), Path("Patient.birthDate"), Value("valueBoolean", "true"))),
            "Operation 0 (replace at 'Patient.birthDate'): a boolean value does not fit Patient.birthDate, which takes date.");
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("replace"), Path("Patient.name[0]"), Value("valueAddress", "{}"))), "does not fit Patient.name");
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("replace"), Path("Patient.deceased"), Value("valueString", "\"yes\""))), "which takes boolean or dateTime");
        Refused(422, "Parameters.parameter[0].part[3]", Parameters(Operation(Type("add"), Path("Patient"), Name("multipleBirthBoolean"), Value("valueInteger", "2"))), "which takes boolean");
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("replace"), Path("Patient.deceased"), ValueParts(Part("id", "valueString", "\"x\"")))), "is a choice");
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("replace"), Path("Patient.gender"), ValueParts(Part("id", "valueString", "\"x\"")))), "is a code");
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("replace"), Path("Patient.name[0]"), """{"name":"value","resource":{"resourceType":"Basic"}}""")), "a Basic resource does not fit");
        Refused(422, "Parameters.parameter[0].part[3]", Parameters(Operation(Type("add"), Path("Patient"), Name("contained"), """{"name":"value","resource":{"resourceType":"NoSuchThing"}}""")), "does not fit");
    }

    [Fact]
    public void parts_that_do_not_fit_the_type_they_build()
    {
        Refused(422, "Parameters.parameter[0].part[3].part[1]", Parameters(Operation(Type("add"), Path("Patient"), Name("identifier"),
            ValueParts(Part("system", "valueUri", "\"urn:x\""), Part("colour", "valueString", "\"red\"")))), "Identifier has no element 'colour'");
        Refused(422, "Parameters.parameter[0].part[3].part[1]", Parameters(Operation(Type("add"), Path("Patient"), Name("identifier"),
            ValueParts(Part("value", "valueString", "\"1\""), Part("value", "valueString", "\"2\"")))), "Identifier.value does not repeat");
        Refused(422, "Parameters.parameter[0].part[3].part[0]", Parameters(Operation(Type("add"), Path("Patient"), Name("identifier"),
            ValueParts(Part("period", "valueString", "\"x\"")))), "does not fit Identifier.period");
    }

    [Fact]
    public void insert_and_move_indexes_out_of_range()
    {
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("insert"), Path("Patient.identifier"), Index(3), Value("valueIdentifier", "{}"))),
            "Operation 0 (insert at 'Patient.identifier'): index 3 is out of range: Patient.identifier has 2 items, so the index can be 0 to 2.");
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("move"), Path("Patient.identifier"), Source(2), Destination(0))), "source 2 is out of range");
        Refused(422, "Parameters.parameter[0].part[3]", Parameters(Operation(Type("move"), Path("Patient.identifier"), Source(0), Destination(2))), "destination 2 is out of range");
        Refused(422, "Parameters.parameter[0].part[2]", Parameters(Operation(Type("move"), Path("Patient.telecom"), Source(0), Destination(0))), "has 0 items");
    }

    [Fact]
    public void insert_and_move_need_a_list()
    {
        Refused(422, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("insert"), Path("Patient.gender"), Index(0), Value("valueCode", "\"male\""))), "Patient.gender does not repeat");
        Refused(422, "Parameters.parameter[0].part[1]", Parameters(Operation(Type("move"), Path("Patient.colour"), Source(0), Destination(0))), "has no element 'colour'");
    }
}
