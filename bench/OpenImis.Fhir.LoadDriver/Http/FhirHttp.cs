using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImis.Fhir.LoadDriver.Measurement;

namespace OpenImis.Fhir.LoadDriver.Http;

/// <summary>The one HTTP client of a run and the request helpers the workers share.</summary>
internal static class FhirHttp
{
    public const string FhirJson = "application/fhir+json";

    /// <summary>
    /// Plain HTTP/1.1 keep-alive connections, at least one per client, kept for the whole run: no proxy, cookies or
    /// decompression in the way. Each worker has one request in flight, so connections = clients.
    /// </summary>
    public static HttpClient CreateClient(int maxConnections, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        var client = new HttpClient(handler) { Timeout = timeout, DefaultRequestVersion = HttpVersion.Version11 };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson));
        return client;
    }

    public static HttpRequestMessage Post(Uri uri, byte[] body, int length)
    {
        var content = new ByteArrayContent(body, 0, length);
        content.Headers.ContentType = new MediaTypeHeaderValue(FhirJson);
        return new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
    }

    /// <summary>
    /// Sends the request and reads the response to its end into <paramref name="buffer"/> (kept by the worker, grown
    /// when needed). Returns the response (headers only; disposed by the caller) and the body length.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, int Length)> SendAsync(HttpClient client, HttpRequestMessage request, ResponseBuffer buffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(buffer);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var length = await buffer.ReadAllAsync(stream, cancellationToken);
            return (response, length);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A non-2xx response as a failure: the errors of its OperationOutcome (warnings would bury them), else the start of
    /// its body.
    /// </summary>
    public static RequestFailure Failure(HttpResponseMessage response, ResponseBuffer buffer, int length, int maxCharacters = 600)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(buffer);
        var detail = OutcomeErrors(buffer.Span(length)) is { Length: > 0 } errors
            ? errors[..Math.Min(errors.Length, maxCharacters)] + (errors.Length > maxCharacters ? " ..." : "")
            : buffer.Text(length, maxCharacters);
        return new RequestFailure((int)response.StatusCode, detail);
    }

    private static string? OutcomeErrors(ReadOnlySpan<byte> body)
    {
        try
        {
            var outcome = JsonNode.Parse(body);
            if ((string?)outcome?["resourceType"] != "OperationOutcome" || outcome["issue"] is not JsonArray issues) return null;
            var errors = issues.Where(i => (string?)i?["severity"] is "error" or "fatal").ToList();
            return string.Join("; ", (errors.Count > 0 ? errors : [.. issues]).Select(i =>
                $"{(string?)i?["code"]}: {(string?)i?["details"]?["text"] ?? (string?)i?["diagnostics"]}" +
                (i?["expression"] is JsonArray { Count: > 0 } at ? $" @ {(string?)at[0]}" : "")));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
