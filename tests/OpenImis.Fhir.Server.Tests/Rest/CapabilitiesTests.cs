using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary><c>GET /fhir/metadata</c> (http.html#capabilities) and the health check <c>/healthz</c>.</summary>
[Collection(ServerCollection.Name)]
public sealed class CapabilitiesTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Metadata_is_an_r4_server_capability_statement_in_json()
    {
        var (status, body, response) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/fhir+json", FhirHttp.ContentType(response)!.MediaType);
        Assert.Equal("CapabilityStatement", (string?)body!["resourceType"]);
        Assert.Equal("4.0.1", (string?)body["fhirVersion"]);
        Assert.Equal("instance", (string?)body["kind"]);
        Assert.Contains(body["format"]!.AsArray(), f => (string?)f is "json" or "application/fhir+json");
        var rest = body["rest"]!.AsArray().Single()!;
        Assert.Equal("server", (string?)rest["mode"]);
        Assert.Equal(["batch", "history-system", "transaction"], Codes(rest["interaction"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Metadata_lists_the_interactions_and_the_enforced_profile_of_each_type()
    {
        var (_, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata");
        var resources = body!["rest"]![0]!["resource"]!.AsArray();

        var patient = resources.Single(r => (string?)r!["type"] == "Patient")!;
        Assert.Equal("https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient", (string?)patient["profile"]);
        Assert.Superset(new HashSet<string?> { "read", "vread", "update", "delete", "create", "history-instance", "history-type" }, Codes(patient["interaction"]).ToHashSet());
        Assert.True((bool?)patient["conditionalCreate"]);
        Assert.True((bool?)patient["conditionalUpdate"]);
        Assert.True((bool?)patient["updateCreate"]);
        Assert.NotEqual("not-supported", (string?)patient["conditionalDelete"]);
        Assert.StartsWith("versioned", (string?)patient["versioning"], StringComparison.Ordinal);
        Assert.Contains(resources, r => (string?)r!["type"] == "Basic");
        Assert.DoesNotContain(resources, r => (string?)r!["type"] is "Resource" or "DomainResource");
    }

    [Fact]
    public async Task Metadata_is_a_valid_capability_statement()
    {
        // Every write is validated: storing the statement checks it against R4.
        var (_, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata");
        var statement = body!.AsObject();
        var id = Basics.NewId();
        statement["id"] = id;

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/CapabilityStatement/{id}", statement);

        Assert.True(status == HttpStatusCode.Created, outcome?.ToJsonString());
    }

    [Fact]
    public async Task Metadata_answers_a_json_accept_and_refuses_xml_only()
    {
        using var json = new HttpRequestMessage(HttpMethod.Get, "fhir/metadata");
        json.Headers.Accept.Clear();
        json.Headers.TryAddWithoutValidation("Accept", "application/json");
        using var jsonResponse = await _client.SendAsync(json);
        Assert.Equal(HttpStatusCode.OK, jsonResponse.StatusCode);
        Assert.Equal("application/json", jsonResponse.Content.Headers.ContentType!.MediaType);

        var (status, _, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata?_format=xml");
        Assert.Equal(HttpStatusCode.NotAcceptable, status);
    }

    [Fact]
    public async Task Healthz_answers_200_while_the_database_answers()
    {
        using var response = await _client.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]);
    }

    private static IEnumerable<string?> Codes(JsonNode? interactions) => interactions!.AsArray().Select(i => (string?)i!["code"]);
}
