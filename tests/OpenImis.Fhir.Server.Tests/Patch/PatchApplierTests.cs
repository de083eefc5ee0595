using System.Text;
using OpenImis.Fhir.Application.Patch;
using static OpenImis.Fhir.Server.Tests.Patch.PatchTestSupport;

namespace OpenImis.Fhir.Server.Tests.Patch;

/// <summary>The entry point: the content type picks the patch format; anything else is a 415.</summary>
public class PatchApplierTests
{
    private const string Patient = """{"resourceType":"Patient","id":"p1","gender":"male"}""";

    private static readonly string FhirPatch = Parameters(Operation(Type("replace"), Path("Patient.gender"), Value("valueCode", "\"female\"")));

    private const string JsonPatchBody = """[{"op":"replace","path":"/gender","value":"female"}]""";

    private const string Female = """{"resourceType":"Patient","id":"p1","gender":"female"}""";

    private static void Apply(string? contentType, string body, string expected) =>
        AssertJson(expected, PatchApplier.Apply(Json(Patient), contentType, Encoding.UTF8.GetBytes(body), PathEngine));

    private static PatchException Refused(int status, string? contentType, string body) =>
        AssertRefused(status, "", () => PatchApplier.Apply(Json(Patient), contentType, Encoding.UTF8.GetBytes(body), PathEngine));

    [Theory]
    [InlineData("application/json-patch+json")]
    [InlineData("application/json-patch+json; charset=utf-8")]
    [InlineData("Application/JSON-Patch+JSON")]
    public void json_patch_by_its_media_type(string contentType)
    {
        Apply(contentType, JsonPatchBody, Female);
    }

    [Theory]
    [InlineData("application/fhir+json")]
    [InlineData("application/fhir+json;charset=UTF-8")]
    [InlineData("application/fhir+json; fhirVersion=4.0")]
    [InlineData("application/json")]
    public void fhirpath_patch_as_a_parameters_resource(string contentType)
    {
        Apply(contentType, FhirPatch, Female);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("text/plain")]
    [InlineData("application/fhir+xml")]
    [InlineData("application/xml-patch+xml")]
    [InlineData("application/merge-patch+json")]
    public void other_content_types_are_415(string? contentType)
    {
        var e = Refused(415, contentType, JsonPatchBody);

        Assert.Contains("application/json-patch+json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_charset_other_than_utf8_is_415()
    {
        Refused(415, "application/json-patch+json; charset=iso-8859-1", JsonPatchBody);
    }

    [Theory]
    [InlineData("application/fhir+json")]
    [InlineData("application/json")]
    public void a_fhir_json_body_that_is_not_parameters_is_415(string contentType)
    {
        var array = Refused(415, contentType, JsonPatchBody);
        Refused(415, contentType, Patient);

        Assert.Contains("for JSON Patch use application/json-patch+json", array.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/fhir+json")]
    [InlineData("application/json-patch+json")]
    public void a_body_that_is_not_json_is_400(string contentType)
    {
        Refused(400, contentType, "{not json");
        Refused(400, contentType, "");
    }

    [Fact]
    public void a_body_with_an_unpaired_surrogate_escape_or_invalid_utf8_is_400()
    {
        Refused(400, "application/json-patch+json", """[{"op":"replace","path":"/gender","value":"\ud800"}]""");
        var invalidUtf8 = new byte[] { (byte)'[', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)']' };
        AssertRefused(400, "", () => PatchApplier.Apply(Json(Patient), "application/json-patch+json", invalidUtf8, PathEngine));
    }

    [Fact]
    public void a_paired_surrogate_escape_is_text_like_any_other()
    {
        Apply("application/json-patch+json", """[{"op":"replace","path":"/gender","value":"\ud83d\ude00"}]""", """{"resourceType":"Patient","id":"p1","gender":"\ud83d\ude00"}""");
    }

    [Fact]
    public void the_resource_passed_in_is_never_changed()
    {
        var resource = Json(Patient);

        var viaJsonPatch = PatchApplier.Apply(resource, PatchApplier.JsonPatchMediaType, Encoding.UTF8.GetBytes(JsonPatchBody), PathEngine);
        var viaFhirPatch = PatchApplier.Apply(resource, PatchApplier.FhirJsonMediaType, Encoding.UTF8.GetBytes(FhirPatch), PathEngine);

        AssertJson(Patient, resource);
        AssertJson(Female, viaJsonPatch);
        AssertJson(Female, viaFhirPatch);
    }
}
