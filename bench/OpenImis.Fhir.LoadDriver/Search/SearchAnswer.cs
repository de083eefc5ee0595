using System.Text.Json;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// What a searchset Bundle holds (matches, included resources, total) and whether it is the answer the drawn query
/// must get: a Bundle, no OperationOutcome entry (the server reports ignored parameters that way), at least one match,
/// the expected resource among the matches, included resources when asked, a total when asked.
/// </summary>
internal sealed record SearchAnswer(int Matches, int Included, long? Total, string? Problem)
{
    public static SearchAnswer Read(ReadOnlySpan<byte> body, DrawnQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException e)
        {
            return new SearchAnswer(0, 0, null, $"the response is not JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var type) || type.GetString() != "Bundle")
            {
                return new SearchAnswer(0, 0, null, "the response is not a Bundle");
            }
            var matches = 0;
            var included = 0;
            var expectedFound = false;
            var outcomes = new List<string>();
            if (root.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in entries.EnumerateArray())
                {
                    var mode = entry.TryGetProperty("search", out var search) && search.TryGetProperty("mode", out var m) ? m.GetString() : null;
                    var resource = entry.TryGetProperty("resource", out var r) ? r : default;
                    switch (mode)
                    {
                        case "match":
                            matches++;
                            if (query.ExpectedId is { } id && resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("id", out var rid) && rid.GetString() == id) expectedFound = true;
                            break;
                        case "include":
                            included++;
                            break;
                        default:
                            outcomes.Add(resource.ValueKind == JsonValueKind.Object ? resource.GetRawText() : $"an entry with search.mode '{mode}'");
                            break;
                    }
                }
            }
            long? total = root.TryGetProperty("total", out var t) && t.TryGetInt64(out var n) ? n : null;
            string? problem = null;
            if (outcomes.Count > 0) problem = $"the Bundle has an OperationOutcome: {Shorten(outcomes[0])}";
            else if (matches == 0) problem = "no match, though the values come from loaded resources";
            else if (query.ExpectedId is { } expected && !expectedFound) problem = $"{query.ResourceType}/{expected} is not among the {matches} matches";
            else if (query.ExpectIncluded && included == 0) problem = "no included resource";
            else if (query.Parameters.Any(p => p.Key == "_total" && p.Value == "accurate") && (total is null || total < matches)) problem = $"_total=accurate gave total {total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} for {matches} matches";
            return new SearchAnswer(matches, included, total, problem);
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + " ...";
}
