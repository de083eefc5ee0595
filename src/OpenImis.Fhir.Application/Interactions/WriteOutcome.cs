using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Interactions;

/// <summary>
/// What a write did: the HTTP status (201 created, 200 updated or matched, 204 nothing to delete), the version now
/// current (null when nothing exists), and the validator's warnings.
/// </summary>
public sealed record WriteOutcome(int Status, StoredResource? Resource, IReadOnlyList<OutcomeIssue> Issues);
