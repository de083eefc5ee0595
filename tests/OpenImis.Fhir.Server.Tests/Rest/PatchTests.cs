using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

[Collection(ServerCollection.Name)]
public sealed class PatchTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private async Task<string> CreatePatientAsync()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Patient", IgExamples.NewPatient());
        Assert.Equal(HttpStatusCode.Created, status);
        return (string)body!["id"]!;
    }

    private async Task<HttpResponseMessage> PatchAsync(string url, string body, string contentType, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task Json_patch_changes_the_resource_in_a_new_validated_version()
    {
        var id = await CreatePatientAsync();
        var response = await PatchAsync($"fhir/Patient/{id}", """[{"op":"replace","path":"/gender","value":"female"},{"op":"replace","path":"/name/0/given/0","value":"Jo"}]""", "application/json-patch+json", "W/\"1\"");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("female", (string?)body["gender"]);
        Assert.Equal("Jo", (string?)body["name"]![0]!["given"]![0]);
        Assert.Equal("2", (string?)body["meta"]!["versionId"]);

        var history = JsonNode.Parse(await _client.GetStringAsync($"fhir/Patient/{id}/_history"))!;
        Assert.Equal("PATCH", (string?)history["entry"]![0]!["request"]!["method"]);
    }

    [Fact]
    public async Task Fhirpath_patch_replaces_an_element()
    {
        var id = await CreatePatientAsync();
        const string parameters = """
            {"resourceType":"Parameters","parameter":[{"name":"operation","part":[
              {"name":"type","valueCode":"replace"},{"name":"path","valueString":"Patient.birthDate"},{"name":"value","valueDate":"1990-02-03"}]}]}
            """;
        var response = await PatchAsync($"fhir/Patient/{id}", parameters, "application/fhir+json");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("1990-02-03", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["birthDate"]);
    }

    [Fact]
    public async Task A_patch_that_breaks_the_profile_is_422_and_the_version_stays()
    {
        var id = await CreatePatientAsync();
        var response = await PatchAsync($"fhir/Patient/{id}", """[{"op":"replace","path":"/gender","value":"nonsense"}]""", "application/json-patch+json");
        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains(FhirHttp.Issues(JsonNode.Parse(await response.Content.ReadAsStringAsync())), i => i.Expression == "Patient.gender");
        var read = JsonNode.Parse(await _client.GetStringAsync($"fhir/Patient/{id}"))!;
        Assert.Equal("1", (string?)read["meta"]!["versionId"]);
    }

    [Fact]
    public async Task Patch_errors_have_their_status_malformed_400_unapplicable_422_wrong_type_415_version_412_id_change_422()
    {
        var id = await CreatePatientAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync($"fhir/Patient/{id}", """[{"op":"jump","path":"/gender"}]""", "application/json-patch+json")).StatusCode);
        Assert.Equal((HttpStatusCode)422, (await PatchAsync($"fhir/Patient/{id}", """[{"op":"remove","path":"/photo"}]""", "application/json-patch+json")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PatchAsync($"fhir/Patient/{id}", "<x/>", "application/xml")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PatchAsync($"fhir/Patient/{id}", """[{"op":"replace","path":"/gender","value":"male"}]""", "application/json-patch+json", "W/\"7\"")).StatusCode);
        Assert.Equal((HttpStatusCode)422, (await PatchAsync($"fhir/Patient/{id}", """[{"op":"replace","path":"/id","value":"other"}]""", "application/json-patch+json")).StatusCode);
        Assert.Equal((HttpStatusCode)422, (await PatchAsync($"fhir/Patient/{id}", """[{"op":"replace","path":"/id","value":7}]""", "application/json-patch+json")).StatusCode);
        Assert.Equal((HttpStatusCode)422, (await PatchAsync($"fhir/Patient/{id}", """[{"op":"replace","path":"/resourceType","value":7}]""", "application/json-patch+json")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PatchAsync($"fhir/Patient/{id}", """[{"op":"replace","path":"/gender","value":"\ud800"}]""", "application/json-patch+json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync("fhir/Patient/no-such-patient", """[{"op":"replace","path":"/gender","value":"male"}]""", "application/json-patch+json")).StatusCode);
    }

    [Fact]
    public async Task Patch_entries_in_a_transaction_use_binary_json_patch()
    {
        var id = await CreatePatientAsync();
        var patch = Convert.ToBase64String(Encoding.UTF8.GetBytes("""[{"op":"replace","path":"/gender","value":"other"}]"""));
        var entry = new JsonObject
        {
            ["request"] = new JsonObject { ["method"] = "PATCH", ["url"] = $"Patient/{id}" },
            ["resource"] = new JsonObject { ["resourceType"] = "Binary", ["contentType"] = "application/json-patch+json", ["data"] = patch },
        };
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = new JsonArray(entry) };
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir", bundle);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("200 OK", (string?)body!["entry"]![0]!["response"]!["status"]);
        var read = JsonNode.Parse(await _client.GetStringAsync($"fhir/Patient/{id}"))!;
        Assert.Equal("other", (string?)read["gender"]);
    }
}
