using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// Compartment search (compartmentdefinition.html, search.html#2.21.1.2): <c>GET Patient/123/Basic</c> finds the
/// Basics the R4 patient CompartmentDefinition puts in that patient's compartment (Basic: <c>patient</c>, that is a
/// subject that is a Patient, or <c>author</c>), combined with other parameters, paged with links that keep the
/// compartment. Each test makes its own patients and Basics in the shared database.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CompartmentSearchTests(ServerFixture server)
{
    private const string CodeSystem = "urn:openimis-fhir:compartment-test";
    private readonly HttpClient _client = server.Client;

    private async Task<string> NewPatientAsync() => (string)(await _client.CreateAsync(IgExamples.NewPatient()))["id"]!;

    private async Task<string> NewBasicAsync(string? subject = null, string? author = null, string code = "plain")
    {
        var basic = Basics.New();
        basic["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = CodeSystem, ["code"] = code }) };
        if (subject is not null) basic.WithSubject(subject);
        if (author is not null) basic["author"] = new JsonObject { ["reference"] = author };
        return (string)(await _client.CreateAsync(basic))["id"]!;
    }

    [Fact]
    public async Task A_patient_compartment_holds_the_resources_whose_compartment_parameters_refer_to_the_patient()
    {
        var patient = await NewPatientAsync();
        var other = await NewPatientAsync();
        var asSubject = await NewBasicAsync(subject: $"Patient/{patient}");
        var asAuthor = await NewBasicAsync(author: $"Patient/{patient}");
        var both = await NewBasicAsync(subject: $"Patient/{patient}", author: $"Patient/{patient}");
        var ofOther = await NewBasicAsync(subject: $"Patient/{other}");
        // A subject that is not a Patient does not put a Basic in any patient compartment.
        await NewBasicAsync(subject: "Location/Jamula-village");

        await _client.ExpectAsync($"Patient/{patient}/Basic", [asSubject, asAuthor, both]);
        await _client.ExpectAsync($"Patient/{other}/Basic", [ofOther]);
        await _client.ExpectAsync($"Patient/{Basics.NewId()}/Basic", []);
    }

    [Fact]
    public async Task Compartment_search_combines_with_the_parameters_of_the_type()
    {
        var patient = await NewPatientAsync();
        var wanted = await NewBasicAsync(subject: $"Patient/{patient}", code: "wanted");
        await NewBasicAsync(subject: $"Patient/{patient}", code: "other");
        // Same code, another compartment.
        await NewBasicAsync(subject: $"Patient/{await NewPatientAsync()}", code: "wanted");

        await _client.ExpectAsync($"Patient/{patient}/Basic?code={CodeSystem}|wanted", [wanted]);
        await _client.ExpectAsync($"Patient/{patient}/Basic?code:not={CodeSystem}|wanted&code={CodeSystem}|wanted", []);
    }

    [Fact]
    public async Task Paging_links_keep_the_compartment()
    {
        var patient = await NewPatientAsync();
        var expected = new List<string>();
        for (var i = 0; i < 5; i++) expected.Add(await NewBasicAsync(subject: $"Patient/{patient}"));
        await NewBasicAsync(subject: $"Patient/{await NewPatientAsync()}");

        var first = await _client.SearchAsync($"Patient/{patient}/Basic?_count=2&_sort=_id");
        Assert.StartsWith($"{server.FhirBase}/Patient/{patient}/Basic?", SearchHttp.Link(first, "self"));
        Assert.StartsWith($"{server.FhirBase}/Patient/{patient}/Basic?", SearchHttp.Link(first, "next"));
        var all = await _client.AllMatchesAsync($"Patient/{patient}/Basic?_count=2&_sort=_id");
        Assert.Equal(expected.Order(StringComparer.Ordinal), all);
    }

    [Fact]
    public async Task Compartment_search_by_post_reads_the_form_body()
    {
        var patient = await NewPatientAsync();
        var wanted = await NewBasicAsync(subject: $"Patient/{patient}", code: "posted");
        await NewBasicAsync(subject: $"Patient/{patient}", code: "other");

        using var form = new FormUrlEncodedContent([new("code", $"{CodeSystem}|posted")]);
        var response = await _client.PostAsync($"fhir/Patient/{patient}/Basic/_search", form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([wanted], SearchHttp.Ids(body));
        Assert.StartsWith($"{server.FhirBase}/Patient/{patient}/Basic?", SearchHttp.Link(body, "self"));
    }

    [Fact]
    public async Task A_practitioner_is_in_its_own_compartment_and_so_are_the_resources_it_authored()
    {
        // R4 lists {def} for Practitioner in the practitioner compartment: the focal resource itself.
        var authored = await NewBasicAsync(author: "Practitioner/Roberts-Jeb-EO");

        await _client.ExpectAsync("Practitioner/Roberts-Jeb-EO/Practitioner", ["Roberts-Jeb-EO"]);
        Assert.Contains(authored, await _client.AllMatchesAsync("Practitioner/Roberts-Jeb-EO/Basic?_count=10"));
        Assert.DoesNotContain(authored, await _client.AllMatchesAsync("Practitioner/Rushila-Dani-CA/Basic?_count=10"));
    }

    [Fact]
    public async Task A_patient_is_not_in_its_own_compartment_as_r4_defines_it()
    {
        // R4's patient compartment holds Patient by "link" (patients linking to this one), without {def}; the
        // openIMIS profile forbids Patient.link, so the compartment's Patients are none.
        var patient = await NewPatientAsync();

        await _client.ExpectAsync($"Patient/{patient}/Patient", []);
    }

    [Theory]
    [InlineData("Claim/Claim001/Patient", HttpStatusCode.NotFound)]        // Claim is not a compartment
    [InlineData("Nonsense/x/Basic", HttpStatusCode.NotFound)]              // not a resource type
    [InlineData("Patient/john-doe/Nonsense", HttpStatusCode.NotFound)]     // not a resource type
    [InlineData("Patient/john-doe/Organization", HttpStatusCode.BadRequest)] // never in a patient compartment
    [InlineData("Patient/bad%20id/Basic", HttpStatusCode.BadRequest)]      // not a resource id
    public async Task Compartment_searches_the_server_cannot_answer_are_refused_with_an_operation_outcome(string path, HttpStatusCode expected)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/" + path);

        Assert.Equal(expected, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error" && i.Text.Length > 0);
    }

    [Fact]
    public async Task An_unknown_parameter_in_a_compartment_search_is_refused_under_strict_handling_and_reported_otherwise()
    {
        var patient = await NewPatientAsync();
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{patient}/Basic?nonsense=1", null, ("Prefer", "handling=strict"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Text.Contains("nonsense", StringComparison.Ordinal));

        var lenient = await _client.SearchAsync($"Patient/{patient}/Basic?nonsense=1");
        Assert.Single(SearchHttp.Keys(lenient, "outcome"));
    }

    [Fact]
    public async Task The_capability_statement_lists_the_five_r4_compartments()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, status);
        var listed = body!["rest"]![0]!["compartment"]!.AsArray().Select(c => (string)c!).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["http://hl7.org/fhir/CompartmentDefinition/device", "http://hl7.org/fhir/CompartmentDefinition/encounter", "http://hl7.org/fhir/CompartmentDefinition/patient",
             "http://hl7.org/fhir/CompartmentDefinition/practitioner", "http://hl7.org/fhir/CompartmentDefinition/relatedPerson"],
            listed);
    }

    [Fact]
    public void Every_compartment_parameter_is_an_indexed_reference_parameter_of_its_type()
    {
        // A parameter the index lacks would silently leave resources out of their compartments.
        var compartments = server.Services.GetRequiredService<CompartmentCatalog>();
        var registry = server.Services.GetRequiredService<SearchParameterRegistry>();
        var missing = new List<string>();
        foreach (var compartment in compartments.All)
        {
            foreach (var (type, parameters) in compartment.Members)
            {
                foreach (var code in parameters.Where(p => p != CompartmentCatalog.Itself))
                {
                    if (registry.Find(type, code) is not { IsIndexed: true, Definition.Type: SearchParameterType.Reference }) missing.Add($"{compartment.Type}: {type}.{code}");
                }
            }
        }
        Assert.Empty(missing);
        Assert.Equal(66, compartments.Find("Patient")!.Members.Count);
        Assert.Equal(["patient", "author"], compartments.Find("Patient")!.ParametersOf("Basic"));
        Assert.Null(compartments.Find("Patient")!.ParametersOf("Organization"));
    }
}
