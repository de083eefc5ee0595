using System.Text.Json;

namespace OpenImis.Fhir.Application.Bundles;

/// <summary>
/// One entry of a batch or transaction, parsed: its position, method, the URL split into type, id, version,
/// compartment target type or query, and its resource and conditional headers.
/// </summary>
internal sealed record BundleEntryRequest(
    int Index,
    string Method,
    string Url,
    string? FullUrl,
    string? Type,
    string? Id,
    string? VersionId,
    string? Query,
    JsonElement? Resource,
    string? IfNoneExist,
    string? IfMatch,
    string? IfNoneMatch,
    string? CompartmentTarget = null)
{
    /// <summary>A search entry: a GET of a type (<c>Patient?name=x</c>, <c>Patient</c>) or of a compartment (<c>Patient/123/Claim</c>).</summary>
    public bool IsSearch => Method is "GET" or "HEAD" && (Id is null || CompartmentTarget is not null);

    public string Location => $"Bundle.entry[{Index}]";

    /// <summary>Processing order in a transaction (http.html#trules): deletes, creates, updates and patches, reads.</summary>
    public int Order => Method switch
    {
        "DELETE" => 0,
        "POST" => 1,
        "PUT" or "PATCH" => 2,
        _ => 3,
    };
}
