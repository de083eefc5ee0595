namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>One client's searches of a shape: warm-up first, then the measured ones.</summary>
internal sealed record ClientQueries(IReadOnlyList<DrawnQuery> Warmup, IReadOnlyList<DrawnQuery> Measured)
{
    /// <summary>
    /// Draws the searches of every client of a shape before any is sent, each client from its own generator seeded by
    /// the run's seed, the shape's place in the catalogue and the client's number: the same seed and sample give the
    /// same searches. Null when the sample has nothing the shape can draw from. The measured searches are split as
    /// evenly as possible between the clients.
    /// </summary>
    public static IReadOnlyList<ClientQueries>? Draw(SearchShape shape, int shapeIndex, SampleData data, int seed, int clients, int warmup, int requests)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var all = new List<ClientQueries>();
        for (var c = 0; c < clients; c++)
        {
            var random = new Random(unchecked(seed * 1_000_003 + shapeIndex * 1_009 + c));
            var measured = requests / clients + (c < requests % clients ? 1 : 0);
            var queries = new List<DrawnQuery>(warmup + measured);
            for (var i = 0; i < warmup + measured; i++)
            {
                if (shape.Draw(data, random) is not { } query) return null;
                queries.Add(query);
            }
            all.Add(new ClientQueries(queries[..warmup], queries[warmup..]));
        }
        return all;
    }
}
