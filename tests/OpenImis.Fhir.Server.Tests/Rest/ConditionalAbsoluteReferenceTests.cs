using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Server.Tests.Search;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// Conditional criteria with absolute references (search.html#reference): <c>subject=http://host/fhir/Patient/1</c>
/// on this server's base names the local <c>Patient/1</c> in If-None-Exist, conditional update, patch and delete and
/// conditional references, as it does in a search; If-None-Exist may be a whole search URL (<c>[base/]Basic?...</c>).
/// A base of another server names another resource. Each test codes its Basics with a system of its own.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ConditionalAbsoluteReferenceTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;
    private readonly string _system = "urn:openimis-fhir:conditional-absolute:" + Guid.NewGuid().ToString("N")[..12];

    private JsonObject Coded(string code, string? subject = null, string text = "test")
    {
        var basic = Basics.New(text: text);
        basic["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = _system, ["code"] = code }), ["text"] = text };
        if (subject is not null) basic.WithSubject(subject);
        return basic;
    }

    private async Task<(string Patient, string Basic)> PatientAndBasicAsync(string code = "a")
    {
        var patient = (string)(await _client.CreateAsync(IgExamples.NewPatient()))["id"]!;
        var basic = (string)(await _client.CreateAsync(Coded(code, subject: $"Patient/{patient}", text: "before")))["id"]!;
        return (patient, basic);
    }

    private string Absolute(string patient) => Uri.EscapeDataString($"{server.FhirBase}/Patient/{patient}");

    [Fact]
    public async Task If_none_exist_with_an_absolute_reference_on_this_server_matches_as_the_search_does()
    {
        var (patient, basic) = await PatientAndBasicAsync();
        var criteria = $"code={_system}|a&subject={Absolute(patient)}";
        // The search and the conditional create agree on what the criteria match.
        Assert.Equal([basic], SearchHttp.Ids(await _client.SearchAsync("Basic?" + criteria)));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Coded("a", subject: $"Patient/{patient}"), ("If-None-Exist", criteria));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(basic, (string?)body!["id"]);
    }

    [Fact]
    public async Task An_absolute_reference_on_another_server_matches_nothing_here()
    {
        var (patient, basic) = await PatientAndBasicAsync();
        var elsewhere = $"http://elsewhere.example/fhir/Patient/{patient}";

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Coded("a", subject: elsewhere), ("If-None-Exist", $"code={_system}|a&subject={Uri.EscapeDataString(elsewhere)}"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.NotEqual(basic, (string?)body!["id"]);
    }

    [Fact]
    public async Task If_none_exist_may_be_a_search_url_of_the_type_relative_or_on_this_server()
    {
        var (patient, basic) = await PatientAndBasicAsync();
        var query = $"code={_system}|a&subject={Absolute(patient)}";

        foreach (var criteria in (string[])[$"Basic?{query}", $"{server.FhirBase}/Basic?{query}", $"?{query}"])
        {
            var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Coded("a"), ("If-None-Exist", criteria));
            Assert.True(status == HttpStatusCode.OK, $"{criteria}: {(int)status} {body}");
            Assert.Equal(basic, (string?)body!["id"]);
        }
    }

    [Theory]
    [InlineData("Patient?")]                               // another type
    [InlineData("http://elsewhere.example/fhir/Basic?")]   // another server
    public async Task If_none_exist_naming_another_type_or_server_is_400_and_nothing_is_written(string prefix)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Coded("b"), ("If-None-Exist", $"{prefix}code={_system}|b"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error" && i.Text.Contains("If-None-Exist", StringComparison.Ordinal));
        Assert.Empty(SearchHttp.Ids(await _client.SearchAsync($"Basic?code={_system}|b")));
    }

    [Fact]
    public async Task Conditional_update_patch_and_delete_take_absolute_references_on_this_server()
    {
        var (patient, basic) = await PatientAndBasicAsync();
        var criteria = $"code={_system}|a&subject={Absolute(patient)}";

        var (status, body, _) = await _client.SendAsync(HttpMethod.Put, "fhir/Basic?" + criteria, Coded("a", subject: $"Patient/{patient}", text: "updated"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(basic, (string?)body!["id"]);
        Assert.Equal("2", (string?)body["meta"]!["versionId"]);

        using (var request = new HttpRequestMessage(HttpMethod.Patch, "fhir/Basic?" + criteria) { Content = FhirHttp.Json("""[{"op":"replace","path":"/code/text","value":"patched"}]""", "application/json-patch+json") })
        {
            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var patched = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(basic, (string?)patched["id"]);
            Assert.Equal("patched", (string?)patched["code"]!["text"]);
        }

        (status, _, _) = await _client.SendAsync(HttpMethod.Delete, "fhir/Basic?" + criteria);
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(HttpStatusCode.Gone, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{basic}")).Status);
    }

    [Fact]
    public async Task A_transaction_resolves_conditional_entries_and_references_with_absolute_references()
    {
        var (patient, basic) = await PatientAndBasicAsync();
        var subject = $"{server.FhirBase}/Patient/{patient}";
        var jsonPatch = Convert.ToBase64String(Encoding.UTF8.GetBytes("""[{"op":"replace","path":"/code/text","value":"patched in a transaction"}]"""));
        var bundle = Bundles.Transaction(
            Bundles.Entry("POST", "Basic", Coded("a"), ifNoneExist: $"code={_system}|a&subject={Uri.EscapeDataString(subject)}"),
            Bundles.Entry("POST", "Basic", Coded("referring", subject: $"Basic?code={_system}|a&subject={Uri.EscapeDataString(subject)}")));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir", bundle, ("Prefer", "return=representation"));

        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        var entries = FhirHttp.Entries(body);
        Assert.Equal(200, Bundles.Status(entries[0]));
        Assert.Equal(basic, (string?)entries[0]["resource"]!["id"]);
        Assert.Equal(201, Bundles.Status(entries[1]));
        Assert.Equal($"Basic/{basic}", (string?)entries[1]["resource"]!["subject"]!["reference"]);

        var patch = Bundles.Transaction(Bundles.Entry("PATCH", $"Basic?code={_system}|a&subject={Uri.EscapeDataString(subject)}",
            new JsonObject { ["resourceType"] = "Binary", ["contentType"] = "application/json-patch+json", ["data"] = jsonPatch }));
        (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir", patch, ("Prefer", "return=representation"));
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        Assert.Equal(basic, (string?)FhirHttp.Entries(body)[0]["resource"]!["id"]);
    }
}
