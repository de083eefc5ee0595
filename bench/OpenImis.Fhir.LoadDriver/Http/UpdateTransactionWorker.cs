using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImis.Fhir.LoadDriver.Measurement;
using OpenImis.Fhir.LoadDriver.Workload;

namespace OpenImis.Fhir.LoadDriver.Http;

/// <summary>
/// <c>POST [base]</c> with a 100-entry transaction of PUTs: every resource of one <see cref="OpenImisWorkload.Transaction"/>
/// Bundle, created once by this worker, updated again and again (the shape of a sync pushing changed resources). The
/// server writes a new version each time. Conditional: each PUT names its resource by its first identifier
/// (<c>PUT Patient?identifier=...</c>), as a server that does not know the other's ids would.
/// </summary>
internal sealed class UpdateTransactionWorker : ILoadWorker
{
    private readonly HttpClient _client;
    private readonly Uri _uri;
    private readonly byte[] _body;
    private readonly ResponseBuffer _response = new();

    private UpdateTransactionWorker(HttpClient client, Uri uri, byte[] body)
    {
        _client = client;
        _uri = uri;
        _body = body;
    }

    /// <summary>Creates the worker's resources (one transaction of creates) and builds the Bundle that updates them all.</summary>
    public static async ValueTask<ILoadWorker> OpenAsync(HttpClient client, Uri baseUrl, BodyTemplate bundle, UniqueCodes codes, bool conditional, CancellationToken cancellationToken)
    {
        var uri = new Uri(baseUrl.AbsoluteUri.TrimEnd('/'));
        var body = bundle.Render(codes);
        using var request = FhirHttp.Post(uri, body, body.Length);
        request.Headers.Add("Prefer", "return=representation");
        var buffer = new ResponseBuffer();
        var (response, length) = await FhirHttp.SendAsync(client, request, buffer, cancellationToken);
        using (response)
        {
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Creating the resources to update failed: {FhirHttp.Failure(response, buffer, length, 2000)}");
        }
        var created = JsonNode.Parse(buffer.Span(length))!;
        var entries = new JsonArray();
        foreach (var entry in created["entry"]!.AsArray())
        {
            var resource = entry!["resource"]!.AsObject();
            resource.Remove("meta");
            var key = $"{resource["resourceType"]}/{resource["id"]}";
            entries.Add(new JsonObject
            {
                ["fullUrl"] = $"{uri.AbsoluteUri}/{key}",
                ["resource"] = resource.DeepClone(),
                ["request"] = new JsonObject { ["method"] = "PUT", ["url"] = conditional ? ByIdentifier(resource) : key },
            });
        }
        var update = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries };
        return new UpdateTransactionWorker(client, uri, JsonSerializer.SerializeToUtf8Bytes(update));
    }

    // Type?identifier=[system|]value of the resource's first identifier (openIMIS codes carry their type, not always a system).
    private static string ByIdentifier(JsonObject resource)
    {
        var identifier = resource["identifier"] is JsonArray { Count: > 0 } all ? all[0]! : throw new InvalidOperationException($"{resource["resourceType"]} has no identifier to update it by.");
        var value = (string)identifier["value"]!;
        var token = identifier["system"] is { } system ? $"{(string)system!}|{value}" : value;
        return $"{resource["resourceType"]}?identifier={Uri.EscapeDataString(token)}";
    }

    public async ValueTask<RequestFailure?> ExecuteAsync(CancellationToken cancellationToken)
    {
        using var request = FhirHttp.Post(_uri, _body, _body.Length);
        var (response, length) = await FhirHttp.SendAsync(_client, request, _response, cancellationToken);
        using (response)
        {
            return response.IsSuccessStatusCode ? null : FhirHttp.Failure(response, _response, length);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
