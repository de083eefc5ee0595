using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace OpenImis.Fhir.Server.Http;

/// <summary>
/// Content negotiation (http.html#mime): JSON only. <c>application/fhir+json</c> and <c>application/json</c> are
/// accepted and answered; XML is refused with 415 (request) or 406 (response), always with a JSON OperationOutcome.
/// A response type whose <c>fhirVersion</c> parameter names another FHIR version than R4 (4.0) is not acceptable
/// either (http.html#version-parameter: 406), nor a body whose Content-Type names one (415).
/// </summary>
internal static class FhirMediaTypes
{
    public const string FhirJson = "application/fhir+json";
    public const string Json = "application/json";
    public const string JsonPatch = "application/json-patch+json";

    /// <summary>
    /// The response type for a request: from <c>_format</c>, else <c>Accept</c>; null when only XML, other types or
    /// other FHIR versions are acceptable.
    /// </summary>
    public static string? ResponseType(HttpRequest request)
    {
        if (request.Query.TryGetValue("_format", out var format) && !StringValues.IsNullOrEmpty(format))
        {
            if (MediaTypeHeaderValue.TryParse(format.ToString(), out var asked) && OtherFhirVersion(asked) is not null) return null;
            return format.ToString() switch
            {
                "json" or FhirJson => FhirJson,
                Json => Json,
                var other when other.StartsWith(FhirJson, StringComparison.Ordinal) => FhirJson,
                var other when other.StartsWith(Json, StringComparison.Ordinal) => Json,
                _ => null,
            };
        }
        var accept = request.Headers.Accept;
        if (StringValues.IsNullOrEmpty(accept)) return FhirJson;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var types)) return FhirJson;
        string? best = null;
        double bestQuality = -1;
        foreach (var type in types)
        {
            var media = type.MediaType.Value;
            var quality = type.Quality ?? 1.0;
            if (quality <= 0 || quality <= bestQuality || OtherFhirVersion(type) is not null) continue;
            var candidate = media switch
            {
                FhirJson or "*/*" or "application/*" => FhirJson,
                Json => Json,
                _ => null,
            };
            if (candidate is null) continue;
            best = candidate;
            bestQuality = quality;
        }
        return best;
    }

    /// <summary>The FHIR version other than R4 that <c>_format</c> or <c>Accept</c> names (<c>fhirVersion=3.0</c>), for the 406's message; else null.</summary>
    public static string? OtherFhirVersionAsked(HttpRequest request)
    {
        if (request.Query.TryGetValue("_format", out var format) && !StringValues.IsNullOrEmpty(format))
        {
            return MediaTypeHeaderValue.TryParse(format.ToString(), out var asked) ? OtherFhirVersion(asked) : null;
        }
        return MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var types) ? types.Select(OtherFhirVersion).FirstOrDefault(v => v is not null) : null;
    }

    /// <summary>The FHIR version other than R4 that the body's Content-Type names (a 415, http.html#version-parameter); else null.</summary>
    public static string? OtherFhirVersionOfBody(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? OtherFhirVersion(type) : null;

    // http.html#version-parameter: the value is major.minor (4.0 for R4); 4.0.1, R4's technical correction, is R4 too.
    private static string? OtherFhirVersion(MediaTypeHeaderValue type)
    {
        var parameter = type.Parameters.FirstOrDefault(p => p.Name.Equals("fhirVersion", StringComparison.OrdinalIgnoreCase));
        if (parameter is null) return null;
        var version = HeaderUtilities.RemoveQuotes(parameter.Value).ToString();
        return version == "4.0" || version.StartsWith("4.0.", StringComparison.Ordinal) ? null : version;
    }

    /// <summary>True when the request body is JSON we read: fhir+json, json, or no Content-Type at all.</summary>
    public static bool IsJsonBody(HttpRequest request) => BodyType(request) is null or FhirJson or Json;

    /// <summary>The media type of the body without parameters (<c>; charset=utf-8</c>, <c>; fhirVersion=4.0</c>).</summary>
    public static string? BodyType(HttpRequest request)
    {
        var contentType = request.ContentType;
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        return MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : contentType.Trim().ToLowerInvariant();
    }
}
