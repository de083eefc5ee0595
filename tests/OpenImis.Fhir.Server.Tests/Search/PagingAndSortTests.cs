using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Server.Tests.Search.Spec;
using static OpenImis.Fhir.Server.Tests.Search.Data.SearchDataSet;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// _count (with the server's maximum), next links that stay right while data changes (a cursor, not an offset),
/// and _sort on several keys, descending, with ties. The data changed here are Basic resources with a code of
/// their own per test, a type the data set does not use.
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class PagingAndSortTests(SearchFixture fixture)
{
    private const string CodeSystem = "https://openimis.org/fhir/test-paging";

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Next_links_lead_through_every_match_once_in_pages_of_count()
    {
        var seen = new List<string>();
        string? next = "Patient?_count=3";
        var pages = 0;
        while (next is not null)
        {
            var bundle = await _client.SearchAsync(next);
            var ids = Ids(bundle);
            Assert.InRange(ids.Count, 1, 3);
            Assert.StartsWith(fixture.FhirBase + "/Patient?", Link(bundle, "self"));
            seen.AddRange(ids);
            next = Link(bundle, "next");
            pages++;
        }
        Assert.Equal((Patients.Count + 2) / 3, pages);
        AssertSameIds("all pages", Patients.Select(p => p.Id), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Count_is_capped_at_the_maximum_and_defaults_to_the_page_size()
    {
        var capped = await _client.SearchAsync("Patient?_count=1000");
        Assert.Equal(SearchFixture.MaxPageSize, Ids(capped).Count);
        Assert.NotNull(Link(capped, "next"));
        var plain = await _client.SearchAsync("Patient");
        Assert.Equal(SearchFixture.DefaultPageSize, Ids(plain).Count);
        var (status, _, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Patient?_count=-1");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Pages_neither_repeat_nor_skip_resources_when_others_are_added_or_removed_between_them()
    {
        var code = Guid.NewGuid().ToString("N");
        var created = new Dictionary<string, string>();
        foreach (var day in new[] { "2020-01-01", "2020-01-02", "2020-01-03", "2020-01-04", "2020-01-05", "2020-01-06" }) created[await CreateBasicAsync(code, day)] = day;
        var query = $"Basic?code={Escape(CodeSystem + "|" + code)}&_sort=created&_count=2";

        var first = await _client.SearchAsync(query);
        var seen = Ids(first);
        Assert.Equal(["2020-01-01", "2020-01-02"], seen.Select(id => created[id]));

        // Before the cursor (not shown), tied with a resource after it, after everything; and one not yet shown goes away.
        var before = await CreateBasicAsync(code, "2019-12-31");
        var tied = await CreateBasicAsync(code, "2020-01-03");
        var after = await CreateBasicAsync(code, "2020-01-09");
        var removed = created.Single(c => c.Value == "2020-01-05").Key;
        var (status, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{removed}");
        Assert.Equal(HttpStatusCode.NoContent, status);

        string? next = Link(first, "next");
        while (next is not null)
        {
            var page = await _client.SearchAsync(next);
            seen.AddRange(Ids(page));
            next = Link(page, "next");
        }
        var old = created.Keys.Where(id => id != removed).ToList();
        foreach (var id in old) Assert.Single(seen, id);
        Assert.DoesNotContain(removed, seen);
        Assert.DoesNotContain(before, seen);
        Assert.Contains(tied, seen);
        Assert.Contains(after, seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var days = seen.Select(id => id == tied ? "2020-01-03" : id == after ? "2020-01-09" : created[id]).ToList();
        Assert.Equal(days.Order(StringComparer.Ordinal), days);
    }

    [Fact]
    public async Task Without_sort_new_resources_come_after_the_pages_already_read()
    {
        var code = Guid.NewGuid().ToString("N");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await CreateBasicAsync(code, "2021-06-01"));
        var query = $"Basic?code={Escape(CodeSystem + "|" + code)}&_count=2";
        var first = await _client.SearchAsync(query);
        var seen = Ids(first);
        var added = await CreateBasicAsync(code, "2021-06-01");
        for (var next = Link(first, "next"); next is not null;)
        {
            var page = await _client.SearchAsync(next);
            seen.AddRange(Ids(page));
            next = Link(page, "next");
        }
        Assert.Equal([.. ids, added], seen);
    }

    [Fact]
    public async Task Pages_of_two_criteria_in_rid_order_drop_resources_deleted_or_changed_between_them()
    {
        // Two criteria and no _sort: the page is cut among candidate rids read from the index tables alone.
        var code = Guid.NewGuid().ToString("N");
        var matching = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            matching.Add(await CreateBasicAsync(code, "2021-03-0" + (i + 1)));
            await CreateBasicAsync(code, "2020-03-01"); // same code, outside the date range
        }
        var query = $"Basic?code={Escape(CodeSystem + "|" + code)}&created=ge2021-01-01&_count=2";
        var first = await _client.SearchAsync(query);
        var seen = Ids(first);
        Assert.Equal(matching.Take(2), seen);

        var deleted = matching[3];
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{deleted}")).Status);
        var movedOut = matching[4];
        await UpdateBasicCreatedAsync(movedOut, code, "2019-01-01");
        var shownThenChanged = matching[0];
        await UpdateBasicCreatedAsync(shownThenChanged, code, "2019-01-01");

        for (var next = Link(first, "next"); next is not null;)
        {
            var page = await _client.SearchAsync(next);
            seen.AddRange(Ids(page));
            next = Link(page, "next");
        }
        Assert.Equal(matching.Where(id => id != deleted && id != movedOut), seen);
        Assert.Equal(matching.Skip(1).Where(id => id != deleted && id != movedOut), await _client.AllMatchesAsync(query));
    }

    [Fact]
    public async Task A_cursor_that_is_not_one_the_server_gave_is_refused()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Patient?_cursor=bm90LWEtY3Vyc29y");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(FhirHttp.Issues(body));
    }

    // A cursor is written as the base64url of its JSON: [sort, key values..., sequence].
    [Theory]
    [InlineData("birthdate", """["birthdate","not a date","1"]""")]
    [InlineData("birthdate", """["birthdate","10:00","1"]""")]
    [InlineData("_lastUpdated", """["_lastUpdated","10:00","1"]""")]
    [InlineData("family", """["family","\u0000","1"]""")]
    [InlineData("_id", """["_id","a\u0000","1"]""")]
    public async Task A_cursor_with_a_key_value_the_server_never_writes_is_refused(string sort, string cursor)
    {
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(cursor)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient?_sort={sort}&_cursor={forged}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(FhirHttp.Issues(body));
    }

    [Fact]
    public async Task A_cursor_given_for_another_sort_is_refused()
    {
        var first = await _client.SearchAsync("Patient?_sort=family&_count=2");
        var next = Link(first, "next")!;
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, next.Replace("_sort=family", "_sort=birthdate", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(FhirHttp.Issues(body));
        (status, body, _) = await _client.SendAsync(HttpMethod.Get, next.Replace("_sort=family", "_sort=-family", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Sort_on_two_keys_the_second_descending_across_pages()
    {
        var families = new[] { "kam", "nun", "doe", "zul", "mu" };
        var expected = Patients
            .Where(p => families.Any(f => p.Family!.Folded.StartsWith(f, StringComparison.Ordinal)))
            .OrderBy(p => p.Family!.Folded, StringComparer.Ordinal)
            .ThenByDescending(p => SpecDates.Range(p.BirthDate!).High)
            .Select(p => p.Id).ToList();
        Assert.Equal(expected, await _client.AllMatchesAsync("Patient?family=kam,nun,doe,zul,mu&_sort=family,-birthdate&_count=3"));
    }

    [Fact]
    public async Task Dates_sort_by_their_start_ascending_and_their_end_descending()
    {
        var descending = Claims.OrderByDescending(c => SpecDates.Range(c.Created).High).Select(c => c.Id).ToList();
        Assert.Equal(descending, await _client.AllMatchesAsync("Claim?_sort=-created&_count=4"));
        // c04 (2021-03-01) and c05 (2021-03) start at the same instant: the second key decides.
        var ascending = Claims.OrderBy(c => SpecDates.Range(c.Created).Low).ThenByDescending(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList();
        Assert.Equal(ascending, await _client.AllMatchesAsync("Claim?_sort=created,-_id&_count=4"));
    }

    [Fact]
    public async Task Resources_without_a_value_for_the_sort_key_come_last()
    {
        var birth = Patients.Where(p => p.BirthDate is not null).OrderBy(p => SpecDates.Range(p.BirthDate!).Low).ThenBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Id)
            .Concat(Patients.Where(p => p.BirthDate is null).Select(p => p.Id).Order(StringComparer.Ordinal)).ToList();
        Assert.Equal(birth, await _client.AllMatchesAsync("Patient?_sort=birthdate,_id&_count=4"));
        var names = Organizations.Where(o => o.Name is not null).OrderByDescending(o => o.Name!.Folded, StringComparer.Ordinal).Select(o => o.Id)
            .Concat(Organizations.Where(o => o.Name is null).Select(o => o.Id)).ToList();
        Assert.Equal(names, await _client.AllMatchesAsync("Organization?_sort=-name"));
        var genders = Patients.Where(p => p.Gender is not null).OrderBy(p => p.Gender, StringComparer.Ordinal).ThenByDescending(p => p.Id, StringComparer.Ordinal).Select(p => p.Id)
            .Concat(Patients.Where(p => p.Gender is null).Select(p => p.Id)).ToList();
        Assert.Equal(genders, await _client.AllMatchesAsync("Patient?_sort=gender,-_id"));
    }

    [Fact]
    public async Task Keys_of_each_kind_carry_over_page_boundaries_including_runs_of_missing_values()
    {
        // References sort by Type/id; six organizations have no partOf, so cursors fall on missing values too.
        var partOf = Organizations.Where(o => o.PartOf is not null).OrderBy(o => "Organization/" + o.PartOf, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal)
            .Concat(Organizations.Where(o => o.PartOf is null).OrderBy(o => o.Id, StringComparer.Ordinal)).Select(o => o.Id).ToList();
        Assert.Equal(partOf, await _client.AllMatchesAsync("Organization?_sort=partof,_id&_count=2"));
        var factors = ChargeItems.Where(c => c.Factor is not null).OrderByDescending(c => c.Factor!.Value).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id)
            .Concat(ChargeItems.Where(c => c.Factor is null).OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id)).ToList();
        Assert.Equal(factors, await _client.AllMatchesAsync("ChargeItem?_sort=-factor-override,_id&_count=1"));
        var totals = Invoices.Where(i => i.TotalNet is not null).OrderBy(i => i.TotalNet!.Value).ThenBy(i => i.Id, StringComparer.Ordinal).Select(i => i.Id)
            .Concat(Invoices.Where(i => i.TotalNet is null).Select(i => i.Id)).ToList();
        Assert.Equal(totals, await _client.AllMatchesAsync("Invoice?_sort=totalnet,_id&_count=1"));
        var cities = Patients.Where(p => p.City is not null).OrderBy(p => p.City!.Folded, StringComparer.Ordinal).ThenByDescending(p => p.Id, StringComparer.Ordinal)
            .Concat(Patients.Where(p => p.City is null).OrderByDescending(p => p.Id, StringComparer.Ordinal)).Select(p => p.Id).ToList();
        Assert.Equal(cities, await _client.AllMatchesAsync("Patient?_sort=address-city,-_id&_count=3"));
    }

    [Fact]
    public async Task Last_updated_sorts_newest_first_across_pages()
    {
        var code = Guid.NewGuid().ToString("N");
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await CreateBasicAsync(code, "2021-06-01"));
        ids.Reverse();
        Assert.Equal(ids, await _client.AllMatchesAsync($"Basic?code={Escape(CodeSystem + "|" + code)}&_sort=-_lastUpdated&_count=2"));
    }

    [Fact]
    public async Task Sorting_on_an_unknown_parameter_is_refused()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Patient?_sort=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(FhirHttp.Issues(body));
    }

    [Fact]
    public async Task Total_accurate_counts_all_matches_estimate_guesses_and_none_leaves_it_out()
    {
        var accurate = await _client.SearchAsync("Patient?_total=accurate&_count=2");
        Assert.Equal(Patients.Count, (int)accurate["total"]!);
        Assert.Equal(2, Ids(accurate).Count);
        var filtered = await _client.SearchAsync("Patient?gender=female&_total=accurate");
        Assert.Equal(Patients.Count(p => p.Gender == "female"), (int)filtered["total"]!);
        var estimate = await _client.SearchAsync("Patient?_total=estimate");
        Assert.True((long)estimate["total"]! >= 0);
        Assert.Null((await _client.SearchAsync("Patient?_total=none"))["total"]);
        Assert.Null((await _client.SearchAsync("Patient"))["total"]);
        var (status, _, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Patient?_total=sometimes");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Summary_count_gives_the_total_and_no_entries()
    {
        var bundle = await _client.SearchAsync("Patient?gender=female&_summary=count");
        Assert.Equal(Patients.Count(p => p.Gender == "female"), (int)bundle["total"]!);
        Assert.Empty(Ids(bundle));
        Assert.Null(Link(bundle, "next"));
    }

    private async Task UpdateBasicCreatedAsync(string id, string code, string created)
    {
        var basic = new JsonObject
        {
            ["resourceType"] = "Basic",
            ["id"] = id,
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = CodeSystem, ["code"] = code }) },
            ["created"] = created,
        };
        var (status, _, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", basic);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private async Task<string> CreateBasicAsync(string code, string created)
    {
        var basic = new JsonObject
        {
            ["resourceType"] = "Basic",
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = CodeSystem, ["code"] = code }) },
            ["created"] = created,
        };
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", basic);
        Assert.Equal(HttpStatusCode.Created, status);
        return (string)body!["id"]!;
    }
}
