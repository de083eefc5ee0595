using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Application.Bundles;
using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Infrastructure.Bundles;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// batch at <c>POST /fhir</c> (http.html#transaction): each entry succeeds or fails on its own, and the batch-response
/// answers each in request order with its status, and an OperationOutcome for a failure.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BatchTests(ServerFixture server)
{
    private const string IdSystem = "urn:openimis-fhir:test";
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Each_entry_is_answered_on_its_own_and_a_failure_does_not_undo_the_others()
    {
        var existing = Basics.NewId();
        await _client.PutAsync(Basics.New(existing, "existing"));
        var deleted = Basics.NewId();
        await _client.PutAsync(Basics.New(deleted));
        await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{deleted}");
        var toDelete = Basics.NewId();
        await _client.PutAsync(Basics.New(toDelete));
        var created = Basics.NewId();
        var invalid = Basics.New();
        invalid["created"] = "not a date";

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("PUT", $"Basic/{created}", Basics.New(created)),
            Entry("POST", "Basic", invalid),
            Entry("GET", $"Basic/{existing}"),
            Entry("GET", $"Basic/{Basics.NewId()}"),
            Entry("GET", $"Basic/{deleted}"),
            Entry("DELETE", $"Basic/{toDelete}"),
            Entry("PUT", $"Basic/{existing}", Basics.New(existing, "lost"), ifMatch: "W/\"7\"")));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("batch-response", (string?)response!["type"]);
        var entries = FhirHttp.Entries(response);
        Assert.Equal(7, entries.Count);
        Assert.Equal(201, Status(entries[0]));
        Assert.Equal(422, Status(entries[1]));
        Assert.Contains(FhirHttp.Issues(entries[1]["response"]!["outcome"]), i => i.Severity == "error" && i.Expression == "Bundle.entry[1].resource.created");
        Assert.Equal(200, Status(entries[2]));
        Assert.Equal("existing", (string?)entries[2]["resource"]!["code"]!["text"]);
        Assert.Equal(404, Status(entries[3]));
        Assert.NotNull(entries[3]["response"]!["outcome"]);
        Assert.Equal(410, Status(entries[4]));
        Assert.Contains(Status(entries[5]), new[] { 200, 204 });
        Assert.Equal(412, Status(entries[6]));

        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{created}")).Status);
        Assert.Equal(HttpStatusCode.Gone, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{toDelete}")).Status);
        var (_, read, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{existing}");
        Assert.Equal("existing", (string?)read!["code"]!["text"]);
    }

    [Fact]
    public async Task Create_and_update_entries_carry_location_etag_and_last_modified()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));

        var (_, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("POST", "Basic", Basics.New()),
            Entry("PUT", $"Basic/{id}", Basics.New(id, "updated"))));

        var entries = FhirHttp.Entries(response);
        Assert.Equal(201, Status(entries[0]));
        var location = (string)entries[0]["response"]!["location"]!;
        Assert.Matches("^Basic/[0-9a-f-]{36}/_history/1$", location);
        Assert.Equal("W/\"1\"", (string?)entries[0]["response"]!["etag"]);
        Assert.NotNull(entries[0]["response"]!["lastModified"]);
        Assert.Equal(200, Status(entries[1]));
        Assert.Equal("W/\"2\"", (string?)entries[1]["response"]!["etag"]);
        Assert.Equal("updated", (string?)entries[1]["resource"]!["code"]!["text"]);
    }

    [Fact]
    public async Task A_second_entry_with_a_business_code_already_used_gets_409_while_the_first_is_stored()
    {
        var code = Basics.NewCode();

        var (_, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("POST", "Basic", Basics.New().WithBusinessCode(code)),
            Entry("POST", "Basic", Basics.New().WithBusinessCode(code))));

        var entries = FhirHttp.Entries(response);
        Assert.Equal(201, Status(entries[0]));
        Assert.Equal(409, Status(entries[1]));
        Assert.Contains(FhirHttp.Issues(entries[1]["response"]!["outcome"]), i => i.Code == "duplicate");
        Assert.Equal(1, await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_identifier where resource_type = 'Basic' and value = $1", code));
    }

    [Fact]
    public async Task An_entry_with_a_reference_to_a_missing_resource_fails_alone()
    {
        var created = Basics.NewId();

        var (_, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("POST", "Basic", Basics.New().WithSubject($"Basic/{Basics.NewId("missing")}")),
            Entry("PUT", $"Basic/{created}", Basics.New(created))));

        var entries = FhirHttp.Entries(response);
        Assert.Equal(422, Status(entries[0]));
        Assert.Equal(201, Status(entries[1]));
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", created));
    }

    [Fact]
    public async Task A_conditional_create_entry_that_matches_answers_200_with_the_existing_resource()
    {
        var value = Basics.NewCode();
        var existing = (string)(await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value)))["id"]!;

        var (_, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("POST", "Basic", Basics.New().WithIdentifier(IdSystem, value), ifNoneExist: $"identifier={IdSystem}|{value}")));

        var entry = FhirHttp.Entries(response).Single();
        Assert.Equal(200, Status(entry));
        Assert.Equal($"{server.FhirBase}/Basic/{existing}", (string?)entry["fullUrl"]);
        Assert.Equal(1, await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_identifier where value = $1", value));
    }

    [Fact]
    public async Task Vread_and_unknown_type_entries_are_answered_like_the_plain_interactions()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id, "v1"));
        await _client.PutAsync(Basics.New(id, "v2"));

        var (_, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("GET", $"Basic/{id}/_history/1"),
            Entry("POST", "Insuree", new JsonObject { ["resourceType"] = "Insuree" })));

        var entries = FhirHttp.Entries(response);
        Assert.Equal(200, Status(entries[0]));
        Assert.Equal("v1", (string?)entries[0]["resource"]!["code"]!["text"]);
        Assert.Equal(404, Status(entries[1]));
    }

    [Theory]
    [InlineData("""{"resourceType":"Basic","code":{"text":"x"}}""")]
    [InlineData("""{"resourceType":"Bundle","type":"collection","entry":[]}""")]
    [InlineData("""{"resourceType":"Bundle","entry":[]}""")]
    [InlineData("""{"resourceType":"Bundle","type":"batch","entry":{}}""")]
    [InlineData("""[]""")]
    public async Task The_base_url_takes_only_a_batch_or_transaction_bundle(string body)
    {
        var (status, outcome, _) = await _client.SendRawAsync(HttpMethod.Post, "fhir", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Severity == "error");
    }

    [Fact]
    public async Task An_empty_batch_answers_an_empty_batch_response()
    {
        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("batch-response", (string?)response!["type"]);
        Assert.Empty(FhirHttp.Entries(response));
    }

    [Fact]
    public async Task Conditional_references_of_a_batch_entry_are_resolved_and_one_that_does_not_match_once_fails_that_entry_alone()
    {
        var value = Basics.NewCode();
        var target = (string)(await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value)))["id"]!;
        var twice = Basics.NewCode();
        await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, twice));
        await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, twice));
        var plain = Basics.NewId();

        var (status, response, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Batch(
            Entry("POST", "Basic", Basics.New().WithSubject($"Basic?identifier={IdSystem}|{value}")),
            Entry("POST", "Basic", Basics.New().WithSubject($"Basic?identifier={IdSystem}|{Basics.NewCode()}")),
            Entry("POST", "Basic", Basics.New().WithSubject($"Basic?identifier={IdSystem}|{twice}")),
            Entry("PUT", $"Basic/{plain}", Basics.New(plain))));

        Assert.Equal(HttpStatusCode.OK, status);
        var entries = FhirHttp.Entries(response);
        Assert.Equal(201, Status(entries[0]));
        var (_, stored, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/{(string)entries[0]["response"]!["location"]!}");
        Assert.Equal($"Basic/{target}", (string?)stored!["subject"]!["reference"]);
        Assert.Equal(412, Status(entries[1]));
        Assert.Contains(FhirHttp.Issues(entries[1]["response"]!["outcome"]), i => i.Expression == "Bundle.entry[1].resource");
        Assert.Equal(412, Status(entries[2]));
        Assert.Equal(201, Status(entries[3]));
    }

    // A fault the server did not foresee (here a patch function that throws) fails its entry alone: the entries before
    // and after it are committed, and the answer says so entry by entry.
    [Fact]
    public async Task An_unexpected_fault_in_one_entry_is_a_500_for_that_entry_and_the_others_stand()
    {
        var processor = new BundleProcessor((FhirContext)server.Services.GetService(typeof(FhirContext))!, (BundleReader)server.Services.GetService(typeof(BundleReader))!)
        {
            PatchFactory = (_, _) => _ => throw new InvalidOperationException("a fault nobody foresaw"),
        };
        string before = Basics.NewId(), after = Basics.NewId();
        var batch = Batch(
            Entry("PUT", $"Basic/{before}", Basics.New(before)),
            Entry("PATCH", $"Basic/{before}", new JsonObject { ["resourceType"] = "Binary", ["contentType"] = "application/json-patch+json", ["data"] = "W10=" }),
            Entry("PUT", $"Basic/{after}", Basics.New(after)));
        using var document = System.Text.Json.JsonDocument.Parse(batch.ToJsonString());

        var (status, body) = await processor.ProcessAsync(document.RootElement, server.FhirBase, PreferReturn.Minimal, strict: false, CancellationToken.None);

        Assert.Equal(200, status);
        var entries = FhirHttp.Entries(JsonNode.Parse(body));
        Assert.Equal([201, 500, 201], entries.Select(e => Status(e!)));
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", before));
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", after));
    }
}
