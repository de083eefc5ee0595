using System.Net;
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
        await using (var other = await SecondServer.StartAsync(server.ConnectionString + ";Command Timeout=1"))
        await using (await Database.LockRowAsync(server.ConnectionString, "Basic", id))
        {
            var (status, outcome, _) = await other.Client.SendAsync(HttpMethod.Put, $"fhir/Basic/{id}", Basics.New(id, "waited"));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            var issue = Assert.Single(FhirHttp.Issues(outcome));
            Assert.Equal("timeout", issue.Code);
            Assert.Contains("did not answer this request in time", issue.Text, StringComparison.Ordinal);
        }
        Assert.Equal(1, await Database.VersionCountAsync(server.ConnectionString, "Basic", id));
    }
}
