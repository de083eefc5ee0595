using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Infrastructure.Bundles;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// History, metadata, HEAD and search entries of batch and transaction Bundles (http.html#transaction): each answered
/// as the same request over REST, a failure located at the entry's <c>request.url</c>. Expectations come from the
/// versions each test writes itself.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BundleReadTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task History_entries_answer_the_history_bundle_of_an_instance_a_type_and_the_system()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id, "one"));
        await _client.PutAsync(Basics.New(id, "two"));
        var missing = Basics.NewId();

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("GET", $"Basic/{id}/_history"),
            Entry("GET", "Basic/_history?_count=1"),
            Entry("GET", "_history?_count=1"),
            Entry("GET", $"Basic/{missing}/_history"),
            Entry("GET", $"Basic/{id}/_history?_since=yesterday")));

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        Assert.Equal(5, entries.Count);

        Assert.Equal(200, Status(entries[0]));
        var instance = entries[0]["resource"]!;
        Assert.Equal("history", (string?)instance["type"]);
        var versions = FhirHttp.Entries(instance);
        Assert.Equal(["2", "1"], versions.Select(v => (string?)v["resource"]!["meta"]!["versionId"]));
        Assert.Equal(["two", "one"], versions.Select(v => (string?)v["resource"]!["code"]!["text"]));
        var (_, rest, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}/_history");
        Assert.Equal(FhirHttp.Entries(rest).Select(e => e.ToJsonString()), versions.Select(e => e.ToJsonString()));

        var baseUrl = server.Client.BaseAddress + "fhir/";
        foreach (var (at, path) in new[] { (1, "Basic/_history?"), (2, "_history?") })
        {
            Assert.Equal(200, Status(entries[at]));
            var page = entries[at]["resource"]!;
            Assert.Equal("history", (string?)page["type"]);
            Assert.Single(FhirHttp.Entries(page));
            Assert.StartsWith(baseUrl + path, FhirHttp.Link(page, "self"), StringComparison.Ordinal);
            Assert.StartsWith(baseUrl + path, FhirHttp.Link(page, "next"), StringComparison.Ordinal);
        }
        Assert.Equal("Basic", (string?)FhirHttp.Entries(entries[1]["resource"])[0]["resource"]!["resourceType"]);

        Assert.Equal(404, Status(entries[3]));
        Assert.Contains(FhirHttp.Issues(entries[3]["response"]!["outcome"]), i => i.Text.Contains(missing, StringComparison.Ordinal) && i.Expression == "Bundle.entry[3].request.url");
        Assert.Equal(400, Status(entries[4]));
        Assert.Contains(FhirHttp.Issues(entries[4]["response"]!["outcome"]), i => i.Text.Contains("_since", StringComparison.Ordinal) && i.Expression == "Bundle.entry[4].request.url");
    }

    [Fact]
    public async Task A_history_entry_of_a_transaction_sees_the_versions_the_transaction_wrote()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id, "before"));

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("GET", $"Basic/{id}/_history"),
            Entry("PUT", $"Basic/{id}", Basics.New(id, "inside"))));

        Assert.Equal(HttpStatusCode.OK, status);
        var versions = FhirHttp.Entries(FhirHttp.Entries(response)[0]["resource"]);
        Assert.Equal(["inside", "before"], versions.Select(v => (string?)v["resource"]!["code"]!["text"]));

        var created = Basics.NewId();
        var (_, alone, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{created}", Basics.New(created, "new")),
            Entry("GET", $"Basic/{created}/_history")));
        Assert.Equal(["new"], FhirHttp.Entries(FhirHttp.Entries(alone)[1]["resource"]).Select(v => (string?)v["resource"]!["code"]!["text"]));
    }

    [Fact]
    public async Task A_metadata_entry_answers_the_capability_statement_of_get_metadata()
    {
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(Entry("GET", "metadata")));

        Assert.Equal(HttpStatusCode.OK, status);
        var entry = Assert.Single(FhirHttp.Entries(response));
        Assert.Equal(200, Status(entry));
        Assert.Equal("CapabilityStatement", (string?)entry["resource"]!["resourceType"]);
        var (_, rest, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata");
        Assert.Equal(rest!.ToJsonString(), entry["resource"]!.ToJsonString());
    }

    [Fact]
    public async Task HEAD_entries_answer_the_status_and_headers_of_the_same_GET_without_a_resource()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));
        await _client.PutAsync(Basics.New(id, "again"));

        foreach (var bundle in new[] { Batch, (Func<JsonObject[], JsonObject>)Transaction })
        {
            var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", bundle([
                Entry("HEAD", $"Basic/{id}"),
                Entry("HEAD", $"Basic?_id={id}"),
                Entry("HEAD", $"Basic/{id}/_history"),
            ]));

            Assert.Equal(HttpStatusCode.OK, status);
            var entries = FhirHttp.Entries(response);
            Assert.All(entries, e => Assert.Equal(200, Status(e)));
            Assert.All(entries, e => Assert.Null(e["resource"]));
            Assert.Equal("W/\"2\"", (string?)entries[0]["response"]!["etag"]);
        }

        var (_, missing, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(Entry("HEAD", $"Basic/{Basics.NewId()}")));
        Assert.Equal(404, Status(FhirHttp.Entries(missing)[0]));
    }

    [Fact]
    public async Task A_search_entry_of_a_transaction_finds_what_entries_named_by_their_full_url_wrote()
    {
        var (subjectUrn, memberUrn, listUrn) = (NewUrn(), NewUrn(), NewUrn());
        var text = Basics.NewId("placeholder");
        var list = new JsonObject
        {
            ["resourceType"] = "List",
            ["status"] = "current",
            ["mode"] = "working",
            ["entry"] = new JsonArray(new JsonObject { ["item"] = new JsonObject { ["reference"] = memberUrn } }),
        };

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New(text: text), subjectUrn),
            Entry("POST", "Basic", Basics.New(text: text).WithSubject(subjectUrn), memberUrn),
            Entry("POST", "List", list, listUrn),
            Entry("GET", $"Basic?subject={Uri.EscapeDataString(subjectUrn)}"),
            Entry("GET", $"Basic?_id={memberUrn},{subjectUrn}"),
            Entry("GET", $"Basic?_list={listUrn}"),
            Entry("GET", $"Basic?code:text={text}&subject=urn:uuid:{Guid.NewGuid()}")));

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        var subject = ((string)entries[0]["response"]!["location"]!).Split('/')[1];
        var member = ((string)entries[1]["response"]!["location"]!).Split('/')[1];
        string[] Found(int at) => SearchsetIds(entries[at]);
        Assert.Equal([member], Found(3));
        Assert.Equal(new[] { member, subject }.Order(StringComparer.Ordinal), Found(4).Order(StringComparer.Ordinal));
        Assert.Equal([member], Found(5));
        // A placeholder no entry holds stays as written, and matches nothing.
        Assert.Empty(Found(6));
    }

    private static string[] SearchsetIds(JsonNode entry)
    {
        var bundle = entry["resource"] ?? throw new InvalidOperationException("The entry holds no searchset: " + entry.ToJsonString());
        return [.. FhirHttp.Entries(bundle).Select(e => (string)e["resource"]!["id"]!)];
    }
}
