using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenImis.Fhir.Server.Hosting;
using OpenImis.Fhir.Server.Tests.Infrastructure;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// A database that is up but does not answer in time (Npgsql's command timeout) is a 503 saying so, not the "database
/// is not available" of an outage: a second server on the collection's database, with a one-second command timeout,
/// updates a row another connection holds locked.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DatabaseTimeoutTests(ServerFixture server)
{
    [Fact]
    public async Task A_request_the_database_does_not_answer_in_time_is_503_timeout()
    {
        var id = Basics.NewId();
        await server.Client.PutAsync(Basics.New(id));
        await using var app = FhirServerHost.Build(["--urls", "http://127.0.0.1:0"], server.ConnectionString + ";Command Timeout=1");
        await FhirServerHost.PrepareAsync(app, CancellationToken.None);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        await using (var holder = new NpgsqlConnection(server.ConnectionString))
        {
            await holder.OpenAsync();
            await using var transaction = await holder.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand("select 1 from fhir_resource where resource_type = 'Basic' and id = $1 for update", holder, transaction))
            {
                command.Parameters.Add(new() { Value = id });
                await command.ExecuteNonQueryAsync();
            }

            var (status, outcome, _) = await client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id, "waited"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            var issue = Assert.Single(FhirHttp.Issues(outcome));
            Assert.Equal("timeout", issue.Code);
            Assert.Contains("did not answer this request in time", issue.Text, StringComparison.Ordinal);
            await transaction.RollbackAsync();
        }
        await app.StopAsync();
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }
}
