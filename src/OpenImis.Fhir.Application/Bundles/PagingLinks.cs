namespace OpenImis.Fhir.Application.Bundles;

/// <summary>
/// The query string of a Bundle's self and next links (history and search): the request's parameters as given, with
/// the page cursor of the page linked to. The cursor is opaque to clients.
/// </summary>
public static class PagingLinks
{
    public const string CursorParameter = "_cursor";

    public static string Query(IEnumerable<KeyValuePair<string, string>> parameters, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var parts = parameters.Where(p => p.Key != CursorParameter).Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}").ToList();
        if (cursor is not null) parts.Add($"{CursorParameter}={cursor}");
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
