using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// history for an instance, a type and the system (http.html#history): a Bundle of type history, newest first,
/// deletes included; <c>_since</c>, <c>_at</c>, <c>_count</c> and <c>next</c> links that stay right while versions
/// are written.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HistoryTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Instance_history_lists_every_version_newest_first_with_the_delete_and_no_resource_for_it()
    {
        var id = (string)(await _client.CreateAsync(Basics.New(text: "v1")))["id"]!;
        await _client.PutAsync(Basics.New(id, "v2"));
        await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}");

        var (status, bundle, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}/_history");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("history", (string?)bundle!["type"]);
        var entries = FhirHttp.Entries(bundle);
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal($"{server.FhirBase}/Basic/{id}", (string?)e["fullUrl"]));
        Assert.Equal(["DELETE", "PUT", "POST"], entries.Select(e => (string?)e["request"]!["method"]));
        Assert.Null(entries[0]["resource"]);
        Assert.Equal("v2", (string?)entries[1]["resource"]!["code"]!["text"]);
        Assert.Equal("2", (string?)entries[1]["resource"]!["meta"]!["versionId"]);
        Assert.Equal("v1", (string?)entries[2]["resource"]!["code"]!["text"]);
        Assert.Equal(["W/\"3\"", "W/\"2\"", "W/\"1\""], entries.Select(e => (string?)e["response"]!["etag"]));
        Assert.Equal($"Basic/{id}", (string?)entries[1]["request"]!["url"]);
        Assert.All(entries, e => Assert.NotNull(e["response"]!["status"]));
    }

    [Fact]
    public async Task History_of_a_resource_that_never_existed_or_of_an_unknown_type_is_404()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{Basics.NewId()}/_history");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Code == "not-found");

        (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Insuree/_history");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
    }

    [Fact]
    public async Task Type_history_with_since_lists_the_versions_of_that_type_written_at_or_after_it_and_nothing_else()
    {
        var before = (string)(await _client.CreateAsync(Basics.New()))["id"]!;
        await Task.Delay(20);
        var first = await _client.CreateAsync(Basics.New());
        var since = (string)first["meta"]!["lastUpdated"]!;
        var second = (string)(await _client.CreateAsync(Basics.New()))["id"]!;
        await _client.PutAsync(Basics.New(second, "updated"));
        await _client.CreateAsync(IgExamples.NewPatient());

        var entries = await AllPagesAsync($"fhir/Basic/_history?_since={Uri.EscapeDataString(since)}");

        Assert.All(entries, e => Assert.Equal("Basic", TypeOf(e)));
        Assert.DoesNotContain(entries, e => IdOf(e) == before);
        Assert.Equal([$"{second}/2", $"{second}/1", $"{(string)first["id"]!}/1"], entries.Select(e => $"{IdOf(e)}/{VersionOf(e)}"));
    }

    [Fact]
    public async Task System_history_with_since_lists_the_versions_of_every_type()
    {
        await Task.Delay(20);
        var basic = await _client.CreateAsync(Basics.New());
        var since = (string)basic["meta"]!["lastUpdated"]!;
        var patient = await _client.CreateAsync(IgExamples.NewPatient());

        var entries = await AllPagesAsync($"fhir/_history?_since={Uri.EscapeDataString(since)}");

        Assert.Equal([$"Patient/{patient["id"]}", $"Basic/{basic["id"]}"], entries.Select(e => $"{TypeOf(e)}/{IdOf(e)}"));
        Assert.All(entries, e => Assert.True(string.CompareOrdinal((string)e["resource"]!["meta"]!["lastUpdated"]!, since) >= 0));
    }

    [Fact]
    public async Task History_since_a_future_instant_is_empty()
    {
        var future = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        var (status, bundle, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/_history?_since={future}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(FhirHttp.Entries(bundle));
    }

    [Fact]
    public async Task Count_pages_the_history_and_following_next_links_visits_every_version_once()
    {
        var id = await ResourceWithVersionsAsync(5);

        var pages = await PagesAsync($"fhir/Basic/{id}/_history?_count=2");

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(["5", "4", "3", "2", "1"], pages.SelectMany(p => p).Select(VersionOf));
    }

    [Fact]
    public async Task A_version_written_while_paging_does_not_shift_the_following_pages()
    {
        var id = await ResourceWithVersionsAsync(5);
        var (_, firstPage, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}/_history?_count=2");
        Assert.Equal(["5", "4"], FhirHttp.Entries(firstPage).Select(VersionOf));

        await _client.PutAsync(Basics.New(id, "written while paging"));
        var rest = await PagesAsync(FhirHttp.Link(firstPage!, "next")!);

        Assert.Equal(["3", "2", "1"], rest.SelectMany(p => p).Select(VersionOf));
    }

    [Fact]
    public async Task The_self_link_of_a_page_gives_that_page_again()
    {
        var id = await ResourceWithVersionsAsync(3);
        var (_, firstPage, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}/_history?_count=2");
        var (_, secondPage, _) = await _client.SendAsync(HttpMethod.Get, FhirHttp.Link(firstPage!, "next")!);
        Assert.Equal(["1"], FhirHttp.Entries(secondPage).Select(VersionOf));

        var (_, again, _) = await _client.SendAsync(HttpMethod.Get, FhirHttp.Link(secondPage!, "self")!);

        Assert.Equal(["1"], FhirHttp.Entries(again).Select(VersionOf));
    }

    [Fact]
    public async Task Next_links_keep_the_since_filter()
    {
        var before = (string)(await _client.CreateAsync(Basics.New()))["id"]!;
        await Task.Delay(20);
        var first = await _client.CreateAsync(Basics.New());
        var since = (string)first["meta"]!["lastUpdated"]!;
        var second = await _client.CreateAsync(Basics.New());
        var third = await _client.CreateAsync(Basics.New());

        var pages = await PagesAsync($"fhir/Basic/_history?_count=1&_since={Uri.EscapeDataString(since)}");

        Assert.Equal([1, 1, 1], pages.Select(p => p.Count));
        Assert.Equal([(string?)third["id"], (string?)second["id"], (string?)first["id"]], pages.SelectMany(p => p).Select(IdOf));
        Assert.DoesNotContain(pages.SelectMany(p => p), e => IdOf(e) == before);
    }

    [Fact]
    public async Task At_gives_the_version_current_at_that_instant()
    {
        var id = Basics.NewId();
        var v1 = await _client.PutAsync(Basics.New(id, "v1"));
        await Task.Delay(20);
        var v2 = await _client.PutAsync(Basics.New(id, "v2"));
        await Task.Delay(20);
        var v3 = await _client.PutAsync(Basics.New(id, "v3"));
        var t1 = Instant(v1);
        var t2 = Instant(v2);
        var t3 = Instant(v3);

        Assert.Equal(["2"], await VersionsAtAsync(id, t2));
        Assert.Equal(["2"], await VersionsAtAsync(id, t3.AddMilliseconds(-1)));
        Assert.Equal(["1"], await VersionsAtAsync(id, t1.AddMilliseconds(5)));
        Assert.Equal(["3"], await VersionsAtAsync(id, t3.AddHours(1)));
        Assert.Empty(await VersionsAtAsync(id, t1.AddMilliseconds(-1)));
    }

    [Fact]
    public async Task Type_history_at_an_instant_gives_each_resource_as_it_was_then()
    {
        await Task.Delay(20);
        var a = Basics.NewId();
        var since = Instant(await _client.PutAsync(Basics.New(a, "a1")));
        await Task.Delay(20);
        var b = Basics.NewId();
        var at = Instant(await _client.PutAsync(Basics.New(b, "b1")));
        await Task.Delay(20);
        await _client.PutAsync(Basics.New(a, "a2"));

        var entries = await AllPagesAsync($"fhir/Basic/_history?_since={Format(since)}&_at={Format(at)}");

        Assert.Equal(["b1", "a1"], entries.Select(e => (string?)e["resource"]!["code"]!["text"]));
    }

    [Theory]
    [InlineData("_since=yesterday")]
    [InlineData("_since=2024-13-45")]
    [InlineData("_at=soon")]
    [InlineData("_count=-1")]
    [InlineData("_count=many")]
    [InlineData("_count=99999999999")]
    public async Task Malformed_history_parameters_are_400(string query)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/_history?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
    }

    [Fact]
    public async Task The_last_page_has_no_next_link()
    {
        var id = await ResourceWithVersionsAsync(2);

        var (_, bundle, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}/_history?_count=2");

        Assert.Equal(2, FhirHttp.Entries(bundle).Count);
        Assert.Null(FhirHttp.Link(bundle!, "next"));
        Assert.NotNull(FhirHttp.Link(bundle!, "self"));
    }

    private async Task<string> ResourceWithVersionsAsync(int versions)
    {
        var id = Basics.NewId();
        for (var i = 1; i <= versions; i++) await _client.PutAsync(Basics.New(id, $"v{i}"));
        return id;
    }

    private async Task<List<string?>> VersionsAtAsync(string id, DateTimeOffset at)
    {
        var (status, bundle, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}/_history?_at={Format(at)}");
        Assert.Equal(HttpStatusCode.OK, status);
        return [.. FhirHttp.Entries(bundle).Select(VersionOf)];
    }

    private async Task<List<JsonNode>> AllPagesAsync(string url) => [.. (await PagesAsync(url)).SelectMany(p => p)];

    /// <summary>The entries of each page, following next links.</summary>
    private async Task<List<List<JsonNode>>> PagesAsync(string url)
    {
        var pages = new List<List<JsonNode>>();
        for (string? next = url; next is not null;)
        {
            Assert.True(pages.Count < 50, "the next links do not end");
            var (status, bundle, _) = await _client.SendAsync(HttpMethod.Get, next);
            Assert.Equal(HttpStatusCode.OK, status);
            pages.Add(FhirHttp.Entries(bundle));
            next = FhirHttp.Link(bundle!, "next");
        }
        return pages;
    }

    private static DateTimeOffset Instant(JsonNode resource) => DateTimeOffset.Parse((string)resource["meta"]!["lastUpdated"]!, CultureInfo.InvariantCulture);

    private static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // The fullUrl names the resource also for a delete, which has no resource.
    private static string TypeOf(JsonNode entry) => ((string)entry["fullUrl"]!).Split('/')[^2];

    private static string IdOf(JsonNode entry) => ((string)entry["fullUrl"]!).Split('/')[^1];

    private static string? VersionOf(JsonNode entry) => ((string?)entry["response"]!["etag"])?.Replace("W/", "", StringComparison.Ordinal).Trim('"');
}
