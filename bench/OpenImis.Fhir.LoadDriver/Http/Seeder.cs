using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImis.Fhir.LoadDriver.Workload;

namespace OpenImis.Fhir.LoadDriver.Http;

/// <summary>
/// Puts the IG examples on the server (<see cref="SeedBundle"/>) before any scenario. When the server refuses the
/// Bundle of all examples (one of them may break a rule it enforces, e.g. ces-1 of JoeDoeEnquiringResponse, see
/// docs/ig-errata.md), it seeds only those the scenario bodies refer to, directly or not.
/// </summary>
internal static class Seeder
{
    public static async Task<int> SeedAsync(HttpClient client, Uri baseUrl, IgExamples examples, IEnumerable<JsonNode> bodies, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(log);
        var refusal = await PutAsync(client, baseUrl, examples.Resources, cancellationToken);
        if (refusal is null)
        {
            await log.WriteLineAsync($"Seeded all {examples.Resources.Count} IG examples from {examples.Directory} (one transaction of PUTs).");
            return examples.Resources.Count;
        }
        await log.WriteLineAsync($"The server refused the transaction of all {examples.Resources.Count} IG examples: {refusal}");
        var needed = examples.ReferencedFrom(bodies);
        refusal = await PutAsync(client, baseUrl, needed, cancellationToken);
        if (refusal is not null)
        {
            throw new InvalidOperationException($"Seeding the {needed.Count} IG examples the scenarios refer to failed too: {refusal}");
        }
        await log.WriteLineAsync($"Seeded the {needed.Count} IG examples the scenarios refer to: {string.Join(", ", needed.Select(r => $"{r["resourceType"]}/{r["id"]}"))}.");
        return needed.Count;
    }

    /// <summary>Null when the server accepted the transaction, else its status and answer.</summary>
    private static async Task<string?> PutAsync(HttpClient client, Uri baseUrl, IReadOnlyList<JsonObject> examples, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(SeedBundle.Build(examples, baseUrl));
        using var request = FhirHttp.Post(new Uri(baseUrl.AbsoluteUri.TrimEnd('/')), body, body.Length);
        var buffer = new ResponseBuffer();
        var (response, length) = await FhirHttp.SendAsync(client, request, buffer, cancellationToken);
        using (response)
        {
            return response.IsSuccessStatusCode ? null : FhirHttp.Failure(response, buffer, length, 4000).ToString();
        }
    }
}
