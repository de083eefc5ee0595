using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Bundles;

/// <summary>
/// The conditional updates of a transaction (<c>PUT Type?criteria</c>), matched when they run without asking the
/// database again. Their criteria were searched before any write (the upfront matches), and the rows found were locked
/// with the transaction's others. Since then only the entries run before have changed anything this transaction can
/// see, and only for the resources they wrote: those leave the upfront matches and are matched again in memory
/// (<see cref="TransactionCreates"/>) on what they store. So a Bundle of conditional updates is held and sent as one
/// set, as updates by id are, instead of each entry sending the writes before it and searching again (sync's shape:
/// docs/performance.md, "Conditional updates in a transaction").
/// The database search runs instead (null) when the criteria look at other resources (chains, <c>_has</c>,
/// <c>_list</c>), when an earlier entry patched a resource of the type (a patch's result is known only as stored), and
/// when the criteria would be matched against more than 64 resources written before.
/// </summary>
internal sealed class ConditionalUpdates(Dictionary<int, IReadOnlyList<string>> upfront, TransactionCreates written)
{
    // Criteria the token index cannot narrow down (name=...) are matched against every resource of the type written
    // before: beyond this many, a search costs less than the matching, and a Bundle of n such entries is not n²/2 matches.
    private const int MaxMatchedInMemory = 64;

    private readonly HashSet<(string Type, string Id)> _touched = [];
    private readonly HashSet<string> _patchedTypes = new(StringComparer.Ordinal);

    /// <summary>What the entry's criteria match now, if it is a conditional update this knows; null: search.</summary>
    public IReadOnlyList<string>? Matches(BundleEntryRequest entry, ConditionalCriteria? criteria)
    {
        if (criteria is null || entry.Method != "PUT" || entry.Id is not null || !upfront.TryGetValue(entry.Index, out var before)) return null;
        var type = entry.Type!;
        if (_patchedTypes.Contains(type) || written.MatchingInMemory(type, criteria, MaxMatchedInMemory) is not { } found) return null;
        return [.. before.Where(id => !_touched.Contains((type, id))).Concat(found).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Records what a write entry stored (null: nothing, such as the delete of what does not exist).</summary>
    public void Executed(BundleEntryRequest entry, StoredResource? result)
    {
        if (result is null) return;
        _touched.Add((result.ResourceType, result.Id));
        if (entry.Method == "PATCH") _patchedTypes.Add(result.ResourceType);
        else if (entry.Method is "POST" or "PUT" && !result.Deleted) written.Add(entry, result.Id, null);
    }
}
