namespace OpenImis.Fhir.Storage.Search;

/// <summary>How far a reindex of one type has come: resources done of the total, and the last rid done (resume after it).</summary>
public readonly record struct ReindexProgress(string ResourceType, long Done, long Total, long LastRid);
