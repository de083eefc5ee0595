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
        Assert.Equal(["batch", "history-system", "search-system", "transaction"], Codes(rest["interaction"]).Order(StringComparer.Ordinal));
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

    [Theory]
    [InlineData("?mode=full")]
    [InlineData("?mode=normative")]
    [InlineData("?mode=full&_summary=false")]
    public async Task Metadata_modes_full_and_normative_answer_the_whole_capability_statement(string query)
    {
        var (_, plain, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata");

        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata" + query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CapabilityStatement", (string?)body!["resourceType"]);
        Assert.NotNull(body["rest"]);
        Assert.True(JsonNode.DeepEquals(plain, body));
    }

    [Fact]
    public async Task Metadata_mode_terminology_is_400_not_supported_and_an_unknown_mode_is_400()
    {
        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata?mode=terminology");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var issue = Assert.Single(FhirHttp.Issues(outcome));
        Assert.Equal("not-supported", issue.Code);
        Assert.Contains("TerminologyCapabilities", issue.Text, StringComparison.Ordinal);

        (status, outcome, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata?mode=everything");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Code == "invalid" && i.Text.Contains("'everything'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metadata_summary_and_elements_shape_the_capability_statement_and_tag_it_SUBSETTED()
    {
        // R4 CapabilityStatement: fhirVersion, kind, software and rest are isSummary; in rest, mode and resource are, but
        // not documentation, interaction or compartment; in rest.resource, type and profile are, searchParam is not.
        var (status, summary, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata?_summary=true");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("4.0.1", (string?)summary!["fhirVersion"]);
        Assert.Equal("instance", (string?)summary["kind"]);
        Assert.Equal("openimis-fhir", (string?)summary["software"]!["name"]);
        var rest = summary["rest"]![0]!.AsObject();
        Assert.Equal(["mode", "resource"], rest.Select(p => p.Key).Order(StringComparer.Ordinal));
        var patient = rest["resource"]!.AsArray().Single(r => (string?)r!["type"] == "Patient")!.AsObject();
        Assert.Equal("https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-patient", (string?)patient["profile"]);
        Assert.False(patient.ContainsKey("searchParam"));
        Assert.False(patient.ContainsKey("interaction"));
        AssertOnlySubsettedTag(summary);

        // text: the narrative (none) and the mandatory elements.
        var (_, text, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata?_summary=text");
        Assert.Equal(["date", "fhirVersion", "format", "kind", "meta", "resourceType", "status"], text!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        AssertOnlySubsettedTag(text);

        var (_, elements, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata?_elements=fhirVersion,format");
        // With R4 CapabilityStatement's mandatory elements: status, date, kind, fhirVersion, format.
        Assert.Equal(["date", "fhirVersion", "format", "kind", "meta", "resourceType", "status"], elements!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("4.0.1", (string?)elements["fhirVersion"]);
        Assert.Contains(elements["format"]!.AsArray(), f => (string?)f == "application/fhir+json");
        AssertOnlySubsettedTag(elements);

        var (count, outcome, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata?_summary=count");
        Assert.Equal(HttpStatusCode.BadRequest, count);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Text.Contains("_summary=count", StringComparison.Ordinal));
        var (invalid, _, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata?_summary=yes");
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
    }

    [Fact]
    public async Task Metadata_entries_of_a_batch_take_mode_summary_and_elements_as_over_REST()
    {
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Bundles.Batch(
            Bundles.Entry("GET", "metadata?_elements=fhirVersion"),
            Bundles.Entry("GET", "metadata?mode=terminology"),
            Bundles.Entry("GET", "metadata?_summary=true&mode=normative")));

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        var (_, elements, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata?_elements=fhirVersion");
        Assert.True(JsonNode.DeepEquals(elements, entries[0]["resource"]), entries[0]["resource"]?.ToJsonString());
        Assert.Equal("4.0.1", (string?)entries[0]["resource"]!["fhirVersion"]);
        Assert.Equal(400, Bundles.Status(entries[1]));
        Assert.Contains(FhirHttp.Issues(entries[1]["response"]!["outcome"]), i => i.Code == "not-supported" && i.Expression == "Bundle.entry[1].request.url");
        var (_, summary, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata?_summary=true");
        Assert.True(JsonNode.DeepEquals(summary, entries[2]["resource"]));
    }

    [Theory]
    [InlineData("application/fhir+json; fhirVersion=3.0", "3.0")]
    [InlineData("application/fhir+json;fhirVersion=1.0", "1.0")]
    [InlineData("application/json; fhirVersion=5.0", "5.0")]
    [InlineData("application/fhir+json; fhirVersion=4.3", "4.3")]
    public async Task An_accept_naming_another_FHIR_version_is_406_with_an_OperationOutcome_on_every_kind_of_request(string accept, string version)
    {
        var created = await _client.CreateAsync(Basics.New());
        foreach (var (method, path) in new[] { (HttpMethod.Get, "fhir/metadata"), (HttpMethod.Get, $"fhir/Basic/{created["id"]}"), (HttpMethod.Get, "fhir/Basic?_count=1"), (HttpMethod.Get, "fhir/_history?_count=1") })
        {
            var (status, outcome, response) = await SendWithAcceptAsync(method, path, accept);
            Assert.True(status == HttpStatusCode.NotAcceptable, $"{path}: {(int)status}");
            Assert.Equal("application/fhir+json", FhirHttp.ContentType(response)!.MediaType);
            var issue = Assert.Single(FhirHttp.Issues(outcome));
            Assert.Equal("not-supported", issue.Code);
            Assert.Contains($"fhirVersion={version}", issue.Text, StringComparison.Ordinal);
        }
        var (bundle, _, _) = await SendWithAcceptAsync(HttpMethod.Post, "fhir", accept, Bundles.Batch(Bundles.Entry("GET", "metadata")));
        Assert.Equal(HttpStatusCode.NotAcceptable, bundle);
        var (create, _, _) = await SendWithAcceptAsync(HttpMethod.Post, "fhir/Basic", accept, Basics.New());
        Assert.Equal(HttpStatusCode.NotAcceptable, create);
    }

    [Theory]
    [InlineData("application/fhir+json; fhirVersion=4.0", "application/fhir+json")]
    [InlineData("application/fhir+json; fhirVersion=4.0.1", "application/fhir+json")]
    [InlineData("application/fhir+json; fhirVersion=\"4.0\"", "application/fhir+json")]
    [InlineData("application/fhir+json; fhirVersion=3.0, application/json; fhirVersion=4.0; q=0.5", "application/json")]
    public async Task An_accept_naming_R4_is_answered(string accept, string answered)
    {
        var (status, body, response) = await SendWithAcceptAsync(HttpMethod.Get, "fhir/metadata", accept);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(answered, FhirHttp.ContentType(response)!.MediaType);
        Assert.Equal("4.0.1", (string?)body!["fhirVersion"]);
    }

    [Fact]
    public async Task A_format_naming_another_FHIR_version_is_406_and_R4_is_answered()
    {
        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata?_format=" + Uri.EscapeDataString("application/fhir+json;fhirVersion=3.0"));
        Assert.Equal(HttpStatusCode.NotAcceptable, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Text.Contains("fhirVersion=3.0", StringComparison.Ordinal));

        var (ok, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata?_format=" + Uri.EscapeDataString("application/fhir+json; fhirVersion=4.0"));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("CapabilityStatement", (string?)body!["resourceType"]);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendWithAcceptAsync(HttpMethod method, string path, string accept, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Clear();
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (body is not null) request.Content = FhirHttp.Json(body);
        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    private static void AssertOnlySubsettedTag(JsonNode statement)
    {
        var tag = Assert.Single(statement["meta"]!["tag"]!.AsArray())!;
        Assert.Equal("http://terminology.hl7.org/CodeSystem/v3-ObservationValue", (string?)tag["system"]);
        Assert.Equal("SUBSETTED", (string?)tag["code"]);
    }

    private static IEnumerable<string?> Codes(JsonNode? interactions) => interactions!.AsArray().Select(i => (string?)i!["code"]);
}
