using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Infrastructure.Bundles;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// A conditional create or update whose criteria match nothing writes a resource those criteria must find: otherwise
/// the same request sent again (a retry after a lost answer) would find nothing again and create a duplicate. Over
/// REST, in a batch and in a transaction; criteria the server cannot evaluate in memory (chains) are not refused.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ConditionalCriteriaMustMatchTests(ServerFixture server)
{
    private const string IdSystem = "urn:openimis-fhir:test";
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task A_conditional_create_whose_resource_its_criteria_do_not_find_is_400_and_stores_nothing()
    {
        var (sought, held) = (Basics.NewCode(), Basics.NewCode());

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithIdentifier(IdSystem, held),
            ("If-None-Exist", $"identifier={IdSystem}|{sought}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var issue = Assert.Single(FhirHttp.Issues(outcome));
        Assert.Equal("invalid", issue.Code);
        Assert.Contains($"If-None-Exist: the resource does not match its own criteria 'identifier={IdSystem}|{sought}'", issue.Text, StringComparison.Ordinal);
        Assert.Equal("Basic", issue.Expression);
        Assert.Equal(0, await IdentifierRowsAsync(held));
    }

    [Theory]
    [InlineData("identifier={0}|{1}&code:text=other")] // one criterion of two misses
    [InlineData("code:text=other")]
    [InlineData("_id=t-not-this-one")] // a create's id is the server's
    public async Task A_conditional_create_is_refused_when_any_criterion_misses_its_resource(string criteriaFormat)
    {
        var value = Basics.NewCode();
        var criteria = string.Format(System.Globalization.CultureInfo.InvariantCulture, criteriaFormat, IdSystem, value);

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(text: "test").WithIdentifier(IdSystem, value), ("If-None-Exist", criteria));

        Assert.True(status == HttpStatusCode.BadRequest, outcome?.ToJsonString());
        Assert.Equal(0, await IdentifierRowsAsync(value));
    }

    [Theory]
    [InlineData("identifier={0}|{1}&code:text=te")] // string search: starts with, any case
    [InlineData("code:text=TEST&identifier={1}")]
    [InlineData("identifier={1}&_lastUpdated=gt2020-01-01")]
    [InlineData("identifier:missing=false&code:text=test&identifier={0}|{1}")]
    [InlineData("identifier:not=urn:other|x&identifier={1}")]
    public async Task A_conditional_create_whose_resource_matches_its_criteria_as_a_search_would_is_created(string criteriaFormat)
    {
        var value = Basics.NewCode();
        var criteria = string.Format(System.Globalization.CultureInfo.InvariantCulture, criteriaFormat, IdSystem, value);

        var (status, created, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(text: "test").WithIdentifier(IdSystem, value), ("If-None-Exist", criteria));
        Assert.True(status == HttpStatusCode.Created, created?.ToJsonString());

        // Held to the database search: the same criteria now find what was created.
        var (again, found, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(text: "test").WithIdentifier(IdSystem, value), ("If-None-Exist", criteria));
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal((string?)created!["id"], (string?)found!["id"]);
    }

    [Fact]
    public async Task Criteria_with_a_chain_are_not_checked_against_the_resource_in_memory()
    {
        var value = Basics.NewCode();

        // No Basic refers to a Patient with this identifier, and the resource written refers to none: the server
        // cannot tell in memory whether a chain matches, and does not refuse what it cannot judge.
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithIdentifier(IdSystem, value),
            ("If-None-Exist", $"subject:Patient.identifier={IdSystem}|{value}"));

        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
    }

    [Fact]
    public async Task A_conditional_update_that_matches_nothing_and_whose_resource_its_criteria_do_not_find_is_400()
    {
        var (sought, held) = (Basics.NewCode(), Basics.NewCode());
        var id = Basics.NewId();

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?identifier={IdSystem}|{sought}", Basics.New().WithIdentifier(IdSystem, held));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Conditional update: the resource does not match its own criteria", Assert.Single(FhirHttp.Issues(outcome)).Text, StringComparison.Ordinal);

        // With the id in the body (update as create) too.
        (status, _, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?identifier={IdSystem}|{sought}", Basics.New(id).WithIdentifier(IdSystem, held));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}")).Status);
        Assert.Equal(0, await IdentifierRowsAsync(held));
    }

    [Fact]
    public async Task A_conditional_update_that_matches_one_resource_may_change_what_the_criteria_select()
    {
        var (before, after) = (Basics.NewCode(), Basics.NewCode());
        var id = (string)(await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, before)))["id"]!;

        // Re-identifying a resource found by its old identifier is an update, not a create: nothing is duplicated.
        var (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?identifier={IdSystem}|{before}", Basics.New().WithIdentifier(IdSystem, after));

        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        Assert.Equal(id, (string?)body!["id"]);
        Assert.Equal(1, await IdentifierRowsAsync(after));
    }

    [Fact]
    public async Task In_a_transaction_a_conditional_create_whose_resource_its_criteria_do_not_find_fails_the_whole_bundle()
    {
        var (sought, held, other) = (Basics.NewCode(), Basics.NewCode(), Basics.NewCode());

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New().WithIdentifier(IdSystem, other)),
            Entry("POST", "Basic", Basics.New().WithIdentifier(IdSystem, held), ifNoneExist: $"identifier={IdSystem}|{sought}")));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var issue = Assert.Single(FhirHttp.Issues(outcome));
        Assert.Contains("ifNoneExist: the resource does not match its own criteria", issue.Text, StringComparison.Ordinal);
        Assert.Equal("Bundle.entry[1].resource", issue.Expression);
        Assert.Equal(0, await IdentifierRowsAsync(held));
        Assert.Equal(0, await IdentifierRowsAsync(other));
    }

    [Fact]
    public async Task In_a_transaction_a_conditional_create_matches_its_resource_with_placeholders_rewritten()
    {
        var value = Basics.NewCode();
        var subject = NewUrn();

        // The criteria name the subject by its fullUrl; the resource refers to it the same way: both become Basic/id.
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New(text: "subject"), fullUrl: subject),
            Entry("POST", "Basic", Basics.New().WithSubject(subject).WithIdentifier(IdSystem, value), ifNoneExist: $"subject={subject}&identifier={IdSystem}|{value}")));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        Assert.Equal([201, 201], FhirHttp.Entries(response).Select(Status));
    }

    [Fact]
    public async Task In_a_transaction_a_conditional_update_naming_an_entry_by_its_full_url_updates_the_resource_it_matched()
    {
        var target = Basics.NewId();
        await _client.PutAsync(Basics.New(target, "target"));
        var referrer = (string)(await _client.CreateAsync(Basics.New(text: "before").WithSubject($"Basic/{target}")))["id"]!;
        var fullUrl = NewUrn();

        // The second entry's criteria name the first entry's resource by its fullUrl, as http.html#trules allows: they
        // match the stored referrer, which is then updated (it was created anew, the criteria searched for unrewritten).
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{target}", Basics.New(target, "target, again"), fullUrl: fullUrl),
            Entry("PUT", $"Basic?subject={fullUrl}", Basics.New(text: "after").WithSubject(fullUrl))));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        var entries = FhirHttp.Entries(response);
        Assert.Equal([200, 200], entries.Select(Status));
        Assert.Equal(referrer, (string?)entries[1]["resource"]!["id"]);
        Assert.Equal(1, await Database.CountAsync(server.ConnectionString,
            "select count(*) from fhir_reference where source_type = 'Basic' and target_type = 'Basic' and target_id = $1", target));
        var (_, stored, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{referrer}");
        Assert.Equal("after", (string?)stored!["code"]!["text"]);
    }

    [Fact]
    public async Task In_a_transaction_conditional_patches_and_deletes_naming_an_entry_by_its_full_url_find_what_it_names()
    {
        var (patched, deleted) = (Basics.NewId(), Basics.NewId());
        await _client.PutAsync(Basics.New(patched, "patch target"));
        await _client.PutAsync(Basics.New(deleted, "delete target"));
        var patchedReferrer = (string)(await _client.CreateAsync(Basics.New(text: "before").WithSubject($"Basic/{patched}")))["id"]!;
        var deletedReferrer = (string)(await _client.CreateAsync(Basics.New(text: "doomed").WithSubject($"Basic/{deleted}")))["id"]!;
        var (patchedUrl, deletedUrl) = (NewUrn(), NewUrn());
        var jsonPatch = Convert.ToBase64String("""[{"op":"replace","path":"/code/text","value":"patched"}]"""u8.ToArray());

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{patched}", Basics.New(patched, "patch target, again"), fullUrl: patchedUrl),
            Entry("PUT", $"Basic/{deleted}", Basics.New(deleted, "delete target, again"), fullUrl: deletedUrl),
            Entry("PATCH", $"Basic?subject={patchedUrl}", new JsonObject { ["resourceType"] = "Binary", ["contentType"] = "application/json-patch+json", ["data"] = jsonPatch }),
            Entry("DELETE", $"Basic?subject={deletedUrl}")));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        var (_, stored, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{patchedReferrer}");
        Assert.Equal("patched", (string?)stored!["code"]!["text"]);
        Assert.Equal(HttpStatusCode.Gone, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{deletedReferrer}")).Status);
    }

    [Fact]
    public async Task In_a_transaction_list_and_id_criteria_naming_an_entry_by_its_full_url_take_its_bare_id()
    {
        var first = (string)(await _client.CreateAsync(Basics.New(text: "first")))["id"]!;
        var second = (string)(await _client.CreateAsync(Basics.New(text: "second")))["id"]!;
        var listUrl = NewUrn();
        var list = new JsonObject
        {
            ["resourceType"] = "List", ["status"] = "current", ["mode"] = "working",
            ["entry"] = new JsonArray(
                new JsonObject { ["item"] = new JsonObject { ["reference"] = $"Basic/{first}" } },
                new JsonObject { ["item"] = new JsonObject { ["reference"] = $"Basic/{second}" } }),
        };
        JsonObject Patch(string text) => new()
        {
            ["resourceType"] = "Binary", ["contentType"] = "application/json-patch+json",
            ["data"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($$"""[{"op":"replace","path":"/code/text","value":"{{text}}"}]""")),
        };

        // _list and _id take an id, not Type/id: both find the List the first entry creates (the patches run after it).
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "List", list, fullUrl: listUrl),
            Entry("PATCH", $"Basic?_list={listUrl}&_id={first}", Patch("first, patched")),
            Entry("PATCH", $"Basic?_has:List:item:_id={listUrl}&_id={second}", Patch("second, patched"))));

        Assert.True(status == HttpStatusCode.OK, response?.ToJsonString());
        Assert.Equal([201, 200, 200], FhirHttp.Entries(response).Select(Status));
        foreach (var (id, text) in (ValueTuple<string, string>[])[(first, "first, patched"), (second, "second, patched")])
        {
            var (_, stored, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
            Assert.Equal(text, (string?)stored!["code"]!["text"]);
        }
    }

    [Fact]
    public async Task In_a_batch_only_the_entry_whose_resource_its_criteria_do_not_find_is_refused()
    {
        var (sought, held, other) = (Basics.NewCode(), Basics.NewCode(), Basics.NewCode());

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("POST", "Basic", Basics.New().WithIdentifier(IdSystem, held), ifNoneExist: $"identifier={IdSystem}|{sought}"),
            Entry("POST", "Basic", Basics.New().WithIdentifier(IdSystem, other), ifNoneExist: $"identifier={IdSystem}|{other}")));

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        Assert.Equal([400, 201], entries.Select(Status));
        Assert.Contains("does not match its own criteria", Assert.Single(FhirHttp.Issues(entries[0]["response"]!["outcome"])).Text, StringComparison.Ordinal);
        Assert.Equal(0, await IdentifierRowsAsync(held));
        Assert.Equal(1, await IdentifierRowsAsync(other));
    }

    private Task<long> IdentifierRowsAsync(string value) =>
        Database.CountAsync(server.ConnectionString, "select count(*) from fhir_identifier where resource_type = 'Basic' and value = $1", value);
}
