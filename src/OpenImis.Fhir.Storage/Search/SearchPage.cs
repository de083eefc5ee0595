namespace OpenImis.Fhir.Storage.Search;

/// <summary>One page of a search: the matches in order, the resources included, the cursor of the next page (null on the last), the total when asked for.</summary>
public sealed record SearchPage(IReadOnlyList<StoredResource> Matches, IReadOnlyList<StoredResource> Included, string? NextCursor, long? Total);
