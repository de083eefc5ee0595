using System.Net;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Infrastructure.Bundles;

namespace OpenImis.Fhir.Server.Tests.Rest;

/// <summary>
/// Values too long for a search index: PostgreSQL refuses a btree row over 2704 bytes once compressed, a 422 for the
/// client. A transaction sends its writes together, later than each entry runs: the answer must still name the entry
/// whose resource holds the value.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class IndexRowLimitTests(ServerFixture server)
{
    private const string IdSystem = "urn:openimis-fhir:test";
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task A_transaction_names_the_entry_whose_value_is_too_long_to_index_not_the_one_running_when_it_was_sent()
    {
        var tooLong = Incompressible(3000);
        var (before, after) = (Basics.NewId(), Basics.NewId());
        var versionsBefore = await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_resource_version");

        // Entry 1's write is held while entries 2 and 3 run; entry 3's update reads (and so sends the held writes) first.
        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("PUT", $"Basic/{before}", Basics.New(before)),
            Entry("POST", "Basic", Basics.New(text: "too long").WithIdentifier(IdSystem, tooLong)),
            Entry("POST", "Basic", Basics.New(text: "fine")),
            Entry("PUT", $"Basic/{after}", Basics.New(after))));

        Assert.Equal((HttpStatusCode)422, status);
        var issues = FhirHttp.Issues(outcome);
        Assert.Contains(issues, i => i.Expression == "Bundle.entry[1].resource" && i.Text.Contains("'identifier'", StringComparison.Ordinal));
        Assert.DoesNotContain(issues, i => (i.Expression ?? "").StartsWith("Bundle.entry[3]", StringComparison.Ordinal) || i.Text.Contains("Bundle.entry[3]", StringComparison.Ordinal));
        Assert.Equal(versionsBefore, await Database.CountAsync(server.ConnectionString, "select count(*) from fhir_resource_version"));
    }

    [Fact]
    public async Task A_transaction_names_the_entry_whose_value_is_too_long_when_the_commit_sends_it()
    {
        // Nothing reads after the entry's write: it is sent with the commit, when no entry runs any more.
        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New(text: "fine")),
            Entry("POST", "Basic", Basics.New(text: "too long").WithSubject($"http://example.org/fhir/Basic/{Incompressible(3000)}")),
            Entry("POST", "Basic", Basics.New(text: "fine too"))));

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Expression == "Bundle.entry[1].resource" && i.Text.Contains("'subject'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Of_two_entries_with_long_values_the_transaction_names_the_one_PostgreSQL_refuses()
    {
        // Both might be refused, going by their length; PostgreSQL compresses the first under its limit.
        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(
            Entry("POST", "Basic", Basics.New(text: "long, compressible").WithIdentifier(IdSystem, Basics.NewCode() + new string('x', 5000))),
            Entry("POST", "Basic", Basics.New(text: "too long").WithIdentifier(IdSystem, Incompressible(3000))),
            Entry("POST", "Basic", Basics.New(text: "fine"))));

        Assert.Equal((HttpStatusCode)422, status);
        var issues = FhirHttp.Issues(outcome);
        Assert.Contains(issues, i => i.Expression == "Bundle.entry[1].resource");
        Assert.DoesNotContain(issues, i => (i.Expression ?? "").StartsWith("Bundle.entry[0]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_value_that_PostgreSQL_compresses_under_the_limit_is_stored()
    {
        // Whether a long value fits is PostgreSQL's to say (it compresses index rows): no length limit of our own refuses it.
        var code = Basics.NewCode();
        var created = await _client.CreateAsync(Basics.New().WithIdentifier(IdSystem, code + new string('x', 5000)));

        var (status, bundle, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic?identifier={IdSystem}|{code}{new string('x', 5000)}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([(string)created["id"]!], FhirHttp.Entries(bundle).Select(e => (string)e["resource"]!["id"]!));
    }

    [Fact]
    public async Task Over_REST_the_422_names_the_search_parameter()
    {
        var (status, outcome, _) = await _client.SendAsync(HttpMethod.Post, "fhir/Basic", Basics.New().WithIdentifier(IdSystem, Incompressible(3000)));

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Contains(FhirHttp.Issues(outcome), i => i.Code == "processing" && i.Expression == "Basic" && i.Text.Contains("'identifier'", StringComparison.Ordinal));
    }

    // Hex of random bytes: PostgreSQL's compression gains too little on it to try.
    private static string Incompressible(int length) =>
        string.Concat(Enumerable.Range(0, (length / 32) + 1).Select(_ => Guid.NewGuid().ToString("N")))[..length];
}
