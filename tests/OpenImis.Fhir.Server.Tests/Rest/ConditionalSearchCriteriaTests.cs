using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// Conditional create, update, patch and delete and conditional references with any search parameter of the type
/// (http.html#ccreate, #cond-update, #patch, #cdelete, #trules), matched by the search engine inside the write's
/// transaction; result parameters and unknown parameters refused; concurrent conditional creates serialised.
/// Each test codes its Basics with a system of its own, so that only its resources can match.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ConditionalSearchCriteriaTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;
    private readonly string _system = "urn:openimis-fhir:conditional:" + Guid.NewGuid().ToString("N")[..12];

    private JsonObject Coded(string code, string? created = null, string text = "test")
    {
        var basic = Basics.New(text: text);
        basic["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = _system, ["code"] = code }), ["text"] = text };
        if (created is not null) basic["created"] = created;
        return basic;
    }

    private Task<long> CountCodedAsync() =>
        Database.CountAsync(server.ConnectionString, "select count(*) from fhir_resource r join fhir_resource_version v using (resource_type, id, version_id) where r.resource_type = 'Basic' and not r.deleted and v.body->'code'->'coding'->0->>'system' = $1", _system);

    [Fact]
    public async Task Conditional_create_matches_on_token_and_date_parameters_together()
    {
        var existing = (string)(await _client.CreateAsync(Coded("a", created: "2024-03-05")))["id"]!;

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Coded("a", text: "ignored"), ("If-None-Exist", $"code={_system}|a&created=2024-03"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(existing, (string?)body!["id"]);
        Assert.Equal("test", (string?)body["code"]!["text"]);

        // The date criterion excludes it: nothing matches, so the create goes on.
        (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Coded("a", created: "2023-06-01"), ("If-None-Exist", $"code={_system}|a&created=2023"));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.NotEqual(existing, (string?)body!["id"]);
        Assert.Equal(2, await CountCodedAsync());
    }

    [Fact]
    public async Task Conditional_create_with_several_matches_through_the_search_engine_is_412()
    {
        await _client.CreateAsync(Coded("a"));
        await _client.CreateAsync(Coded("b"));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Coded("c"), ("If-None-Exist", $"code={_system}|a,{_system}|b"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
        Assert.Equal(2, await CountCodedAsync());
    }

    [Fact]
    public async Task Conditional_create_sees_a_match_through_a_chain()
    {
        var patient = (string)(await _client.CreateAsync(IgExamples.NewPatient()))["id"]!;
        var family = "Fam" + Guid.NewGuid().ToString("N")[..8];
        var named = IgExamples.NewPatient();
        named["name"]![0]!["family"] = family;
        var namedId = (string)(await _client.CreateAsync(named))["id"]!;
        var existing = (string)(await _client.CreateAsync(Coded("a").WithSubject($"Patient/{namedId}")))["id"]!;
        await _client.CreateAsync(Coded("a").WithSubject($"Patient/{patient}"));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Coded("a"), ("If-None-Exist", $"code={_system}|a&subject:Patient.family={family}"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(existing, (string?)body!["id"]);
    }

    [Fact]
    public async Task Conditional_update_matches_through_the_search_engine()
    {
        var id = (string)(await _client.CreateAsync(Coded("a", text: "before")))["id"]!;

        var (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?code={_system}|a", Coded("a", text: "after"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, (string?)body!["id"]);
        Assert.Equal("2", (string?)body["meta"]!["versionId"]);

        (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?code={_system}|new", Coded("new"));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.NotEqual(id, (string?)body!["id"]);

        (status, _, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?code={_system}|a,{_system}|new", Coded("x"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal(2, await CountCodedAsync());
    }

    [Fact]
    public async Task Conditional_delete_matches_through_the_search_engine_and_refuses_several()
    {
        var first = (string)(await _client.CreateAsync(Coded("a")))["id"]!;
        var second = (string)(await _client.CreateAsync(Coded("b")))["id"]!;

        var (status, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic?code={_system}|a,{_system}|b");
        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal(2, await CountCodedAsync());

        (status, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic?code={_system}|b");
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{first}")).Status);
        Assert.Equal(HttpStatusCode.Gone, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{second}")).Status);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> JsonPatchAsync(string url, string patch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = FhirHttp.Json(patch, "application/json-patch+json") };
        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task Conditional_patch_patches_the_one_match_404_without_and_412_with_several()
    {
        var id = (string)(await _client.CreateAsync(Coded("a", text: "before")))["id"]!;
        await _client.CreateAsync(Coded("b"));
        const string patch = """[{"op":"replace","path":"/code/text","value":"patched"}]""";

        var (status, body) = await JsonPatchAsync($"fhir/Basic?code={_system}|a", patch);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, (string?)body!["id"]);
        Assert.Equal("patched", (string?)body["code"]!["text"]);
        Assert.Equal("2", (string?)body["meta"]!["versionId"]);

        (status, body) = await JsonPatchAsync($"fhir/Basic?code={_system}|none", patch);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");

        (status, _) = await JsonPatchAsync($"fhir/Basic?code={_system}|a,{_system}|b", patch);
        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal(2, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Theory]
    [InlineData("_count=1")]
    [InlineData("_sort=code")]
    [InlineData("_include=Basic:author")]
    [InlineData("_summary=true")]
    [InlineData("_elements=code")]
    [InlineData("_total=accurate")]
    public async Task Result_parameters_in_conditional_criteria_are_400_and_nothing_is_written(string resultParameter)
    {
        var criteria = $"code={_system}|a&{resultParameter}";

        var (create, createBody, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Coded("a"), ("If-None-Exist", criteria));
        var (update, _, _) = await _client.SendAsync(HttpMethod.Put, "fhir/Basic?" + criteria, Coded("a"));
        var (delete, _, _) = await _client.SendAsync(HttpMethod.Delete, "fhir/Basic?" + criteria);

        Assert.Equal(HttpStatusCode.BadRequest, create);
        Assert.Contains(FhirHttp.Issues(createBody), i => i.Text.Contains(resultParameter.Split('=')[0], StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, update);
        Assert.Equal(HttpStatusCode.BadRequest, delete);
        Assert.Equal(0, await CountCodedAsync());
    }

    [Theory]
    [InlineData("nonsense={0}|a")]            // no such parameter
    [InlineData("code:nonsense={0}|a")]       // no such modifier
    [InlineData("created=not-a-date")]        // a malformed value
    [InlineData("subject:Patient.nonsense=x")] // a chain to an unknown parameter
    public async Task Criteria_the_engine_cannot_evaluate_are_400_even_under_lenient_handling(string format)
    {
        var criteria = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, _system);
        var existing = (string)(await _client.CreateAsync(Coded("a")))["id"]!;

        var (create, createBody, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Coded("a"), ("If-None-Exist", criteria), ("Prefer", "handling=lenient"));
        var (update, _, _) = await _client.SendAsync(HttpMethod.Put, "fhir/Basic?" + criteria, Coded("a"));
        var (delete, _, _) = await _client.SendAsync(HttpMethod.Delete, "fhir/Basic?" + criteria);
        var (patch, _) = await JsonPatchAsync("fhir/Basic?" + criteria, """[{"op":"replace","path":"/code/text","value":"patched"}]""");

        Assert.Equal(HttpStatusCode.BadRequest, create);
        Assert.Contains(FhirHttp.Issues(createBody), i => i.Severity == "error" && i.Text.Length > 0);
        Assert.Equal(HttpStatusCode.BadRequest, update);
        Assert.Equal(HttpStatusCode.BadRequest, delete);
        Assert.Equal(HttpStatusCode.BadRequest, patch);
        Assert.Equal(1, await CountCodedAsync());
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", existing));
    }

    [Fact]
    public async Task A_transaction_resolves_conditional_creates_references_and_patches_through_the_search_engine()
    {
        var target = (string)(await _client.CreateAsync(Coded("target", created: "2024-01-02")))["id"]!;
        var existing = (string)(await _client.CreateAsync(Coded("existing")))["id"]!;
        var patched = (string)(await _client.CreateAsync(Coded("to-patch")))["id"]!;
        var jsonPatch = Convert.ToBase64String(Encoding.UTF8.GetBytes("""[{"op":"replace","path":"/code/text","value":"patched in a transaction"}]"""));
        var bundle = Bundles.Transaction(
            Bundles.Entry("POST", "Basic", Coded("existing"), ifNoneExist: $"code={_system}|existing"),
            Bundles.Entry("POST", "Basic", Coded("referring").WithSubject($"Basic?code={_system}|target&created=2024")),
            Bundles.Entry("PATCH", $"Basic?code={_system}|to-patch", new JsonObject { ["resourceType"] = "Binary", ["contentType"] = "application/json-patch+json", ["data"] = jsonPatch }));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir", bundle, ("Prefer", "return=representation"));

        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        var entries = FhirHttp.Entries(body);
        Assert.Equal(200, Bundles.Status(entries[0]));
        Assert.Equal(existing, (string?)entries[0]["resource"]!["id"]);
        Assert.Equal(201, Bundles.Status(entries[1]));
        Assert.Equal($"Basic/{target}", (string?)entries[1]["resource"]!["subject"]!["reference"]);
        Assert.Equal(200, Bundles.Status(entries[2]));
        Assert.Equal(patched, (string?)entries[2]["resource"]!["id"]);
        Assert.Equal("patched in a transaction", (string?)entries[2]["resource"]!["code"]!["text"]);
    }

    [Fact]
    public async Task A_conditional_reference_matching_no_resource_fails_the_transaction()
    {
        var bundle = Bundles.Transaction(Bundles.Entry("POST", "Basic", Coded("referring").WithSubject($"Basic?code={_system}|nothing&created=2024")));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir", bundle);

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Expression == "Bundle.entry[0].resource");
        Assert.Equal(0, await CountCodedAsync());
    }

    [Fact]
    public async Task A_conditional_reference_the_engine_cannot_evaluate_is_400_located_at_its_entry()
    {
        var bundle = Bundles.Transaction(
            Bundles.Entry("POST", "Basic", Coded("plain")),
            Bundles.Entry("POST", "Basic", Coded("referring").WithSubject("Basic?nonsense=1")));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir", bundle);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Expression == "Bundle.entry[1]" && i.Text.Contains("nonsense", StringComparison.Ordinal));
        Assert.Equal(0, await CountCodedAsync());
    }

    [Theory]
    [InlineData("code={0}|race")]               // through the search engine
    [InlineData("identifier={0}|race")]         // the identifier table
    public async Task Concurrent_conditional_creates_with_the_same_criteria_create_once(string format)
    {
        var criteria = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, _system);
        const int clients = 8;
        JsonObject Resource() => Coded("race").WithIdentifier(_system, "race");

        var answers = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => _client.SendAsync(HttpMethod.Post, "fhir/Basic", Resource(), ("If-None-Exist", criteria)))));

        var statuses = answers.Select(a => a.Status).ToList();
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(clients - 1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Single(answers.Select(a => (string?)a.Body!["id"]).Distinct());
        Assert.Equal(1, await CountCodedAsync());
    }

    [Fact]
    public async Task Concurrent_transactions_with_the_same_conditional_creates_create_once()
    {
        const int clients = 6;
        // Two criteria per Bundle, in opposite orders: the locks are taken in one order, so no deadlock either.
        JsonObject Bundle(int i) => i % 2 == 0
            ? Bundles.Transaction(Bundles.Entry("POST", "Basic", Coded("x"), ifNoneExist: $"code={_system}|x"), Bundles.Entry("POST", "Basic", Coded("y"), ifNoneExist: $"code={_system}|y"))
            : Bundles.Transaction(Bundles.Entry("POST", "Basic", Coded("y"), ifNoneExist: $"code={_system}|y"), Bundles.Entry("POST", "Basic", Coded("x"), ifNoneExist: $"code={_system}|x"));

        var answers = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => _client.SendAsync(HttpMethod.Post, "fhir", Bundle(i)))));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, a.Body?.ToJsonString()));
        var created = answers.SelectMany(a => FhirHttp.Entries(a.Body)).Count(e => Bundles.Status(e) == 201);
        Assert.Equal(2, created);
        Assert.Equal(2, await CountCodedAsync());
    }

    [Fact]
    public async Task A_transaction_and_a_conditional_update_on_the_same_resource_and_criteria_do_not_deadlock()
    {
        // The update takes its criteria's key, then the row; the Bundle the row (by id) and the key (its conditional
        // create): taken in opposite orders they would wait for each other until PostgreSQL kills one.
        for (var round = 0; round < 10; round++)
        {
            var code = $"round{round}";
            var id = (string)(await _client.CreateAsync(Coded(code)))["id"]!;
            var resource = Coded(code, text: "by id");
            resource["id"] = id;
            var bundle = Bundles.Transaction(
                Bundles.Entry("PUT", $"Basic/{id}", resource),
                Bundles.Entry("POST", "Basic", Coded(code), ifNoneExist: $"code={_system}|{code}"));

            var answers = await Task.WhenAll(
                Task.Run(() => _client.SendAsync(HttpMethod.Put, $"fhir/Basic?code={_system}|{code}", Coded(code, text: "conditional"))),
                Task.Run(() => _client.SendAsync(HttpMethod.Post, "fhir", bundle)));

            Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"round {round}: {(int)a.Status} {a.Body?.ToJsonString()}"));
            Assert.Equal(3, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
        }
    }

    [Fact]
    public async Task Concurrent_conditional_updates_with_the_same_criteria_create_once_then_update()
    {
        const int clients = 8;

        var answers = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => _client.SendAsync(HttpMethod.Put, $"fhir/Basic?code={_system}|race", Coded("race", text: $"writer {i}")))));

        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.Equal(clients - 1, answers.Count(a => a.Status == HttpStatusCode.OK));
        var id = Assert.Single(answers.Select(a => (string?)a.Body!["id"]).Distinct());
        Assert.Equal(clients, await Database.VersionCountAsync(server.ConnectionString, "Basic", id!));
        Assert.Equal(1, await CountCodedAsync());
    }
}
