using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Server.Tests.Search.Data;
using static OpenImis.Fhir.Server.Tests.Search.Data.SearchDataSet;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>token parameters (search.html#token): code, system|code, |code, system|; :not, :text, :of-type, :in and :not-in, :missing.</summary>
[Collection(SearchCollection.Name)]
public sealed class TokenSearchTests(SearchFixture fixture)
{
    private const string GenderValueSet = "https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/usage-context-gender-type"; // male, female
    private const string CoverageStatusValueSet = "https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/coverage-status"; // active, cancelled, draft
    private const string HfLevelValueSet = "https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/organization-hf-level"; // every code of HfLevels

    private readonly HttpClient _client = fixture.Client;

    private static IEnumerable<string> PatientsWhere(Func<TestPatient, bool> predicate) => Patients.Where(predicate).Select(p => p.Id);

    private static IEnumerable<string> PatientsWithIdentifier(Func<TestIdentifier, bool> predicate) => PatientsWhere(p => p.Identifier.Any(predicate));

    [Fact]
    public async Task Identifier_by_value_by_system_and_value_without_system_and_by_system_only()
    {
        await _client.ExpectAsync("Patient?identifier=100001", PatientsWithIdentifier(i => i.Value == "100001"));
        await _client.ExpectAsync("Patient?identifier=NID-1", PatientsWithIdentifier(i => i.Value == "NID-1"));
        await _client.ExpectAsync($"Patient?identifier={Escape(NationalIdSystem + "|NID-1")}", PatientsWithIdentifier(i => i.Value == "NID-1" && i.System == NationalIdSystem));
        await _client.ExpectAsync($"Patient?identifier={Escape(InsureeSystem + "|100002")}", PatientsWithIdentifier(i => i.Value == "100002" && i.System == InsureeSystem));
        await _client.ExpectAsync($"Patient?identifier={Escape("|100001")}", PatientsWithIdentifier(i => i.Value == "100001" && i.System is null));
        await _client.ExpectAsync($"Patient?identifier={Escape("|100002")}", []);
        await _client.ExpectAsync($"Patient?identifier={Escape(InsureeSystem + "|")}", PatientsWithIdentifier(i => i.System == InsureeSystem));
        await _client.ExpectAsync($"Patient?identifier={Escape("urn:ietf:rfc:3986|urn:uuid:0d9f3a52-7f0e-4a8b-9a43-6f1f0e3c5b21")}", ["p03"]);
        await _client.ExpectAsync("Patient?identifier=100001,100010,nope", PatientsWithIdentifier(i => i.Value is "100001" or "100010"));
        await _client.ExpectAsync("Patient?identifier:missing=true", PatientsWhere(p => p.Identifier.Count == 0));
        await _client.ExpectAsync("Claim?identifier=CLM-001", ["c01"]);
        await _client.ExpectAsync("Claim?identifier:missing=true", Claims.Where(c => c.Identifier.Count == 0).Select(c => c.Id));
    }

    [Fact]
    public async Task Of_type_matches_the_identifier_type_coding_and_value()
    {
        await _client.ExpectAsync($"Patient?identifier:of-type={Escape(V2IdentifierTypes + "|NI|NID-1")}",
            PatientsWithIdentifier(i => i.Type?.System == V2IdentifierTypes && i.Type.Code == "NI" && i.Value == "NID-1"));
        await _client.ExpectAsync($"Patient?identifier:of-type={Escape(OpenImisIdentifiers + "|Code|100001")}", ["p01"]);
        await _client.ExpectAsync($"Patient?identifier:of-type={Escape(OpenImisIdentifiers + "|UUID|100001")}", []);
        await _client.ExpectAsync($"Organization?identifier:of-type={Escape(OpenImisIdentifiers + "|Code|HF-003")}", []);
    }

    [Fact]
    public async Task Codes_and_booleans_without_system()
    {
        await _client.ExpectAsync("Patient?gender=female", PatientsWhere(p => p.Gender == "female"));
        await _client.ExpectAsync("Patient?gender=male,other", PatientsWhere(p => p.Gender is "male" or "other"));
        await _client.ExpectAsync("Patient?active=true", PatientsWhere(p => p.Active == true));
        await _client.ExpectAsync("Patient?active=false", PatientsWhere(p => p.Active == false));
        await _client.ExpectAsync("Claim?status=active", Claims.Where(c => c.Status == "active").Select(c => c.Id));
        await _client.ExpectAsync("Claim?use=preauthorization", Claims.Where(c => c.Use == "preauthorization").Select(c => c.Id));
        await _client.ExpectAsync($"Claim?priority={Escape("http://terminology.hl7.org/CodeSystem/processpriority|stat")}", ["c03"]);
        await _client.ExpectAsync("Claim?priority=normal", Claims.Where(c => c.Priority == "normal").Select(c => c.Id));
    }

    [Fact]
    public async Task Deceased_is_true_for_a_death_date_or_flag_and_false_otherwise()
    {
        // R4 Patient-deceased: Patient.deceased.exists() and Patient.deceased != false, a boolean for every patient.
        await _client.ExpectAsync("Patient?deceased=true", PatientsWhere(p => p.DeceasedDateTime is not null));
        await _client.ExpectAsync("Patient?deceased=false", PatientsWhere(p => p.DeceasedDateTime is null));
        await _client.ExpectAsync("Patient?death-date=2020-05-01", PatientsWhere(p => p.DeceasedDateTime is not null));
    }

    [Fact]
    public async Task Not_matches_resources_without_a_matching_value_including_those_without_the_element()
    {
        await _client.ExpectAsync("Patient?gender:not=male", PatientsWhere(p => p.Gender != "male"));
        await _client.ExpectAsync("Patient?active:not=true", PatientsWhere(p => p.Active != true));
        await _client.ExpectAsync("Claim?status:not=active", Claims.Where(c => c.Status != "active").Select(c => c.Id));
        await _client.ExpectAsync($"Organization?type:not={Escape(OrganizationTypes + "|prov")}",
            Organizations.Where(o => !o.Type.Any(t => t.System == OrganizationTypes && t.Code == "prov")).Select(o => o.Id));
    }

    [Fact]
    public async Task Missing_on_tokens()
    {
        await _client.ExpectAsync("Patient?gender:missing=true", PatientsWhere(p => p.Gender is null));
        await _client.ExpectAsync("Patient?active:missing=true", PatientsWhere(p => p.Active is null));
        await _client.ExpectAsync("Patient?email:missing=false", PatientsWhere(p => p.Email is not null));
        await _client.ExpectAsync("Organization?type:missing=true", Organizations.Where(o => o.Type.Count == 0 && o.TypeText is null).Select(o => o.Id));
    }

    [Fact]
    public async Task Contact_points_by_value_and_by_system_and_value()
    {
        await _client.ExpectAsync("Patient?phone=" + Escape("+255700000001"), ["p01"]);
        await _client.ExpectAsync("Patient?telecom=" + Escape("phone|+265888000014"), ["p14"]);
        await _client.ExpectAsync("Patient?telecom=" + Escape("email|"), PatientsWhere(p => p.Email is not null));
        await _client.ExpectAsync("Patient?email=maria@example.org", ["p02"]);
    }

    [Theory]
    [InlineData("hospital")]
    [InlineData("HÔPITAL")]
    [InlineData("health")]
    [InlineData("clin")]
    [InlineData("dispensary")]
    public async Task Text_matches_the_concept_text_or_a_coding_display(string searched)
    {
        var folded = searched.ToLowerInvariant().Replace("ô", "o", StringComparison.Ordinal);
        var expected = Organizations.Where(o =>
            o.TypeText?.Folded.StartsWith(folded, StringComparison.Ordinal) == true
            || o.Type.Any(t => t.Display?.ToLowerInvariant().StartsWith(folded, StringComparison.Ordinal) == true)).Select(o => o.Id);
        await _client.ExpectAsync($"Organization?type:text={Escape(searched)}", expected);
    }

    [Fact]
    public async Task Text_on_an_identifier_searches_its_type_text()
    {
        await _client.ExpectAsync("Patient?identifier:text=national", PatientsWithIdentifier(i => i.Type?.Display?.StartsWith("National", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task In_and_not_in_against_local_value_sets_including_codes_without_system()
    {
        await _client.ExpectAsync($"Patient?gender:in={Escape(GenderValueSet)}", PatientsWhere(p => p.Gender is "male" or "female"));
        await _client.ExpectAsync($"Patient?gender:not-in={Escape(GenderValueSet)}", PatientsWhere(p => p.Gender is not ("male" or "female")));
        await _client.ExpectAsync($"Coverage?status:in={Escape(CoverageStatusValueSet)}", Coverages.Where(c => c.Status is "active" or "cancelled" or "draft").Select(c => c.Id));
        await _client.ExpectAsync($"Organization?type:in={Escape(HfLevelValueSet)}", Organizations.Where(o => o.Type.Any(t => t.System == HfLevels)).Select(o => o.Id));
        await _client.ExpectAsync($"Organization?type:not-in={Escape(HfLevelValueSet)}", Organizations.Where(o => !o.Type.Any(t => t.System == HfLevels)).Select(o => o.Id));
    }

    [Fact]
    public async Task In_with_an_unknown_value_set_is_refused()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Patient?gender:in=http://example.org/ValueSet/none");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Text.Contains("ValueSet", StringComparison.Ordinal));
    }
}
