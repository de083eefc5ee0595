namespace OpenImis.Fhir.DataGenerator.Fhir;

/// <summary>
/// Details that only the FHIR rendering shows (education level, card issued, address line, ...) are drawn from a
/// hash of the record's id, not kept in the model: the same data set renders the same bytes, and the model stays
/// small. FNV-1a, because string.GetHashCode differs between processes.
/// </summary>
internal static class StableHash
{
    public static uint Of(string id, string salt)
    {
        var hash = 2166136261u;
        foreach (var c in salt) hash = (hash ^ c) * 16777619u;
        foreach (var c in id) hash = (hash ^ c) * 16777619u;
        return hash;
    }

    /// <summary>True with the given probability, the same for the same id and salt.</summary>
    public static bool Chance(string id, string salt, double probability) => Of(id, salt) % 10_000 < probability * 10_000;

    public static int Below(string id, string salt, int maxExclusive) => (int)(Of(id, salt) % (uint)maxExclusive);

    public static T Pick<T>(string id, string salt, IReadOnlyList<T> items) => items[Below(id, salt, items.Count)];
}
