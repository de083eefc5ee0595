namespace OpenImis.Fhir.DataGenerator.Generation;

/// <summary>
/// The one source of randomness of a generation run. System.Random with a seed gives the same sequence on every
/// .NET version, so a seed gives the same data set; nothing here reads the clock.
/// </summary>
internal sealed class SeededRandom(int seed)
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Between(int minInclusive, int maxInclusive) => _random.Next(minInclusive, maxInclusive + 1);

    public double NextDouble() => _random.NextDouble();

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An index drawn with the given relative weights.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights) total += weight;
        var draw = _random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            draw -= weights[i];
            if (draw < 0) return i;
        }
        return weights.Count - 1;
    }

    public DateOnly Date(DateOnly fromInclusive, DateOnly toInclusive) =>
        toInclusive <= fromInclusive ? fromInclusive : fromInclusive.AddDays(_random.Next(toInclusive.DayNumber - fromInclusive.DayNumber + 1));

    /// <summary>A random (version 4) UUID drawn from the seeded sequence, lower case as FHIR ids usually are.</summary>
    public string Uuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }

    /// <summary>A price rounded to a multiple of <paramref name="step"/>.</summary>
    public decimal Price(decimal min, decimal max, decimal step)
    {
        var steps = (int)((max - min) / step);
        return min + (step * _random.Next(steps + 1));
    }
}
