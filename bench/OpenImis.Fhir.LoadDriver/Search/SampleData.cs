namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// What the search catalogue draws its parameter values from: resources sampled from the loaded data, by type, and the
/// resources they refer to that a shape needs (the Patients of the sampled Claims), found by reference.
/// </summary>
internal sealed class SampleData
{
    private readonly Dictionary<string, List<SampledResource>> _byType;
    private readonly Dictionary<string, SampledResource> _byReference;

    public SampleData(IEnumerable<SampledResource> sampled, IEnumerable<SampledResource> related)
    {
        _byType = sampled.GroupBy(r => r.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _byReference = new Dictionary<string, SampledResource>(StringComparer.Ordinal);
        foreach (var resource in _byType.Values.SelectMany(r => r).Concat(related)) _byReference.TryAdd(resource.Reference, resource);
    }

    public IReadOnlyList<SampledResource> Of(string type) => _byType.TryGetValue(type, out var list) ? list : [];

    public SampledResource? Resolve(string? reference) => reference is null ? null : _byReference.GetValueOrDefault(reference);

    /// <summary>Resources sampled per type, for the report.</summary>
    public IReadOnlyDictionary<string, int> Counts => _byType.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);

    /// <summary>A random sampled resource of the type that has what the shape needs; null when none has.</summary>
    public SampledResource? Pick(Random random, string type, Func<SampledResource, bool> usable)
    {
        ArgumentNullException.ThrowIfNull(random);
        var candidates = Of(type);
        // Start at a random place and take the first usable one: one draw of the generator per call, whatever the data.
        var start = candidates.Count == 0 ? 0 : random.Next(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[(start + i) % candidates.Count];
            if (usable(candidate)) return candidate;
        }
        return null;
    }
}
