using System.Text.Json;

namespace OpenImis.Fhir.Application.Bundles;

/// <summary>
/// One entry of a batch or transaction, parsed: its position, method, the URL split into type, id, version,
/// compartment target type, whether it names a history (<c>_history</c> last, which is then left out of type and id)
/// or query, and its resource and conditional headers.
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
    string? CompartmentTarget = null,
    bool History = false)
{
    /// <summary>A GET or HEAD: a read, a search, a history or the CapabilityStatement (<see cref="BundleReader"/>).</summary>
    public bool IsRead => Method is "GET" or "HEAD";

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
