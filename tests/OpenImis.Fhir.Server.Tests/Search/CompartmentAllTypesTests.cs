using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// Search of every type of a compartment (http.html#search: <c>GET [base]/[compartment]/[id]/*</c>, and
/// <c>POST [base]/[compartment]/[id]/_search</c>): Basics, Claims and Coverages in one patient's compartment by the
/// R4 CompartmentDefinition's parameters (Basic: patient, author; Claim: patient, payee; Coverage: policy-holder,
/// subscriber, beneficiary, payor), <c>_type</c>, paging while data changes, the parameters every type has, and what
/// is refused. Each test makes its own patients and resources in the shared database.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CompartmentAllTypesTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private async Task<string> NewPatientAsync() => (string)(await _client.CreateAsync(IgExamples.NewPatient()))["id"]!;

    private async Task<string> NewBasicAsync(string? subject = null, string? author = null)
    {
        var basic = Basics.New();
        if (subject is not null) basic.WithSubject(subject);
        if (author is not null) basic["author"] = new JsonObject { ["reference"] = author };
        return "Basic/" + (string)(await _client.CreateAsync(basic))["id"]!;
    }

    private async Task<string> NewClaimAsync(string patient, string enterer = "Practitioner/Rushila-Dani-CA")
    {
        var claim = IgExamples.Load("Claim-Claim001.json");
        claim.Remove("id");
        claim["identifier"]![0]!["value"] = Basics.NewCode();
        claim["patient"] = new JsonObject { ["reference"] = patient };
        claim["enterer"] = new JsonObject { ["reference"] = enterer };
        return "Claim/" + (string)(await _client.CreateAsync(claim))["id"]!;
    }

    private async Task<string> NewCoverageAsync(string beneficiary, string policyHolder)
    {
        var coverage = IgExamples.Load("Coverage-JoeDoeCoverage.json");
        coverage.Remove("id");
        coverage["identifier"]![0]!["value"] = Guid.NewGuid().ToString().ToUpperInvariant();
        coverage["beneficiary"] = new JsonObject { ["reference"] = beneficiary };
        coverage["policyHolder"] = new JsonObject { ["reference"] = policyHolder };
        coverage["payor"] = new JsonArray(new JsonObject { ["reference"] = policyHolder });
        return "Coverage/" + (string)(await _client.CreateAsync(coverage))["id"]!;
    }

    // A patient with one resource of each kind in its compartment, each by another parameter, and some that are not.
    private async Task<(string Patient, List<string> Members)> PatientWithCompartmentAsync()
    {
        var patient = await NewPatientAsync();
        var other = await NewPatientAsync();
        var members = new List<string>
        {
            await NewBasicAsync(subject: $"Patient/{patient}"),
            await NewBasicAsync(author: $"Patient/{patient}"),
            await NewClaimAsync($"Patient/{patient}"),
            await NewCoverageAsync(beneficiary: $"Patient/{patient}", policyHolder: $"Patient/{other}"),
            // In both compartments: beneficiary of one, policy holder and payor of the other.
            await NewCoverageAsync(beneficiary: $"Patient/{other}", policyHolder: $"Patient/{patient}"),
        };
        await NewClaimAsync($"Patient/{other}");
        await NewBasicAsync(subject: "Location/Jamula-village");
        return (patient, members);
    }

    [Fact]
    public async Task Every_type_search_holds_the_resources_of_every_type_whose_compartment_parameters_refer_to_the_patient()
    {
        var (patient, members) = await PatientWithCompartmentAsync();

        // The patient itself is not in its compartment: R4 puts Patients there by link only (no {def}).
        SearchHttp.AssertSameIds($"Patient/{patient}/*", members, await _client.AllKeysAsync($"Patient/{patient}/*"));
    }

    [Fact]
    public async Task A_practitioner_compartment_holds_the_practitioner_itself_and_what_refers_to_it_until_it_is_deleted()
    {
        // R4 lists {def} for Practitioner: the focal resource is a member.
        var practitioner = IgExamples.Load("Practitioner-Roberts-Jeb-EO.json");
        var id = Basics.NewId("pr");
        practitioner["id"] = id;
        if (practitioner["identifier"] is JsonArray identifiers)
        {
            foreach (var identifier in identifiers) identifier!["value"] = Basics.NewCode();
        }
        await _client.PutAsync(practitioner);
        var patient = await NewPatientAsync();
        var claim = await NewClaimAsync($"Patient/{patient}", enterer: $"Practitioner/{id}");
        var basic = await NewBasicAsync(author: $"Practitioner/{id}");

        SearchHttp.AssertSameIds($"Practitioner/{id}/*", [$"Practitioner/{id}", claim, basic], await _client.AllKeysAsync($"Practitioner/{id}/*"));

        // A deleted focal resource: its compartment is what still refers to it, which here is nothing once the
        // referring resources are gone (a referenced resource cannot be deleted). The search reads references, as a
        // search by reference does, not the focal resource: 200, not 410.
        foreach (var key in (string[])[claim, basic, $"Practitioner/{id}"])
        {
            var (status, _, _) = await _client.SendAsync(HttpMethod.Delete, "fhir/" + key);
            Assert.Equal(HttpStatusCode.NoContent, status);
        }
        Assert.Empty(await _client.AllKeysAsync($"Practitioner/{id}/*"));
    }

    [Fact]
    public async Task A_compartment_with_nothing_in_it_is_an_empty_bundle_and_counts_zero()
    {
        Assert.Empty(await _client.AllKeysAsync($"Patient/{Basics.NewId()}/*"));
        var patient = await NewPatientAsync();
        var counted = await _client.SearchAsync($"Patient/{patient}/*?_summary=count");
        Assert.Equal(0, (int)counted["total"]!);
    }

    [Fact]
    public async Task Summary_count_counts_every_type_and_writes_no_entries()
    {
        var (patient, members) = await PatientWithCompartmentAsync();

        var bundle = await _client.SearchAsync($"Patient/{patient}/*?_summary=count");

        Assert.Equal(members.Count, (int)bundle["total"]!);
        Assert.Empty(bundle["entry"]?.AsArray() ?? []);
        var accurate = await _client.SearchAsync($"Patient/{patient}/*?_total=accurate&_count=1");
        Assert.Equal(members.Count, (int)accurate["total"]!);
        Assert.Single(SearchHttp.Keys(accurate, "match"));
    }

    [Fact]
    public async Task Type_narrows_the_types_and_two_type_parameters_both_hold()
    {
        var (patient, members) = await PatientWithCompartmentAsync();

        SearchHttp.AssertSameIds("_type=Claim,Coverage", members.Where(m => !m.StartsWith("Basic/", StringComparison.Ordinal)),
            await _client.AllKeysAsync($"Patient/{patient}/*?_type=Claim,Coverage"));
        SearchHttp.AssertSameIds("_type=Basic", members.Where(m => m.StartsWith("Basic/", StringComparison.Ordinal)),
            await _client.AllKeysAsync($"Patient/{patient}/*?_type=Basic"));
        SearchHttp.AssertSameIds("_type=Claim,Basic&_type=Claim", members.Where(m => m.StartsWith("Claim/", StringComparison.Ordinal)),
            await _client.AllKeysAsync($"Patient/{patient}/*?_type=Claim,Basic&_type=Claim"));
    }

    [Theory]
    [InlineData("_type=Organization", "Organization")]  // never in a patient compartment
    [InlineData("_type=Nonsense", "Nonsense")]          // not a resource type
    [InlineData("_type=", "_type")]                     // no type
    [InlineData("_sort=status", "status")]              // not a parameter of every type
    [InlineData("_elements=Claim.item.sequence", "Claim.item.sequence")] // not a top-level element
    public async Task Every_type_searches_the_server_cannot_answer_are_400_naming_the_parameter(string query, string named)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{Basics.NewId()}/*?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error" && i.Text.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_parameter_of_one_type_is_refused_under_strict_handling_and_ignored_and_reported_otherwise()
    {
        var (patient, members) = await PatientWithCompartmentAsync();

        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{patient}/*?status=active", null, ("Prefer", "handling=strict"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Text.Contains("'status'", StringComparison.Ordinal));

        var lenient = await _client.SearchAsync($"Patient/{patient}/*?status=active&_count=50");
        SearchHttp.AssertSameIds("status ignored", members, SearchHttp.Keys(lenient, "match"));
        var outcome = Assert.Single(FhirHttp.Entries(lenient), e => (string?)e["search"]?["mode"] == "outcome");
        Assert.Contains(FhirHttp.Issues(outcome["resource"]), i => i.Severity == "warning" && i.Text.Contains("'status'", StringComparison.Ordinal));
        Assert.DoesNotContain("status=", SearchHttp.Link(lenient, "self"), StringComparison.Ordinal);
        Assert.StartsWith($"{server.FhirBase}/Patient/{patient}/*?", SearchHttp.Link(lenient, "self"));
    }

    [Fact]
    public async Task Id_and_last_updated_apply_to_every_type()
    {
        var (patient, members) = await PatientWithCompartmentAsync();
        var claim = members.Single(m => m.StartsWith("Claim/", StringComparison.Ordinal));
        var basic = members.First(m => m.StartsWith("Basic/", StringComparison.Ordinal));

        SearchHttp.AssertSameIds("_id", [claim, basic], await _client.AllKeysAsync($"Patient/{patient}/*?_id={claim[6..]},{basic[6..]}"));
        SearchHttp.AssertSameIds("_lastUpdated=gt", members, await _client.AllKeysAsync($"Patient/{patient}/*?_lastUpdated=gt2020-01-01"));
        Assert.Empty(await _client.AllKeysAsync($"Patient/{patient}/*?_lastUpdated=lt2020-01-01"));
    }

    [Fact]
    public async Task The_parameters_of_base_resource_apply_to_every_type()
    {
        var (patient, members) = await PatientWithCompartmentAsync();
        var tag = Basics.NewCode();
        var tagged = IgExamples.Load("Claim-Claim001.json");
        tagged.Remove("id");
        tagged["identifier"]![0]!["value"] = Basics.NewCode();
        tagged["patient"] = new JsonObject { ["reference"] = $"Patient/{patient}" };
        tagged["meta"]!["tag"] = new JsonArray(new JsonObject { ["system"] = "urn:test:tags", ["code"] = tag });
        var taggedClaim = "Claim/" + (string)(await _client.CreateAsync(tagged))["id"]!;
        var taggedBasic = Basics.New();
        taggedBasic.WithSubject($"Patient/{patient}");
        taggedBasic["meta"] = new JsonObject { ["tag"] = new JsonArray(new JsonObject { ["system"] = "urn:test:tags", ["code"] = tag }) };
        var taggedBasicKey = "Basic/" + (string)(await _client.CreateAsync(taggedBasic))["id"]!;

        SearchHttp.AssertSameIds("_tag", [taggedClaim, taggedBasicKey], await _client.AllKeysAsync($"Patient/{patient}/*?_tag=urn:test:tags|{tag}"));
        SearchHttp.AssertSameIds("_tag:not", members, await _client.AllKeysAsync($"Patient/{patient}/*?_tag:not=urn:test:tags|{tag}"));
        // Of the members, only the Claims carry the openIMIS Claim profile (the Coverages carry the Coverage profile).
        SearchHttp.AssertSameIds("_profile", [.. members.Where(m => m.StartsWith("Claim/", StringComparison.Ordinal)), taggedClaim],
            await _client.AllKeysAsync($"Patient/{patient}/*?_profile=https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/openimis-claim"));
    }

    [Theory]
    [InlineData("_has:Claim:patient:status=active", "_has:Claim:patient:status")] // names a type
    [InlineData("patient.name=x", "patient.name")]                                 // a chain of one type's parameter
    [InlineData("code=x", "code")]                                                 // a parameter of some types only
    public async Task Parameters_of_some_types_only_are_refused_across_types_under_strict_handling(string query, string named)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{Basics.NewId()}/*?{query}", null, ("Prefer", "handling=strict"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Text.Contains($"'{named}'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("&_sort=_lastUpdated")]
    [InlineData("&_sort=_id")]
    public async Task Pages_across_types_neither_repeat_nor_skip_while_a_resource_is_added_between_them(string sort)
    {
        var (patient, members) = await PatientWithCompartmentAsync();
        string? added = null;

        var seen = await _client.AllKeysAsync($"Patient/{patient}/*?_count=2{sort}", async page =>
        {
            if (page == 0) added = await NewClaimAsync($"Patient/{patient}");
        });

        // Every resource there from the start is seen exactly once, in the order asked. The one added after the
        // first page comes later in rid and lastUpdated order (and its server-assigned id, a UUIDv7, in id order too).
        SearchHttp.AssertSameIds($"paged{sort}", [.. members, added!], seen);
        if (sort == "&_sort=_id") Assert.Equal(seen.Select(k => k.Split('/')[1]).Order(StringComparer.Ordinal), seen.Select(k => k.Split('/')[1]));
    }

    [Fact]
    public async Task Descending_last_updated_puts_the_newest_first_across_types()
    {
        var (patient, members) = await PatientWithCompartmentAsync();

        var seen = await _client.AllKeysAsync($"Patient/{patient}/*?_count=2&_sort=-_lastUpdated");

        // Created one after the other, so the newest is the last made.
        Assert.Equal(Enumerable.Reverse(members), seen);
    }

    [Fact]
    public async Task Include_and_revinclude_follow_the_references_of_matches_of_every_type()
    {
        var (patient, members) = await PatientWithCompartmentAsync();
        var claim = members.Single(m => m.StartsWith("Claim/", StringComparison.Ordinal));

        var bundle = await _client.SearchAsync($"Patient/{patient}/*?_type=Claim&_include=Claim:enterer&_revinclude=Basic:subject");
        SearchHttp.AssertSameIds("matches", [claim], SearchHttp.Keys(bundle, "match"));
        SearchHttp.AssertSameIds("included", ["Practitioner/Rushila-Dani-CA"], SearchHttp.Keys(bundle, "include"));

        var subjectOfClaim = await NewBasicAsync(subject: claim);
        var again = await _client.SearchAsync($"Patient/{patient}/*?_count=50&_revinclude=Basic:subject");
        SearchHttp.AssertSameIds("matches", members, SearchHttp.Keys(again, "match"));
        SearchHttp.AssertSameIds("revincluded", [subjectOfClaim], SearchHttp.Keys(again, "include"));
    }

    [Fact]
    public async Task Summary_and_elements_keep_each_type_its_own_elements()
    {
        var (patient, members) = await PatientWithCompartmentAsync();

        var data = await _client.SearchAsync($"Patient/{patient}/*?_elements=status,code&_count=50");
        foreach (var entry in FhirHttp.Entries(data))
        {
            var resource = entry["resource"]!.AsObject();
            // Basic has code and no status; Claim and Coverage have status and no code. Each keeps its mandatory
            // elements (R4: Basic code; Claim status, type, use, patient, created, provider, priority, insurance;
            // Coverage status, beneficiary, payor).
            string[] expected = (string)resource["resourceType"]! switch
            {
                "Basic" => ["code", "id", "meta", "resourceType"],
                "Claim" => ["created", "id", "insurance", "meta", "patient", "priority", "provider", "resourceType", "status", "type", "use"],
                _ => ["beneficiary", "id", "meta", "payor", "resourceType", "status"],
            };
            Assert.Equal(expected, resource.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.Contains(resource["meta"]!["tag"]!.AsArray(), t => (string?)t!["code"] == "SUBSETTED");
        }
        Assert.Equal(members.Count, FhirHttp.Entries(data).Count);
    }

    [Fact]
    public async Task Post_to_the_compartment_searches_every_type_with_the_form_parameters()
    {
        var (patient, members) = await PatientWithCompartmentAsync();

        using var form = new FormUrlEncodedContent([new("_type", "Coverage")]);
        var response = await _client.PostAsync($"fhir/Patient/{patient}/_search", form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SearchHttp.AssertSameIds("POST _search", members.Where(m => m.StartsWith("Coverage/", StringComparison.Ordinal)), SearchHttp.Keys(body, "match"));
        Assert.StartsWith($"{server.FhirBase}/Patient/{patient}/*?", SearchHttp.Link(body, "self"));
    }

    [Fact]
    public async Task A_batch_get_entry_of_every_type_is_answered_with_the_same_searchset()
    {
        var (patient, members) = await PatientWithCompartmentAsync();

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Bundles.Batch(Bundles.Entry("GET", $"Patient/{patient}/*?_count=50")));

        Assert.Equal(HttpStatusCode.OK, status);
        var entry = FhirHttp.Entries(body).Single();
        Assert.Equal(200, Bundles.Status(entry));
        SearchHttp.AssertSameIds("batch GET", members, SearchHttp.Keys(entry["resource"]!, "match"));
    }

    [Fact]
    public async Task The_capability_statement_says_every_type_of_a_compartment_can_be_searched()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, status);
        var documentation = (string)body!["rest"]![0]!["documentation"]!;
        Assert.Contains("[base]/[compartment]/[id]/*", documentation, StringComparison.Ordinal);
        Assert.Contains("_type", documentation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_every_type_page_query_reads_the_reference_and_resource_tables_through_their_indexes()
    {
        var (patient, _) = await PatientWithCompartmentAsync();
        var engine = server.Services.GetRequiredService<SearchEngine>();
        var compartment = CompartmentCatalog.ForR4().Find("Patient")!;
        var request = new SearchRequest(SearchRequest.AnyType, [], [], 10, null, SearchTotal.None, [], [])
        {
            Compartment = new SearchCompartment("Patient", patient, compartment.Members),
        };
        var (text, sql, _) = await engine.PageQueryAsync(request, CancellationToken.None);

        // With sequential scans priced out, a plan that still scans a table sequentially has no index to use there.
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("set enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var explain = new NpgsqlCommand("explain " + text, connection);
        foreach (var parameter in sql.Parameters) explain.Parameters.Add(parameter.Clone());
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        }
        var all = string.Join("\n", plan);
        Assert.False(all.Contains("Seq Scan", StringComparison.Ordinal), all);
        Assert.True(all.Contains("search_reference_reverse", StringComparison.Ordinal), all);
    }
}
