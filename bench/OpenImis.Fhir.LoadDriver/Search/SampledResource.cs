using System.Text.Json.Nodes;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>A resource read from the loaded database, from which search parameter values are drawn.</summary>
internal sealed record SampledResource(string Type, string Id, DateTimeOffset LastUpdated, JsonObject Body)
{
    public string Reference => $"{Type}/{Id}";

    /// <summary>The openIMIS business code: the identifier whose type is <c>Code</c> (openimis-identifiers).</summary>
    public string? Code => IdentifierOfType("Code");

    public string? IdentifierOfType(string typeCode) =>
        (Body["identifier"] as JsonArray)?
            .FirstOrDefault(i => (string?)i?["type"]?["coding"]?[0]?["code"] == typeCode)?["value"]?.GetValue<string>();

    /// <summary>The <c>reference</c> of a Reference element (<c>Claim.patient</c>: <c>Patient/123</c>), or of the first of a list.</summary>
    public string? ReferenceAt(string element) => Body[element] switch
    {
        JsonArray list => (string?)list.FirstOrDefault()?["reference"],
        JsonObject reference => (string?)reference["reference"],
        _ => null,
    };

    public string? StringAt(params string[] path)
    {
        JsonNode? node = Body;
        foreach (var step in path)
        {
            node = node switch
            {
                JsonArray list => list.FirstOrDefault()?[step],
                JsonObject obj => obj[step],
                _ => null,
            };
        }
        return node is JsonArray array ? (string?)array.FirstOrDefault() : node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
    }
}
