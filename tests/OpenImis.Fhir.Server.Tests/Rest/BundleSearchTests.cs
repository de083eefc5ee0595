using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Infrastructure.Bundles;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// Searches inside batch and transaction Bundles (http.html#transaction): a GET of a type, of a compartment or of
/// every type (<c>?_type=...</c>) is answered with the searchset Bundle the same GET gets over REST; a refused search
/// fails its entry (batch) or the whole transaction. The expected matches are the resources each test creates with an
/// identifier (or tag) of its own.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BundleSearchTests(ServerFixture server)
{
    private const string System = "urn:openimis-fhir:test-bundle-search";
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Search_entries_of_a_batch_answer_as_the_same_searches_over_rest_and_fail_on_their_own()
    {
        var value = Basics.NewCode();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await CreateAsync(Basics.New().WithIdentifier(System, value)));
        var query = $"Basic?identifier={Uri.EscapeDataString(System + "|" + value)}";

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("GET", query),
            Entry("GET", query + "&_count=2"),
            Entry("GET", $"Basic?identifier={Uri.EscapeDataString(System)}%7Cnothing-{value}"),
            Entry("GET", query + "&created=not-a-date"),
            Entry("GET", query + "&nonsense=1"),
            Entry("GET", $"Basic/{ids[0]}")));

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        Assert.Equal(6, entries.Count);

        Assert.Equal(200, Status(entries[0]));
        var all = entries[0]["resource"]!;
        Assert.Equal("searchset", (string?)all["type"]);
        Assert.Equal(ids.Order(StringComparer.Ordinal), Ids(all).Order(StringComparer.Ordinal));
        Assert.Null(entries[0]["fullUrl"]);
        var (_, rest, _) = await _client.SendAsync(HttpMethod.Get, "fhir/" + query);
        Assert.Equal(Ids(rest!), Ids(all));

        var page = entries[1]["resource"]!;
        Assert.Equal(2, Ids(page).Count);
        var next = Link(page, "next");
        Assert.NotNull(next);
        Assert.StartsWith(server.Client.BaseAddress + "fhir/Basic?", next);
        var (_, second, _) = await _client.SendAsync(HttpMethod.Get, next![server.Client.BaseAddress!.ToString().Length..]);
        Assert.Equal(ids.Except(Ids(page)), Ids(second!));

        Assert.Equal(200, Status(entries[2]));
        Assert.Empty(Ids(entries[2]["resource"]!));

        Assert.Equal(400, Status(entries[3]));
        Assert.Contains(FhirHttp.Issues(entries[3]["response"]!["outcome"]), i => i.Severity == "error" && i.Text.Contains("created", StringComparison.Ordinal));

        Assert.Equal(200, Status(entries[4]));
        Assert.Equal(ids.Order(StringComparer.Ordinal), Ids(entries[4]["resource"]!).Order(StringComparer.Ordinal));
        Assert.Contains(FhirHttp.Entries(entries[4]["resource"]), e => (string?)e["search"]?["mode"] == "outcome");

        Assert.Equal(200, Status(entries[5]));
        Assert.Equal(ids[0], (string?)entries[5]["resource"]!["id"]);
    }

    [Fact]
    public async Task Under_strict_handling_an_unknown_parameter_fails_its_entry()
    {
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(Entry("GET", "Basic?nonsense=1"), Entry("GET", "Basic?_count=1")),
            ("Prefer", "handling=strict"));
        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        Assert.Equal(400, Status(entries[0]));
        Assert.Contains(FhirHttp.Issues(entries[0]["response"]!["outcome"]), i => i.Text.Contains("nonsense", StringComparison.Ordinal));
        Assert.Equal(200, Status(entries[1]));
    }

    [Fact]
    public async Task A_compartment_search_entry_answers_the_resources_in_the_compartment()
    {
        var patient = await CreateAsync(IgExamples.NewPatient());
        var inside = await CreateAsync(Basics.New().WithSubject($"Patient/{patient}"));
        await CreateAsync(Basics.New());

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(Entry("GET", $"Patient/{patient}/Basic"), Entry("GET", $"Patient/{patient}/Nothing")));

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        Assert.Equal([inside], Ids(entries[0]["resource"]!));
        Assert.Equal(404, Status(entries[1]));
    }

    [Fact]
    public async Task A_transaction_runs_its_searches_before_it_commits_and_a_refused_one_undoes_it_all()
    {
        var value = Basics.NewCode();
        var before = await CreateAsync(Basics.New().WithIdentifier(System, value));
        var query = $"Basic?identifier={Uri.EscapeDataString(System + "|" + value)}";
        var created = Basics.NewId();

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("GET", query),
            Entry("PUT", $"Basic/{created}", Basics.New(created).WithIdentifier(System, value))));
        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        Assert.Equal(201, Status(entries[1]));
        // Reads run after the writes (http.html#trules), in the transaction: the search sees the PUT.
        Assert.Equal(new[] { before, created }.Order(StringComparer.Ordinal), Ids(entries[0]["resource"]!).Order(StringComparer.Ordinal));

        var refused = Basics.NewId();
        var (failed, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{refused}", Basics.New(refused)),
            Entry("GET", query + "&created=not-a-date")));
        Assert.Equal(HttpStatusCode.BadRequest, failed);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Text.StartsWith("Bundle.entry[1]", StringComparison.Ordinal) || i.Expression?.StartsWith("Bundle.entry[1]", StringComparison.Ordinal) == true);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{refused}")).Status);
    }

    [Fact]
    public async Task Searches_and_reads_of_a_transaction_see_its_creates_updates_and_deletes()
    {
        var value = Basics.NewCode();
        var identifier = Uri.EscapeDataString(System + "|" + value);
        var updated = await CreateAsync(Basics.New().WithIdentifier(System, value));
        var deleted = await CreateAsync(Basics.New().WithIdentifier(System, value));
        var targetCode = Basics.NewCode();
        var targetUrn = NewUrn();
        var query = $"Basic?identifier={identifier}";

        // The reads come first in the Bundle and still run after the writes.
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("GET", query + "&_total=accurate&_include=Basic:subject"),
            Entry("GET", $"Basic?subject:Basic.identifier={Uri.EscapeDataString(System + "|" + targetCode)}"),
            Entry("GET", query + "&_lastUpdated=ge2020-01-01&_total=estimate"),
            Entry("GET", $"Basic/{updated}/_history/2"),
            Entry("POST", "Basic", Basics.New().WithIdentifier(System, targetCode), fullUrl: targetUrn),
            Entry("POST", "Basic", Basics.New().WithIdentifier(System, value).WithSubject(targetUrn), fullUrl: NewUrn()),
            Entry("DELETE", $"Basic/{deleted}"),
            Entry("PUT", $"Basic/{updated}", Basics.New(updated, "changed").WithIdentifier(System, value))));

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        var target = Location(entries[4])[1];
        var source = Location(entries[5])[1];

        var searchset = entries[0]["resource"]!;
        Assert.Equal(new[] { updated, source }.Order(StringComparer.Ordinal), Ids(searchset).Order(StringComparer.Ordinal));
        Assert.Equal(2, (int?)searchset["total"]);
        Assert.Equal([target], Ids(searchset, "include"));
        var match = FhirHttp.Entries(searchset).Single(e => (string?)e["resource"]!["id"] == updated)["resource"]!;
        Assert.Equal("changed", (string?)match["code"]!["text"]);
        Assert.Equal("2", (string?)match["meta"]!["versionId"]);

        Assert.Equal([source], Ids(entries[1]["resource"]!));
        Assert.Equal(new[] { updated, source }.Order(StringComparer.Ordinal), Ids(entries[2]["resource"]!).Order(StringComparer.Ordinal));
        Assert.Equal(200, Status(entries[3]));
        Assert.Equal("changed", (string?)entries[3]["resource"]!["code"]!["text"]);
        Assert.Equal(204, Status(entries[6]));

        // Committed: the same search over REST finds what the entry found.
        Assert.Equal(Ids(searchset).Order(StringComparer.Ordinal), Ids(await _client.SearchAsync(query)).Order(StringComparer.Ordinal));
    }

    // Type and id of an entry's response.location (Type/id/_history/n).
    private static string[] Location(JsonNode entry) => ((string)entry["response"]!["location"]!).Split('/');

    [Fact]
    public async Task A_compartment_is_read_only()
    {
        var (refused, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(Entry("DELETE", "Patient/x/Basic")));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Expression == "Bundle.entry[0].request.url");
    }

    [Fact]
    public async Task A_search_entry_includes_what_its_matches_refer_to_and_a_bad_value_fails_only_its_entry_at_its_url()
    {
        var value = Basics.NewCode();
        var target = await CreateAsync(Basics.New());
        var matches = new List<string>();
        for (var i = 0; i < 2; i++) matches.Add(await CreateAsync(Basics.New().WithIdentifier(System, value).WithSubject($"Basic/{target}")));
        matches.Add(await CreateAsync(Basics.New().WithIdentifier(System, value)));
        var query = $"Basic?identifier={Uri.EscapeDataString(System + "|" + value)}";
        var written = Basics.NewId();

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("GET", query + "&_include=Basic:subject"),
            Entry("GET", query + "&created=not-a-date"),
            Entry("GET", query + "&_count=many"),
            Entry("PUT", $"Basic/{written}", Basics.New(written)),
            Entry("GET", query + "&_summary=count")));

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        Assert.Equal(200, Status(entries[0]));
        Assert.Equal(matches.Order(StringComparer.Ordinal), Ids(entries[0]["resource"]!).Order(StringComparer.Ordinal));
        Assert.Equal([target], Ids(entries[0]["resource"]!, "include"));
        foreach (var (failed, parameter) in new[] { (1, "created"), (2, "_count") })
        {
            Assert.Equal(400, Status(entries[failed]));
            Assert.Null(entries[failed]["resource"]);
            Assert.Contains(FhirHttp.Issues(entries[failed]["response"]!["outcome"]),
                i => i.Severity == "error" && i.Text.Contains(parameter, StringComparison.Ordinal) && i.Expression == $"Bundle.entry[{failed}].request.url");
        }
        Assert.Equal(201, Status(entries[3]));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{written}")).Status);
        Assert.Equal(3, (int?)entries[4]["resource"]!["total"]);
        Assert.Empty(Ids(entries[4]["resource"]!));
    }

    [Fact]
    public async Task Search_entries_of_a_transaction_ignore_an_unknown_parameter_and_under_strict_handling_it_fails_the_transaction()
    {
        var value = Basics.NewCode();
        var before = await CreateAsync(Basics.New().WithIdentifier(System, value));
        var query = $"Basic?identifier={Uri.EscapeDataString(System + "|" + value)}&nonsense=1";

        var lenient = Basics.NewId();
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{lenient}", Basics.New(lenient)),
            Entry("GET", query)));
        Assert.Equal(HttpStatusCode.OK, status);
        var searchset = FhirHttp.Entries(response)[1]["resource"]!;
        Assert.Equal([before], Ids(searchset));
        var outcome = Assert.Single(FhirHttp.Entries(searchset), e => (string?)e["search"]?["mode"] == "outcome");
        Assert.Contains(FhirHttp.Issues(outcome["resource"]), i => i.Severity == "warning" && i.Text.Contains("nonsense", StringComparison.Ordinal));
        Assert.DoesNotContain("nonsense", Link(searchset, "self"), StringComparison.Ordinal);

        var strict = Basics.NewId();
        var (refused, issues, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{strict}", Basics.New(strict)),
            Entry("GET", query)), ("Prefer", "handling=strict"));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains(FhirHttp.Issues(issues), i => i.Text.Contains("nonsense", StringComparison.Ordinal) && i.Expression == "Bundle.entry[1].request.url");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{strict}")).Status);
    }

    [Fact]
    public async Task A_search_of_every_type_answers_its_entry_as_over_rest_and_a_refused_one_fails_its_entry_alone()
    {
        var shared = Basics.NewId("sys");
        await _client.PutAsync(Basics.New(shared));
        await _client.PutAsync(new JsonObject { ["resourceType"] = "List", ["id"] = shared, ["status"] = "current", ["mode"] = "working" });

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("GET", $"?_type=Basic&_id={shared}"),
            Entry("GET", "?_type=NoSuchType"),
            Entry("GET", $"{server.FhirBase}?_id={shared}&_count=1"),
            Entry("GET", "Basic?_count=1")));

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        Assert.Equal(200, Status(entries[0]));
        var searchset = entries[0]["resource"]!;
        Assert.Equal("searchset", (string?)searchset["type"]);
        Assert.Equal([$"Basic/{shared}"], Keys(searchset, "match"));
        Assert.Equal(Keys(await _client.SearchAsync($"{server.FhirBase}?_type=Basic&_id={shared}"), "match"), Keys(searchset, "match"));
        Assert.Equal($"{server.FhirBase}?_type=Basic&_id={shared}", Link(searchset, "self"));

        Assert.Equal(400, Status(entries[1]));
        Assert.Contains(FhirHttp.Issues(entries[1]["response"]!["outcome"]),
            i => i.Severity == "error" && i.Text.Contains("NoSuchType", StringComparison.Ordinal) && i.Expression == "Bundle.entry[1].request.url");

        // An absolute url on the base is the same search; its pages link to the base.
        Assert.Equal(200, Status(entries[2]));
        var first = entries[2]["resource"]!;
        var next = Link(first, "next");
        Assert.StartsWith($"{server.FhirBase}?_id={shared}&_count=1&_cursor=", next);
        var second = await _client.SearchAsync(next!);
        Assert.Equal(new[] { $"Basic/{shared}", $"List/{shared}" }.Order(StringComparer.Ordinal), Keys(first, "match").Concat(Keys(second, "match")).Order(StringComparer.Ordinal));

        Assert.Equal(200, Status(entries[3]));
    }

    [Fact]
    public async Task A_search_of_every_type_in_a_transaction_sees_its_writes_and_a_refused_one_undoes_it_all()
    {
        var tag = Basics.NewCode();
        JsonObject Tagged(JsonObject resource)
        {
            resource["meta"] = new JsonObject { ["tag"] = new JsonArray(new JsonObject { ["system"] = System, ["code"] = tag }) };
            return resource;
        }
        var before = await CreateAsync(Tagged(Basics.New()));
        var query = $"?_type=Basic,List&_tag={Uri.EscapeDataString(System + "|" + tag)}";

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("GET", query),
            Entry("POST", "List", Tagged(new JsonObject { ["resourceType"] = "List", ["status"] = "current", ["mode"] = "working" }), fullUrl: NewUrn())));
        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        var list = Location(entries[1])[1];
        Assert.Equal(new[] { $"Basic/{before}", $"List/{list}" }.Order(StringComparer.Ordinal), Keys(entries[0]["resource"]!, "match").Order(StringComparer.Ordinal));

        var refused = Basics.NewId();
        var (failed, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{refused}", Tagged(Basics.New(refused))),
            Entry("GET", query + "&_sort=status")));
        Assert.Equal(HttpStatusCode.BadRequest, failed);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Text.Contains("status", StringComparison.Ordinal) && i.Expression == "Bundle.entry[1].request.url");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{refused}")).Status);
    }

    private async Task<string> CreateAsync(JsonObject resource) => (string)(await _client.CreateAsync(resource))["id"]!;
}
