using OpenImis.Fhir.Server.Tests.Search.Data;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>string parameters (search.html#string): starts with, case and accents ignored; :exact; :contains; OR and AND; :missing.</summary>
[Collection(SearchCollection.Name)]
public sealed class StringSearchTests(SearchFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private static IReadOnlyList<TestPatient> Patients => SearchDataSet.Patients;

    private static IEnumerable<string> PatientsWhere(Func<TestPatient, bool> predicate) => Patients.Where(predicate).Select(p => p.Id);

    [Theory]
    [InlineData("nun", "nun")]
    [InlineData("NÚÑ", "nun")]
    [InlineData("Nunez", "nunez")]
    [InlineData("nunez-", "nunez-")]
    [InlineData("DŒ", "doe")]
    [InlineData("jos", "jos")]
    [InlineData("ÉLO", "elo")]
    [InlineData("lukasz", "lukasz")]
    [InlineData("Łuk", "luk")]
    [InlineData("o'b", "o'b")]
    [InlineData("under_", "under_")]
    [InlineData("under%", "under%")]
    [InlineData("p", "p")]
    [InlineData("zzz", "zzz")]
    public async Task Name_matches_any_part_that_starts_with_the_value_ignoring_case_and_accents(string searched, string folded)
    {
        var expected = PatientsWhere(p => p.NameParts.Any(n => n.Folded.StartsWith(folded, StringComparison.Ordinal))).ToList();
        await _client.ExpectAsync($"Patient?name={Escape(searched)}", expected);
    }

    [Fact]
    public async Task Family_and_given_search_their_own_parts_only()
    {
        await _client.ExpectAsync("Patient?family=pe", PatientsWhere(p => p.Family!.Folded.StartsWith("pe", StringComparison.Ordinal)));
        await _client.ExpectAsync("Patient?given=pa", ["p17"]);
        await _client.ExpectAsync("Patient?given=pe", ["p17"]);
        await _client.ExpectAsync("Patient?family=jose", []);
    }

    [Theory]
    [InlineData("family", "Doe")]
    [InlineData("family", "doe")]
    [InlineData("family", "Dœ")]
    [InlineData("family", "Nunez")]
    [InlineData("family", "Ñúñez")]
    [InlineData("family", "nunez")]
    [InlineData("name", "José")]
    [InlineData("name", "Jose")]
    [InlineData("given", "Zoë")]
    public async Task Exact_matches_the_whole_string_with_its_case_and_accents(string parameter, string searched)
    {
        var expected = PatientsWhere(p => (parameter == "given" ? p.Given : parameter == "family" ? [p.Family!] : p.NameParts).Any(n => n.Exact == searched));
        await _client.ExpectAsync($"Patient?{parameter}:exact={Escape(searched)}", expected);
    }

    [Theory]
    [InlineData("UNE", "une")]
    [InlineData("ez", "ez")]
    [InlineData("score%", "score%")]
    [InlineData("_", "_")]
    [InlineData("ÜLL", "ull")]
    [InlineData("\\, j", ", j")]
    public async Task Contains_matches_anywhere_in_a_part(string searched, string folded)
    {
        // searched is written as in the URL: "\," is a comma inside the value.
        await _client.ExpectAsync($"Patient?name:contains={Escape(searched)}", PatientsWhere(p => p.NameParts.Any(n => n.Folded.Contains(folded, StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Comma_separated_values_are_ored_repeated_parameters_anded_and_an_escaped_comma_is_part_of_the_value()
    {
        await _client.ExpectAsync("Patient?family=kam,zul,zzz", ["p11", "p12", "p18"]);
        await _client.ExpectAsync("Patient?family=kamau&given=ot", ["p12"]);
        await _client.ExpectAsync("Patient?name=kamau&name=wan", ["p11"]);
        await _client.ExpectAsync("Patient?family=" + Escape("rivers\\, j"), ["p21"]);
    }

    [Fact]
    public async Task Address_city_and_other_types_strings()
    {
        await _client.ExpectAsync("Patient?address-city=JAMULA", PatientsWhere(p => p.City?.Folded == "jamula"));
        await _client.ExpectAsync("Organization?address-city=" + Escape("saint-ém"), ["org-dispensaire"]);
        await _client.ExpectAsync("Organization?address=rap", ["org-hosp-2", "org-clinic"]);
        await _client.ExpectAsync("Organization?name=" + Escape("hôpital"), ["org-hosp-1"]);
        await _client.ExpectAsync("Organization?name=" + Escape("ñandu"), ["org-loop-a"]);
        await _client.ExpectAsync("Organization?name:contains=health",
            SearchDataSet.Organizations.Where(o => o.Name?.Folded.Contains("health", StringComparison.Ordinal) == true).Select(o => o.Id));
        await _client.ExpectAsync("Coverage?class-value=rx02", SearchDataSet.Coverages.Where(c => c.ClassValue.Folded.StartsWith("rx02", StringComparison.Ordinal)).Select(c => c.Id));
        await _client.ExpectAsync("Coverage?class-value:exact=RX02", SearchDataSet.Coverages.Where(c => c.ClassValue.Exact == "RX02").Select(c => c.Id));
    }

    [Fact]
    public async Task Missing_true_finds_resources_without_the_element_and_false_those_with_it()
    {
        await _client.ExpectAsync("Organization?name:missing=true", SearchDataSet.Organizations.Where(o => o.Name is null).Select(o => o.Id));
        await _client.ExpectAsync("Organization?name:missing=false", SearchDataSet.Organizations.Where(o => o.Name is not null).Select(o => o.Id));
        await _client.ExpectAsync("Organization?address-city:missing=true", SearchDataSet.Organizations.Where(o => o.City is null).Select(o => o.Id));
        await _client.ExpectAsync("Patient?given:missing=false", Patients.Select(p => p.Id));
    }
}
