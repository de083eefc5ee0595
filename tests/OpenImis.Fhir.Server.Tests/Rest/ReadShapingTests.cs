using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Infrastructure.Bundles;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// <c>_summary</c> and <c>_elements</c> (search.html#summary, #elements) on read and vread, over REST and as GET entries
/// of a Bundle: the resource shaped as a search shapes its matches, meta.tag SUBSETTED, the ETag and Last-Modified
/// those of the version. The Patient is the IG's john-doe: R4 marks name, identifier, gender, birthDate and address
/// isSummary, extension, maritalStatus and contact not.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReadShapingTests(ServerFixture server)
{
    private const string ObservationValue = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

    private static readonly string[] Whole = ["resourceType", "id", "meta", "name", "extension", "address", "identifier", "gender", "birthDate", "maritalStatus", "contact"];

    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Read_with_summary_true_keeps_the_summary_elements_at_every_level_and_tags_the_resource_SUBSETTED()
    {
        var (id, whole, wholeResponse) = await CreatePatientAsync();

        var (status, summary, response) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}?_summary=true");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertKeys(["resourceType", "id", "meta", "name", "address", "identifier", "gender", "birthDate"], summary!);
        // Address is summary, its extensions are not (Element.extension never is).
        var address = summary!["address"]![0]!.AsObject();
        Assert.Equal("Jamula", (string?)address["city"]);
        Assert.False(address.ContainsKey("extension"));
        AssertSubsetted(summary, whole);
        Assert.Equal(FhirHttp.ETag(wholeResponse), FhirHttp.ETag(response));
        Assert.Equal("W/\"1\"", FhirHttp.ETag(response));
        Assert.Equal(wholeResponse.Content.Headers.LastModified, response.Content.Headers.LastModified);

        // A conditional read is still answered by the version: 304.
        var (notModified, _, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}?_summary=true", null, ("If-None-Match", "W/\"1\""));
        Assert.Equal(HttpStatusCode.NotModified, notModified);
    }

    [Fact]
    public async Task Read_with_summary_text_data_and_false_keeps_what_search_keeps()
    {
        var (id, whole, _) = await CreatePatientAsync();

        // R4 Patient has no mandatory element, and this one no text.
        var (_, text, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}?_summary=text");
        AssertKeys(["resourceType", "id", "meta"], text!);
        AssertSubsetted(text!, whole);

        var (_, data, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}?_summary=data");
        AssertKeys(Whole, data!);
        Assert.True(JsonNode.DeepEquals(whole["contact"], data!["contact"]));
        AssertSubsetted(data, whole);

        var (status, full, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}?_summary=false");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(JsonNode.DeepEquals(whole, full), full!.ToJsonString());
    }

    [Fact]
    public async Task Read_with_elements_keeps_the_listed_elements_and_an_unknown_name_selects_nothing()
    {
        var (id, whole, _) = await CreatePatientAsync();

        var (_, elements, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}?_elements=name,birthDate");
        AssertKeys(["resourceType", "id", "meta", "name", "birthDate"], elements!);
        Assert.True(JsonNode.DeepEquals(whole["name"], elements!["name"]));
        AssertSubsetted(elements, whole);

        // Named with its type, as search takes it; a name of another type leaves this one whole and untagged.
        var (_, qualified, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}?_elements=Patient.gender");
        AssertKeys(["resourceType", "id", "meta", "gender"], qualified!);
        var (_, other, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}?_elements=Claim.status");
        Assert.True(JsonNode.DeepEquals(whole, other), other!.ToJsonString());

        // As in a search, a name the type does not have keeps nothing more: not an error (search.html#elements).
        var (status, unknown, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}?_elements=nonsense");
        Assert.Equal(HttpStatusCode.OK, status);
        AssertKeys(["resourceType", "id", "meta"], unknown!);
        AssertSubsetted(unknown!, whole);

        // Only top-level elements can be selected, as in a search.
        foreach (var nestedName in new[] { "Patient.name.given", "name.given" })
        {
            var (nested, outcome, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}?_elements={nestedName}");
            Assert.Equal(HttpStatusCode.BadRequest, nested);
            Assert.Contains(FhirHttp.Issues(outcome), i => i.Text.Contains(nestedName, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_resource_stored_with_the_SUBSETTED_tag_is_not_tagged_twice()
    {
        var id = Basics.NewId();
        var basic = Basics.New(id);
        basic["meta"] = new JsonObject { ["tag"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue", ["code"] = "SUBSETTED" }) };
        await _client.PutAsync(basic);

        foreach (var query in new[] { "_elements=code", "_summary=true", "_summary=data" })
        {
            var (_, shaped, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}?{query}");
            Assert.Single(shaped!["meta"]!["tag"]!.AsArray(), t => (string?)t!["code"] == "SUBSETTED");
        }
    }

    [Fact]
    public async Task Summary_and_elements_together_combine_as_in_a_search()
    {
        var (id, _, _) = await CreatePatientAsync();

        // _summary=true wins over _elements; _summary=false leaves _elements to apply.
        var (_, summary, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}?_summary=true&_elements=maritalStatus");
        AssertKeys(["resourceType", "id", "meta", "name", "address", "identifier", "gender", "birthDate"], summary!);
        var (_, elements, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}?_summary=false&_elements=maritalStatus");
        AssertKeys(["resourceType", "id", "meta", "maritalStatus"], elements!);

        var (_, searched, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient?_id={id}&_summary=true&_elements=maritalStatus");
        Assert.True(JsonNode.DeepEquals(FhirHttp.Entries(searched)[0]["resource"], summary));
    }

    [Theory]
    [InlineData("_summary=short", "'short' is not true, text, data, count or false")]
    [InlineData("_summary=count", "_summary=count counts the matches of a search")]
    [InlineData("_summary=TRUE", "'TRUE' is not true")]
    public async Task A_summary_a_read_cannot_answer_is_400_with_an_OperationOutcome(string query, string message)
    {
        var (id, _, _) = await CreatePatientAsync();

        foreach (var path in new[] { $"Patient/{id}", $"Patient/{id}/_history/1" })
        {
            var (status, outcome, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/{path}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            var issue = Assert.Single(FhirHttp.Issues(outcome));
            Assert.Equal("invalid", issue.Code);
            Assert.Contains(message, issue.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Vread_with_elements_shapes_that_version_and_answers_its_etag()
    {
        var (id, whole, _) = await CreatePatientAsync();
        var changed = whole.DeepClone().AsObject();
        changed["gender"] = "female";
        await _client.PutAsync(changed);

        var (status, first, response) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}/_history/1?_elements=gender");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertKeys(["resourceType", "id", "meta", "gender"], first!);
        Assert.Equal("male", (string?)first!["gender"]);
        Assert.Equal("1", (string?)first["meta"]!["versionId"]);
        Assert.Equal("W/\"1\"", FhirHttp.ETag(response));
        AssertSubsetted(first, whole);

        var (_, second, secondResponse) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}/_history/2?_summary=text");
        AssertKeys(["resourceType", "id", "meta"], second!);
        Assert.Equal("W/\"2\"", FhirHttp.ETag(secondResponse));
    }

    [Fact]
    public async Task Read_entries_of_a_batch_are_shaped_as_the_same_GET_over_REST()
    {
        var (id, whole, _) = await CreatePatientAsync();
        var changed = whole.DeepClone().AsObject();
        changed["gender"] = "female";
        await _client.PutAsync(changed);

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("GET", $"Patient/{id}?_summary=true"),
            Entry("GET", $"Patient/{id}/_history/1?_elements=gender,name"),
            Entry("GET", $"Patient/{id}?_summary=count"),
            Entry("GET", $"Patient/{id}?_summary=short"),
            Entry("HEAD", $"Patient/{id}?_elements=name"),
            Entry("GET", $"Patient/{id}?_elements=name&_format=json")));

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        foreach (var (at, path, etag) in new[] { (0, $"Patient/{id}?_summary=true", "W/\"2\""), (1, $"Patient/{id}/_history/1?_elements=gender,name", "W/\"1\""), (5, $"Patient/{id}?_elements=name", "W/\"2\"") })
        {
            Assert.Equal(200, Status(entries[at]));
            var (_, rest, restResponse) = await _client.SendAsync(HttpMethod.Get, "fhir/" + path);
            Assert.True(JsonNode.DeepEquals(rest, entries[at]["resource"]), $"entry {at}: {entries[at]["resource"]?.ToJsonString()}");
            Assert.Equal(etag, (string?)entries[at]["response"]!["etag"]);
            Assert.Equal(FhirHttp.ETag(restResponse), etag);
            AssertSubsetted(entries[at]["resource"]!, whole);
        }
        AssertKeys(["resourceType", "id", "meta", "name", "gender"], entries[1]["resource"]!);
        Assert.Equal("male", (string?)entries[1]["resource"]!["gender"]);

        Assert.Equal(400, Status(entries[2]));
        Assert.Contains(FhirHttp.Issues(entries[2]["response"]!["outcome"]), i => i.Text.Contains("_summary=count", StringComparison.Ordinal) && i.Expression == "Bundle.entry[2].request.url");
        Assert.Equal(400, Status(entries[3]));
        Assert.Contains(FhirHttp.Issues(entries[3]["response"]!["outcome"]), i => i.Text.Contains("'short'", StringComparison.Ordinal) && i.Expression == "Bundle.entry[3].request.url");
        Assert.Equal(200, Status(entries[4]));
        Assert.Null(entries[4]["resource"]);
        Assert.Equal("W/\"2\"", (string?)entries[4]["response"]!["etag"]);
    }

    [Fact]
    public async Task A_read_entry_of_a_transaction_shapes_the_version_the_transaction_wrote()
    {
        var id = Basics.NewId();
        var basic = Basics.New(id, "inside");
        basic["created"] = "2024-03-01";

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{id}", basic),
            Entry("GET", $"Basic/{id}?_elements=created")));

        Assert.Equal(HttpStatusCode.OK, status);
        var read = FhirHttp.Entries(response)[1];
        Assert.Equal(200, Status(read));
        AssertKeys(["resourceType", "id", "meta", "code", "created"], read["resource"]!); // code: mandatory in Basic
        Assert.Equal("2024-03-01", (string?)read["resource"]!["created"]);
        Assert.Equal("W/\"1\"", (string?)read["response"]!["etag"]);
        Assert.Contains(read["resource"]!["meta"]!["tag"]!.AsArray(), t => (string?)t!["code"] == "SUBSETTED");

        var other = Basics.NewId();
        var (failed, bad, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{other}", Basics.New(other)),
            Entry("GET", $"Basic/{id}?_summary=count")));
        Assert.Equal(HttpStatusCode.BadRequest, failed);
        Assert.Contains(FhirHttp.Issues(bad), i => i.Expression == "Bundle.entry[1].request.url" && i.Text.Contains("_summary=count", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{other}")).Status);
    }

    private async Task<(string Id, JsonNode Whole, HttpResponseMessage Response)> CreatePatientAsync()
    {
        var created = await _client.CreateAsync(IgExamples.NewPatient());
        var id = (string)created["id"]!;
        var (status, whole, response) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(whole);
        AssertKeys(Whole, whole);
        Assert.DoesNotContain("SUBSETTED", Tags(whole));
        return (id, whole, response);
    }

    private static void AssertKeys(string[] expected, JsonNode resource) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), resource.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));

    // SUBSETTED added to meta.tag (search.html#summary), the rest of meta kept as stored.
    private static void AssertSubsetted(JsonNode shaped, JsonNode whole)
    {
        var tag = Assert.Single(shaped["meta"]!["tag"]!.AsArray(), t => (string?)t!["code"] == "SUBSETTED")!;
        Assert.Equal(ObservationValue, (string?)tag["system"]);
        Assert.NotNull((string?)shaped["meta"]!["versionId"]);
        Assert.NotNull((string?)shaped["meta"]!["lastUpdated"]);
        Assert.True(JsonNode.DeepEquals(whole["meta"]!["profile"], shaped["meta"]!["profile"]));
        Assert.Equal(whole["id"]!.GetValue<string>(), (string?)shaped["id"]);
    }

    private static List<string?> Tags(JsonNode resource) =>
        resource["meta"]?["tag"]?.AsArray().Select(t => (string?)t!["code"]).ToList() ?? [];
}
