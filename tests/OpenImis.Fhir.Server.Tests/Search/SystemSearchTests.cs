using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// System search (http.html#search, search.html#_type: <c>GET [base]?params</c>, <c>POST [base]/_search</c>): every
/// type, or those <c>_type</c> names, with the parameters of base Resource. Basics, Lists and Patients that share a
/// client-chosen id (PUT) tell the types apart; a tag of each test's own keeps the shared database out of the ranges.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SystemSearchTests(ServerFixture server)
{
    private const string Tags = "urn:test:system-search";
    private readonly HttpClient _client = server.Client;

    // The searches below are on the base itself: absolute URLs (SearchHttp adds "fhir/" to relative ones).
    private string Base => server.FhirBase;

    private static JsonObject List(string? id = null, string? tag = null)
    {
        var list = new JsonObject { ["resourceType"] = "List" };
        if (id is not null) list["id"] = id;
        list["status"] = "current";
        list["mode"] = "working";
        return tag is null ? list : Tagged(list, tag);
    }

    private static JsonObject Tagged(JsonObject resource, string tag)
    {
        resource["meta"] = new JsonObject { ["tag"] = new JsonArray(new JsonObject { ["system"] = Tags, ["code"] = tag }) };
        return resource;
    }

    // A Basic, a List and a Patient with one id, and a Basic and a List of ids of their own.
    private async Task<(string Shared, string OtherBasic, string OtherList)> SharedIdAsync()
    {
        var shared = Basics.NewId("sys");
        await _client.PutAsync(Basics.New(shared));
        await _client.PutAsync(List(shared));
        var patient = IgExamples.NewPatient();
        patient["id"] = shared;
        await _client.PutAsync(patient);
        var otherBasic = (string)(await _client.CreateAsync(Basics.New()))["id"]!;
        var otherList = (string)(await _client.CreateAsync(List()))["id"]!;
        return (shared, otherBasic, otherList);
    }

    [Fact]
    public async Task Id_finds_every_type_holding_it_and_type_narrows_the_types()
    {
        var (shared, otherBasic, otherList) = await SharedIdAsync();

        SearchHttp.AssertSameIds("_id without _type", [$"Basic/{shared}", $"List/{shared}", $"Patient/{shared}"], await _client.AllKeysAsync(Base + $"?_id={shared}"));
        SearchHttp.AssertSameIds("_type=Basic", [$"Basic/{shared}"], await _client.AllKeysAsync(Base + $"?_type=Basic&_id={shared}"));
        SearchHttp.AssertSameIds("_type=Basic,List", [$"Basic/{shared}", $"List/{shared}", $"Basic/{otherBasic}", $"List/{otherList}"],
            await _client.AllKeysAsync(Base + $"?_type=Basic,List&_id={shared},{otherBasic},{otherList}&_count=2"));
        // An id of one type asked of another finds nothing: the List's id is not a Basic's.
        SearchHttp.AssertSameIds("_type=Basic, a List's id", [], await _client.AllKeysAsync(Base + $"?_type=Basic&_id={otherList}"));
        // Two _type parameters both hold: the types named in each.
        SearchHttp.AssertSameIds("_type=Basic,List&_type=List,Patient", [$"List/{shared}"], await _client.AllKeysAsync(Base + $"?_type=Basic,List&_type=List,Patient&_id={shared}"));
        SearchHttp.AssertSameIds("_type=Basic&_type=List", [], await _client.AllKeysAsync(Base + $"?_type=Basic&_type=List&_id={shared}"));
        // The base with its trailing slash is the same search.
        SearchHttp.AssertSameIds("/fhir/?_id", [$"Basic/{shared}", $"List/{shared}", $"Patient/{shared}"], SearchHttp.Keys(await _client.SearchAsync(Base + $"/?_id={shared}"), "match"));
    }

    [Fact]
    public async Task The_links_are_on_the_base_and_head_answers_without_a_body()
    {
        var (shared, _, _) = await SharedIdAsync();

        var bundle = await _client.SearchAsync(Base + $"?_type=Basic,List&_id={shared}&_count=1");

        Assert.Equal($"{server.FhirBase}?_type=Basic%2CList&_id={shared}&_count=1", SearchHttp.Link(bundle, "self"));
        Assert.StartsWith($"{server.FhirBase}?_type=Basic%2CList&_id={shared}&_count=1&_cursor=", SearchHttp.Link(bundle, "next"));
        using var head = new HttpRequestMessage(HttpMethod.Head, $"fhir?_id={shared}");
        using var response = await _client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Last_updated_ranges_and_sorts_page_through_every_type_once_in_order()
    {
        var tag = Basics.NewCode();
        var written = new List<(string Key, string LastUpdated)>();
        for (var i = 0; i < 6; i++)
        {
            var stored = await _client.CreateAsync(Tagged(i % 2 == 0 ? Basics.New() : List(), tag));
            written.Add(($"{stored["resourceType"]}/{stored["id"]}", (string)stored["meta"]!["lastUpdated"]!));
            // Instants to the millisecond: apart, so that the range below can leave out the first and the last.
            await Task.Delay(5);
        }
        var inner = written[1..5].Select(w => w.Key).ToList();
        var range = $"_lastUpdated=gt{SearchHttp.Escape(written[0].LastUpdated)}&_lastUpdated=lt{SearchHttp.Escape(written[5].LastUpdated)}";

        Assert.Equal(Enumerable.Reverse(inner), await _client.AllKeysAsync(Base + $"?_tag={Tags}|{tag}&{range}&_sort=-_lastUpdated&_count=1"));
        Assert.Equal(inner, await _client.AllKeysAsync(Base + $"?_tag={Tags}|{tag}&{range}&_sort=_lastUpdated&_count=1"));
        Assert.Equal(inner.Where(k => k.StartsWith("List/", StringComparison.Ordinal)), await _client.AllKeysAsync(Base + $"?_type=List&{range}&_sort=_lastUpdated&_count=1"));
        // Without a tag the range holds what this collection wrote in it, which is this test's resources alone (its
        // tests run one at a time); in rid order by default.
        Assert.Equal(inner, await _client.AllKeysAsync(Base + $"?{range}&_count=3"));
        var counted = await _client.SearchAsync(Base + $"?_tag={Tags}|{tag}&_summary=count");
        Assert.Equal(6, (int)counted["total"]!);
    }

    [Theory]
    [InlineData("_sort=name", "name")]                  // only _id and _lastUpdated sort every type
    [InlineData("_sort=_id,-status", "status")]
    [InlineData("_type=NoSuchType", "NoSuchType")]      // not a resource type
    [InlineData("_type=Basic&_type=Nonsense", "Nonsense")]
    [InlineData("_type=", "_type")]                     // no type
    [InlineData("_elements=Basic.code.text", "Basic.code.text")] // not a top-level element
    public async Task System_searches_the_server_cannot_answer_are_400_naming_the_parameter(string query, string named)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error" && i.Text.Contains(named, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("status=active", "status")]                           // a parameter of some types only
    [InlineData("nonsense=1", "nonsense")]                            // of none
    [InlineData("subject.name=x", "subject.name")]                    // a chain names a type's parameter
    [InlineData("_has:Basic:subject:_id=x", "_has:Basic:subject:_id")] // so does _has
    public async Task An_unknown_parameter_is_ignored_and_reported_and_refused_under_strict_handling(string parameter, string named)
    {
        var (shared, _, _) = await SharedIdAsync();

        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir?_type=Basic,List&_id={shared}&{parameter}", null, ("Prefer", "handling=strict"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Text.Contains($"'{named}'", StringComparison.Ordinal));

        var lenient = await _client.SearchAsync(Base + $"?_type=Basic,List&_id={shared}&{parameter}");
        SearchHttp.AssertSameIds("ignored", [$"Basic/{shared}", $"List/{shared}"], SearchHttp.Keys(lenient, "match"));
        var outcome = Assert.Single(FhirHttp.Entries(lenient), e => (string?)e["search"]?["mode"] == "outcome");
        Assert.Contains(FhirHttp.Issues(outcome["resource"]), i => i.Severity == "warning" && i.Text.Contains($"'{named}'", StringComparison.Ordinal));
        Assert.Equal($"{server.FhirBase}?_type=Basic%2CList&_id={shared}", SearchHttp.Link(lenient, "self"));
    }

    [Fact]
    public async Task Post_search_on_the_base_takes_the_form_as_get_takes_the_query_and_creates_nothing()
    {
        var (shared, otherBasic, _) = await SharedIdAsync();
        var query = $"_type=Basic,Patient&_id={shared},{otherBasic}";
        var get = await _client.SearchAsync(Base + "?" + query);

        using var form = new FormUrlEncodedContent([new("_type", "Basic,Patient"), new("_id", $"{shared},{otherBasic}")]);
        var response = await _client.PostAsync("fhir/_search", form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("searchset", (string?)body["type"]);
        SearchHttp.AssertSameIds("POST _search", [$"Basic/{shared}", $"Basic/{otherBasic}", $"Patient/{shared}"], SearchHttp.Keys(body, "match"));
        Assert.Equal(SearchHttp.Keys(get, "match"), SearchHttp.Keys(body, "match"));
        Assert.Equal(SearchHttp.Link(get, "self"), SearchHttp.Link(body, "self"));

        // The URL's parameters count too, as in POST [type]/_search.
        using var part = new FormUrlEncodedContent([new("_id", shared)]);
        var mixed = await _client.PostAsync("fhir/_search?_type=List", part);
        Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
        SearchHttp.AssertSameIds("URL and form", [$"List/{shared}"], SearchHttp.Keys(JsonNode.Parse(await mixed.Content.ReadAsStringAsync())!, "match"));

        // A resource posted there is not a create of a type "_search": the search takes a form.
        var (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir/_search", Basics.New());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task Include_and_revinclude_follow_the_matches_of_every_type()
    {
        var (shared, _, _) = await SharedIdAsync();
        var subject = (string)(await _client.CreateAsync(Basics.New().WithSubject($"List/{shared}")))["id"]!;

        var bundle = await _client.SearchAsync(Base + $"?_id={shared},{subject}&_type=Basic&_include=Basic:subject");
        SearchHttp.AssertSameIds("matches", [$"Basic/{shared}", $"Basic/{subject}"], SearchHttp.Keys(bundle, "match"));
        SearchHttp.AssertSameIds("included", [$"List/{shared}"], SearchHttp.Keys(bundle, "include"));

        var rev = await _client.SearchAsync(Base + $"?_id={shared}&_type=List&_revinclude=Basic:subject");
        SearchHttp.AssertSameIds("matches", [$"List/{shared}"], SearchHttp.Keys(rev, "match"));
        SearchHttp.AssertSameIds("revincluded", [$"Basic/{subject}"], SearchHttp.Keys(rev, "include"));
    }

    [Fact]
    public async Task List_gives_its_members_of_every_type()
    {
        var (shared, otherBasic, _) = await SharedIdAsync();
        var list = List();
        list["entry"] = new JsonArray([.. new[] { $"Basic/{shared}", $"Patient/{shared}", $"Basic/{otherBasic}" }
            .Select(item => (JsonNode)new JsonObject { ["item"] = new JsonObject { ["reference"] = item } })]);
        var id = (string)(await _client.CreateAsync(list))["id"]!;

        SearchHttp.AssertSameIds("_list", [$"Basic/{shared}", $"Patient/{shared}", $"Basic/{otherBasic}"], await _client.AllKeysAsync(Base + $"?_list={id}&_count=1"));
        SearchHttp.AssertSameIds("_list&_type=Patient", [$"Patient/{shared}"], await _client.AllKeysAsync(Base + $"?_list={id}&_type=Patient"));
        SearchHttp.AssertSameIds("_list&_id", [$"Basic/{shared}", $"Patient/{shared}"], await _client.AllKeysAsync(Base + $"?_list={id}&_id={shared}&_total=accurate"));
        Assert.Equal(2, (int)(await _client.SearchAsync(Base + $"?_list={id}&_id={shared}&_total=accurate"))["total"]!);
    }

    [Fact]
    public async Task The_capability_statement_has_search_system_and_its_parameters()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, status);
        var rest = body!["rest"]![0]!;
        var interaction = Assert.Single(rest["interaction"]!.AsArray(), i => (string?)i!["code"] == "search-system")!;
        Assert.Contains("_type", (string)interaction["documentation"]!, StringComparison.Ordinal);
        var parameters = rest["searchParam"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!);
        Assert.Equal("token", (string?)parameters["_id"]["type"]);
        Assert.Equal("http://hl7.org/fhir/SearchParameter/Resource-id", (string?)parameters["_id"]["definition"]);
        Assert.Equal("date", (string?)parameters["_lastUpdated"]["type"]);
        Assert.Equal("token", (string?)parameters["_tag"]["type"]);
        Assert.Equal("special", (string?)parameters["_list"]["type"]);
        // Only parameters every type has.
        Assert.DoesNotContain("status", parameters.Keys);
        Assert.DoesNotContain("identifier", parameters.Keys);
    }

    // The page query of a system search, as the server runs it, EXPLAINed on the test database with sequential scans
    // priced out: a plan that still scans a table sequentially has no index to use there.
    private async Task<string> PlanAsync(SearchRequest request, string settings = "")
    {
        var engine = server.Services.GetRequiredService<SearchEngine>();
        var (text, sql, _) = await engine.PageQueryAsync(request, CancellationToken.None);
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("set enable_seqscan = off;" + settings, connection)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("explain " + text, connection);
        foreach (var parameter in sql.Parameters) explain.Parameters.Add(parameter.Clone());
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        }
        return string.Join("\n", plan);
    }

    [Fact]
    public async Task The_types_of_a_system_search_lead_the_lookups_of_the_resource_table()
    {
        var (shared, _, _) = await SharedIdAsync();
        var since = (string)(await _client.CreateAsync(Basics.New()))["meta"]!["lastUpdated"]!;
        SearchRequest Request(SearchCriterion criterion, IReadOnlyList<string>? types) =>
            new(SearchRequest.AnyType, [criterion], [], 10, null, SearchTotal.None, [], []) { Types = types };

        var one = await PlanAsync(Request(new("_id", [shared]), ["Basic"]));
        Assert.False(one.Contains("Seq Scan", StringComparison.Ordinal), one);
        Assert.True(Regex.IsMatch(one, @"Index Scan using fhir_resource_pkey on fhir_resource r[^\n]*\n\s*Index Cond: \(\(resource_type = 'Basic'::text\) AND \(id = ANY"), one);

        var two = await PlanAsync(Request(new("_id", [shared]), ["Basic", "List"]));
        Assert.False(two.Contains("Seq Scan", StringComparison.Ordinal), two);
        Assert.True(Regex.IsMatch(two, @"Index Cond: \(\(resource_type = ANY \('\{Basic,List\}'::text\[\]\)\) AND \(id = ANY"), two);

        // Without _type, _id and _lastUpdated name every type all the same, for the indexes that lead with the type.
        // Whether PostgreSQL then probes them depends on the table's size: at a million resources it did, for both
        // (docs/architecture.md, Search); on a table this small a walk in rid order may rightly cost less than a
        // probe per type. So the query is checked for the condition, and the range for the index it then has, with
        // the other ways of reading priced out.
        var engine = server.Services.GetRequiredService<SearchEngine>();
        var (text, sql, _) = await engine.PageQueryAsync(Request(new("_id", [shared]), null), CancellationToken.None);
        var condition = Regex.Match(text, @"r\.resource_type = any\(\$(\d+)\)");
        Assert.True(condition.Success, text);
        var types = Assert.IsType<string[]>(sql.Parameters[int.Parse(condition.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1].Value);
        Assert.Superset(new HashSet<string> { "Basic", "List", "Patient", "Claim", "Coverage" }, types.ToHashSet());
        Assert.True(types.Length > 100, string.Join(",", types));
        var (plain, _, _) = await engine.PageQueryAsync(new SearchRequest(SearchRequest.AnyType, [new("_tag", [$"{Tags}|x"])], [], 10, null, SearchTotal.None, [], []), CancellationToken.None);
        Assert.DoesNotContain("r.resource_type = any", plain, StringComparison.Ordinal);

        var recent = await PlanAsync(Request(new("_lastUpdated", ["ge" + since]), null), "set enable_indexscan = off; set enable_indexonlyscan = off");
        Assert.False(recent.Contains("Seq Scan", StringComparison.Ordinal), recent);
        Assert.True(Regex.IsMatch(recent, @"Bitmap Index Scan on fhir_resource_type_updated[^\n]*\n\s*Index Cond: \(\(resource_type = ANY \([^)]*\)\) AND \(last_updated >="), recent);
    }
    [Theory]
    [InlineData("fhir/_search")]
    [InlineData("fhir/Basic/_search")]
    public async Task A_format_in_the_form_body_chooses_the_answer_as_in_the_url(string url)
    {
        using var xml = new FormUrlEncodedContent([new("_format", "xml"), new("_id", "x")]);
        using var refused = await _client.PostAsync(url, xml);
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);

        using var json = new FormUrlEncodedContent([new("_format", "application/json"), new("_id", "x")]);
        using var answered = await _client.PostAsync(url, json);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("application/json", answered.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_on_the_system_search_endpoint_are_405(string method)
    {
        var (status, outcome, _) = await _client.SendAsync(new HttpMethod(method), "fhir/_search", method == "PUT" ? Basics.New() : null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Contains("is not allowed on /fhir/_search", Assert.Single(FhirHttp.Issues(outcome)).Text, StringComparison.Ordinal);
    }
}
