using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Application.Shaping;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Server.Http;

/// <summary>
/// Writes FHIR responses: a stored resource with ETag, Last-Modified and Location, a Bundle, an OperationOutcome.
/// Stored JSON is sent as it is; <c>_pretty=true</c> indents it.
/// </summary>
internal static class FhirResponses
{
    /// <param name="shape">What <c>_summary</c> and <c>_elements</c> leave of it; the headers stay the version's.</param>
    public static Task ResourceAsync(HttpContext context, int status, StoredResource resource, string? location = null, ResultShape? shape = null)
    {
        SetVersionHeaders(context, resource);
        if (location is not null) context.Response.Headers.Location = location;
        if (resource.Json is null) return JsonAsync(context, status, []);
        return JsonAsync(context, status, shape?.Apply(resource.ResourceType, resource.Json) ?? Encoding.UTF8.GetBytes(resource.Json));
    }

    /// <summary>The answer to a write, by the client's <c>Prefer: return=</c>.</summary>
    public static Task WriteOutcomeAsync(HttpContext context, WriteOutcome outcome, PreferReturn prefer)
    {
        var resource = outcome.Resource;
        string? location = null;
        if (resource is not null)
        {
            SetVersionHeaders(context, resource);
            if (outcome.Status == 201) location = context.Response.Headers.Location = $"{BaseUrl(context.Request)}/{resource.ResourceType}/{resource.Id}/_history/{resource.VersionId}";
        }
        if (outcome.Status == 204 || resource?.Json is null)
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }
        return prefer switch
        {
            PreferReturn.Minimal => Status(context, outcome.Status),
            PreferReturn.OperationOutcome => OutcomeAsync(context, outcome.Status, outcome.Issues),
            _ => JsonAsync(context, outcome.Status, Encoding.UTF8.GetBytes(resource.Json)),
        };
    }

    public static Task OutcomeAsync(HttpContext context, int status, IReadOnlyList<OutcomeIssue> issues)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer)) OperationOutcomeJson.Write(writer, issues);
        return JsonAsync(context, status, buffer.WrittenSpan.ToArray());
    }

    public static async Task JsonAsync(HttpContext context, int status, byte[] json)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = (FhirMediaTypes.ResponseType(context.Request) ?? FhirMediaTypes.FhirJson) + "; charset=utf-8";
        if (context.Request.Query.TryGetValue("_pretty", out var pretty) && pretty == "true") json = Indent(json);
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json, context.RequestAborted);
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/fhir";

    public static PreferReturn Prefer(HttpRequest request)
    {
        foreach (var value in request.Headers["Prefer"])
        {
            if (value is null) continue;
            foreach (var part in value.Split([',', ';']))
            {
                var text = part.Trim();
                if (text.Equals("return=minimal", StringComparison.OrdinalIgnoreCase)) return PreferReturn.Minimal;
                if (text.Equals("return=OperationOutcome", StringComparison.OrdinalIgnoreCase)) return PreferReturn.OperationOutcome;
                if (text.Equals("return=representation", StringComparison.OrdinalIgnoreCase)) return PreferReturn.Representation;
            }
        }
        return PreferReturn.Representation;
    }

    private static Task Status(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static void SetVersionHeaders(HttpContext context, StoredResource resource)
    {
        context.Response.Headers.ETag = EntityTag.Format(resource.VersionId);
        context.Response.Headers.LastModified = resource.LastUpdated.ToString("R", CultureInfo.InvariantCulture);
    }

    private static byte[] Indent(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>(json.Length * 2);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true })) document.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
