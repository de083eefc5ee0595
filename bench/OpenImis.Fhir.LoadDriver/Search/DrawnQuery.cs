namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// One search of a shape with its values drawn from the data, and what its answer must show: at least one match
/// (every value comes from a loaded resource), <see cref="ExpectedId"/> among the matches when the draw pins one
/// resource, included resources when the shape includes.
/// </summary>
internal sealed record DrawnQuery(string ResourceType, IReadOnlyList<KeyValuePair<string, string>> Parameters, string? ExpectedId = null, bool ExpectIncluded = false)
{
    /// <summary><c>Type?name=value&amp;...</c>, values escaped; names are search parameter names, which need no escaping.</summary>
    public string PathAndQuery => ResourceType + "?" + string.Join("&", Parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    public static DrawnQuery Of(string resourceType, params (string Name, string Value)[] parameters) =>
        new(resourceType, [.. parameters.Select(p => KeyValuePair.Create(p.Name, p.Value))]);
}
