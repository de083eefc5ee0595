using OpenImis.Fhir.Server.Tests.Search.Data;
using static OpenImis.Fhir.Server.Tests.Search.Data.SearchDataSet;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>The parameters of every resource (search.html#all): _id, _tag, _security (tokens), _profile and _source (uri, with :below and :above).</summary>
[Collection(SearchCollection.Name)]
public sealed class ResourceParameterTests(SearchFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private static IEnumerable<string> PatientsWhere(Func<TestMeta, bool> predicate) => Patients.Where(p => predicate(p.MetaOrNone)).Select(p => p.Id);

    [Fact]
    public async Task Id_matches_any_of_the_listed_ids()
    {
        await _client.ExpectAsync("Patient?_id=p01,p02,nope", ["p01", "p02"]);
        await _client.ExpectAsync("Patient?_id=nope", []);
        await _client.ExpectAsync("Patient?_id=org-hq", []);
        await _client.ExpectAsync("Patient?_id=p01&_id=p02", []);
    }

    [Fact]
    public async Task Tag_and_security_are_tokens_on_meta()
    {
        await _client.ExpectAsync($"Patient?_tag={Escape(TagSystem + "|vip")}", PatientsWhere(m => m.Tags.Any(t => t.System == TagSystem && t.Code == "vip")));
        await _client.ExpectAsync("Patient?_tag=head", PatientsWhere(m => m.Tags.Any(t => t.Code == "head")));
        await _client.ExpectAsync("Patient?_tag:not=vip", PatientsWhere(m => !m.Tags.Any(t => t.Code == "vip")));
        await _client.ExpectAsync("Patient?_tag:missing=true", PatientsWhere(m => m.Tags.Count == 0));
        await _client.ExpectAsync($"Patient?_security={Escape("http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R")}", PatientsWhere(m => m.Security.Any(s => s.Code == "R")));
    }

    [Fact]
    public async Task Profile_and_source_are_uris_exact_below_and_above()
    {
        await _client.ExpectAsync($"Patient?_profile={Escape(ProfileA)}", PatientsWhere(m => m.Profiles.Contains(ProfileA)));
        await _client.ExpectAsync($"Patient?_profile:below={Escape("http://hl7.org/fhir/StructureDefinition/")}", PatientsWhere(m => m.Profiles.Any(p => p.StartsWith("http://hl7.org/fhir/StructureDefinition/", StringComparison.Ordinal))));
        await _client.ExpectAsync($"Patient?_profile={Escape("http://hl7.org/fhir/StructureDefinition/")}", []);
        await _client.ExpectAsync($"Patient?_source={Escape(SourceRegistry + "#a1")}", PatientsWhere(m => m.Source == SourceRegistry + "#a1"));
        await _client.ExpectAsync($"Patient?_source:below={Escape(SourceRegistry)}", PatientsWhere(m => m.Source?.StartsWith(SourceRegistry, StringComparison.Ordinal) == true));
        await _client.ExpectAsync($"Patient?_source:above={Escape("http://other.example.org/import/2024/batch_7")}",
            PatientsWhere(m => m.Source is { } s && "http://other.example.org/import/2024/batch_7".StartsWith(s, StringComparison.Ordinal)));
        await _client.ExpectAsync($"Patient?_source:below={Escape("http://openimis.example.org/source/r_gistry")}", []);
    }
}
