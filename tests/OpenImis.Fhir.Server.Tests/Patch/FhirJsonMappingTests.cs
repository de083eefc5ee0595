using System.Text.Json.Nodes;
using OpenImis.Fhir.Application.Patch;
using OpenImis.Fhir.Engine.Model;
using static OpenImis.Fhir.Server.Tests.Patch.PatchTestSupport;

namespace OpenImis.Fhir.Server.Tests.Patch;

/// <summary>How element nodes map back to FHIR JSON, and how list paths split, below the FHIRPath Patch operations.</summary>
public class FhirJsonMappingTests
{
    private static (JsonObject Document, ElementNode Root) Read(string json)
    {
        var document = Json(json).AsObject();
        return (document, ElementNodeReader.Read(json, FhirModel.R4));
    }

    private static ElementNode Select(ElementNode root, string path) =>
        (ElementNode)Assert.Single(PathEngine.Compile(path).Evaluate(root));

    [Fact]
    public void a_choice_maps_to_its_typed_property()
    {
        var (document, root) = Read("""{"resourceType":"Observation","status":"final","code":{"text":"t"},"valueQuantity":{"value":1}}""");

        var slot = FhirJsonSlot.Locate(document, Select(root, "Observation.value"))!;

        Assert.Equal("valueQuantity", slot.JsonName);
        Assert.Equal(-1, slot.Position);
        AssertJson("""{"value":1}""", slot.Value);
    }

    [Fact]
    public void a_primitive_child_lives_in_the_underscore_object()
    {
        var (document, root) = Read("""{"resourceType":"Patient","birthDate":"2000-01-01","_birthDate":{"id":"b","extension":[{"url":"u","valueCode":"c"}]}}""");

        var slot = FhirJsonSlot.Locate(document, Select(root, "Patient.birthDate.extension.value"))!;

        Assert.Equal("valueCode", slot.JsonName);
        Assert.True(slot.Parent!.Parent!.InExtension is false && slot.Parent.InExtension);
        AssertJson("\"c\"", slot.Value);
    }

    [Fact]
    public void node_indexes_skip_positions_that_are_null_on_both_sides()
    {
        // The reader skips position 1 (null value, no extension); node given[1] is JSON position 2.
        var (document, root) = Read("""{"resourceType":"Patient","name":[{"given":["a",null,"c"]}]}""");

        var slot = FhirJsonSlot.Locate(document, Select(root, "Patient.name.given[1]"))!;

        Assert.Equal(2, slot.Position);
        AssertJson("\"c\"", slot.Value);
    }

    [Fact]
    public void arrays_are_normalised_after_a_change()
    {
        var owner = Json("""{"given":["a",null,"c",null],"_given":[null,null,{"id":"x"}]}""").AsObject();

        var count = FhirJsonProperties.Normalize(owner, "given");

        Assert.Equal(2, count);
        AssertJson("""{"given":["a","c"],"_given":[null,{"id":"x"}]}""", owner);
    }

    [Theory]
    [InlineData("Patient.identifier", "Patient", "identifier")]
    [InlineData("Patient.name[0].given", "Patient.name[0]", "given")]
    [InlineData("Patient.name.where(use = 'a.b').given ", "Patient.name.where(use = 'a.b')", "given")]
    [InlineData("Patient . `identifier`", "Patient", "identifier")]
    [InlineData("identifier", "", "identifier")]
    public void a_list_path_splits_into_parent_and_name(string path, string parent, string name)
    {
        Assert.True(FhirPatchParser.TrySplitList(path, out var parentPath, out var listName));
        Assert.Equal(parent, parentPath);
        Assert.Equal(name, listName);
    }

    [Theory]
    [InlineData("Patient.identifier.first()")]
    [InlineData("Patient.identifier[0]")]
    [InlineData("Patient.")]
    [InlineData(".identifier")]
    [InlineData("Patient.`identifier")]
    public void a_list_path_that_does_not_end_in_a_name_does_not_split(string path)
    {
        Assert.False(FhirPatchParser.TrySplitList(path, out _, out _));
    }
}
