using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// What fuzzing found in searches (round 4): repeated criteria are one criterion, more than
/// <see cref="SearchConditionBuilder.MaxCriteria"/> distinct ones are 400 too-costly (they ran into the command
/// timeout and held a search connection), and the R4 parameters without an expression (<c>_content</c>,
/// <c>_text</c>, <c>_query</c>) are unsupported, not silently matching nothing.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SearchCostAndSupportTests(ServerFixture server)
{
    private const string Tags = "urn:test:search-cost";
    private readonly HttpClient _client = server.Client;

    private async Task<string> TaggedBasicAsync(string tag)
    {
        var basic = Basics.New();
        basic["meta"] = new JsonObject { ["tag"] = new JsonArray(new JsonObject { ["system"] = Tags, ["code"] = tag }) };
        return (string)(await _client.CreateAsync(basic))["id"]!;
    }

    [Theory]
    [InlineData("Basic?{0}")]
    [InlineData("{1}?{0}")] // every type: the worst case found, 80 repeats ran 30 s into a 503
    [InlineData("Basic?{0}&_total=accurate")]
    public async Task A_criterion_repeated_many_times_is_answered_as_the_criterion_once(string format)
    {
        var tag = Basics.NewCode();
        var id = await TaggedBasicAsync(tag);
        var repeated = string.Join('&', Enumerable.Repeat($"_tag={Uri.EscapeDataString($"{Tags}|{tag}")}", 80));

        var watch = Stopwatch.StartNew();
        var bundle = await _client.SearchAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, repeated, server.FhirBase));

        Assert.Equal([id], SearchHttp.Ids(bundle));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed}");
    }

    [Fact]
    public async Task More_distinct_criteria_than_the_limit_are_400_too_costly_and_up_to_it_are_searched()
    {
        var tag = Basics.NewCode();
        var id = await TaggedBasicAsync(tag);
        string Query(int criteria) => string.Join('&', Enumerable.Range(0, criteria)
            .Select(i => i == 0 ? $"_tag={Uri.EscapeDataString($"{Tags}|{tag}")}" : $"_tag:not={Uri.EscapeDataString($"{Tags}|other-{i}")}"));

        Assert.Equal([id], SearchHttp.Ids(await _client.SearchAsync($"Basic?{Query(SearchConditionBuilder.MaxCriteria)}")));

        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic?{Query(SearchConditionBuilder.MaxCriteria + 1)}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var issue = Assert.Single(FhirHttp.Issues(outcome));
        Assert.Equal("too-costly", issue.Code);
        Assert.Contains($"at most {SearchConditionBuilder.MaxCriteria}", issue.Text, StringComparison.Ordinal);

        // Conditional criteria take the same limit, and the same collapsing of repeats.
        (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(), ("If-None-Exist", Query(SearchConditionBuilder.MaxCriteria + 1)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("too-costly", Assert.Single(FhirHttp.Issues(outcome)).Code);
        (status, var found, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(),
            ("If-None-Exist", string.Join('&', Enumerable.Repeat($"_tag={Uri.EscapeDataString($"{Tags}|{tag}")}", 200))));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, (string?)found!["id"]);
    }

    [Theory]
    [InlineData("_content=test")]
    [InlineData("_text=test")]
    [InlineData("_query=anything")]
    public async Task Parameters_without_an_expression_are_unsupported_not_matching_nothing(string criterion)
    {
        var (strict, outcome, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic?{criterion}", null, ("Prefer", "handling=strict"));
        Assert.Equal(HttpStatusCode.BadRequest, strict);
        Assert.Contains("Unknown or unsupported search parameter", Assert.Single(FhirHttp.Issues(outcome)).Text, StringComparison.Ordinal);

        var (conditional, refusal, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(), ("If-None-Exist", criterion));
        Assert.Equal(HttpStatusCode.BadRequest, conditional);
        Assert.Contains("unknown or unsupported search parameter", Assert.Single(FhirHttp.Issues(refusal)).Text, StringComparison.Ordinal);

        var (_, metadata, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata");
        var name = criterion[..criterion.IndexOf('=', StringComparison.Ordinal)];
        var rest = metadata!["rest"]![0]!;
        Assert.DoesNotContain(name, rest["searchParam"]!.AsArray().Select(p => (string)p!["name"]!));
        var basic = rest["resource"]!.AsArray().Single(r => (string?)r!["type"] == "Basic")!;
        Assert.DoesNotContain(name, basic["searchParam"]!.AsArray().Select(p => (string)p!["name"]!));
    }
}
