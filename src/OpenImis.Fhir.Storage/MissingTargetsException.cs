namespace OpenImis.Fhir.Storage;

/// <summary>
/// A commit refused because resources that the writes refer to do not exist or are deleted (see
/// <see cref="StoreTransaction.CommitAsync(IReadOnlyCollection{ValueTuple{string, string}}, CancellationToken)"/>).
/// Nothing was committed.
/// </summary>
public sealed class MissingTargetsException(IReadOnlyList<(string Type, string Id)> missing, Exception inner)
    : Exception("Referenced resources do not exist: " + string.Join(", ", missing.Select(m => m.Type + "/" + m.Id)), inner)
{
    public IReadOnlyList<(string Type, string Id)> Missing { get; } = missing;
}
