using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Infrastructure;

/// <summary>Small helpers to send FHIR JSON and read answers in tests.</summary>
public static class FhirHttp
{
    public static HttpContent Json(string json, string mediaType = "application/fhir+json") =>
        new StringContent(json, Encoding.UTF8, mediaType);

    public static HttpContent Json(JsonNode node, string mediaType = "application/fhir+json") => Json(node.ToJsonString(), mediaType);

    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(this HttpClient client, HttpMethod method, string url, JsonNode? body = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = Json(body);
        foreach (var (name, value) in headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content!.Headers.TryAddWithoutValidation(name, value);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    /// <summary>The issues of an OperationOutcome as (severity, code, text, first expression).</summary>
    public static List<(string Severity, string Code, string Text, string? Expression)> Issues(JsonNode? outcome)
    {
        Assert.NotNull(outcome);
        Assert.Equal("OperationOutcome", (string?)outcome["resourceType"]);
        return outcome["issue"]!.AsArray().Select(i => (
            (string)i!["severity"]!,
            (string)i["code"]!,
            (string?)i["details"]?["text"] ?? "",
            (string?)i["expression"]?[0])).ToList();
    }

    public static string? ETag(HttpResponseMessage response) => response.Headers.ETag?.ToString();

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;
}
