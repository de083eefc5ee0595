using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Bundles;

/// <summary>
/// The outcome of one Bundle entry: its status, the resource version it produced or read, and issues; or, for a
/// search, a history or metadata, the resource it answered (<see cref="ResourceJson"/>: a searchset or history Bundle,
/// the CapabilityStatement).
/// </summary>
internal sealed record EntryResult(int Status, StoredResource? Resource, IReadOnlyList<OutcomeIssue> Issues)
{
    public byte[]? ResourceJson { get; init; }
}
