using System.Net;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using static OpenImis.Fhir.Server.Tests.Infrastructure.Bundles;

namespace OpenImis.Fhir.Server.Tests.Search;

/// <summary>
/// A search whose one criterion is a chain through a reference held at most once pages target by target (ChainPage):
/// its targets are read in batches of 128, then 512, ..., so a page whose matches lie beyond the first batch, or whose
/// batch has no match at all, must go on to the next.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ChainPagingTests(ServerFixture server)
{
    private const string System = "urn:test:chain-paging";
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Every_match_comes_once_across_pages_and_batches_of_targets()
    {
        var code = Basics.NewCode();
        var targets = Enumerable.Range(0, 140).Select(i => Basics.NewId($"target{i:000}")).ToList();
        // Referrers of the 3rd target and of the 140th, which lies in the second batch of targets.
        (string Id, string Target)[] referrers = [(Basics.NewId("a"), targets[2]), (Basics.NewId("b"), targets[2]), (Basics.NewId("c"), targets[139])];
        var entries = targets.Select(t => Entry("PUT", $"Basic/{t}", Basics.New(t).WithIdentifier(System, code)))
            .Concat(referrers.Select(r => Entry("PUT", $"Basic/{r.Id}", Basics.New(r.Id).WithSubject($"Basic/{r.Target}"))))
            .ToArray();
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(HttpMethod.Post, "fhir", Transaction(entries))).Status);

        foreach (var count in new[] { 1, 2, 3, 10 })
        {
            var pages = await _client.AllMatchesAsync($"Basic?subject:Basic.identifier={System}|{code}&_count={count}");
            SearchHttp.AssertSameIds($"_count={count}", referrers.Select(r => r.Id), pages);
            // Ordered by target, so the referrer of the 140th target comes last.
            Assert.Equal(referrers[2].Id, pages[^1]);
        }
        await _client.ExpectAsync($"Basic?subject:Basic.identifier={System}|{Basics.NewCode()}", []);

        var none = await _client.SearchAsync($"Basic?subject:Basic.identifier={System}|{code}&_count=0&_total=accurate");
        Assert.Empty(SearchHttp.Ids(none));
        Assert.Null(SearchHttp.Link(none, "next"));
        Assert.Equal(3, (int)none["total"]!);
    }

    [Fact]
    public async Task A_cursor_of_another_search_is_refused_with_400()
    {
        var (status, body, _) = await _client.SendAsync(HttpMethod.Get, $"fhir/Basic?subject:Basic.identifier={System}|x&_cursor=WyJjaGFpbiIsbnVsbCwiMSJd");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(FhirHttp.Issues(body), i => i.Text.Contains("cursor", StringComparison.Ordinal));
    }
}
