using System.Text.Json.Nodes;
using OpenImis.Fhir.Engine.FhirPath.Output;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests.Conformance;

/// <summary>Reading FHIR JSON and writing it back gives the same JSON: the writer the CLI, validator and server share.</summary>
public sealed class ElementNodeJsonWriterTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(SharedFolder.FhirPathSuite, "inputs"), "*.json").Order()) data.Add(file);
        foreach (var file in Directory.GetFiles(SharedFolder.OpenImisExamples, "*.json").Order()) data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void round_trips_conformance_inputs_and_openimis_examples(string file)
    {
        var text = File.ReadAllText(file);
        var node = ElementNodeReader.Read(text, FhirModel.R4);
        var written = ElementNodeJsonWriter.ToJson(node);
        var difference = JsonSemantics.FirstDifference(JsonNode.Parse(text), JsonNode.Parse(written));
        Assert.True(difference is null, $"{Path.GetFileName(file)}: {difference}");
    }

    [Fact]
    public void writes_resource_type_first_choice_suffixes_arrays_and_primitive_extensions()
    {
        const string json = """
            {"resourceType":"Observation","status":"final","_status":{"extension":[{"url":"http://x","valueString":"s"}]},
             "code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},
             "valueQuantity":{"value":1.50,"unit":"kg"},
             "contained":[{"resourceType":"Patient","id":"p1","name":[{"given":["A",null],"_given":[null,{"id":"g2"}]}]}]}
            """;
        var written = ElementNodeJsonWriter.ToJson(ElementNodeReader.Read(json, FhirModel.R4));
        Assert.StartsWith("""{"resourceType":"Observation",""", written);
        Assert.Contains("\"valueQuantity\":{\"value\":1.50,\"unit\":\"kg\"}", written);
        Assert.Contains("\"_status\":{\"extension\":[{\"url\":\"http://x\",\"valueString\":\"s\"}]}", written);
        Assert.Contains("\"coding\":[{", written);
        Assert.Contains("\"contained\":[{\"resourceType\":\"Patient\"", written);
        Assert.Contains("\"given\":[\"A\",null],\"_given\":[null,{\"id\":\"g2\"}]", written);
        Assert.Null(JsonSemantics.FirstDifference(JsonNode.Parse(json), JsonNode.Parse(written)));
    }

    [Fact]
    public void json_semantics_sees_differences_but_not_number_scale_or_order()
    {
        Assert.Null(JsonSemantics.FirstDifference(JsonNode.Parse("""{"a":1.0,"b":[1,2]}"""), JsonNode.Parse("""{"b":[1,2],"a":1}""")));
        Assert.NotNull(JsonSemantics.FirstDifference(JsonNode.Parse("""{"b":[1,2]}"""), JsonNode.Parse("""{"b":[2,1]}""")));
        Assert.NotNull(JsonSemantics.FirstDifference(JsonNode.Parse("""{"a":"1"}"""), JsonNode.Parse("""{"a":1}""")));
        Assert.NotNull(JsonSemantics.FirstDifference(JsonNode.Parse("""{"a":1}"""), JsonNode.Parse("""{"a":1,"b":2}""")));
    }
}
