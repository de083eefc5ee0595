using OpenImis.Fhir.LoadDriver.Search;

namespace OpenImis.Fhir.LoadDriver.Tests.Search;

public sealed class ClientQueriesTests
{
    private static readonly SampleData Sample = TestSample.Complete();
    private static readonly SearchShape Identifier = ShapeCatalogue.All.Single(s => s.Name == "patient-identifier");

    private static List<string> Urls(IReadOnlyList<ClientQueries> clients) =>
        [.. clients.SelectMany(c => c.Warmup.Concat(c.Measured)).Select(q => q.PathAndQuery)];

    [Fact]
    public void The_measured_searches_are_split_between_the_clients_each_with_its_warm_up()
    {
        var clients = ClientQueries.Draw(Identifier, 0, Sample, seed: 1, clients: 3, warmup: 4, requests: 200)!;

        Assert.Equal([67, 67, 66], clients.Select(c => c.Measured.Count));
        Assert.All(clients, c => Assert.Equal(4, c.Warmup.Count));
    }

    [Fact]
    public void The_same_seed_draws_the_same_searches_and_another_seed_others()
    {
        var once = Urls(ClientQueries.Draw(Identifier, 0, Sample, 7, 2, 5, 40)!);
        var again = Urls(ClientQueries.Draw(Identifier, 0, Sample, 7, 2, 5, 40)!);
        var other = Urls(ClientQueries.Draw(Identifier, 0, Sample, 8, 2, 5, 40)!);

        Assert.Equal(once, again);
        Assert.NotEqual(once, other);
    }

    [Fact]
    public void Clients_draw_from_generators_of_their_own()
    {
        var clients = ClientQueries.Draw(Identifier, 0, Sample, 7, 2, 0, 60)!;
        Assert.NotEqual(clients[0].Measured.Select(q => q.PathAndQuery), clients[1].Measured.Select(q => q.PathAndQuery));
    }

    [Fact]
    public void A_shape_with_nothing_to_draw_from_gives_no_searches()
    {
        Assert.Null(ClientQueries.Draw(Identifier, 0, new SampleData([], []), 1, 1, 1, 10));
    }
}
