using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Errors;

/// <summary>The OperationOutcome issue of a write the database refused for a unique key (409).</summary>
public static class StorageConflicts
{
    /// <param name="resourceLocation">Where the resource is (<c>Bundle.entry[2].resource</c>); null: the resource itself.</param>
    public static OutcomeIssue Issue(StorageConflictException conflict, string? resourceLocation)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        var root = resourceLocation ?? conflict.ResourceType;
        return conflict.IsDuplicateIdentifier
            ? new OutcomeIssue("error", "duplicate", conflict.Message, root + ".identifier")
            : new OutcomeIssue("error", "conflict", conflict.Message, root);
    }
}
