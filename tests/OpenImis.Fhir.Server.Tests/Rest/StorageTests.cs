using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// What the interactions leave in PostgreSQL: the version and resource rows, the identifier and reference tables
/// kept in the same transaction as the version, and the change feed's commit-safe order.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class StorageTests(ServerFixture server)
{
    private const string IdentifierRows = "select system, value, type_system, type_code from fhir_identifier where resource_type = $1 and resource_id = $2 order by value";
    private const string ReferenceRows = "select path, target_type, target_id, target_url, identifier_system, identifier_value from fhir_reference where source_type = $1 and source_id = $2 order by path";
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task A_created_patient_has_its_identifier_and_reference_rows()
    {
        var patient = await _client.CreateAsync(IgExamples.NewPatient());
        var id = (string)patient["id"]!;

        var identifiers = await Database.QueryAsync(server.ConnectionString, IdentifierRows, "Patient", id);
        var identifier = Assert.Single(identifiers);
        Assert.Equal(["", (string?)patient["identifier"]![0]!["value"], Basics.OpenImisIdentifiers, "Code"], identifier);

        var references = await Database.QueryAsync(server.ConnectionString, ReferenceRows, "Patient", id);
        Assert.Equal(
            [("Patient.address[0].extension[1].value", "Location", "Jamula-village"), ("Patient.extension[5].value", "Group", "doe-family")],
            references.Select(r => ((string)r[0]!, (string?)r[1], (string?)r[2])));
    }

    [Fact]
    public async Task An_update_replaces_the_identifier_and_reference_rows()
    {
        var id = Basics.NewId();
        var target = Basics.NewId();
        await _client.PutAsync(Basics.New(target));
        var oldCode = Basics.NewCode();
        await _client.PutAsync(Basics.New(id).WithBusinessCode(oldCode).WithIdentifier("urn:a", "a1").WithSubject("Patient/john-doe"));
        var newCode = Basics.NewCode();

        await _client.PutAsync(Basics.New(id).WithBusinessCode(newCode).WithSubject($"Basic/{target}"));

        var identifiers = await Database.QueryAsync(server.ConnectionString, IdentifierRows, "Basic", id);
        Assert.Equal([newCode], identifiers.Select(r => (string?)r[1]));
        var references = await Database.QueryAsync(server.ConnectionString, ReferenceRows, "Basic", id);
        Assert.Equal([("Basic.subject", "Basic", target)], references.Select(r => ((string)r[0]!, (string?)r[1], (string?)r[2])));
    }

    [Fact]
    public async Task A_delete_removes_the_identifier_and_reference_rows_and_keeps_the_versions()
    {
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id).WithBusinessCode(Basics.NewCode()).WithSubject("Patient/john-doe"));

        await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}");

        Assert.Empty(await Database.QueryAsync(server.ConnectionString, IdentifierRows, "Basic", id));
        Assert.Empty(await Database.QueryAsync(server.ConnectionString, ReferenceRows, "Basic", id));
        var versions = await Database.QueryAsync(server.ConnectionString,
            "select version_id, deleted, method, body is null from fhir_resource_version where resource_type = 'Basic' and id = $1 order by version_id", id);
        Assert.Equal([(1, false, "PUT", false), (2, true, "DELETE", true)], versions.Select(v => ((int)v[0]!, (bool)v[1]!, (string)v[2]!, (bool)v[3]!)));
        var current = Assert.Single(await Database.QueryAsync(server.ConnectionString, "select version_id, deleted from fhir_resource where resource_type = 'Basic' and id = $1", id));
        Assert.Equal([2, true], current);
    }

    [Fact]
    public async Task References_by_url_by_identifier_and_by_version_are_indexed_and_contained_ones_are_not()
    {
        var basic = Basics.New();
        basic["contained"] = new JsonArray(new JsonObject { ["resourceType"] = "Basic", ["id"] = "inner", ["code"] = new JsonObject { ["text"] = "inner" } });
        basic["subject"] = new JsonObject { ["reference"] = "#inner" };
        basic["author"] = new JsonObject { ["reference"] = "Patient/john-doe/_history/1" };
        basic["extension"] = new JsonArray(
            new JsonObject { ["url"] = "urn:test:url", ["valueReference"] = new JsonObject { ["reference"] = "http://elsewhere.example.org/fhir/Patient/9" } },
            new JsonObject { ["url"] = "urn:test:identifier", ["valueReference"] = new JsonObject { ["identifier"] = new JsonObject { ["system"] = "urn:ids", ["value"] = "v9" } } });

        var id = (string)(await _client.CreateAsync(basic))["id"]!;

        var references = await Database.QueryAsync(server.ConnectionString, ReferenceRows, "Basic", id);
        Assert.Equal(3, references.Count);
        Assert.Contains(references, r => (string?)r[1] == "Patient" && (string?)r[2] == "john-doe" && (string)r[0]! == "Basic.author");
        Assert.Contains(references, r => (string?)r[3] == "http://elsewhere.example.org/fhir/Patient/9" && r[2] is null);
        Assert.Contains(references, r => (string?)r[4] == "urn:ids" && (string?)r[5] == "v9" && r[2] is null);
    }

    [Fact]
    public async Task The_stored_body_is_the_resource_the_server_answers()
    {
        var created = await _client.CreateAsync(Basics.New(text: "stored"));
        var id = (string)created["id"]!;

        var body = (string)Assert.Single(await Database.QueryAsync(server.ConnectionString, "select body::text from fhir_resource_version where resource_type = 'Basic' and id = $1", id))[0]!;

        Assert.True(JsonNode.DeepEquals(created, JsonNode.Parse(body)), $"stored {body}, answered {created.ToJsonString()}");
    }

    [Fact]
    public async Task A_refused_write_leaves_no_rows()
    {
        var id = Basics.NewId();
        var code = Basics.NewCode();

        var (status, _, _) = await _client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id).WithBusinessCode(code).WithSubject($"Basic/{Basics.NewId("missing")}"));

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Empty(await Database.QueryAsync(server.ConnectionString, IdentifierRows, "Basic", id));
        Assert.Empty(await Database.QueryAsync(server.ConnectionString, ReferenceRows, "Basic", id));
        Assert.Empty(await Database.QueryAsync(server.ConnectionString, "select 1 from fhir_resource where resource_type = 'Basic' and id = $1", id));
    }

    [Fact]
    public async Task The_change_feed_lists_every_committed_version_in_order_with_deletes()
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var feed = new ChangeFeed(new FhirStore(dataSource));
        var cursor = await EndAsync(feed);
        var id = Basics.NewId();
        await _client.PutAsync(Basics.New(id));
        await _client.PutAsync(Basics.New(id));
        await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{id}");

        var changes = await ReadAllAsync(feed, cursor);

        Assert.Equal([(id, 1, false), (id, 2, false), (id, 3, true)], changes.Select(c => (c.Id, c.VersionId, c.Deleted)));
        Assert.All(changes, c => Assert.Equal("Basic", c.ResourceType));
        AssertIncreasing(changes);
    }

    [Fact]
    public async Task The_change_feed_holds_back_changes_behind_a_running_transaction_and_skips_nothing_once_it_commits()
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var store = new FhirStore(dataSource);
        var feed = new ChangeFeed(store);
        var cursor = await EndAsync(feed);

        // A draws its sequence number first but commits last; B commits meanwhile on another connection.
        var a = Basics.NewId();
        await using (var open = await store.BeginAsync())
        {
            open.Write(RawWrite(a));
            await open.FlushAsync();
            var b = Basics.NewId();
            await _client.PutAsync(Basics.New(b));

            Assert.Empty(await ReadAllAsync(feed, cursor));

            await open.CommitAsync();
            var changes = await ReadAllAsync(feed, cursor);
            Assert.Equal([a, b], changes.Select(c => c.Id));
            AssertIncreasing(changes);
        }
    }

    [Fact]
    public async Task A_transaction_that_writes_after_a_later_commit_is_still_read_after_the_cursor_moved_past_that_commit()
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var store = new FhirStore(dataSource);
        var feed = new ChangeFeed(store);
        var cursor = await EndAsync(feed);

        await using var open = await store.BeginAsync();
        var b = Basics.NewId();
        await _client.PutAsync(Basics.New(b));
        var a = Basics.NewId();
        open.Write(RawWrite(a));
            await open.FlushAsync();

        var first = await ReadAllAsync(feed, cursor);
        Assert.Equal([b], first.Select(c => c.Id));

        await open.CommitAsync();
        var second = await ReadAllAsync(feed, first[^1].Position);
        Assert.Equal([a], second.Select(c => c.Id));
    }

    [Fact]
    public async Task A_rolled_back_transaction_never_appears_in_the_change_feed()
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var store = new FhirStore(dataSource);
        var feed = new ChangeFeed(store);
        var cursor = await EndAsync(feed);

        var rolledBack = Basics.NewId();
        await using (var open = await store.BeginAsync())
        {
            open.Write(RawWrite(rolledBack));
            await open.FlushAsync();
        }
        var committed = Basics.NewId();
        await _client.PutAsync(Basics.New(committed));

        Assert.Equal([committed], (await ReadAllAsync(feed, cursor)).Select(c => c.Id));
    }

    [Fact]
    public async Task The_change_feed_pages_by_its_limit_without_losing_or_repeating_changes()
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var feed = new ChangeFeed(new FhirStore(dataSource));
        var cursor = await EndAsync(feed);
        var id = Basics.NewId();
        for (var i = 0; i < 5; i++) await _client.PutAsync(Basics.New(id, $"v{i}"));

        var versions = new List<int>();
        for (var page = await feed.ReadAsync(cursor, 2); page.Count > 0; page = await feed.ReadAsync(cursor, 2))
        {
            Assert.True(page.Count <= 2);
            versions.AddRange(page.Select(c => c.VersionId));
            cursor = page[^1].Position;
        }

        Assert.Equal([1, 2, 3, 4, 5], versions);
    }

    [Theory]
    [InlineData("12.34", true)]
    [InlineData("0.0", true)]
    [InlineData("12", false)]
    [InlineData(".34", false)]
    [InlineData("12.", false)]
    [InlineData("-1.2", false)]
    [InlineData("a.b", false)]
    [InlineData(null, false)]
    public void A_change_cursor_reads_back_what_it_writes(string? text, bool valid)
    {
        Assert.Equal(valid, ChangeCursor.TryParse(text, out var cursor));
        if (valid) Assert.Equal(text, cursor.ToString());
        else Assert.Equal(ChangeCursor.Start, cursor);
    }

    // The writes, the reference check and the COMMIT go in one batch (StoreTransaction.CommitAsync): a missing target
    // fails the check, so the COMMIT after it never runs.
    [Fact]
    public async Task A_commit_whose_targets_are_missing_names_them_and_stores_nothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var store = new FhirStore(dataSource);
        var existing = Basics.NewId("existing");
        await _client.PutAsync(Basics.New(existing));
        var deleted = Basics.NewId("deleted");
        await _client.PutAsync(Basics.New(deleted));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(HttpMethod.Delete, $"fhir/Basic/{deleted}")).Status);
        var missing = Basics.NewId("missing");

        var written = Basics.NewId();
        var refused = await Assert.ThrowsAsync<MissingTargetsException>(() =>
            WriteAndCommitAsync(store, written, ("Basic", existing), ("Basic", deleted), ("Patient", missing)));

        Assert.Equal([("Basic", deleted), ("Patient", missing)], refused.Missing.Order());
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", written));
    }

    // The check at commit locks its targets for key share, as a foreign key would: a delete holding the target for
    // update makes it wait, and once the delete commits, the check finds the target gone and nothing is stored.
    [Fact]
    public async Task The_check_at_commit_waits_for_a_delete_of_its_target_then_refuses()
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var store = new FhirStore(dataSource);
        var target = Basics.NewId("target");
        await _client.PutAsync(Basics.New(target));

        await using var deleting = await store.BeginAsync();
        Assert.NotNull(await deleting.LockCurrentAsync("Basic", target, forDelete: true));
        deleting.Write(new ResourceWrite("Basic", target, 2, DateTimeOffset.UtcNow, "DELETE", null, [], []));
        await deleting.FlushAsync();

        var referrer = Basics.NewId("referrer");
        var creating = Task.Run(() => WriteAndCommitAsync(store, referrer, ("Basic", target)));
        // Unlocked, the create would commit at once, the delete not being committed yet.
        await Task.Delay(500);
        Assert.False(creating.IsCompleted, "the check did not wait for the delete's row lock");

        await deleting.CommitAsync();
        var refused = await Assert.ThrowsAsync<MissingTargetsException>(() => creating);
        Assert.Equal([("Basic", target)], refused.Missing);
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", referrer));
    }

    // After a COMMIT sent as a statement, the connection goes back to the pool out of its transaction: the next
    // transaction on it (one connection in the pool) commits or rolls back on its own.
    [Fact]
    public async Task After_a_commit_in_one_round_trip_the_connection_serves_the_next_transaction_alone()
    {
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server.ConnectionString) { MaxPoolSize = 1 }.ConnectionString);
        var store = new FhirStore(dataSource);
        var target = Basics.NewId("target");
        await _client.PutAsync(Basics.New(target));

        var committed = Basics.NewId();
        await WriteAndCommitAsync(store, committed, ("Basic", target));
        var rolledBack = Basics.NewId();
        await using (var open = await store.BeginAsync())
        {
            open.Write(RawWrite(rolledBack));
            await open.FlushAsync();
        }
        var refusedFirst = Basics.NewId();
        await Assert.ThrowsAsync<MissingTargetsException>(() => WriteAndCommitAsync(store, refusedFirst, ("Basic", Basics.NewId("missing"))));
        var last = Basics.NewId();
        await WriteAndCommitAsync(store, last);

        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", committed));
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", rolledBack));
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", refusedFirst));
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", last));
    }

    // ANALYZE skips the bodies (migration 0012): nothing filters or sorts on them, and they were most of its time.
    [Fact]
    public async Task The_version_bodies_carry_no_planner_statistics()
    {
        var target = Assert.Single(await Database.QueryAsync(server.ConnectionString,
            "select attstattarget from pg_attribute where attrelid = 'fhir_resource_version'::regclass and attname = $1", "body"));
        Assert.Equal(0, Convert.ToInt32(target[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    // Migration 0014: byte-wise comparison in every B-tree insert and probe, and no join or lookup between text
    // columns of different collations (which could not use their indexes).
    [Fact]
    public async Task Every_text_column_of_the_storage_tables_compares_byte_by_byte()
    {
        var columns = await Database.QueryAsync(server.ConnectionString, """
            select table_name, column_name, collation_name from information_schema.columns
            where table_schema = current_schema() and data_type = 'text' and (table_name like 'fhir\_%' or table_name like 'search\_%')
            """);
        Assert.Contains(columns, c => (string)c[0]! == "search_token" && (string)c[1]! == "value");
        Assert.All(columns, c => Assert.True((string?)c[2] == "C", $"{c[0]}.{c[1]} has collation {c[2] ?? "default"}"));
    }

    /// <summary>Writes <see cref="RawWrite"/> in a transaction of its own and commits it, requiring the given targets.</summary>
    private static async Task WriteAndCommitAsync(FhirStore store, string id, params (string Type, string Id)[] mustExist)
    {
        await using var open = await store.BeginAsync();
        open.Write(RawWrite(id));
        await open.CommitAsync(mustExist);
    }

    /// <summary>A version written straight through the storage (no HTTP), to hold its transaction open.</summary>
    private static ResourceWrite RawWrite(string id) =>
        new("Basic", id, 1, DateTimeOffset.UtcNow, "PUT", Basics.New(id).ToJsonString(), [], []);

    /// <summary>The cursor after every change committed so far.</summary>
    private static async Task<ChangeCursor> EndAsync(ChangeFeed feed)
    {
        var cursor = ChangeCursor.Start;
        for (var page = await feed.ReadAsync(cursor, 1000); page.Count > 0; page = await feed.ReadAsync(cursor, 1000)) cursor = page[^1].Position;
        return cursor;
    }

    private static async Task<List<ResourceChange>> ReadAllAsync(ChangeFeed feed, ChangeCursor after)
    {
        var changes = new List<ResourceChange>();
        for (var page = await feed.ReadAsync(after, 1000); page.Count > 0; page = await feed.ReadAsync(after, 1000))
        {
            changes.AddRange(page);
            after = page[^1].Position;
        }
        return changes;
    }

    private static void AssertIncreasing(List<ResourceChange> changes)
    {
        for (var i = 1; i < changes.Count; i++)
        {
            var (previous, next) = (changes[i - 1].Position, changes[i].Position);
            Assert.True(previous.TransactionId < next.TransactionId || (previous.TransactionId == next.TransactionId && previous.ChangeSeq < next.ChangeSeq), $"{previous} is not before {next}");
        }
    }
}
