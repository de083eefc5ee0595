using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Validation.Json;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// The patch interaction's pure part (FHIR R4 http.html#patch): picks the patch format from the request's content
/// type and applies the body to a resource's JSON. <c>application/json-patch+json</c> is JSON Patch;
/// <c>application/fhir+json</c> and <c>application/json</c> carry a FHIRPath Patch Parameters resource. The caller
/// re-validates the result and refuses changes to <c>resourceType</c> and <c>id</c>.
/// </summary>
internal static class PatchApplier
{
    public const string JsonPatchMediaType = "application/json-patch+json";
    public const string FhirJsonMediaType = "application/fhir+json";
    public const string JsonMediaType = "application/json";

    /// <summary>Returns the patched copy of <paramref name="resource"/>; the resource itself is never changed.</summary>
    /// <exception cref="PatchException">
    /// 415 for a content type that is no patch format we take; 400 for a malformed body; 422 for a patch that does not
    /// apply to this resource.
    /// </exception>
    public static JsonNode Apply(JsonNode resource, string? contentType, ReadOnlyMemory<byte> body, FhirPathEngine engine)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(engine);
        var mediaType = MediaTypeOf(contentType);
        switch (mediaType)
        {
            case JsonPatchMediaType:
                var operations = JsonPatch.Parse(ParseBody(body));
                return JsonPatch.Apply(resource, operations)
                    ?? throw PatchException.Unprocessable("The patch leaves no resource: the document would be null.", "");
            case FhirJsonMediaType or JsonMediaType:
                var document = ParseBody(body);
                if (document is not JsonObject obj || !IsParameters(obj))
                {
                    throw PatchException.Unsupported(
                        $"A patch sent as {mediaType} must be a FHIRPath Patch (a Parameters resource); for JSON Patch use {JsonPatchMediaType}.");
                }
                if (resource is not JsonObject target) throw new ArgumentException("A FHIRPath Patch applies to a resource, a JSON object.", nameof(resource));
                return FhirPathPatch.Apply(target, FhirPathPatch.Parse(obj, engine), engine.Model);
            default:
                throw PatchException.Unsupported(
                    $"Patches are accepted as {JsonPatchMediaType} (JSON Patch) or {FhirJsonMediaType} (FHIRPath Patch), not {(mediaType.Length == 0 ? "without a content type" : mediaType)}.");
        }
    }

    /// <summary>The media type in lower case without parameters; a charset other than UTF-8 is refused (415).</summary>
    private static string MediaTypeOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return "";
        var parts = contentType.Split(';');
        foreach (var parameter in parts.Skip(1))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length != 2 || !pair[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase)) continue;
            var charset = pair[1].Trim().Trim('"');
            if (!charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                throw PatchException.Unsupported($"Patches are read as UTF-8, not {charset}.");
            }
        }
        return parts[0].Trim().ToLowerInvariant();
    }

    private static JsonNode? ParseBody(ReadOnlyMemory<byte> body)
    {
        // The reader checks UTF-8 only where a string is read: later, and with an exception no refusal catches.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span)) throw PatchException.Malformed("The patch is not valid UTF-8", "");
        if (JsonEscapes.FindUnpairedSurrogate(body.Span) is var unpaired and >= 0)
        {
            throw PatchException.Malformed($"The patch holds an unpaired UTF-16 surrogate escape at byte {unpaired + 1}: JSON text must be Unicode", "");
        }
        try
        {
            // Duplicate member names are refused: RFC 6902 appendix A.13 treats them as a malformed document.
            return JsonNode.Parse(body.Span, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw PatchException.Malformed($"The patch is not valid JSON: {e.Message}", "");
        }
    }

    private static bool IsParameters(JsonObject obj) =>
        obj["resourceType"] is JsonValue type && type.GetValueKind() == JsonValueKind.String && type.GetValue<string>() == "Parameters";
}
