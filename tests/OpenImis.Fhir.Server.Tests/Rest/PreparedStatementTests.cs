using Npgsql;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// A statement that PostgreSQL refuses while binding its values (a NUL in a string) on the very execution that
/// prepares it automatically: Npgsql then keeps it as prepared without knowing its result columns, and the next run of
/// the same statement on that connection fails with "Received unexpected backend message DataRow" (a 500). Storage
/// must leave the connection's prepared statements usable after such a refusal.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PreparedStatementTests(ServerFixture server)
{
    [Fact]
    public async Task After_a_write_refused_while_binding_its_values_the_same_statement_runs_again_on_that_connection()
    {
        // One connection, and every statement prepared on its first run: the refused write is the one that prepares.
        var settings = new NpgsqlConnectionStringBuilder(server.ConnectionString) { MaxPoolSize = 1, MaxAutoPrepare = 4, AutoPrepareMinUsages = 1 };
        await using var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        var store = new FhirStore(dataSource);

        await Assert.ThrowsAsync<UnstorableValueException>(() => CreateAsync(store, Basics.NewId(), "nul \u0000 in a string"));
        var id = Basics.NewId();
        await CreateAsync(store, id, "no nul");
        var later = Basics.NewId();
        await CreateAsync(store, later, "no nul either");

        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", later));
    }

    [Fact]
    public async Task After_a_write_refused_while_binding_its_values_in_a_transaction_the_same_statements_run_again()
    {
        var settings = new NpgsqlConnectionStringBuilder(server.ConnectionString) { MaxPoolSize = 1, MaxAutoPrepare = 4, AutoPrepareMinUsages = 1 };
        await using var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
        var store = new FhirStore(dataSource);
        // Created on another connection: on this one, the refused write must be the first run of its statement.
        await using var otherSource = NpgsqlDataSource.Create(server.ConnectionString);
        var target = Basics.NewId("target");
        await CreateAsync(new FhirStore(otherSource), target, "a target");

        // A transaction that read before it wrote: its writes go in an explicit transaction, with the check and COMMIT.
        await using (var refused = await store.BeginAsync())
        {
            Assert.NotNull(await refused.LockCurrentAsync("Basic", target));
            refused.Write(Write(Basics.NewId(), "nul \u0000 in a string"));
            await Assert.ThrowsAsync<UnstorableValueException>(() => refused.CommitAsync([("Basic", target)]));
        }
        var id = Basics.NewId();
        await using (var good = await store.BeginAsync())
        {
            Assert.NotNull(await good.LockCurrentAsync("Basic", target));
            good.Write(Write(id, "no nul"));
            await good.CommitAsync([("Basic", target)]);
        }

        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }

    private static async Task CreateAsync(FhirStore store, string id, string text)
    {
        await using var open = await store.BeginAsync();
        open.Write(Write(id, text));
        await open.CommitAsync();
    }

    private static ResourceWrite Write(string id, string text) =>
        new("Basic", id, 1, DateTimeOffset.UtcNow, "POST", Basics.New(id, text).ToJsonString(), [], []);
}
