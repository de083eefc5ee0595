using System.Net;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>update, update as create, delete (soft) and vread (http.html#update, #delete, #vread).</summary>
[Collection(ServerCollection.Name)]
public sealed class UpdateDeleteTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Update_stores_version_2_and_answers_200_with_etag_last_modified_and_the_new_content()
    {
        var created = await _client.CreateAsync(Basics.New(text: "first"));
        var id = (string)created["id"]!;

        var (status, body, response) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id, "second"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2", (string?)body!["meta"]!["versionId"]);
        Assert.Equal("second", (string?)body["code"]!["text"]);
        Assert.Equal("W/\"2\"", FhirHttp.ETag(response));
        Assert.Equal(DateTimeOffset.Parse((string)body["meta"]!["lastUpdated"]!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(),
            response.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
        var (_, read, readResponse) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
        Assert.Equal("second", (string?)read!["code"]!["text"]);
        Assert.Equal("W/\"2\"", FhirHttp.ETag(readResponse));
    }

    [Fact]
    public async Task Update_as_create_keeps_the_client_id_and_answers_201_with_location_of_version_1()
    {
        var id = Basics.NewId();
        var (status, body, response) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(id, (string?)body!["id"]);
        Assert.Equal("1", (string?)body["meta"]!["versionId"]);
        Assert.Equal("W/\"1\"", FhirHttp.ETag(response));
        Assert.Equal($"{server.FhirBase}/Basic/{id}/_history/1", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}")).Status);
    }

    [Fact]
    public async Task The_server_sets_versionId_and_lastUpdated_and_keeps_the_rest_of_meta()
    {
        var id = Basics.NewId();
        var basic = Basics.New(id);
        basic["meta"] = new JsonObject
        {
            ["versionId"] = "41",
            ["lastUpdated"] = "2001-01-01T00:00:00Z",
            ["tag"] = new JsonArray(new JsonObject { ["system"] = "urn:test", ["code"] = "kept" }),
        };
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var body = await _client.PutAsync(basic);

        Assert.Equal("1", (string?)body["meta"]!["versionId"]);
        Assert.True(DateTimeOffset.Parse((string)body["meta"]!["lastUpdated"]!, System.Globalization.CultureInfo.InvariantCulture) > before);
        Assert.Equal("kept", (string?)body["meta"]!["tag"]![0]!["code"]);
    }

    [Fact]
    public async Task Update_with_an_id_in_the_body_other_than_the_url_is_400_and_changes_nothing()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id, "original"));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(Basics.NewId(), "changed"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");

        (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(null, "changed"));
        Assert.Equal(HttpStatusCode.BadRequest, status);

        var (_, read, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
        Assert.Equal("original", (string?)read!["code"]!["text"]);
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Theory]
    [InlineData("has_underscore")]
    [InlineData("has space")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task Update_as_create_with_an_id_that_is_not_a_fhir_id_is_400(string id)
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{Uri.EscapeDataString(id)}", Basics.New(id));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Fact]
    public async Task An_invalid_update_is_422_and_the_current_version_stays()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));
        var invalid = Basics.New(id);
        invalid["created"] = "not a date";

        var (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", invalid);

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error" && i.Expression == "Basic.created");
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Fact]
    public async Task Delete_answers_2xx_and_the_resource_then_reads_as_410_gone_while_older_versions_stay_readable()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));

        var (status, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}");
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NoContent, $"delete answered {status}");

        var (readStatus, read, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
        Assert.Equal(HttpStatusCode.Gone, readStatus);
        Assert.Contains(FhirHttp.Issues(read), i => i.Severity == "error");

        var (vreadStatus, version1, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}/_history/1");
        Assert.Equal(HttpStatusCode.OK, vreadStatus);
        Assert.Equal(id, (string?)version1!["id"]);
        Assert.Equal(HttpStatusCode.Gone, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}/_history/2")).Status);
    }

    [Fact]
    public async Task Deleting_what_never_existed_or_is_already_deleted_succeeds_and_writes_nothing()
    {
        var missing = Basics.NewId();
        var (status, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{missing}");
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NoContent, $"delete of a missing resource answered {status}");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{missing}")).Status);
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", missing));

        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));
        await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}");
        (status, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}");
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NoContent, $"second delete answered {status}");
        Assert.Equal(2, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Fact]
    public async Task An_update_after_a_delete_brings_the_resource_back_as_the_next_version()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id, "before"));
        await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}");

        var (status, body, response) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id, "after"));

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"update after delete answered {status}");
        Assert.Equal("3", (string?)body!["meta"]!["versionId"]);
        Assert.Equal("W/\"3\"", FhirHttp.ETag(response));
        var (readStatus, read, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
        Assert.Equal(HttpStatusCode.OK, readStatus);
        Assert.Equal("after", (string?)read!["code"]!["text"]);
    }

    [Fact]
    public async Task Vread_returns_each_version_as_it_was_with_its_own_etag_and_last_modified()
    {
        var id = Basics.NewId();
        var first = await _client.PutAsync(Basics.New(id, "v1"));
        await _client.PutAsync(Basics.New(id, "v2"));

        var (status, body, response) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}/_history/1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("v1", (string?)body!["code"]!["text"]);
        Assert.Equal("1", (string?)body["meta"]!["versionId"]);
        Assert.Equal((string?)first["meta"]!["lastUpdated"], (string?)body["meta"]!["lastUpdated"]);
        Assert.Equal("W/\"1\"", FhirHttp.ETag(response));
        Assert.NotNull(response.Content.Headers.LastModified);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData("abc")]
    public async Task Vread_of_a_version_that_does_not_exist_is_404(string version)
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));
        await _client.PutAsync(Basics.New(id));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}/_history/{version}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Code == "not-found");
    }

    [Fact]
    public async Task Head_on_a_read_answers_the_headers_without_a_body()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));

        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"fhir/Basic/{id}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"1\"", FhirHttp.ETag(response));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
