using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OpenImis.Fhir.Server.Hosting;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// Reads answered from the cache of current versions (CurrentResourceCache): every write through the server is read
/// back at once, whichever interaction made it; writes through another server instance on the same database within
/// its poll; a read that raced a write keeps nothing stale; and the cache stops answering when it cannot see every
/// change.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReadCacheTests(ServerFixture server)
{
    private CurrentResourceCache Cache => server.Services.GetRequiredService<CurrentResourceCache>();

    // Reads the resource until the cache holds it (the cache answers nothing before its first poll).
    private static async Task<JsonNode> ReadCachedAsync(HttpClient client, CurrentResourceCache cache, string id)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var (status, body, _) = await client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            if (cache.Holds("Basic", id)) return body!;
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"Basic/{id} was never kept in the cache");
    }

    [Fact]
    public async Task An_update_through_this_server_is_read_at_once()
    {
        var id = Basics.NewId();
        await server.Client.PutAsync(Basics.New(id, "first"));
        Assert.Equal("first", (await ReadCachedAsync(server.Client, Cache, id))["code"]!["text"]!.GetValue<string>());

        await server.Client.PutAsync(Basics.New(id, "second"));

        var (status, body, response) = await server.Client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("second", body!["code"]!["text"]!.GetValue<string>());
        Assert.Equal("W/\"2\"", FhirHttp.ETag(response));
    }

    [Fact]
    public async Task A_delete_is_gone_at_once_and_a_new_version_after_it_is_read()
    {
        var id = Basics.NewId();
        await server.Client.PutAsync(Basics.New(id));
        await ReadCachedAsync(server.Client, Cache, id);

        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}")).Status);
        Assert.Equal(HttpStatusCode.Gone, (await server.Client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}")).Status);
        // The deletion is kept as well: read it into the cache, then bring the resource back.
        for (var i = 0; i < 100 && !Cache.Holds("Basic", id); i++)
        {
            Assert.Equal(HttpStatusCode.Gone, (await server.Client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}")).Status);
        }
        Assert.True(Cache.Holds("Basic", id));

        await server.Client.PutAsync(Basics.New(id, "back"));

        var (status, body, response) = await server.Client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("back", body!["code"]!["text"]!.GetValue<string>());
        Assert.Equal("W/\"3\"", FhirHttp.ETag(response));
    }

    [Fact]
    public async Task Patches_and_transaction_updates_are_read_at_once()
    {
        var id = Basics.NewId();
        await server.Client.PutAsync(Basics.New(id, "first"));
        await ReadCachedAsync(server.Client, Cache, id);

        var patch = new JsonArray(new JsonObject { ["op"] = "replace", ["path"] = "/code/text", ["value"] = "patched" });
        var (patched, _, _) = await server.Client.SendRawAsync(HttpMethod.Patch, $"fhir/Basic/{id}", patch.ToJsonString(), "application/json-patch+json");
        Assert.Equal(HttpStatusCode.OK, patched);
        Assert.Equal("patched", (await server.Client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}")).Body!["code"]!["text"]!.GetValue<string>());

        await ReadCachedAsync(server.Client, Cache, id);
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "transaction",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["resource"] = Basics.New(id, "in a transaction"),
                ["request"] = new JsonObject { ["method"] = "PUT", ["url"] = $"Basic/{id}" },
            }),
        };
        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(HttpMethod.Post, "fhir", bundle)).Status);
        Assert.Equal("in a transaction", (await server.Client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}")).Body!["code"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reads_racing_updates_leave_the_last_version_readable()
    {
        var id = Basics.NewId();
        await server.Client.PutAsync(Basics.New(id));
        await ReadCachedAsync(server.Client, Cache, id);
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) await server.Client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
        })).ToArray();
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++) await server.Client.PutAsync(Basics.New(id, $"writer {w} write {i}"));
        })).ToArray();
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        for (var i = 0; i < 3; i++)
        {
            var (_, body, response) = await server.Client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
            Assert.Equal("W/\"61\"", FhirHttp.ETag(response));
            Assert.Equal("61", body!["meta"]!["versionId"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Writes_through_another_server_instance_are_read_after_its_poll()
    {
        var id = Basics.NewId();
        await server.Client.PutAsync(Basics.New(id, "first"));
        await using var other = await SecondServer.StartAsync(server.ConnectionString, "--Fhir:ReadCachePollSeconds", "0.05");
        var client = other.Client;
        var otherCache = other.Services.GetRequiredService<CurrentResourceCache>();
        await ReadCachedAsync(client, otherCache, id);

        await server.Client.PutAsync(Basics.New(id, "second"));
        Assert.Equal("second", (await ReadUntilAsync(client, id, body => body?["code"]?["text"]?.GetValue<string>() == "second"))!["code"]!["text"]!.GetValue<string>());

        await ReadCachedAsync(client, otherCache, id);
        Assert.Equal(HttpStatusCode.NoContent, (await server.Client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}")).Status);
        var gone = await ReadUntilAsync(client, id, body => body?["resourceType"]?.GetValue<string>() == "OperationOutcome");
        Assert.Equal("OperationOutcome", gone!["resourceType"]!.GetValue<string>());
    }

    // Reads through the client until the body satisfies the condition; fails after 10 s.
    private static async Task<JsonNode?> ReadUntilAsync(HttpClient client, string id, Func<JsonNode?, bool> condition)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(10))
        {
            var (_, body, _) = await client.SendAsync(HttpMethod.Get, $"fhir/Basic/{id}");
            if (condition(body)) return body;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"Basic/{id} read through the other instance never changed within 10 s");
    }

    [Fact]
    public async Task A_read_that_began_before_an_invalidation_keeps_nothing()
    {
        var id = Basics.NewId();
        await server.Client.PutAsync(Basics.New(id));
        var stored = (await server.Services.GetRequiredService<FhirStore>().ReadAsync("Basic", id))!;
        using var cache = await ServingCacheAsync();

        var raced = cache.BeforeRead("Basic", id);
        cache.Invalidate("Basic", id);
        cache.Keep(raced, stored);
        Assert.False(cache.TryGet("Basic", id, out _));

        cache.Keep(cache.BeforeRead("Basic", id), stored);
        Assert.True(cache.TryGet("Basic", id, out var kept));
        Assert.Same(stored, kept);

        var beforeSuspension = cache.BeforeRead("Basic", id);
        cache.Suspend();
        Assert.False(cache.Serving);
        Assert.False(cache.TryGet("Basic", id, out _));
        await cache.PollAsync(server.Services.GetRequiredService<NpgsqlDataSource>(), CancellationToken.None);
        Assert.True(cache.Serving);
        cache.Keep(beforeSuspension, stored);
        Assert.False(cache.TryGet("Basic", id, out _));
    }

    [Fact]
    public async Task A_read_under_way_while_the_cache_starts_keeps_nothing()
    {
        // The first poll notes where the change sequence stands: a version read before it may have been replaced since,
        // by a write the poll will never see, and must not be kept.
        var id = Basics.NewId();
        await server.Client.PutAsync(Basics.New(id));
        var stored = (await server.Services.GetRequiredService<FhirStore>().ReadAsync("Basic", id))!;
        using var cache = new CurrentResourceCache(1024 * 1024, TimeSpan.FromMinutes(10));

        var before = cache.BeforeRead("Basic", id);
        await cache.PollAsync(server.Services.GetRequiredService<NpgsqlDataSource>(), CancellationToken.None);
        cache.Keep(before, stored);

        Assert.True(cache.Serving);
        Assert.False(cache.TryGet("Basic", id, out _));
    }

    [Fact]
    public async Task The_cache_stops_answering_when_no_poll_has_succeeded_for_its_maximum_age()
    {
        var id = Basics.NewId();
        await server.Client.PutAsync(Basics.New(id));
        var stored = (await server.Services.GetRequiredService<FhirStore>().ReadAsync("Basic", id))!;
        var dataSource = server.Services.GetRequiredService<NpgsqlDataSource>();
        using var cache = new CurrentResourceCache(1024 * 1024, TimeSpan.FromMilliseconds(300));
        await cache.PollAsync(dataSource, CancellationToken.None);
        cache.Keep(cache.BeforeRead("Basic", id), stored);
        Assert.True(cache.TryGet("Basic", id, out _));

        await Task.Delay(400);

        Assert.False(cache.Serving);
        Assert.False(cache.TryGet("Basic", id, out _));
        await cache.PollAsync(dataSource, CancellationToken.None);
        Assert.True(cache.TryGet("Basic", id, out _));
    }

    [Fact]
    public async Task A_poll_that_throws_anything_leaves_the_server_running()
    {
        using var cache = await ServingCacheAsync();
        var broken = NpgsqlDataSource.Create(server.ConnectionString);
        await broken.DisposeAsync(); // every command of it throws ObjectDisposedException, no NpgsqlException
        using var refresh = new ReadCacheRefresh(cache, broken, TimeSpan.FromMilliseconds(20), NullLogger<ReadCacheRefresh>.Instance);

        await refresh.StartAsync(CancellationToken.None);
        await Task.Delay(300);

        Assert.False(refresh.ExecuteTask!.IsCompleted, refresh.ExecuteTask.Exception?.ToString());
        Assert.False(cache.Serving);
        await refresh.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Polls_go_on_while_requests_hold_every_pooled_connection()
    {
        var id = Basics.NewId();
        await server.Client.PutAsync(Basics.New(id));
        await using var other = await SecondServer.StartAsync(server.ConnectionString + ";Maximum Pool Size=3;Timeout=60", "--Fhir:ReadCachePollSeconds", "0.05");
        var otherCache = other.Services.GetRequiredService<CurrentResourceCache>();

        List<Task<(HttpStatusCode, JsonNode?, HttpResponseMessage)>> stuck;
        await using (await Database.LockRowAsync(server.ConnectionString, "Basic", id))
        {
            // Five updates of the locked row: three hold the pool's connections while they wait, two wait for a connection.
            stuck = [.. Enumerable.Range(0, 5).Select(i => other.Client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id, $"stuck {i}")))];
            await Task.Delay(1500); // more than the cache's maximum poll age (2 x 0.05 s + 1 s)

            Assert.True(otherCache.Serving);
        }
        await Task.WhenAll(stuck);
    }

    [Fact]
    public async Task The_cache_holds_no_more_than_its_budget()
    {
        var store = server.Services.GetRequiredService<FhirStore>();
        var stored = new List<StoredResource>();
        for (var i = 0; i < 40; i++)
        {
            var id = Basics.NewId();
            await server.Client.PutAsync(Basics.New(id, new string('x', 2000)));
            stored.Add((await store.ReadAsync("Basic", id))!);
        }
        // Each entry counts 256 bytes and two per char (about 4.3 kB here): 10 fit in 48 kB.
        using var cache = await ServingCacheAsync(maxBytes: 48 * 1024);
        foreach (var resource in stored) cache.Keep(cache.BeforeRead(resource.ResourceType, resource.Id), resource);

        Assert.InRange(cache.Count, 1, 48 * 1024 / (256 + 2 * stored[0].Json!.Length));
    }

    [Fact]
    public async Task A_long_transaction_that_holds_back_a_full_page_of_changes_suspends_the_cache_until_it_ends()
    {
        var ids = Enumerable.Range(0, 4).Select(_ => Basics.NewId()).ToList();
        foreach (var id in ids) await server.Client.PutAsync(Basics.New(id));
        var dataSource = server.Services.GetRequiredService<NpgsqlDataSource>();
        using var cache = await ServingCacheAsync(pollLimit: 3);

        await using (var holder = new NpgsqlConnection(server.ConnectionString))
        {
            await holder.OpenAsync();
            await using var transaction = await holder.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand("select pg_current_xact_id()", holder, transaction)) await command.ExecuteScalarAsync();
            foreach (var id in ids) await server.Client.PutAsync(Basics.New(id, "updated"));

            // Four committed updates after the open transaction: a page of three cannot be passed, so the fourth is unseen.
            await cache.PollAsync(dataSource, CancellationToken.None);
            Assert.False(cache.Serving);
            await cache.PollAsync(dataSource, CancellationToken.None);
            Assert.False(cache.Serving);
            await transaction.CommitAsync();
        }

        await cache.PollAsync(dataSource, CancellationToken.None);
        Assert.True(cache.Serving);
    }

    [Fact]
    public async Task A_poll_that_fails_suspends_the_cache()
    {
        using var cache = await ServingCacheAsync();
        var unreachable = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Port = 1, Timeout = 2 };
        await using var dataSource = NpgsqlDataSource.Create(unreachable.ConnectionString);

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => cache.PollAsync(dataSource, CancellationToken.None));

        Assert.False(cache.Serving);
    }

    [Fact]
    public async Task Without_a_budget_there_is_no_cache()
    {
        await using var app = FhirServerHost.Build(["--urls", "http://127.0.0.1:0", "--Fhir:ReadCacheMegabytes", "0"], server.ConnectionString);

        Assert.Null(app.Services.GetService<CurrentResourceCache>());
        Assert.Null(app.Services.GetRequiredService<FhirStore>().Cache);
    }

    // A cache of its own on the collection's database, serving after its first poll.
    private async Task<CurrentResourceCache> ServingCacheAsync(long maxBytes = 1024 * 1024, int pollLimit = 10_000)
    {
        var cache = new CurrentResourceCache(maxBytes, TimeSpan.FromMinutes(10), pollLimit);
        Assert.False(cache.Serving);
        await cache.PollAsync(server.Services.GetRequiredService<NpgsqlDataSource>(), CancellationToken.None);
        Assert.True(cache.Serving);
        return cache;
    }
}
