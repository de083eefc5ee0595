using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>Runs searches over HTTP and compares what they match with the ids the test expects.</summary>
public static class SearchHttp
{
    /// <summary>GET <c>fhir/{query}</c>; the answer must be a searchset Bundle.</summary>
    public static async Task<JsonNode> SearchAsync(this HttpClient client, string query, params (string Name, string Value)[] headers)
    {
        var (status, body, _) = await client.SendAsync(HttpMethod.Get, query.StartsWith("http", StringComparison.Ordinal) ? query : "fhir/" + query, null, headers);
        Assert.True(status == HttpStatusCode.OK, $"{query}: {(int)status} {body}");
        Assert.Equal("searchset", (string?)body!["type"]);
        return body;
    }

    /// <summary>The ids of the entries of one mode (match, include, outcome), in order.</summary>
    public static List<string> Ids(JsonNode bundle, string mode = "match") =>
        (bundle["entry"]?.AsArray() ?? []).Where(e => (string?)e!["search"]?["mode"] == mode).Select(e => (string)e!["resource"]!["id"]!).ToList();

    /// <summary>The type/id of the entries of one mode.</summary>
    public static List<string> Keys(JsonNode bundle, string mode) =>
        (bundle["entry"]?.AsArray() ?? []).Where(e => (string?)e!["search"]?["mode"] == mode).Select(e => $"{e!["resource"]!["resourceType"]}/{e["resource"]!["id"]}").ToList();

    public static string? Link(JsonNode bundle, string relation) =>
        (string?)bundle["link"]?.AsArray().FirstOrDefault(l => (string?)l!["relation"] == relation)?["url"];

    /// <summary>Every match of a search, following next links to the end; no match may come twice.</summary>
    public static async Task<List<string>> AllMatchesAsync(this HttpClient client, string query)
    {
        var ids = new List<string>();
        string? next = query;
        for (var page = 0; next is not null; page++)
        {
            Assert.True(page < 100, $"{query}: more than 100 pages");
            var bundle = await client.SearchAsync(next);
            ids.AddRange(Ids(bundle));
            next = Link(bundle, "next");
        }
        Assert.True(ids.Count == ids.Distinct().Count(), $"{query}: a match came twice: {string.Join(", ", ids)}");
        return ids;
    }

    /// <summary>
    /// Every match of a search of several types as Type/id, in order, following next links to the end (calling
    /// <paramref name="betweenPages"/> with the page number before each next one); none may come twice.
    /// </summary>
    public static async Task<List<string>> AllKeysAsync(this HttpClient client, string query, Func<int, Task>? betweenPages = null)
    {
        var keys = new List<string>();
        string? next = query;
        for (var page = 0; next is not null; page++)
        {
            Assert.True(page < 50, $"{query}: more than 50 pages");
            var bundle = await client.SearchAsync(next);
            keys.AddRange(Keys(bundle, "match"));
            next = Link(bundle, "next");
            if (betweenPages is not null && next is not null) await betweenPages(page);
        }
        Assert.True(keys.Count == keys.Distinct().Count(), $"{query}: a match came twice: {string.Join(", ", keys)}");
        return keys;
    }

    /// <summary>Asserts that the search matches exactly <paramref name="expected"/> (in any order).</summary>
    public static async Task ExpectAsync(this HttpClient client, string query, IEnumerable<string> expected)
    {
        var actual = await client.AllMatchesAsync(query);
        AssertSameIds(query, expected, actual);
    }

    public static void AssertSameIds(string what, IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var want = expected.Order(StringComparer.Ordinal).ToList();
        var got = actual.Order(StringComparer.Ordinal).ToList();
        if (want.SequenceEqual(got)) return;
        Assert.Fail($"{what}\n  expected: {string.Join(", ", want)}\n  actual:   {string.Join(", ", got)}\n  missing:  {string.Join(", ", want.Except(got))}\n  extra:    {string.Join(", ", got.Except(want))}");
    }

    /// <summary>A query string value with its reserved characters escaped (a '+' of a zone would otherwise arrive as a space).</summary>
    public static string Escape(string value) => Uri.EscapeDataString(value);
}
