using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;

namespace OpenImis.Fhir.Engine.Tests.Definitions;

public class FhirDefinitionsTests
{
    private static FhirDefinitions Definitions => FhirDefinitions.R4;

    [Fact]
    public void loads_the_structure_definitions_of_all_r4_resources_and_types()
    {
        var resources = Definitions.StructureDefinitions.Count(sd =>
            sd.GetProperty("kind").GetString() == "resource" && !sd.GetProperty("abstract").GetBoolean());

        Assert.Equal(147, resources);
    }

    [Fact]
    public void loads_the_r4_search_parameters()
    {
        Assert.InRange(Definitions.SearchParameters.Count, 1300, 1500);
    }

    [Fact]
    public void loads_value_sets_and_code_systems()
    {
        Assert.NotEmpty(Definitions.ValueSets);
        Assert.NotEmpty(Definitions.CodeSystems);
    }

    [Fact]
    public void finds_a_structure_definition_by_canonical_url()
    {
        var patient = Definitions.FindByUrl("http://hl7.org/fhir/StructureDefinition/Patient");

        Assert.NotNull(patient);
        Assert.Equal("StructureDefinition", patient.Value.GetProperty("resourceType").GetString());
        Assert.Equal("Patient", patient.Value.GetProperty("type").GetString());
    }

    [Fact]
    public void a_version_suffix_on_the_canonical_is_ignored()
    {
        var gender = Definitions.FindValueSet("http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1");

        Assert.NotNull(gender);
        Assert.Equal("ValueSet", gender.Value.GetProperty("resourceType").GetString());
    }

    [Fact]
    public void finds_a_code_system_and_a_search_parameter_by_url()
    {
        Assert.NotNull(Definitions.FindCodeSystem("http://hl7.org/fhir/administrative-gender"));
        var name = Definitions.FindSearchParameter("http://hl7.org/fhir/SearchParameter/Patient-name");
        Assert.Equal("name", name!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public void finds_extension_definitions_by_url()
    {
        Assert.NotNull(Definitions.FindStructureDefinition("http://hl7.org/fhir/StructureDefinition/patient-birthTime"));
    }

    [Fact]
    public void an_unknown_url_is_not_found()
    {
        Assert.Null(Definitions.FindByUrl("http://example.org/nothing"));
        Assert.Null(Definitions.FindByUrl("ValueSet", "http://hl7.org/fhir/StructureDefinition/Patient"));
    }

    [Fact]
    public void lists_resources_by_type()
    {
        Assert.Contains("OperationDefinition", Definitions.ResourceTypes);
        Assert.All(Definitions.OfType("OperationDefinition"), od => Assert.Equal("OperationDefinition", od.GetProperty("resourceType").GetString()));
        Assert.Empty(Definitions.OfType("Patient"));
    }

    [Fact]
    public void the_shared_instance_is_loaded_once()
    {
        Assert.Same(FhirDefinitions.R4, FhirDefinitions.R4);
    }

    [Fact]
    public void loads_a_single_resource_file_that_is_not_a_bundle()
    {
        var folder = Directory.CreateTempSubdirectory("fhir-definitions-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "vs.json"),
                """{"resourceType":"ValueSet","url":"http://example.org/vs","status":"active"}""");

            var definitions = FhirDefinitions.Load(folder.FullName, ["vs.json"]);

            Assert.Equal(JsonValueKind.Object, definitions.FindValueSet("http://example.org/vs")!.Value.ValueKind);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
