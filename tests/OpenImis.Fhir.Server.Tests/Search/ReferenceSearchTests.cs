using Microsoft.Extensions.DependencyInjection;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Server.Tests.Search.Data;
using OpenImis.Fhir.Storage.Search;
using static OpenImis.Fhir.Server.Tests.Search.Data.SearchDataSet;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// reference parameters (search.html#reference): Type/id, a bare id (one target type, or any type), :Type,
/// :identifier, absolute URLs (another server's, and this server's own base), :missing; chains
/// (<c>patient.name</c>, <c>patient:Patient.birthdate</c>, two links deep) and reverse chains (<c>_has</c>, nested).
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class ReferenceSearchTests(SearchFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private static IEnumerable<string> ClaimsOf(Func<TestPatient, bool> patient) =>
        Claims.Where(c => c.Patient.Type == "Patient" && patient(Patients.Single(p => p.Id == c.Patient.Id))).Select(c => c.Id);

    private static TestOrganization Organization(string id) => Organizations.Single(o => o.Id == id);

    [Fact]
    public async Task Type_and_id_a_bare_id_and_the_type_modifier()
    {
        await _client.ExpectAsync("Claim?patient=Patient/p01", Claims.Where(c => c.Patient.Literal == "Patient/p01").Select(c => c.Id));
        await _client.ExpectAsync("Claim?patient=p01", Claims.Where(c => c.Patient.Literal == "Patient/p01").Select(c => c.Id));
        await _client.ExpectAsync("Claim?patient:Patient=p01", Claims.Where(c => c.Patient.Literal == "Patient/p01").Select(c => c.Id));
        await _client.ExpectAsync("Claim?provider=Organization/org-hosp-1,Organization/org-clinic", Claims.Where(c => c.Provider is "org-hosp-1" or "org-clinic").Select(c => c.Id));
        // general-practitioner targets Organization, Practitioner and PractitionerRole: a bare id matches any of them.
        await _client.ExpectAsync("Patient?general-practitioner=org-hosp-1", Patients.Where(p => p.GeneralPractitioner.Contains("Organization/org-hosp-1")).Select(p => p.Id));
        await _client.ExpectAsync("Patient?general-practitioner:Organization=org-clinic", Patients.Where(p => p.GeneralPractitioner.Contains("Organization/org-clinic")).Select(p => p.Id));
        await _client.ExpectAsync("Patient?general-practitioner:Practitioner=org-clinic", []);
        await _client.ExpectAsync("Coverage?payor=org-nhif", Coverages.Where(c => c.Payors.Contains("Organization/org-nhif")).Select(c => c.Id));
        await _client.ExpectAsync("Coverage?payor=Patient/p05", Coverages.Where(c => c.Payors.Contains("Patient/p05")).Select(c => c.Id));
        await _client.ExpectAsync("Coverage?policy-holder=Organization/org-ph", Coverages.Where(c => c.PolicyHolder == "Organization/org-ph").Select(c => c.Id));
        await _client.ExpectAsync("Patient?link=Patient/p05", Patients.Where(p => p.Link == "p05").Select(p => p.Id));
        await _client.ExpectAsync("Organization?partof=org-loop-a", Organizations.Where(o => o.PartOf == "org-loop-a").Select(o => o.Id));
    }

    [Fact]
    public async Task Identifier_modifier_matches_references_given_by_identifier()
    {
        await _client.ExpectAsync($"Claim?patient:identifier={Escape(InsureeSystem + "|100002")}", Claims.Where(c => c.Patient.Identifier is { System: InsureeSystem, Value: "100002" }).Select(c => c.Id));
        await _client.ExpectAsync("Claim?patient:identifier=100002", Claims.Where(c => c.Patient.Identifier?.Value == "100002").Select(c => c.Id));
        await _client.ExpectAsync($"Claim?patient:identifier={Escape("urn:other|100002")}", []);
        // A literal reference to a patient that has the identifier is not a reference by identifier.
        await _client.ExpectAsync("Claim?patient:identifier=100001", []);
    }

    [Fact]
    public async Task Absolute_urls_of_another_server_and_of_this_one()
    {
        await _client.ExpectAsync("Claim?patient=" + Escape("http://other.example.org/fhir/Patient/999"), ["c08"]);
        await _client.ExpectAsync("Claim?patient=" + Escape("http://other.example.org/fhir/Patient/1"), []);
        // search.html#reference: a URL on this server's base is the same reference as Type/id.
        await _client.ExpectAsync("Claim?patient=" + Escape(fixture.FhirBase + "/Patient/p01"), Claims.Where(c => c.Patient.Literal == "Patient/p01").Select(c => c.Id));
    }

    [Fact]
    public async Task Missing_references()
    {
        await _client.ExpectAsync("Patient?organization:missing=true", Patients.Where(p => p.Organization is null).Select(p => p.Id));
        await _client.ExpectAsync("Organization?partof:missing=false", Organizations.Where(o => o.PartOf is not null).Select(o => o.Id));
        await _client.ExpectAsync("Coverage?policy-holder:missing=true", Coverages.Where(c => c.PolicyHolder is null).Select(c => c.Id));
    }

    [Fact]
    public async Task Chains_follow_references_to_resources_on_this_server()
    {
        await _client.ExpectAsync("Claim?patient.name=nunez", ClaimsOf(p => p.NameParts.Any(n => n.Folded.StartsWith("nunez", StringComparison.Ordinal))));
        await _client.ExpectAsync("Claim?patient:Patient.family=" + Escape("MÜL"), ClaimsOf(p => p.Family!.Folded.StartsWith("mul", StringComparison.Ordinal)));
        await _client.ExpectAsync("Claim?patient:Patient.birthdate=1980",
            ClaimsOf(p => p.BirthDate is { } b && Spec.SpecDates.Matches("eq", Spec.SpecDates.Range(b), Spec.SpecDates.Range("1980"))));
        await _client.ExpectAsync("Claim?patient.gender=female,other", ClaimsOf(p => p.Gender is "female" or "other"));
        await _client.ExpectAsync("Coverage?beneficiary.identifier=100004", ["cov-3"]);
        // Several target types: Organization has the parameter, PractitionerRole has not and is skipped.
        await _client.ExpectAsync("Patient?general-practitioner.name=rapta",
            Patients.Where(p => p.GeneralPractitioner.Any(g => Organization(g.Split('/')[1]).Name?.Folded.StartsWith("rapta", StringComparison.Ordinal) == true)).Select(p => p.Id));
    }

    [Fact]
    public async Task Chains_two_and_three_links_deep()
    {
        await _client.ExpectAsync("Claim?provider.partof.name=rapta",
            Claims.Where(c => Organization(c.Provider).PartOf is { } parent && Organization(parent).Name?.Folded.StartsWith("rapta", StringComparison.Ordinal) == true).Select(c => c.Id));
        await _client.ExpectAsync("Claim?patient.organization.partof=Organization/org-hq",
            ClaimsOf(p => p.Organization is { } o && Organization(o).PartOf == "org-hq"));
        await _client.ExpectAsync("Claim?provider.partof.partof.name=jimara",
            Claims.Where(c => Organization(c.Provider).PartOf is { } p1 && Organization(p1).PartOf is { } p2 && Organization(p2).Name!.Folded.StartsWith("jimara", StringComparison.Ordinal)).Select(c => c.Id));
        // A loop of partOf references does not trap the chain.
        await _client.ExpectAsync("Organization?partof.partof.name=" + Escape("ñandú"), ["org-loop-a"]);
    }

    [Fact]
    public async Task Has_finds_resources_that_others_refer_to_with_a_matching_criterion()
    {
        await _client.ExpectAsync("Patient?_has:Claim:patient:status=cancelled", ClaimTargets(c => c.Status == "cancelled"));
        await _client.ExpectAsync("Patient?_has:Claim:patient:status=active", ClaimTargets(c => c.Status == "active"));
        await _client.ExpectAsync("Organization?_has:Claim:provider:status=draft", Claims.Where(c => c.Status == "draft").Select(c => c.Provider).Distinct());
        await _client.ExpectAsync("Patient?_has:Coverage:beneficiary:status=active", Coverages.Where(c => c.Status == "active").Select(c => c.Beneficiary).Distinct());
        await _client.ExpectAsync("Patient?_has:Claim:patient:provider.name=rapta",
            ClaimTargets(c => Organization(c.Provider).Name?.Folded.StartsWith("rapta", StringComparison.Ordinal) == true));
        await _client.ExpectAsync("Patient?_has:Claim:patient:status=active&gender=female", ClaimTargets(c => c.Status == "active").Where(id => Patients.Single(p => p.Id == id).Gender == "female"));
    }

    [Fact]
    public async Task Has_pages_in_rid_order_and_reads_the_source_row_when_its_criterion_needs_more_than_the_rid()
    {
        var provider = Claims.GroupBy(c => c.Provider).OrderByDescending(g => g.Count()).First().Key;
        // Cut among the candidate patients a page at a time: every page after the first starts after the last.
        await _client.ExpectAsync($"Patient?_has:Claim:patient:provider=Organization/{provider}&_count=1", ClaimTargets(c => c.Provider == provider));
        var claim = Claims.First(c => c.Patient.Type == "Patient");
        await _client.ExpectAsync($"Patient?_has:Claim:patient:_id={claim.Id}", [claim.Patient.Id!]);
        await _client.ExpectAsync("Patient?_has:Claim:patient:_lastUpdated=gt2000-01-01", ClaimTargets(_ => true));
        await _client.ExpectAsync("Patient?_has:Claim:patient:_lastUpdated=lt2000-01-01", []);
    }

    [Fact]
    public async Task A_has_page_is_cut_among_candidate_rids_and_joins_the_source_row_only_when_needed()
    {
        var engine = fixture.Services.GetRequiredService<SearchEngine>();
        async Task<string> PageSql(string name, string value)
        {
            var request = new SearchRequest("Patient", [new SearchCriterion(name, [value])], [], 10, null, SearchTotal.None, [], []);
            return (await engine.PageQueryAsync(request, CancellationToken.None)).Text;
        }

        // Before: "x.target_id = r.id", a condition on the patient's row, checked patient by patient.
        var byProvider = await PageSql("_has:Claim:patient:provider", "Organization/org-hq");
        Assert.Contains("r.rid in (select distinct", byProvider, StringComparison.Ordinal);
        Assert.DoesNotContain("= r.id", byProvider, StringComparison.Ordinal);
        Assert.DoesNotContain("join fhir_resource s0", byProvider, StringComparison.Ordinal);

        Assert.Contains("join fhir_resource s0", await PageSql("_has:Claim:patient:_id", "c1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Has_nests()
    {
        var orgs = Patients.Where(p => p.Organization is not null && ClaimTargets(c => c.Status == "cancelled").Contains(p.Id)).Select(p => p.Organization!).Distinct();
        await _client.ExpectAsync("Organization?_has:Patient:organization:_has:Claim:patient:status=cancelled", orgs);
    }

    [Theory]
    [InlineData("Claim?patient.nonsense=x")]
    [InlineData("Claim?status.name=x")]
    [InlineData("Patient?_has:Claim:patient:nonsense=x")]
    [InlineData("Patient?_has:Claim:status:status=active")]
    [InlineData("Patient?_has:Nothing:patient:status=active")]
    public async Task Bad_chains_are_refused_under_strict_handling(string query)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/" + query, null, ("Prefer", "handling=strict"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(FhirHttp.Issues(body));
    }

    private static IEnumerable<string> ClaimTargets(Func<TestClaim, bool> claim) =>
        Claims.Where(c => c.Patient.Type == "Patient" && claim(c)).Select(c => c.Patient.Id!).Distinct();
}
