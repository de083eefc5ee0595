using System.Net;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Search.Data.SearchDataSet;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// _include and _revinclude (search.html#include), with :iterate over chains and loops of references (organizations
/// part of each other, patients linked to each other), target types, '*', and search.mode match/include.
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class IncludeTests(SearchFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private async Task ExpectAsync(string query, string[] matches, string[] included)
    {
        var bundle = await _client.SearchAsync(query + "&_count=10");
        AssertSameIds(query + " (matches)", matches, Keys(bundle, "match"));
        AssertSameIds(query + " (included)", included, Keys(bundle, "include"));
        var all = Keys(bundle, "match").Concat(Keys(bundle, "include")).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        foreach (var entry in bundle["entry"]!.AsArray())
        {
            Assert.Equal($"{fixture.FhirBase}/{entry!["resource"]!["resourceType"]}/{entry["resource"]!["id"]}", (string?)entry["fullUrl"]);
        }
    }

    [Fact]
    public async Task Include_adds_the_referenced_resources_of_the_matches()
    {
        await ExpectAsync("Claim?_id=c01,c03&_include=Claim:patient", ["Claim/c01", "Claim/c03"], ["Patient/p01", "Patient/p03"]);
        await ExpectAsync("Claim?patient=p01&_include=Claim:patient", ["Claim/c01", "Claim/c05"], ["Patient/p01"]);
        await ExpectAsync("Claim?_id=c01&_include=Claim:*", ["Claim/c01"], ["Patient/p01", "Organization/org-hosp-1"]);
        await ExpectAsync("Claim?_id=c01&_include=Claim:provider:Organization&_include=Claim:patient:Patient", ["Claim/c01"], ["Organization/org-hosp-1", "Patient/p01"]);
        await ExpectAsync("Claim?_id=c01&_include=Claim:patient:Organization", ["Claim/c01"], []);
        // By identifier and to another server: nothing on this server to include.
        await ExpectAsync("Claim?_id=c07,c08&_include=Claim:patient", ["Claim/c07", "Claim/c08"], []);
        await ExpectAsync("Coverage?_id=cov-5&_include=Coverage:payor", ["Coverage/cov-5"], ["Organization/org-nhif", "Organization/org-hq"]);
    }

    [Fact]
    public async Task A_resource_both_matched_and_included_appears_once_as_a_match()
    {
        await ExpectAsync("Organization?_id=org-loop-a,org-loop-b&_include=Organization:partof", ["Organization/org-loop-a", "Organization/org-loop-b"], []);
        await ExpectAsync("Patient?_id=p05,p06&_include=Patient:link", ["Patient/p05", "Patient/p06"], []);
    }

    [Fact]
    public async Task Include_without_iterate_goes_one_step_and_with_iterate_follows_the_chain()
    {
        await ExpectAsync("Organization?_id=org-dispensaire&_include=Organization:partof", ["Organization/org-dispensaire"], ["Organization/org-clinic"]);
        await ExpectAsync("Organization?_id=org-dispensaire&_include:iterate=Organization:partof", ["Organization/org-dispensaire"],
            ["Organization/org-clinic", "Organization/org-hosp-2", "Organization/org-district"]);
    }

    [Fact]
    public async Task Iterate_stops_at_a_loop()
    {
        await ExpectAsync("Organization?_id=org-loop-a&_include:iterate=Organization:partof", ["Organization/org-loop-a"], ["Organization/org-loop-b"]);
        await ExpectAsync("Patient?_id=p05&_include:iterate=Patient:link", ["Patient/p05"], ["Patient/p06"]);
        await ExpectAsync("Patient?_id=p13&_include=Patient:organization&_include:iterate=Organization:partof", ["Patient/p13"], ["Organization/org-loop-a", "Organization/org-loop-b"]);
    }

    [Fact]
    public async Task Iterate_applies_to_included_resources_of_another_type()
    {
        await ExpectAsync("Claim?_id=c01&_include=Claim:patient&_include:iterate=Patient:organization", ["Claim/c01"], ["Patient/p01", "Organization/org-hosp-1"]);
        await ExpectAsync("Claim?_id=c01&_include=Claim:patient&_include=Patient:organization", ["Claim/c01"], ["Patient/p01"]);
    }

    [Fact]
    public async Task Revinclude_adds_the_resources_that_refer_to_the_matches()
    {
        await ExpectAsync("Patient?_id=p01&_revinclude=Claim:patient", ["Patient/p01"], ["Claim/c01", "Claim/c05"]);
        await ExpectAsync("Patient?_id=p01&_revinclude=Claim:patient&_revinclude=Coverage:beneficiary", ["Patient/p01"], ["Claim/c01", "Claim/c05", "Coverage/cov-1"]);
        await ExpectAsync("Organization?_id=org-district&_revinclude=Organization:partof", ["Organization/org-district"], ["Organization/org-hosp-2"]);
        await ExpectAsync("Organization?_id=org-district&_revinclude:iterate=Organization:partof", ["Organization/org-district"],
            ["Organization/org-hosp-2", "Organization/org-clinic", "Organization/org-dispensaire"]);
        await ExpectAsync("Patient?_id=p07&_revinclude=Claim:patient", ["Patient/p07"], []);
    }

    [Fact]
    public async Task Includes_are_per_page()
    {
        var first = await _client.SearchAsync("Claim?_id=c01,c02,c03&_sort=_id&_count=1&_include=Claim:patient");
        Assert.Equal(["Claim/c01"], Keys(first, "match"));
        Assert.Equal(["Patient/p01"], Keys(first, "include"));
        var second = await _client.SearchAsync(Link(first, "next")!);
        Assert.Equal(["Claim/c02"], Keys(second, "match"));
        Assert.Equal(["Patient/p02"], Keys(second, "include"));
    }

    [Theory]
    [InlineData("Claim?_include=Claim:nonsense")]
    [InlineData("Claim?_include=Nothing:patient")]
    [InlineData("Claim?_include=Claim:status")]
    [InlineData("Claim?_include=patient")]
    [InlineData("Patient?_revinclude=Claim:patient:Nothing")]
    public async Task Malformed_includes_are_refused(string query)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/" + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(FhirHttp.Issues(body));
    }
}
