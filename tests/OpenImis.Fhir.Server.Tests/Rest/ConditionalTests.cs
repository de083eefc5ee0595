using System.Net;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// Conditional create (<c>If-None-Exist</c>), conditional update and conditional delete (http.html#ccreate,
/// #cond-update, #cdelete): no match, one match, several matches.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ConditionalTests(ServerFixture server)
{
    private const string IdSystem = "urn:openimis-fhir:test";
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Conditional_create_creates_when_nothing_matches_and_answers_200_with_the_match_otherwise()
    {
        var value = Basics.NewCode();
        var criteria = $"identifier={IdSystem}|{value}";

        var (status, first, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithIdentifier(IdSystem, value), ("If-None-Exist", criteria));
        Assert.Equal(HttpStatusCode.Created, status);
        var id = (string)first!["id"]!;

        var (again, second, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(text: "ignored").WithIdentifier(IdSystem, value), ("If-None-Exist", criteria));
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(id, (string?)second!["id"]);
        Assert.Equal("test", (string?)second["code"]!["text"]);
        Assert.Equal(1, await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_identifier where resource_type = 'Basic' and value = $1", value));
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Theory]
    [InlineData("identifier={0}")]
    [InlineData("identifier=urn:openimis-fhir:test|{0}")]
    [InlineData("identifier=urn:openimis-fhir:test%7C{0}")]
    public async Task Conditional_create_matches_an_identifier_with_or_without_its_system(string criteriaFormat)
    {
        var value = Basics.NewCode();
        var existing = await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithIdentifier(IdSystem, value),
            ("If-None-Exist", string.Format(System.Globalization.CultureInfo.InvariantCulture, criteriaFormat, value)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((string?)existing["id"], (string?)body!["id"]);
    }

    [Fact]
    public async Task Conditional_create_with_another_system_does_not_match()
    {
        var value = Basics.NewCode();
        await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value));

        var (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithIdentifier("urn:other", value), ("If-None-Exist", $"identifier=urn:other|{value}"));

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task Conditional_create_on_all_criteria_at_once_matches_only_resources_meeting_every_one()
    {
        var value = Basics.NewCode();
        var existing = (string)(await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value)))["id"]!;

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(), ("If-None-Exist", $"_id={existing}&identifier={IdSystem}|{value}"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(existing, (string?)body!["id"]);

        // No match: the resource would be created, but it cannot meet _id={existing} (ConditionalCriteriaMustMatchTests).
        (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(), ("If-None-Exist", $"_id={existing}&identifier={IdSystem}|other-{value}"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Conditional_create_with_several_matches_is_412_and_creates_nothing()
    {
        var value = Basics.NewCode();
        await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value));
        await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithIdentifier(IdSystem, value), ("If-None-Exist", $"identifier={IdSystem}|{value}"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
        Assert.Equal(2, await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_identifier where resource_type = 'Basic' and value = $1", value));
    }

    [Fact]
    public async Task A_deleted_resource_does_not_match_a_conditional_create()
    {
        var value = Basics.NewCode();
        var deleted = (string)(await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value)))["id"]!;
        await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{deleted}");

        var (status, body, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithIdentifier(IdSystem, value), ("If-None-Exist", $"identifier={IdSystem}|{value}"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.NotEqual(deleted, (string?)body!["id"]);
    }

    [Fact]
    public async Task Conditional_update_without_a_match_and_without_an_id_creates_with_a_server_id()
    {
        var value = Basics.NewCode();

        var (status, body, response) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?identifier={IdSystem}|{value}", Basics.New().WithIdentifier(IdSystem, value));

        Assert.Equal(HttpStatusCode.Created, status);
        var id = (string)body!["id"]!;
        Assert.True(Guid.TryParse(id, out _), $"expected a server-assigned UUID, got {id}");
        Assert.Equal($"{server.FhirBase}/Basic/{id}/_history/1", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Conditional_update_without_a_match_but_with_an_id_creates_with_that_id()
    {
        var value = Basics.NewCode();
        var id = Basics.NewId();

        var (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?identifier={IdSystem}|{value}", Basics.New(id).WithIdentifier(IdSystem, value));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(id, (string?)body!["id"]);
    }

    [Fact]
    public async Task Conditional_update_with_one_match_updates_that_resource()
    {
        var value = Basics.NewCode();
        var id = (string)(await _client.CreateAsync(Basics.New(text: "before").WithIdentifier(IdSystem, value)))["id"]!;

        var (status, body, response) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?identifier={IdSystem}|{value}", Basics.New(text: "after").WithIdentifier(IdSystem, value));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(id, (string?)body!["id"]);
        Assert.Equal("2", (string?)body["meta"]!["versionId"]);
        Assert.Equal("W/\"2\"", FhirHttp.ETag(response));

        // With the matching id in the body as well.
        (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?identifier={IdSystem}|{value}", Basics.New(id, "again").WithIdentifier(IdSystem, value));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("3", (string?)body!["meta"]!["versionId"]);
    }

    [Fact]
    public async Task Conditional_update_with_one_match_but_another_id_in_the_body_is_400()
    {
        var value = Basics.NewCode();
        var id = (string)(await _client.CreateAsync(Basics.New(text: "before").WithIdentifier(IdSystem, value)))["id"]!;

        var (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?identifier={IdSystem}|{value}", Basics.New(Basics.NewId(), "after").WithIdentifier(IdSystem, value));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Fact]
    public async Task Conditional_update_with_several_matches_is_412_and_changes_nothing()
    {
        var value = Basics.NewCode();
        var first = (string)(await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value)))["id"]!;
        var second = (string)(await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value)))["id"]!;

        var (status, _, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?identifier={IdSystem}|{value}", Basics.New().WithIdentifier(IdSystem, value));

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", first));
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", second));
    }

    [Fact]
    public async Task Conditional_update_honours_if_match()
    {
        var value = Basics.NewCode();
        var id = (string)(await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value)))["id"]!;
        await _client.PutAsync(Basics.New(id).WithIdentifier(IdSystem, value));

        var (status, _, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?identifier={IdSystem}|{value}", Basics.New().WithIdentifier(IdSystem, value), ("If-Match", "W/\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, status);

        (status, _, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic?identifier={IdSystem}|{value}", Basics.New().WithIdentifier(IdSystem, value), ("If-Match", "W/\"2\""));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Conditional_delete_with_one_match_deletes_it()
    {
        var value = Basics.NewCode();
        var id = (string)(await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value)))["id"]!;

        var (status, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic?identifier={IdSystem}|{value}");

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NoContent, $"conditional delete answered {status}");
        Assert.Equal(HttpStatusCode.Gone, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}")).Status);
    }

    [Fact]
    public async Task Conditional_delete_without_a_match_deletes_nothing_and_does_not_fail()
    {
        var (status, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic?identifier={IdSystem}|{Basics.NewCode()}");

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NoContent or HttpStatusCode.NotFound, $"conditional delete without a match answered {status}");
    }

    [Fact]
    public async Task Conditional_delete_with_several_matches_is_412_and_deletes_none()
    {
        var value = Basics.NewCode();
        var first = (string)(await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value)))["id"]!;
        var second = (string)(await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, value)))["id"]!;

        var (status, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic?identifier={IdSystem}|{value}");

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{first}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{second}")).Status);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task A_conditional_update_or_delete_without_criteria_is_400_not_a_write_to_every_resource(string method)
    {
        var (status, body, _) = await _client.SendAsync(new HttpMethod(method), "fhir/Basic", method == "PUT" ? Basics.New() : null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
    }

    [Fact]
    public async Task Criteria_the_server_cannot_evaluate_are_refused_rather_than_ignored()
    {
        // Ignoring "name" would make "name=x" match everything: the request must fail instead of creating or overwriting.
        var (status, _, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New(), ("If-None-Exist", "name=nobody"));
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.PreconditionFailed, $"If-None-Exist with an unknown parameter answered {status}");

        (status, _, _) = await _client.SendAsync(HttpMethod.Delete, "fhir/Basic?name=nobody");
        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.PreconditionFailed, $"conditional delete with an unknown parameter answered {status}");
    }
}
