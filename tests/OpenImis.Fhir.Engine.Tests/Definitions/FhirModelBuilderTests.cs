using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests.Definitions;

public class FhirModelBuilderTests
{
    private static FhirModel Model => FhirModel.R4;

    private static TypeDefinition Type(string name) => Model.FindType(name) ?? throw new InvalidOperationException($"{name} not in the model");

    [Theory]
    [InlineData("Patient", TypeKind.Resource)]
    [InlineData("Resource", TypeKind.Resource)]
    [InlineData("DomainResource", TypeKind.Resource)]
    [InlineData("HumanName", TypeKind.Complex)]
    [InlineData("Element", TypeKind.Complex)]
    [InlineData("BackboneElement", TypeKind.Complex)]
    [InlineData("Extension", TypeKind.Complex)]
    [InlineData("Quantity", TypeKind.Complex)]
    [InlineData("Age", TypeKind.Complex)]
    [InlineData("SimpleQuantity", TypeKind.Complex)]
    [InlineData("MoneyQuantity", TypeKind.Complex)]
    [InlineData("string", TypeKind.Primitive)]
    [InlineData("code", TypeKind.Primitive)]
    [InlineData("xhtml", TypeKind.Primitive)]
    [InlineData("Patient.contact", TypeKind.Backbone)]
    public void knows_the_r4_types(string name, TypeKind kind)
    {
        Assert.Equal(kind, Type(name).Kind);
    }

    [Fact]
    public void knows_every_resource_type_and_no_logical_model()
    {
        var resourceTypes = Model.Types.Count(t => t.Kind == TypeKind.Resource && !t.IsAbstract);

        Assert.Equal(147, resourceTypes);
        Assert.Null(Model.FindType("MetadataResource"));
        Assert.True(Model.IsResourceType("Patient"));
        Assert.False(Model.IsResourceType("HumanName"));
        Assert.False(Model.IsResourceType("Patient.contact"));
    }

    [Fact]
    public void extension_definitions_are_not_types()
    {
        Assert.DoesNotContain(Model.Types, t => t.Name == "BirthTime" || t.Name == "birthTime");
        Assert.Null(Model.FindType("patient-birthTime"));
    }

    [Theory]
    [InlineData("code", "string")]
    [InlineData("id", "string")]
    [InlineData("positiveInt", "integer")]
    [InlineData("url", "uri")]
    [InlineData("Age", "Quantity")]
    [InlineData("SimpleQuantity", "Quantity")]
    [InlineData("Patient", "DomainResource")]
    [InlineData("DomainResource", "Resource")]
    [InlineData("Patient", "Resource")]
    [InlineData("HumanName", "Element")]
    [InlineData("Dosage", "BackboneElement")]
    [InlineData("Patient.contact", "BackboneElement")]
    [InlineData("Timing.repeat", "Element")]
    public void derived_types_are_their_bases(string derived, string baseType)
    {
        Assert.True(Type(derived).IsA(Type(baseType)));
    }

    [Theory]
    [InlineData("string", "code")]
    [InlineData("Quantity", "Age")]
    [InlineData("Resource", "Patient")]
    [InlineData("Patient", "Observation")]
    public void base_types_are_not_their_derived_types(string type, string other)
    {
        Assert.False(Type(type).IsA(Type(other)));
    }

    [Theory]
    [InlineData("boolean", "Boolean")]
    [InlineData("integer", "Integer")]
    [InlineData("unsignedInt", "Integer")]
    [InlineData("positiveInt", "Integer")]
    [InlineData("decimal", "Decimal")]
    [InlineData("date", "Date")]
    [InlineData("dateTime", "DateTime")]
    [InlineData("instant", "DateTime")]
    [InlineData("time", "Time")]
    [InlineData("string", "String")]
    [InlineData("code", "String")]
    [InlineData("base64Binary", "String")]
    [InlineData("xhtml", "String")]
    public void primitives_carry_their_system_type(string primitive, string systemType)
    {
        Assert.Equal(systemType, Type(primitive).SystemType);
    }

    [Fact]
    public void a_primitive_has_id_and_extension_but_no_value_child()
    {
        var date = Type("date");

        Assert.Equal(["id", "extension"], date.Children.Select(c => c.Name));
        Assert.Equal("string", date.FindChild("id")!.Types[0].Code);
    }

    [Fact]
    public void patient_has_its_own_and_inherited_children()
    {
        var patient = Type("Patient");

        foreach (var inherited in new[] { "id", "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension" })
        {
            Assert.NotNull(patient.FindChild(inherited));
        }
        Assert.Equal("id", patient.FindChild("id")!.Types[0].Code);
        Assert.Equal("Resource", patient.FindChild("contained")!.Types[0].Code);
    }

    [Fact]
    public void patient_name_is_an_array_of_human_name()
    {
        var name = Type("Patient").FindChild("name")!;

        Assert.Equal("Patient.name", name.Path);
        Assert.True(name.IsArray);
        Assert.Null(name.Max);
        Assert.Equal(0, name.Min);
        Assert.False(name.IsChoice);
        Assert.Same(Type("HumanName"), Assert.Single(name.Types).Type);
    }

    [Fact]
    public void patient_gender_is_a_single_code()
    {
        var gender = Type("Patient").FindChild("gender")!;

        Assert.False(gender.IsArray);
        Assert.Equal(1, gender.Max);
        Assert.Equal("code", Assert.Single(gender.Types).Code);
    }

    [Fact]
    public void patient_deceased_is_a_choice_of_boolean_and_date_time()
    {
        var deceased = Type("Patient").FindChild("deceased")!;

        Assert.True(deceased.IsChoice);
        Assert.Equal("Patient.deceased[x]", deceased.Path);
        Assert.Equal(["boolean", "dateTime"], deceased.Types.Select(t => t.Code));
        Assert.Null(Type("Patient").FindChild("deceased[x]"));
    }

    [Fact]
    public void patient_contact_is_a_backbone_type_with_its_children_and_the_backbone_ones()
    {
        var contact = Type("Patient").FindChild("contact")!;
        var reference = Assert.Single(contact.Types);

        Assert.Equal("BackboneElement", reference.Code);
        Assert.Equal("Patient.contact", reference.Type.Name);
        Assert.Same(Type("BackboneElement"), reference.Type.Base);
        Assert.Same(Type("HumanName"), reference.Type.FindChild("name")!.Types[0].Type);
        Assert.NotNull(reference.Type.FindChild("id"));
        Assert.NotNull(reference.Type.FindChild("extension"));
        Assert.NotNull(reference.Type.FindChild("modifierExtension"));
    }

    [Fact]
    public void questionnaire_item_item_refers_to_the_item_type()
    {
        var item = Type("Questionnaire").FindChild("item")!.Types[0].Type;
        var nested = item.FindChild("item")!;

        Assert.Equal("Questionnaire.item", item.Name);
        Assert.Same(item, Assert.Single(nested.Types).Type);
        Assert.Equal("BackboneElement", nested.Types[0].Code);
        Assert.Equal("Questionnaire.item.item", nested.Path);
    }

    [Fact]
    public void observation_value_allows_the_r4_choice_types()
    {
        var value = Type("Observation").FindChild("value")!;

        Assert.True(value.IsChoice);
        Assert.Equal(
            ["Quantity", "CodeableConcept", "string", "boolean", "integer", "Range", "Ratio", "SampledData", "time", "dateTime", "Period"],
            value.Types.Select(t => t.Code));
    }

    [Fact]
    public void extension_url_is_a_uri_and_element_id_a_string()
    {
        Assert.Equal("uri", Type("Extension").FindChild("url")!.Types[0].Code);
        Assert.Equal("string", Type("HumanName").FindChild("id")!.Types[0].Code);
    }

    [Fact]
    public void age_has_the_quantity_children()
    {
        var age = Type("Age");

        Assert.Same(Type("Quantity"), age.Base);
        Assert.Equal("decimal", age.FindChild("value")!.Types[0].Code);
        Assert.Equal("Quantity", Type("SimpleQuantity").Base!.Name);
    }

    [Fact]
    public void json_choice_names_resolve_to_the_child_and_type()
    {
        var observation = Type("Observation");

        var binding = observation.FindJsonProperty("valueQuantity");
        var dateTime = observation.FindJsonProperty("valueDateTime");

        Assert.Equal("value", binding!.NodeName);
        Assert.Equal("Quantity", binding.Type.Code);
        Assert.Equal("dateTime", dateTime!.Type.Code);
        Assert.Null(observation.FindJsonProperty("value"));
        Assert.Null(observation.FindJsonProperty("valueFoo"));
        Assert.Equal("status", observation.FindJsonProperty("status")!.NodeName);
    }

    [Fact]
    public void the_empty_model_knows_nothing()
    {
        Assert.Empty(FhirModel.Empty.Types);
        Assert.Null(FhirModel.Empty.FindType("Patient"));
        Assert.False(FhirModel.Empty.IsResourceType("Patient"));
    }
}
