using System.Net;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary><c>Prefer: return=minimal | representation | OperationOutcome</c> on writes (http.html#ops).</summary>
[Collection(ServerCollection.Name)]
public sealed class PreferTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Create_with_return_minimal_has_no_body_but_keeps_location_and_etag()
    {
        var (status, body, response) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(), ("Prefer", "return=minimal"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Null(body);
        Assert.Equal("W/\"1\"", FhirHttp.ETag(response));
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"{server.FhirBase}/Basic/", location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, location)).Status);
    }

    [Fact]
    public async Task Create_with_return_representation_answers_the_stored_resource()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(text: "shown"), ("Prefer", "return=representation"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Basic", (string?)body!["resourceType"]);
        Assert.Equal("shown", (string?)body["code"]!["text"]);
        Assert.Equal("1", (string?)body["meta"]!["versionId"]);
    }

    [Fact]
    public async Task Create_with_return_operation_outcome_answers_an_operation_outcome_and_still_stores()
    {
        var (status, body, response) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(), ("Prefer", "return=OperationOutcome"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("OperationOutcome", (string?)body!["resourceType"]);
        Assert.DoesNotContain(FhirHttp.Issues(body), i => i.Severity is "error" or "fatal");
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, response.Headers.Location!.ToString())).Status);
    }

    [Fact]
    public async Task Update_with_return_minimal_has_no_body_and_the_new_etag()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));

        var (status, body, response) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id, "changed"), ("Prefer", "return=minimal"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(body);
        Assert.Equal("W/\"2\"", FhirHttp.ETag(response));
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Update_with_return_operation_outcome_answers_an_operation_outcome()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id), ("Prefer", "return=OperationOutcome"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("OperationOutcome", (string?)body!["resourceType"]);
    }

    [Fact]
    public async Task Without_prefer_a_write_answers_the_resource()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New());

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Basic", (string?)body!["resourceType"]);
    }
}
