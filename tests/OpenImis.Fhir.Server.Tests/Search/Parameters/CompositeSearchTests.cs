using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenImis.Fhir.Application.Search;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Server.Tests.Search;
using OpenImis.Fhir.Storage.Search;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search.Parameters;

/// <summary>
/// Composite parameters (search.html#composite): both parts must hold on one element instance. The expected ids are
/// read off <see cref="SearchParameterData"/> and the IG example GeneralConsultationService (useContext venue AMB,
/// gender male and female, age adult and child, all CodeableConcepts).
/// </summary>
[Collection(SearchParameterCollection.Name)]
public sealed class CompositeSearchTests(SearchParameterFixture fixture)
{
    public static TheoryData<string, string[]> Cases() => new()
    {
        { "Group?characteristic-value=gender$female", ["g-female-30"] },
        { "Group?characteristic-value=gender$male", ["g-split"] },
        { "Group?characteristic-value=region$female", ["g-split"] },
        { "Group?characteristic-value=gender$true", ["g-flag"] },
        { "Group?characteristic-value=female$female", [] },
        { "Group?characteristic-value=gender$female,gender$true", ["g-female-30", "g-flag"] },
        { "Group?characteristic-value=age$30", [] }, // a Quantity is no token: the age instances have no value part
        { "Group?characteristic-value:missing=true", ["doe-family"] },
        { "ActivityDefinition?context-type-quantity=age$gt10", ["ad-adult"] },
        { "ActivityDefinition?context-type-quantity=age$le18", ["ad-adult", "ad-child"] },
        { "ActivityDefinition?context-type-quantity=age$lt18", ["ad-child"] },
        { "ActivityDefinition?context-type-quantity=age$18", ["ad-adult"] },
        { "ActivityDefinition?context-type-quantity=age$40", [] },
        { "ActivityDefinition?context-type-quantity=venue$ge40", ["ad-trap"] },
        { $"ActivityDefinition?context-type-quantity={SearchParameterData.ContextTypes}|age$18|{SearchParameterData.Ucum}|a", ["ad-adult"] },
        { "ActivityDefinition?context-type-quantity=age$18||kg", [] },
        { "ActivityDefinition?context-type-quantity=http://other.example.org|age$18", [] },
        { "ActivityDefinition?context-type-value=gender$male", ["ad-adult", "GeneralConsultationService"] },
        { "ActivityDefinition?context-type-value=age$child", ["ad-trap", "GeneralConsultationService"] },
        { "ActivityDefinition?context-type-value=venue$AMB", ["GeneralConsultationService"] },
        { "ActivityDefinition?context-type-value=gender$male&context-type-quantity=age$gt10", ["ad-adult"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Composite_search_matches_both_parts_on_one_element_instance(string query, string[] expected)
    {
        var question = query.IndexOf('?', StringComparison.Ordinal);
        var escaped = query[..question] + "?" + string.Join('&', query[(question + 1)..].Split('&').Select(p => p[..p.IndexOf('=', StringComparison.Ordinal)] + "=" + Escape(p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..])));
        await fixture.Client.ExpectAsync(escaped, expected);
    }

    public static TheoryData<string> Queries()
    {
        var queries = new TheoryData<string>();
        foreach (var row in Cases()) queries.Add((string)row[0]);
        return queries;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_in_memory_matcher_agrees_with_the_database_on_composites(string query)
    {
        var question = query.IndexOf('?', StringComparison.Ordinal);
        var type = query[..question];
        var parameters = query[(question + 1)..].Split('&').Select(p => (Name: p[..p.IndexOf('=', StringComparison.Ordinal)], Value: p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToList();
        var engine = fixture.Services.GetRequiredService<SearchEngine>();
        var matcher = new SearchMatcher(engine.Registry, engine.Environment);
        var criteria = parameters.Select(p => new SearchCriterion(p.Name, SearchParameters.SplitValues(p.Value))).ToList();
        var all = await fixture.Client.AllMatchesAsync(type + "?_count=10");
        var inMemory = new List<string>();
        foreach (var id in all)
        {
            var (_, body, _) = await fixture.Client.SendAsync(HttpMethod.Get, $"fhir/{type}/{id}");
            if (matcher.Matches(ElementNodeReader.Read(body!.ToJsonString(), FhirModel.R4), criteria, id)) inMemory.Add(id);
        }
        var database = await fixture.Client.AllMatchesAsync($"{type}?{string.Join('&', parameters.Select(p => $"{p.Name}={Escape(p.Value)}"))}");
        AssertSameIds(query, database, inMemory);
    }

    [Theory]
    [InlineData("Group?characteristic-value=gender", "characteristic-value")]
    [InlineData("Group?characteristic-value=gender$female$x", "characteristic-value")]
    [InlineData("Group?characteristic-value=$female", "characteristic-value")]
    [InlineData("Group?characteristic-value:exact=gender$female", "characteristic-value")]
    [InlineData("ActivityDefinition?context-type-quantity=age$abc", "context-type-quantity")]
    [InlineData("Group?_sort=characteristic-value", "characteristic-value")]
    public async Task A_malformed_composite_search_is_refused_with_the_parameter_named(string query, string parameter)
    {
        var (status, body, _) = await fixture.Client.SendAsync(HttpMethod.Get, "fhir/" + query.Replace("$", "%24", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("OperationOutcome", (string?)body!["resourceType"]);
        Assert.Contains(parameter, body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_escaped_dollar_is_part_of_the_value()
    {
        // 'gender\$female' is one part; the composite needs two, so it is refused rather than split there.
        var (status, _, _) = await fixture.Client.SendAsync(HttpMethod.Get, "fhir/Group?characteristic-value=" + Escape("gender\\$female"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Composites_are_listed_in_the_capability_statement()
    {
        var (_, body, _) = await fixture.Client.SendAsync(HttpMethod.Get, "fhir/metadata");
        var group = body!["rest"]![0]!["resource"]!.AsArray().First(r => (string?)r!["type"] == "Group")!;
        var parameter = group["searchParam"]!.AsArray().First(p => (string?)p!["name"] == "characteristic-value")!;
        Assert.Equal("composite", (string?)parameter["type"]);
        Assert.Equal("http://hl7.org/fhir/SearchParameter/Group-characteristic-value", (string?)parameter["definition"]);
    }
}
