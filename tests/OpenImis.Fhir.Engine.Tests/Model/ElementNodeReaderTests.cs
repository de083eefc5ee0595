using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests.Model;

public class ElementNodeReaderTests
{
    private static ElementNode Read(string json) => ElementNodeReader.Read(json, FhirModel.R4);

    private static ElementNode[] Children(ElementNode node, string name) => node.Children(name).Cast<ElementNode>().ToArray();

    private static ElementNode Child(ElementNode node, string name) => Assert.Single(Children(node, name));

    [Fact]
    public void the_root_is_the_resource_without_a_resource_type_child()
    {
        var patient = Read("""{"resourceType":"Patient","id":"p1","active":true}""");

        Assert.Equal("Patient", patient.Name);
        Assert.Equal("Patient", patient.TypeName);
        Assert.Same(FhirModel.R4.FindType("Patient"), patient.Type);
        Assert.Equal(-1, patient.Index);
        Assert.Null(patient.Parent);
        Assert.True(patient.IsResource);
        Assert.Equal(["id", "active"], patient.ChildNames);
        Assert.True(patient.Children("resourceType").IsEmpty);
    }

    [Fact]
    public void json_that_is_not_a_resource_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => Read("""{"id":"p1"}"""));
        Assert.Throws<ArgumentException>(() => Read("""[1]"""));
    }

    [Fact]
    public void primitives_are_typed_by_their_fhir_type()
    {
        var patient = Read("""{"resourceType":"Patient","id":"p1","active":true,"gender":"male","multipleBirthInteger":2}""");

        var id = Child(patient, "id");
        var gender = Child(patient, "gender");
        var birth = Child(patient, "multipleBirth");

        Assert.Equal(("id", "p1"), (id.TypeName, id.Value));
        Assert.Equal(("boolean", (object)true), (Child(patient, "active").TypeName, Child(patient, "active").Value));
        Assert.Equal(("code", "male"), (gender.TypeName, gender.Value));
        Assert.Equal(("integer", (object)2L), (birth.TypeName, birth.Value));
        Assert.Same(FhirModel.R4.FindType("code"), gender.Type);
    }

    [Fact]
    public void arrays_give_indexed_nodes_and_single_values_index_minus_one()
    {
        var patient = Read("""{"resourceType":"Patient","name":[{"family":"A","given":["x","y"]},{"family":"B"}]}""");

        var names = Children(patient, "name");
        var given = Children(names[0], "given");

        Assert.Equal([0, 1], names.Select(n => n.Index));
        Assert.Equal(-1, Child(names[0], "family").Index);
        Assert.Equal(["x", "y"], given.Select(g => g.Value));
        Assert.Equal("Patient.name[0].given[1]", given[1].Location);
        Assert.Equal("HumanName", names[1].TypeName);
        Assert.Same(patient, names[0].Parent);
    }

    [Fact]
    public void children_are_grouped_by_name_in_order_of_first_appearance()
    {
        var name = Child(Read("""{"resourceType":"Patient","name":[{"given":["a"],"family":"F","_given":[{"id":"g"}]}]}"""), "name");

        Assert.Equal(["given", "family"], name.ChildNames);
        Assert.Equal(["given", "family"], name.AllChildren().Cast<ElementNode>().Select(c => c.Name));
    }

    [Fact]
    public void node_names_reuse_the_model_name_instances()
    {
        var patient = Read("""{"resourceType":"Patient","gender":"male","deceasedBoolean":false}""");

        Assert.Same(FhirModel.R4.FindType("Patient")!.FindChild("gender")!.Name, Child(patient, "gender").Name);
        Assert.Same(FhirModel.R4.FindType("Patient")!.FindChild("deceased")!.Name, Child(patient, "deceased").Name);
    }

    [Fact]
    public void a_choice_is_named_without_its_type_suffix()
    {
        var observation = Read("""{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":1.50,"unit":"kg"}}""");

        var value = Child(observation, "value");

        Assert.Equal("Quantity", value.TypeName);
        Assert.Same(FhirModel.R4.FindType("Quantity"), value.Type);
        Assert.Equal(1.50m, Child(value, "value").Value);
        Assert.Equal("1.50", ((decimal)Child(value, "value").Value!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(observation.Children("valueQuantity").IsEmpty);
    }

    [Theory]
    [InlineData("valueString", "\"s\"", "string")]
    [InlineData("valueCodeableConcept", "{\"text\":\"t\"}", "CodeableConcept")]
    [InlineData("valueDateTime", "\"2020-01-01\"", "dateTime")]
    [InlineData("valueBoolean", "true", "boolean")]
    [InlineData("valuePeriod", "{\"start\":\"2020\"}", "Period")]
    public void a_choice_suffix_selects_the_type(string property, string json, string typeName)
    {
        var observation = Read($$"""{"resourceType":"Observation","{{property}}":{{json}}}""");

        Assert.Equal(typeName, Child(observation, "value").TypeName);
    }

    [Fact]
    public void an_underscore_property_merges_into_its_primitive()
    {
        var patient = Read("""
            {"resourceType":"Patient","birthDate":"1974-12-25",
             "_birthDate":{"id":"b1","extension":[{"url":"http://example.org/x","valueString":"v"}]}}
            """);

        var birthDate = Child(patient, "birthDate");

        Assert.Equal("date", birthDate.TypeName);
        Assert.IsType<PartialDateTime>(birthDate.Value);
        Assert.Equal(["id", "extension"], birthDate.ChildNames);
        Assert.Equal(("string", "b1"), (Child(birthDate, "id").TypeName, Child(birthDate, "id").Value));
        var extension = Child(birthDate, "extension");
        Assert.Equal("Extension", extension.TypeName);
        Assert.Equal(0, extension.Index);
        Assert.Equal("uri", Child(extension, "url").TypeName);
        Assert.Equal("v", Child(extension, "value").Value);
        Assert.Single(Children(patient, "birthDate"));
    }

    [Fact]
    public void an_underscore_property_before_its_value_merges_too()
    {
        var patient = Read("""{"resourceType":"Patient","_gender":{"id":"g"},"gender":"male"}""");

        var gender = Child(patient, "gender");

        Assert.Equal("male", gender.Value);
        Assert.Equal("g", Child(gender, "id").Value);
    }

    [Fact]
    public void underscore_arrays_align_with_their_values_by_position()
    {
        var name = Child(Read("""
            {"resourceType":"Patient","name":[{"given":["a",null,"c"],"_given":[null,{"id":"b"},{"id":"c"}]}]}
            """), "name");

        var given = Children(name, "given");

        Assert.Equal(["a", null, "c"], given.Select(g => g.Value));
        Assert.Equal([0, 1, 2], given.Select(g => g.Index));
        Assert.True(given[0].Children("id").IsEmpty);
        Assert.Equal("b", Child(given[1], "id").Value);
        Assert.Equal("c", Child(given[2], "id").Value);
        Assert.All(given, g => Assert.Equal("string", g.TypeName));
    }

    [Fact]
    public void an_underscore_property_without_a_value_gives_value_less_nodes()
    {
        var patient = Read("""{"resourceType":"Patient","_birthDate":{"extension":[{"url":"http://example.org/x","valueBoolean":true}]}}""");

        var birthDate = Child(patient, "birthDate");

        Assert.Null(birthDate.Value);
        Assert.Equal("date", birthDate.TypeName);
        Assert.Single(Children(birthDate, "extension"));
    }

    [Fact]
    public void a_contained_resource_is_typed_by_its_resource_type()
    {
        var patient = Read("""{"resourceType":"Patient","contained":[{"resourceType":"Organization","id":"o1","name":"Org"}]}""");

        var contained = Child(patient, "contained");

        Assert.Equal("contained", contained.Name);
        Assert.Equal("Organization", contained.TypeName);
        Assert.Same(FhirModel.R4.FindType("Organization"), contained.Type);
        Assert.True(contained.IsResource);
        Assert.Equal(0, contained.Index);
        Assert.Equal("Org", Child(contained, "name").Value);
        Assert.True(contained.Children("resourceType").IsEmpty);
    }

    [Fact]
    public void a_contained_resource_of_unknown_type_keeps_its_type_name()
    {
        var contained = Child(Read("""{"resourceType":"Patient","contained":[{"resourceType":"Spaceship","id":"s"}]}"""), "contained");

        Assert.Equal("Spaceship", contained.TypeName);
        Assert.Null(contained.Type);
        Assert.Equal("s", Child(contained, "id").Value);
    }

    [Fact]
    public void bundle_entries_hold_typed_resources()
    {
        var bundle = Read("""
            {"resourceType":"Bundle","type":"collection","entry":[
              {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Patient","id":"a"}},
              {"resource":{"resourceType":"Observation","id":"b","status":"final"},
               "response":{"status":"201","outcome":{"resourceType":"OperationOutcome","issue":[]}}}]}
            """);

        var entries = Children(bundle, "entry");

        Assert.Equal("Bundle.entry", entries[0].Type!.Name);
        Assert.Equal("BackboneElement", entries[0].TypeName);
        Assert.Equal(("resource", "Patient"), (Child(entries[0], "resource").Name, Child(entries[0], "resource").TypeName));
        Assert.Equal(-1, Child(entries[0], "resource").Index);
        Assert.Equal("Observation", Child(entries[1], "resource").TypeName);
        Assert.Equal("OperationOutcome", Child(Child(entries[1], "response"), "outcome").TypeName);
        Assert.Equal("Bundle.entry[1].resource", Child(entries[1], "resource").Location);
    }

    [Fact]
    public void the_narrative_div_is_an_xhtml_string()
    {
        var text = Child(Read("""{"resourceType":"Patient","text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"}}"""), "text");

        var div = Child(text, "div");

        Assert.Equal("xhtml", div.TypeName);
        Assert.Equal("<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>", div.Value);
    }

    [Fact]
    public void unknown_properties_are_read_untyped()
    {
        var patient = Read("""{"resourceType":"Patient","foo":"bar","flag":true,"count":3,"ratio":1.5,"thing":{"a":"b"},"list":[1,2],"nothing":null}""");

        Assert.Equal(("string", "bar"), (Child(patient, "foo").TypeName, Child(patient, "foo").Value));
        Assert.Equal(("boolean", (object)true), (Child(patient, "flag").TypeName, Child(patient, "flag").Value));
        Assert.Equal(("integer", (object)3L), (Child(patient, "count").TypeName, Child(patient, "count").Value));
        Assert.Equal(("decimal", (object)1.5m), (Child(patient, "ratio").TypeName, Child(patient, "ratio").Value));
        var thing = Child(patient, "thing");
        Assert.Equal("Element", thing.TypeName);
        Assert.Null(thing.Type);
        Assert.Equal("b", Child(thing, "a").Value);
        Assert.Equal([0, 1], Children(patient, "list").Select(n => n.Index));
        Assert.True(patient.Children("nothing").IsEmpty);
    }

    [Fact]
    public void a_value_of_the_wrong_kind_is_kept_as_its_natural_value()
    {
        var patient = Read("""{"resourceType":"Patient","active":"yes","birthDate":"not-a-date"}""");

        Assert.Equal(("boolean", (object)"yes"), (Child(patient, "active").TypeName, Child(patient, "active").Value));
        Assert.Equal("not-a-date", Child(patient, "birthDate").Value);
    }

    [Fact]
    public void a_single_value_for_a_repeating_element_is_still_read()
    {
        var name = Child(Read("""{"resourceType":"Patient","name":{"family":"F"}}"""), "name");

        Assert.Equal("HumanName", name.TypeName);
        Assert.Equal(-1, name.Index);
        Assert.Equal("F", Child(name, "family").Value);
    }

    [Fact]
    public void the_empty_model_reads_everything_untyped()
    {
        var patient = ElementNodeReader.Read("""{"resourceType":"Patient","gender":"male","name":[{"given":["a"]}],"contained":[{"resourceType":"Organization","id":"o"}]}""", FhirModel.Empty);

        Assert.Equal("Patient", patient.TypeName);
        Assert.Null(patient.Type);
        Assert.Equal(("string", "male"), (Child(patient, "gender").TypeName, Child(patient, "gender").Value));
        Assert.Equal("a", Child(Child(patient, "name"), "given").Value);
        Assert.Equal("Organization", Child(patient, "contained").TypeName);
    }

    [Fact]
    public void reads_from_utf8_bytes_and_streams()
    {
        var bytes = """{"resourceType":"Patient","id":"p"}"""u8.ToArray();

        var fromSpan = ElementNodeReader.Read(bytes.AsSpan(), FhirModel.R4);
        using var stream = new MemoryStream(bytes);
        var fromStream = ElementNodeReader.Read(stream, FhirModel.R4);

        Assert.Equal("p", Child(fromSpan, "id").Value);
        Assert.Equal("p", Child(fromStream, "id").Value);
    }

    [Fact]
    public void reads_a_data_type_by_name()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"value":2,"unit":"a"}""");

        var age = ElementNodeReader.ReadAs(document.RootElement, "Age", FhirModel.R4);

        Assert.Equal("Age", age.TypeName);
        Assert.Equal(2m, Child(age, "value").Value);
        Assert.IsType<decimal>(Child(age, "value").Value);
    }
}
