using Npgsql;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// Creates that arrive while the commit slot is busy are committed together (<see cref="CommitGroup"/>), step by step:
/// a first create holds the one slot, waiting for a row lock that the test holds, while others queue behind it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class GroupCommitTests(ServerFixture server)
{
    [Fact]
    public async Task Creates_queued_behind_a_commit_are_committed_together_in_one_transaction()
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var commits = new CommitGroup(maxInFlight: 1, maxQueueWait: TimeSpan.FromSeconds(60));
        var store = new FhirStore(dataSource) { Commits = commits };
        var (first, firstId, release) = await CommitHeldBehindALockAsync(store);

        string[] queued = [Basics.NewId(), Basics.NewId(), Basics.NewId()];
        var creates = queued.Select(id => Task.Run(() => CreateAsync(store, id))).ToList();
        await UntilAsync(() => commits.Waiting == queued.Length);
        await release();
        await first;
        await Task.WhenAll(creates);

        var transactions = await TransactionsAsync(queued);
        Assert.Single(transactions.Distinct());
        Assert.NotEqual(transactions[0], Assert.Single(await TransactionsAsync([firstId])));
    }

    [Fact]
    public async Task When_a_group_is_refused_each_create_commits_on_its_own_and_only_the_faulty_ones_fail()
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var commits = new CommitGroup(maxInFlight: 1, maxQueueWait: TimeSpan.FromSeconds(60));
        var store = new FhirStore(dataSource) { Commits = commits };
        var code = Basics.NewCode();
        await CreateAsync(store, Basics.NewId(), code);
        var (first, _, release) = await CommitHeldBehindALockAsync(store);

        string good = Basics.NewId(), duplicate = Basics.NewId(), dangling = Basics.NewId(), alsoGood = Basics.NewId();
        var goodCreate = Task.Run(() => CreateAsync(store, good));
        var duplicateCreate = Task.Run(() => CreateAsync(store, duplicate, code));
        var danglingCreate = Task.Run(() => CreateAsync(store, dangling, mustExist: ("Basic", Basics.NewId("missing"))));
        var alsoGoodCreate = Task.Run(() => CreateAsync(store, alsoGood));
        await UntilAsync(() => commits.Waiting == 4);
        await release();
        await first;

        await goodCreate;
        await alsoGoodCreate;
        var conflict = await Assert.ThrowsAsync<StorageConflictException>(() => duplicateCreate);
        Assert.True(conflict.IsDuplicateIdentifier);
        Assert.Equal(duplicate, conflict.Id);
        var missing = await Assert.ThrowsAsync<MissingTargetsException>(() => danglingCreate);
        Assert.Single(missing.Missing);
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", good));
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", alsoGood));
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", duplicate));
        Assert.Equal(0, await Database.VersionCountAsync(server.ConnectionString, "Basic", dangling));
    }

    // A commit stuck on a lock must not hold every create of the server behind it.
    [Fact]
    public async Task A_create_that_waits_too_long_for_the_commit_slot_commits_on_its_own()
    {
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var commits = new CommitGroup(maxInFlight: 1, maxQueueWait: TimeSpan.FromMilliseconds(200));
        var store = new FhirStore(dataSource) { Commits = commits };
        var (first, _, release) = await CommitHeldBehindALockAsync(store);

        var id = Basics.NewId();
        await CreateAsync(store, id).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(first.IsCompleted);
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
        Assert.Equal(0, commits.Waiting);
        await release();
        await first;
    }

    // A create whose commit takes the one slot and then waits: its target is locked for update (as a delete would)
    // by a transaction of the test, until release.
    private static async Task<(Task First, string FirstId, Func<Task> Release)> CommitHeldBehindALockAsync(FhirStore store)
    {
        var target = Basics.NewId("target");
        await CreateAsync(store, target);
        var locking = await store.BeginAsync();
        Assert.NotNull(await locking.LockCurrentAsync("Basic", target, forDelete: true));
        var firstId = Basics.NewId("first");
        var first = Task.Run(() => CreateAsync(store, firstId, mustExist: ("Basic", target)));
        await UntilAsync(() => store.Commits!.InFlight == 1);
        await Task.Delay(100);
        Assert.False(first.IsCompleted, "the first create did not wait for the lock");
        return (first, firstId, async () => await locking.DisposeAsync());
    }

    private static async Task CreateAsync(FhirStore store, string id, string? code = null, params (string Type, string Id)[] mustExist)
    {
        var basic = Basics.New(id);
        IReadOnlyList<IndexedIdentifier> identifiers = [];
        if (code is not null)
        {
            basic = basic.WithBusinessCode(code);
            identifiers = [new IndexedIdentifier("", code, Basics.OpenImisIdentifiers, "Code")];
        }
        await using var open = await store.BeginAsync();
        open.Write(new ResourceWrite("Basic", id, 1, DateTimeOffset.UtcNow, "POST", basic.ToJsonString(), identifiers, []));
        await open.CommitAsync(mustExist);
    }

    private async Task<List<string>> TransactionsAsync(string[] ids)
    {
        var rows = await Database.QueryAsync(server.ConnectionString,
            "select txid::text from fhir_resource_version where resource_type = 'Basic' and id = any($1) order by id", [ids]);
        Assert.Equal(ids.Length, rows.Count);
        return [.. rows.Select(r => (string)r[0]!)];
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the commit queue");
            await Task.Delay(10);
        }
    }
}
