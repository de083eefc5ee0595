namespace OpenImis.Fhir.Storage;

/// <summary>
/// Which versions a history interaction lists: of one resource, one type or all (<see cref="ResourceType"/> and
/// <see cref="Id"/> null), written at or after <see cref="Since"/>, current at <see cref="At"/>, and for paging those
/// older than a change sequence number (a cursor: pages stay right while new versions arrive).
/// </summary>
public sealed record HistoryQuery(string? ResourceType, string? Id, DateTimeOffset? Since, DateTimeOffset? At, long? BeforeChangeSeq, int Limit);
