using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Infrastructure;

/// <summary>Small helpers to send FHIR JSON and read answers in tests.</summary>
public static class FhirHttp
{
    /// <summary>A UTF-8 body with a Content-Type that may carry parameters (<c>; fhirVersion=4.0</c>).</summary>
    public static HttpContent Json(string json, string mediaType = "application/fhir+json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

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

    /// <summary>Sends a body as it is (malformed JSON, XML, nothing), with its own Content-Type.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendRawAsync(this HttpClient client, HttpMethod method, string url, string? body, string contentType = "application/fhir+json", params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = Json(body, contentType);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    /// <summary>POSTs a resource to its type and expects 201; returns the stored resource.</summary>
    public static async Task<JsonNode> CreateAsync(this HttpClient client, JsonObject resource)
    {
        var (status, body, _) = await client.SendAsync(HttpMethod.Post, $"fhir/{resource["resourceType"]}", resource);
        Assert.True(status == HttpStatusCode.Created, $"create: expected 201, got {(int)status} {body?.ToJsonString()}");
        return body!;
    }

    /// <summary>PUTs a resource to its type and id and expects 200 or 201; returns the stored resource.</summary>
    public static async Task<JsonNode> PutAsync(this HttpClient client, JsonObject resource)
    {
        var (status, body, _) = await client.SendAsync(HttpMethod.Put, $"fhir/{resource["resourceType"]}/{resource["id"]}", resource);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"update: expected 200 or 201, got {(int)status} {body?.ToJsonString()}");
        return body!;
    }

    /// <summary>The entries of a Bundle (none when it has no entry element).</summary>
    public static List<JsonNode> Entries(JsonNode? bundle)
    {
        Assert.NotNull(bundle);
        Assert.Equal("Bundle", (string?)bundle["resourceType"]);
        return bundle["entry"] is JsonArray entries ? [.. entries.Select(e => e!)] : [];
    }

    /// <summary>The URL of a Bundle link (self, next, ...), or null.</summary>
    public static string? Link(JsonNode bundle, string relation) =>
        bundle["link"] is JsonArray links ? (string?)links.FirstOrDefault(l => (string?)l!["relation"] == relation)?["url"] : null;

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
