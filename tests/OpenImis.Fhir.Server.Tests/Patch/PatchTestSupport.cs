using System.Text;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Application.Patch;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Server.Tests.Patch;

/// <summary>Shared engine, JSON helpers and a compact way to write FHIRPath Patch Parameters in tests.</summary>
internal static class PatchTestSupport
{
    public static FhirPathEngine PathEngine { get; } = new(FhirModel.R4);

    public static JsonNode Json(string text) => JsonNode.Parse(text)!;

    /// <summary>Compares JSON text, member order included (the appliers place new members in definition order).</summary>
    public static void AssertJson(string expected, JsonNode? actual) =>
        Assert.Equal(Json(expected).ToJsonString(), actual?.ToJsonString() ?? "null");

    public static JsonNode ApplyJsonPatch(string document, string patch) =>
        PatchApplier.Apply(Json(document), PatchApplier.JsonPatchMediaType, Encoding.UTF8.GetBytes(patch), PathEngine);

    public static JsonNode ApplyFhirPatch(string resource, string parameters) =>
        PatchApplier.Apply(Json(resource), PatchApplier.FhirJsonMediaType, Encoding.UTF8.GetBytes(parameters), PathEngine);

    /// <summary>Asserts the patch is refused with this status and location, and returns the exception for message checks.</summary>
    public static PatchException AssertRefused(int status, string location, Action apply)
    {
        var e = Assert.Throws<PatchException>(apply);
        Assert.True(status == e.Status && location == e.Location, $"Expected {status} at '{location}', got {e.Status} at '{e.Location}': {e.Message}");
        return e;
    }

    // FHIRPath Patch Parameters, one helper per part: Parameters(Operation(Type("add"), Path("Patient"), Name("x"), Value(...))).

    public static string Parameters(params string[] operations) => $$"""{"resourceType":"Parameters","parameter":[{{string.Join(",", operations)}}]}""";

    public static string Operation(params string[] parts) => $$"""{"name":"operation","part":[{{string.Join(",", parts)}}]}""";

    public static string Type(string type) => $$"""{"name":"type","valueCode":"{{type}}"}""";

    public static string Path(string path) => $$"""{"name":"path","valueString":"{{path}}"}""";

    public static string Name(string name) => $$"""{"name":"name","valueString":"{{name}}"}""";

    public static string Index(int index) => $$"""{"name":"index","valueInteger":{{index}}}""";

    public static string Source(int index) => $$"""{"name":"source","valueInteger":{{index}}}""";

    public static string Destination(int index) => $$"""{"name":"destination","valueInteger":{{index}}}""";

    /// <summary>A typed value part: <c>Value("valueString", "\"x\"")</c>.</summary>
    public static string Value(string property, string json) => $$"""{"name":"value","{{property}}":{{json}}}""";

    /// <summary>A value part built from parts: <c>ValueParts(Part("system", "valueUri", "\"urn:x\""))</c>.</summary>
    public static string ValueParts(params string[] parts) => $$"""{"name":"value","part":[{{string.Join(",", parts)}}]}""";

    public static string Part(string name, string property, string json) => $$"""{"name":"{{name}}","{{property}}":{{json}}}""";

    public static string PartWithParts(string name, params string[] parts) => $$"""{"name":"{{name}}","part":[{{string.Join(",", parts)}}]}""";
}
