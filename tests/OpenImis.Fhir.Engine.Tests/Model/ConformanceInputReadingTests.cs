using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests.Model;

/// <summary>The reader over the FHIRPath conformance inputs and the openIMIS IG examples (shared reference material).</summary>
public class ConformanceInputReadingTests
{
    private static ElementNode[] Children(ElementNode node, string name) => node.Children(name).Cast<ElementNode>().ToArray();

    private static ElementNode Child(ElementNode node, string name) => Assert.Single(Children(node, name));

    [Fact]
    public void patient_example_names_and_birth_date()
    {
        var patient = TestDefinitions.ReadConformanceInput("patient-example.json");

        var names = Children(patient, "name");
        var birthDate = Child(patient, "birthDate");

        Assert.Equal(3, names.Length);
        Assert.Equal(["Peter", "James"], Children(names[0], "given").Select(g => g.Value));
        Assert.Equal("date", birthDate.TypeName);
        Assert.Equal("1974-12-25", Assert.IsType<PartialDateTime>(birthDate.Value).ToFhirString());
        var extension = Child(birthDate, "extension");
        Assert.Equal("http://hl7.org/fhir/StructureDefinition/patient-birthTime", Child(extension, "url").Value);
        Assert.Equal("dateTime", Child(extension, "value").TypeName);
        Assert.Equal(false, Child(patient, "deceased").Value);
        Assert.Equal("boolean", Child(patient, "deceased").TypeName);
    }

    [Fact]
    public void patient_example_contact_is_a_backbone_element()
    {
        var patient = TestDefinitions.ReadConformanceInput("patient-example.json");

        var contact = Child(patient, "contact");
        var family = Child(Child(contact, "name"), "family");

        Assert.Equal("BackboneElement", contact.TypeName);
        Assert.Equal("Patient.contact", contact.Type!.Name);
        Assert.Equal("du Marché", family.Value);
        Assert.Equal("VV", Child(Child(family, "extension"), "value").Value);
        Assert.Equal("Patient.contact[0].name.family", family.Location);
    }

    [Fact]
    public void patient_name_extensions_align_underscore_arrays()
    {
        var patient = TestDefinitions.ReadConformanceInput("patient-name-extensions.json");

        var given = Children(Child(patient, "name"), "given");

        Assert.Equal(2, given.Length);
        Assert.Null(given[0].Value);
        Assert.Equal("five", Child(Child(given[0], "extension"), "value").Value);
        Assert.Equal("James", given[1].Value);
        Assert.Empty(given[1].AllChildren());
    }

    [Fact]
    public void observation_example_value_quantity()
    {
        var observation = TestDefinitions.ReadConformanceInput("observation-example.json");

        var value = Child(observation, "value");

        Assert.Equal("Quantity", value.TypeName);
        Assert.Equal(185L, (long)(decimal)Child(value, "value").Value!);
        Assert.IsType<decimal>(Child(value, "value").Value);
        Assert.Equal("decimal", Child(value, "value").TypeName);
        Assert.Equal("[lb_av]", Child(value, "code").Value);
    }

    [Fact]
    public void parameters_example_keeps_the_decimal_scale()
    {
        var parameters = TestDefinitions.ReadConformanceInput("parameters-example-types.json");

        var values = Children(parameters, "parameter").Select(p => Child(p, "value")).ToArray();

        Assert.Equal(["string", "integer", "uuid", "decimal"], values.Select(v => v.TypeName));
        Assert.Equal("1.0", ((decimal)values[3].Value!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1L, values[1].Value);
    }

    [Fact]
    public void questionnaire_example_nested_items()
    {
        var questionnaire = TestDefinitions.ReadConformanceInput("questionnaire-example.json");

        var items = Children(questionnaire, "item");
        var item = items[0];
        var nested = Child(item, "item");
        var deeper = Child(nested, "item");

        Assert.Equal(2, items.Length);
        Assert.Equal("Questionnaire.item", item.Type!.Name);
        Assert.Same(item.Type, nested.Type);
        Assert.Same(item.Type, deeper.Type);
        Assert.Equal("1.1.1", Child(deeper, "linkId").Value);
        Assert.Equal("Coding", Child(Child(deeper, "enableWhen"), "answer").TypeName);
    }

    [Fact]
    public void patient_container_example_contained_resources()
    {
        var patient = TestDefinitions.ReadConformanceInput("patient-container-example.json");

        var contained = Child(patient, "contained");

        Assert.Equal("Organization", contained.TypeName);
        Assert.Equal("1", Child(contained, "id").Value);
        Assert.Equal("Patient.contained[0]", contained.Location);
    }

    [Theory]
    [InlineData("appointment-examplereq.json", "Appointment")]
    [InlineData("codesystem-example.json", "CodeSystem")]
    [InlineData("explanationofbenefit-example.json", "ExplanationOfBenefit")]
    [InlineData("observation-example.json", "Observation")]
    [InlineData("parameters-example-types.json", "Parameters")]
    [InlineData("patient-container-example.json", "Patient")]
    [InlineData("patient-example-period.json", "Patient")]
    [InlineData("patient-example.json", "Patient")]
    [InlineData("patient-name-extensions.json", "Patient")]
    [InlineData("questionnaire-example.json", "Questionnaire")]
    [InlineData("valueset-example-expansion.json", "ValueSet")]
    public void every_conformance_input_reads_with_its_root_type(string fileName, string resourceType)
    {
        var root = TestDefinitions.ReadConformanceInput(fileName);

        Assert.Equal(resourceType, root.TypeName);
        Assert.Same(FhirModel.R4.FindType(resourceType), root.Type);
        AssertAllKnownPropertiesTyped(root);
    }

    [Fact]
    public void location_strings_from_the_openimis_examples()
    {
        using var stream = File.OpenRead(Path.Combine(TestDefinitions.OpenImisExamples, "Location-Jamula-village.json"));
        var location = ElementNodeReader.Read(stream, FhirModel.R4);

        var name = Child(location, "name");

        Assert.Equal("string", name.TypeName);
        Assert.IsType<string>(name.Value);
        Assert.Equal("string", Child(Child(location, "identifier"), "value").TypeName);
        Assert.Equal("V", Child(Child(Child(location, "physicalType"), "coding"), "code").Value);
        Assert.Equal("code", Child(Child(Child(location, "physicalType"), "coding"), "code").TypeName);
    }

    [Fact]
    public void every_openimis_example_reads_with_its_root_type()
    {
        var files = Directory.GetFiles(TestDefinitions.OpenImisExamples, "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var expected = Path.GetFileName(file).Split('-')[0];
            using var stream = File.OpenRead(file);

            var root = ElementNodeReader.Read(stream, FhirModel.R4);

            Assert.Equal(expected, root.TypeName);
            Assert.NotNull(root.Type);
            AssertAllKnownPropertiesTyped(root);
        }
    }

    // Valid examples have no property the model does not know: every node below the root carries a type.
    private static void AssertAllKnownPropertiesTyped(ElementNode node)
    {
        foreach (var child in node.AllChildren().Cast<ElementNode>())
        {
            Assert.True(child.Type is not null, $"{child.Location} ({child.TypeName}) is not typed");
            AssertAllKnownPropertiesTyped(child);
        }
    }
}
