using System.Globalization;
using System.Net;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// Version-aware interactions (http.html#versioning, #concurrency, #cread): ETag <c>W/"n"</c>, Last-Modified,
/// If-Match (412 on a version mismatch), If-None-Match and If-Modified-Since on reads (304).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class VersioningTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task The_etag_is_the_weak_version_id_and_last_modified_is_meta_lastUpdated_to_the_second()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));
        await _client.PutAsync(Basics.New(id));

        var (_, body, response) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");

        Assert.NotNull(response.Headers.ETag);
        Assert.True(response.Headers.ETag.IsWeak);
        Assert.Equal("\"2\"", response.Headers.ETag.Tag);
        Assert.Equal("2", (string?)body!["meta"]!["versionId"]);
        var lastUpdated = DateTimeOffset.Parse((string)body["meta"]!["lastUpdated"]!, CultureInfo.InvariantCulture);
        Assert.Equal(lastUpdated.ToUnixTimeSeconds(), response.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Update_with_the_current_version_in_if_match_succeeds()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));

        var (status, body, response) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id, "changed"), ("If-Match", "W/\"1\""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2", (string?)body!["meta"]!["versionId"]);
        Assert.Equal("W/\"2\"", FhirHttp.ETag(response));
    }

    [Fact]
    public async Task Update_with_a_stale_version_in_if_match_is_412_and_changes_nothing()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id, "v1"));
        await _client.PutAsync(Basics.New(id, "v2"));

        var (status, body, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id, "lost update"), ("If-Match", "W/\"1\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Severity == "error");
        var (_, read, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
        Assert.Equal("v2", (string?)read!["code"]!["text"]);
        Assert.Equal(2, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Fact]
    public async Task Update_with_if_match_on_a_resource_that_does_not_exist_is_412_and_creates_nothing()
    {
        var id = Basics.NewId();

        var (status, _, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id), ("If-Match", "W/\"1\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    // RFC 9110 13.1.1: If-Match: * holds when a current version exists.
    [Fact]
    public async Task If_match_star_updates_an_existing_resource_and_creates_nothing_new()
    {
        var id = Basics.NewId();
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id), ("If-Match", "*"))).Status);
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));

        await _client.PutAsync(Basics.New(id));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id, "changed"), ("If-Match", "*"))).Status);
        Assert.Equal(2, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    [Fact]
    public async Task Delete_with_a_stale_if_match_is_412_and_with_the_current_one_deletes()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));
        await _client.PutAsync(Basics.New(id));

        var (status, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}", null, ("If-Match", "W/\"1\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}")).Status);

        (status, _, _) = await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}", null, ("If-Match", "W/\"2\""));
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.NoContent, $"delete answered {status}");
        Assert.Equal(HttpStatusCode.Gone, (await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}")).Status);
    }

    [Fact]
    public async Task If_none_match_star_on_update_creates_a_new_resource_but_refuses_to_overwrite_with_412()
    {
        var id = Basics.NewId();

        var (status, _, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id, "first"), ("If-None-Match", "*"));
        Assert.Equal(HttpStatusCode.Created, status);

        (status, _, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id, "second"), ("If-None-Match", "*"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        var (_, read, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
        Assert.Equal("first", (string?)read!["code"]!["text"]);
    }

    [Fact]
    public async Task Read_with_if_none_match_of_the_current_version_is_304_without_a_body()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));
        await _client.PutAsync(Basics.New(id));

        var (status, body, response) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}", null, ("If-None-Match", "W/\"2\""));
        Assert.Equal(HttpStatusCode.NotModified, status);
        Assert.Null(body);
        Assert.Equal("W/\"2\"", FhirHttp.ETag(response));

        (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}", null, ("If-None-Match", "W/\"1\""));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2", (string?)body!["meta"]!["versionId"]);
    }

    [Fact]
    public async Task Read_with_if_modified_since_is_304_unless_the_resource_changed_after_that_date()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));
        var (_, _, first) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
        var lastModified = first.Content.Headers.LastModified!.Value;

        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}", null, ("If-Modified-Since", lastModified.ToString("R", CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.NotModified, status);
        Assert.Null(body);

        (status, _, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}", null, ("If-Modified-Since", lastModified.AddMinutes(-5).ToString("R", CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
