using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

[Collection(ServerCollection.Name)]
public sealed class CreateReadTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Create_assigns_a_uuid_version_1_and_answers_201_with_location_etag_and_the_resource()
    {
        var patient = IgExamples.NewPatient();
        patient["id"] = "client-chosen";
        var (status, body, response) = await _client.SendAsync(HttpMethod.Post, "fhir/Patient", patient);

        Assert.Equal(HttpStatusCode.Created, status);
        var id = (string)body!["id"]!;
        Assert.True(Guid.TryParse(id, out _), $"server-assigned id should be a UUID, got {id}");
        Assert.Equal("1", (string?)body["meta"]!["versionId"]);
        Assert.Equal("W/\"1\"", FhirHttp.ETag(response));
        Assert.Equal($"{server.FhirBase}/Patient/{id}/_history/1", response.Headers.Location!.ToString());
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal("application/fhir+json", FhirHttp.ContentType(response)!.MediaType);
        Assert.Equal("Patient", (string?)body["resourceType"]);
        Assert.Equal("resourceType", body.AsObject().First().Key);

        var (readStatus, read, readResponse) = await _client.SendAsync(HttpMethod.Get, $"fhir/Patient/{id}");
        Assert.Equal(HttpStatusCode.OK, readStatus);
        Assert.Equal((string?)patient["identifier"]![0]!["value"], (string?)read!["identifier"]![0]!["value"]);
        Assert.Equal((string?)body["meta"]!["lastUpdated"], (string?)read["meta"]!["lastUpdated"]);
        Assert.Equal("W/\"1\"", FhirHttp.ETag(readResponse));
    }

    [Fact]
    public async Task Read_of_an_unknown_id_is_404_and_of_an_unknown_type_is_404_with_an_OperationOutcome()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Patient/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Code == "not-found");

        (status, body, _) = await _client.SendAsync(HttpMethod.Get, "fhir/Insuree/1");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Text.Contains("Insuree", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_patient_is_refused_with_422_and_the_validator_outcome_and_nothing_is_stored()
    {
        var patient = IgExamples.NewPatient();
        patient["gender"] = "unknown-gender";
        patient["identifier"]![0]!["value"] = "1234567890123"; // 13 characters: insureeCodeMustBeUnder13Chars
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Patient", patient);

        Assert.Equal((HttpStatusCode)422, status);
        var issues = FhirHttp.Issues(body);
        Assert.Contains(issues, i => i.Severity == "error" && i.Expression == "Patient.gender");
        Assert.Contains(issues, i => i.Severity == "error" && i.Text.Contains("insureeCodeMustBeUnder13Chars", StringComparison.Ordinal));

        (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir", new JsonObject { ["resourceType"] = "Bundle", ["type"] = "batch", ["entry"] = new JsonArray(
            new JsonObject { ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "Patient" }, ["resource"] = patient }) });
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Patient", patient, ("If-None-Exist", "identifier=1234567890123"));
        Assert.Equal((HttpStatusCode)422, status);
    }

    [Fact]
    public async Task An_invalid_create_stores_no_version_and_no_identifier()
    {
        var patient = IgExamples.NewPatient();
        patient["birthDate"] = "5 February 1962";
        var code = (string)patient["identifier"]![0]!["value"]!;
        var versionsBefore = await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_resource_version");

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Patient", patient);

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error" && i.Expression == "Patient.birthDate");
        Assert.Equal(versionsBefore, await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_resource_version"));
        Assert.Equal(0, await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_identifier where value = $1", code));
    }

    [Fact]
    public async Task Each_create_gets_its_own_id()
    {
        var first = await _client.CreateAsync(Basics.New());
        var second = await _client.CreateAsync(Basics.New());

        Assert.NotEqual((string?)first["id"], (string?)second["id"]);
    }

    [Fact]
    public async Task A_deleted_resource_reads_as_410_with_an_operation_outcome()
    {
        var id = (string)(await _client.CreateAsync(Basics.New()))["id"]!;
        await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}");

        var (status, body, response) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");

        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
        Assert.Equal("application/fhir+json", FhirHttp.ContentType(response)!.MediaType);
    }

    [Fact]
    public async Task Malformed_json_is_400_xml_is_415_and_asking_for_xml_is_406()
    {
        using var malformed = new HttpRequestMessage(HttpMethod.Post, "fhir/Patient") { Content = FhirHttp.Json("{\"resourceType\": \"Patient\", ") };
        var response = await _client.SendAsync(malformed);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var issues = FhirHttp.Issues(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
        Assert.Contains(issues, i => i.Code == "structure" && i.Text.Contains("line", StringComparison.Ordinal));

        using var xml = new HttpRequestMessage(HttpMethod.Post, "fhir/Patient") { Content = FhirHttp.Json("<Patient xmlns=\"http://hl7.org/fhir\"/>", "application/fhir+xml") };
        response = await _client.SendAsync(xml);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);

        using var acceptXml = new HttpRequestMessage(HttpMethod.Get, "fhir/Patient/john-doe");
        acceptXml.Headers.Accept.Clear();
        acceptXml.Headers.TryAddWithoutValidation("Accept", "application/fhir+xml");
        response = await _client.SendAsync(acceptXml);
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);

        response = await _client.GetAsync("fhir/Patient/john-doe?_format=xml");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        response = await _client.GetAsync("fhir/Patient/john-doe?_format=json&_pretty=true");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_too_deep_json_is_400()
    {
        var big = IgExamples.NewPatient();
        big["text"] = new JsonObject { ["status"] = "generated", ["div"] = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + new string('x', 1_100_000) + "</div>" };
        // Expect: 100-continue lets the server refuse before the body is sent (curl sends it for large bodies).
        using (var tooLarge = new HttpRequestMessage(HttpMethod.Post, "fhir/Patient") { Content = FhirHttp.Json(big) })
        {
            tooLarge.Headers.ExpectContinue = true;
            var refused = await _client.SendAsync(tooLarge);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
            Assert.Contains(FhirHttp.Issues(JsonNode.Parse(await refused.Content.ReadAsStringAsync())), i => i.Code == "too-costly");
        }

        var deep = new string('[', 200) + new string(']', 200);
        using var request = new HttpRequestMessage(HttpMethod.Post, "fhir/Patient") { Content = FhirHttp.Json("{\"resourceType\":\"Patient\",\"extension\":" + deep + "}") };
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
