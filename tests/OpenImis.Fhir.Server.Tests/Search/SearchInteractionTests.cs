using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Search.Data.SearchDataSet;
using static OpenImis.Fhir.Server.Tests.Search.SearchHttp;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// The interaction around the parameters: unknown parameters refused under Prefer: handling=strict and ignored and
/// reported otherwise (search.html#errors), the self link naming the parameters used, POST _search, _elements.
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class SearchInteractionTests(SearchFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private static readonly string[] Kamau = Patients.Where(p => p.Family?.Folded == "kamau").Select(p => p.Id).ToArray();

    [Fact]
    public async Task Lenient_handling_ignores_an_unknown_parameter_and_reports_it_in_an_outcome_entry()
    {
        var bundle = await _client.SearchAsync("Patient?family=kamau&nonsense=1&birthdate:nonsense2.x=2");
        AssertSameIds("matches", Kamau, Ids(bundle));
        var outcome = Assert.Single(bundle["entry"]!.AsArray(), e => (string?)e!["search"]?["mode"] == "outcome")!["resource"];
        var issues = FhirHttp.Issues(outcome);
        Assert.All(issues, i => Assert.Equal("warning", i.Severity));
        Assert.Contains(issues, i => i.Text.Contains("'nonsense'", StringComparison.Ordinal));
        // search.html#selflink: the self link holds the parameters the server used, not the ones it ignored.
        var self = Link(bundle, "self")!;
        Assert.Contains("family=kamau", self, StringComparison.Ordinal);
        Assert.DoesNotContain("nonsense", self, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_handling_refuses_an_unknown_parameter_with_an_OperationOutcome()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Patient?family=kamau&nonsense=1", null, ("Prefer", "handling=strict"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error" && i.Text.Contains("nonsense", StringComparison.Ordinal));
        var known = await _client.SearchAsync("Patient?family=kamau", ("Prefer", "handling=strict"));
        AssertSameIds("strict with known parameters", Kamau, Ids(known));
    }

    [Theory]
    [InlineData("Patient?family:nonsense=x")]
    [InlineData("Patient?gender:contains=x")]
    [InlineData("Patient?birthdate:exact=1980")]
    [InlineData("ChargeItem?factor-override=abc")]
    [InlineData("ChargeItem?quantity=1|2")]
    [InlineData("Patient?identifier:of-type=x|y")]
    [InlineData("Patient?organization=Patient/a/b")]
    public async Task Unsupported_modifiers_and_malformed_values_are_refused_under_either_handling(string query)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/" + query);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotEmpty(FhirHttp.Issues(body));
    }

    // PostgreSQL refuses NUL while binding a value: each of these answered 500 before.
    [Theory]
    [InlineData("Patient?_id=a%00b")]
    [InlineData("Patient?name=%00")]
    [InlineData("Patient?identifier=a%00")]
    [InlineData("Patient?_tag=%00|%00")]
    [InlineData("Patient?_profile=%00")]
    [InlineData("Patient?_source=%00")]
    [InlineData("Patient?address-postalcode:contains=%00")]
    [InlineData("Patient?general-practitioner:Practitioner.name=%00")]
    [InlineData("Patient?_has:Group:member:_id=%00")]
    [InlineData("Patient/kamau-1/Claim?status=%00")]
    [InlineData("Patient?na%00me=x")]
    public async Task A_nul_character_in_a_search_is_refused_with_400(string query)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/" + query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error" && i.Text.Contains("NUL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Format_and_pretty_are_not_search_parameters()
    {
        var bundle = await _client.SearchAsync("Patient?family=kamau&_format=json&_pretty=true", ("Prefer", "handling=strict"));
        AssertSameIds("matches", Kamau, Ids(bundle));
        Assert.Empty(Ids(bundle, "outcome"));
    }

    [Fact]
    public async Task Post_search_takes_form_parameters_with_those_of_the_url_and_pages_by_get()
    {
        using var form = new FormUrlEncodedContent([new("family", "kamau"), new("_count", "1")]);
        using var response = await _client.PostAsync("fhir/Patient/_search", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Single(Ids(bundle));
        var next = Link(bundle, "next")!;
        Assert.StartsWith(fixture.FhirBase + "/Patient?", next);
        Assert.Contains("family=kamau", next, StringComparison.Ordinal);
        var rest = await _client.AllMatchesAsync(next);
        AssertSameIds("post then get", Kamau, Ids(bundle).Concat(rest));

        using var both = new FormUrlEncodedContent([new("family", "kamau")]);
        using var combined = await _client.PostAsync("fhir/Patient/_search?gender=female", both);
        AssertSameIds("url and body", Patients.Where(p => p.Family?.Folded == "kamau" && p.Gender == "female").Select(p => p.Id), Ids(JsonNode.Parse(await combined.Content.ReadAsStringAsync())!));

        var (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Patient/_search", new JsonObject { ["family"] = "kamau" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task A_post_search_too_long_for_a_url_pages_through_links_to_its_stored_parameters()
    {
        // Over 8 KB of parameters (Fhir:MaxUrlBytes): every patient's id and 2,000 that match nothing.
        var ids = string.Join(",", Patients.Select(p => p.Id).Concat(Enumerable.Range(0, 2000).Select(i => $"none{i}")));
        using var form = new FormUrlEncodedContent([new("family", "kamau"), new("_id", ids), new("_count", "1")]);
        using var response = await _client.PostAsync("fhir/Patient/_search?_pretty=false", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var (self, next) = (Link(bundle, "self")!, Link(bundle, "next")!);
        foreach (var link in new[] { self, next })
        {
            Assert.True(link.Length < 200, link);
            Assert.Contains("_stored-parameters=", link, StringComparison.Ordinal);
            Assert.Contains("_pretty=false", link, StringComparison.Ordinal);
        }
        Assert.Equal(Ids(bundle), Ids(await _client.SearchAsync(self)));
        var rest = await _client.AllMatchesAsync(next);
        AssertSameIds("every page", Kamau, Ids(bundle).Concat(rest));
        // The second search of the same parameters names the same stored row.
        using var again = await _client.PostAsync("fhir/Patient/_search?_pretty=false", new FormUrlEncodedContent([new("family", "kamau"), new("_id", ids), new("_count", "1")]));
        Assert.Equal(self, Link(JsonNode.Parse(await again.Content.ReadAsStringAsync())!, "self"));

        var (extra, extraBody, _) = await _client.SendAsync(HttpMethod.Get, self + "&gender=male");
        Assert.Equal(HttpStatusCode.BadRequest, extra);
        Assert.Contains(FhirHttp.Issues(extraBody), i => i.Severity == "error" && i.Text.Contains("gender", StringComparison.Ordinal));
        var (gone, goneBody, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Patient?_stored-parameters=nothing-stored-here");
        Assert.Equal(HttpStatusCode.Gone, gone);
        Assert.Contains(FhirHttp.Issues(goneBody), i => i.Severity == "error" && i.Text.Contains("nothing-stored-here", StringComparison.Ordinal));
        // An id of the right length that was never stored, and one with a NUL (which PostgreSQL would refuse).
        var storedId = self[(self.IndexOf("_stored-parameters=", StringComparison.Ordinal) + "_stored-parameters=".Length)..].Split('&')[0];
        foreach (var id in new[] { new string('A', storedId.Length), "%00" + storedId[3..] })
        {
            var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Patient?_stored-parameters=" + id);
            Assert.True(status == HttpStatusCode.Gone, $"{id}: {(int)status} {body}");
        }
    }

    [Fact]
    public async Task A_long_search_of_every_type_keeps_its_types_in_the_stored_parameters()
    {
        // The ids of claims too, which _type leaves out.
        var ids = string.Join(",", Kamau.Concat(Claims.Select(c => c.Id)).Concat(Enumerable.Range(0, 2000).Select(i => $"none{i}")));
        using var form = new FormUrlEncodedContent([new("_type", "Patient"), new("_id", ids), new("_count", "1")]);
        using var response = await _client.PostAsync("fhir/_search", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bundle = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var next = Link(bundle, "next")!;
        Assert.StartsWith(fixture.FhirBase + "?_stored-parameters=", next);
        var rest = await _client.AllKeysAsync(next);
        Assert.Equal(Kamau.Select(id => "Patient/" + id).Order(), Keys(bundle, "match").Concat(rest).Order());
    }

    [Fact]
    public async Task Post_search_takes_no_multipart_form()
    {
        using var content = new MultipartFormDataContent { { new StringContent("kamau"), "family" } };
        using var response = await _client.PostAsync("fhir/Patient/_search", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("family=%00")]
    [InlineData("fam%00ily=kamau")]
    public async Task Post_search_with_a_nul_in_its_form_is_refused_with_400(string form)
    {
        using var content = new StringContent(form, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await _client.PostAsync("fhir/Patient/_search", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(FhirHttp.Issues(JsonNode.Parse(await response.Content.ReadAsStringAsync())), i => i.Severity == "error");
    }

    [Fact]
    public async Task Elements_keeps_the_listed_elements_and_marks_the_resource_subsetted()
    {
        var bundle = await _client.SearchAsync("Patient?_id=p01&_elements=name,birthDate");
        var patient = Assert.Single(bundle["entry"]!.AsArray())!["resource"]!.AsObject();
        Assert.Equal(["resourceType", "id", "meta", "name", "birthDate"], patient.Select(p => p.Key).ToList());
        var tags = patient["meta"]!["tag"]!.AsArray().Select(t => (string?)t!["code"]).ToList();
        Assert.Contains("SUBSETTED", tags);
        Assert.Contains("vip", tags);

        // A choice element is named without its type: deceased keeps deceasedDateTime.
        var deceased = await _client.SearchAsync("Patient?_id=p21&_elements=deceased");
        Assert.Equal(["resourceType", "id", "meta", "deceasedDateTime"], Assert.Single(deceased["entry"]!.AsArray())!["resource"]!.AsObject().Select(p => p.Key).ToList());
    }

    [Fact]
    public async Task Summary_keeps_the_elements_the_base_definition_marks_summary_or_mandatory()
    {
        // R4 Organization: identifier, active, type, name and partOf are isSummary, address is not; none is mandatory.
        await ExpectElementsAsync("Organization?_id=org-hosp-1&_summary=true", ["resourceType", "id", "meta", "identifier", "active", "type", "name", "partOf"], subsetted: true);
        await ExpectElementsAsync("Organization?_id=org-hosp-1&_summary=text", ["resourceType", "id", "meta"], subsetted: true);
        await ExpectElementsAsync("Organization?_id=org-hosp-1&_summary=data", ["resourceType", "id", "meta", "identifier", "active", "type", "name", "address", "partOf"], subsetted: true);
        await ExpectElementsAsync("Organization?_id=org-hosp-1&_summary=false", ["resourceType", "id", "meta", "identifier", "active", "type", "name", "address", "partOf"], subsetted: false);
        // R4 Patient: generalPractitioner is not isSummary. R4 Claim: identifier is not, the mandatory elements are.
        await ExpectElementsAsync("Patient?_id=p02&_summary=true", ["resourceType", "id", "meta", "identifier", "active", "name", "telecom", "gender", "birthDate", "address", "managingOrganization"], subsetted: true);
        await ExpectElementsAsync("Claim?_id=c01&_summary=text", ["resourceType", "id", "meta", "status", "type", "use", "patient", "created", "provider", "priority", "insurance"], subsetted: true);
        var (status, _, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Patient?_summary=short");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Summary_and_elements_shape_included_resources_as_they_shape_matches()
    {
        // search.html#summary and #elements select what the server returns, so included resources too (as HAPI
        // does), each by its own type's definition, and each marked SUBSETTED. _elements keeps the mandatory
        // elements too (servers SHOULD): R4 Claim's are status, type, use, patient, created, provider, priority and
        // insurance; Patient has none.
        string[] claimMandatory = ["resourceType", "id", "meta", "status", "type", "use", "patient", "created", "provider", "priority", "insurance"];
        await ExpectShapesAsync("Claim?_id=c01&_include=Claim:patient&_elements=status,name", new()
        {
            ["Claim/c01"] = claimMandatory,
            ["Patient/p01"] = ["resourceType", "id", "meta", "name"],
        });
        // R4 Claim's mandatory elements; Patient has none (and p01 no text).
        await ExpectShapesAsync("Claim?_id=c01&_include=Claim:patient&_summary=text", new()
        {
            ["Claim/c01"] = ["resourceType", "id", "meta", "status", "type", "use", "patient", "created", "provider", "priority", "insurance"],
            ["Patient/p01"] = ["resourceType", "id", "meta"],
        });
        // A name qualified by its type applies to that type only.
        await ExpectShapesAsync("Claim?_id=c01&_include=Claim:patient&_elements=Claim.identifier,Patient.birthDate", new()
        {
            ["Claim/c01"] = [.. claimMandatory, "identifier"], // c01 has an identifier
            ["Patient/p01"] = ["resourceType", "id", "meta", "birthDate"],
        });
    }

    [Fact]
    public async Task A_type_no_element_name_applies_to_is_returned_whole_and_not_subsetted()
    {
        var bundle = await _client.SearchAsync("Claim?_id=c01&_include=Claim:patient&_elements=Claim.status");
        var patient = FhirHttp.Entries(bundle).Single(e => (string?)e["search"]?["mode"] == "include")["resource"]!.AsObject();

        Assert.Contains("name", patient.Select(p => p.Key));
        Assert.Contains("birthDate", patient.Select(p => p.Key));
        Assert.DoesNotContain("SUBSETTED", patient["meta"]!["tag"]?.AsArray().Select(t => (string?)t!["code"]) ?? []);
    }

    [Fact]
    public async Task Summary_true_applies_the_summary_flags_to_revincluded_resources()
    {
        // R4 Claim: these top-level elements are isSummary; identifier and item are not.
        string[] claimSummary = ["resourceType", "id", "meta", "implicitRules", "status", "type", "use", "patient", "billablePeriod", "created", "insurer", "provider", "priority", "insurance"];
        var bundle = await _client.SearchAsync("Patient?_id=p01&_revinclude=Claim:patient&_summary=true");

        var claims = FhirHttp.Entries(bundle).Where(e => (string?)e["search"]?["mode"] == "include").Select(e => e["resource"]!.AsObject()).ToList();
        Assert.NotEmpty(claims);
        foreach (var claim in claims)
        {
            Assert.All(claim.Select(p => p.Key), key => Assert.Contains(key, claimSummary));
            Assert.Contains("status", claim.Select(p => p.Key));
            Assert.Contains("SUBSETTED", claim["meta"]!["tag"]!.AsArray().Select(t => (string?)t!["code"]));
        }
    }

    private async Task ExpectShapesAsync(string query, Dictionary<string, string[]> expected)
    {
        var bundle = await _client.SearchAsync(query);
        var entries = FhirHttp.Entries(bundle);
        Assert.Equal(expected.Count, entries.Count);
        foreach (var entry in entries)
        {
            var resource = entry["resource"]!.AsObject();
            var key = $"{resource["resourceType"]}/{resource["id"]}";
            AssertSameIds($"{query}: {key}", expected[key], resource.Select(p => p.Key));
            Assert.Contains("SUBSETTED", resource["meta"]!["tag"]!.AsArray().Select(t => (string?)t!["code"]));
        }
    }

    private async Task ExpectElementsAsync(string query, string[] elements, bool subsetted)
    {
        var bundle = await _client.SearchAsync(query);
        var resource = Assert.Single(bundle["entry"]!.AsArray())!["resource"]!.AsObject();
        AssertSameIds(query, elements, resource.Select(p => p.Key));
        var tags = resource["meta"]!["tag"]?.AsArray().Select(t => (string?)t!["code"]) ?? [];
        Assert.Equal(subsetted, tags.Contains("SUBSETTED"));
    }

    [Fact]
    public async Task An_unknown_type_is_not_found()
    {
        var (status, _, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Insuree?name=x");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
