using Microsoft.Extensions.DependencyInjection;
using OpenImis.Fhir.Application.Search;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Storage.Search;
using static OpenImis.Fhir.Server.Tests.Search.Data.SearchDataSet;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// The in-memory <see cref="SearchMatcher"/> (for subscriptions and conditional checks) must select, among the data
/// set's resources, exactly what the database search returns, for every kind of criterion it evaluates.
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class MatcherConsistencyTests(SearchFixture fixture)
{
    private static readonly string[] Prefixes = ["", "eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap"];

    public static TheoryData<string> Queries()
    {
        var queries = new List<string>
        {
            "Patient?name=nun", "Patient?name=NÚÑ", "Patient?name=DŒ", "Patient?name=under_", "Patient?family=kam,zul", "Patient?family=kamau&given=ot",
            "Patient?family:exact=Doe", "Patient?name:exact=José", "Patient?name:contains=UNE", "Patient?name:contains=score%", "Patient?family=rivers\\, j",
            "Patient?address-city=JAMULA", "Patient?address=jam", "Patient?address:missing=true", "Patient?phonetic=nun", "Patient?phonetic:exact=José",
            "Patient?name:missing=true", "Patient?phonetic:missing=false", "Patient?given:missing=true", "Patient?birthdate:missing=true", "Patient?email:missing=false",
            "Patient?identifier=100001", "Patient?identifier=NID-1", $"Patient?identifier={NationalIdSystem}|NID-1", "Patient?identifier=|100001",
            $"Patient?identifier={InsureeSystem}|", "Patient?identifier:missing=true", $"Patient?identifier:of-type={V2IdentifierTypes}|NI|NID-1",
            "Patient?identifier:text=national", "Patient?gender=female", "Patient?gender:not=male", "Patient?gender:missing=true", "Patient?active=true",
            "Patient?active:not=true", "Patient?phone=+255700000001", "Patient?telecom=email|", "Patient?deceased=true", "Patient?deceased=false",
            "Patient?gender:in=https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/usage-context-gender-type",
            "Patient?gender:not-in=https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/usage-context-gender-type",
            "Patient?_id=p01,p02", $"Patient?_tag={TagSystem}|vip", "Patient?_tag:not=vip", "Patient?_tag:missing=true",
            "Patient?_security=http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R", $"Patient?_profile={ProfileA}",
            $"Patient?_profile:below=http://hl7.org/fhir/StructureDefinition/", $"Patient?_source={SourceRegistry}#a1", $"Patient?_source:below={SourceRegistry}",
            "Patient?_source:above=http://other.example.org/import/2024/batch_7", "Patient?_lastUpdated=gt2000", "Patient?_lastUpdated=lt2000",
            "Patient?organization=Organization/org-hosp-1", "Patient?organization:missing=true", "Patient?general-practitioner=org-hosp-1",
            "Patient?general-practitioner:Organization=org-clinic", "Patient?link=Patient/p05",
            "Organization?name=hôpital", "Organization?name:contains=health", "Organization?name:missing=true", "Organization?address=rap",
            "Organization?type:text=hospital", "Organization?type:text=health", $"Organization?type:not={OrganizationTypes}|prov",
            "Organization?type:in=https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/organization-hf-level",
            "Organization?type:not-in=https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/organization-hf-level",
            "Organization?type:missing=true", "Organization?partof=org-loop-a", "Organization?partof:missing=false",
            "Coverage?class-value=rx02", "Coverage?class-value:exact=RX02", "Coverage?payor=org-nhif", "Coverage?payor=Patient/p05",
            "Coverage?status:in=https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/coverage-status", "Coverage?policy-holder:missing=true",
            "Claim?patient=p01", "Claim?patient:Patient=p01", $"Claim?patient:identifier={InsureeSystem}|100002", "Claim?patient:identifier=100002",
            "Claim?patient=http://other.example.org/fhir/Patient/999", "Claim?status=active", "Claim?status:not=active", "Claim?use=preauthorization",
            "Claim?priority=http://terminology.hl7.org/CodeSystem/processpriority|stat", "Claim?identifier:missing=true",
            "Claim?provider=Organization/org-hosp-1,Organization/org-clinic", "Claim?created=ge2021-03-01T23:30:00+05:00&created=lt2021-03-02",
            "Invoice?date:missing=false", "Invoice?totalgross=120,1650", "ChargeItem?occurrence:missing=true", "ChargeItem?factor-override:missing=true",
        };
        foreach (var prefix in Prefixes)
        {
            foreach (var value in new[] { "1980", "1980-05", "1980-05-17", "1962-02-05T10:00:00Z" }) queries.Add($"Patient?birthdate={prefix}{value}");
            foreach (var value in new[] { "2021-03-01", "2021-03", "2021-03-01T23:30:00+05:00", "2021-03-01T23:59" }) queries.Add($"Claim?created={prefix}{value}");
            foreach (var value in new[] { "2021-03", "2021-03-15", "2021-02-28", "2021-04" }) queries.Add($"ChargeItem?occurrence={prefix}{value}");
            foreach (var value in new[] { "100", "1.0", "99.5" }) queries.Add($"ChargeItem?factor-override={prefix}{value}");
            foreach (var value in new[] { "2", "2||mg", "2||milligram", $"2|{Ucum}|mg", "1.5||mg" }) queries.Add($"ChargeItem?quantity={prefix}{value}");
            foreach (var value in new[] { "100", "100||EUR", "100|urn:iso:std:iso:4217|EUR", "1500" }) queries.Add($"Invoice?totalnet={prefix}{value}");
        }
        var data = new TheoryData<string>();
        foreach (var query in queries) data.Add(query);
        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_in_memory_matcher_selects_what_the_database_search_returns(string query)
    {
        var question = query.IndexOf('?', StringComparison.Ordinal);
        var type = query[..question];
        var parameters = query[(question + 1)..].Split('&').Select(p => (Name: p[..p.IndexOf('=', StringComparison.Ordinal)], Value: p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..])).ToList();
        var engine = fixture.Services.GetRequiredService<SearchEngine>();
        var matcher = new SearchMatcher(engine.Registry, engine.Environment);
        var criteria = parameters.Select(p => new SearchCriterion(p.Name, SearchParameters.SplitValues(p.Value))).ToList();
        var inMemory = fixture.Stored.Where(s => s.Key.Type == type)
            .Where(s => matcher.Matches(ElementNodeReader.Read(s.Value.ToJsonString(), FhirModel.R4), criteria, s.Key.Id, fixture.LastUpdated(type, s.Key.Id)))
            .Select(s => s.Key.Id);
        var database = await fixture.Client.AllMatchesAsync($"{type}?{string.Join('&', parameters.Select(p => $"{p.Name}={Escape(p.Value)}"))}");
        AssertSameIds(query, database, inMemory);
    }
}
