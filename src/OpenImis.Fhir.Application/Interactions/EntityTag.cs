using System.Globalization;

namespace OpenImis.Fhir.Application.Interactions;

/// <summary>Version ETags: <c>W/"3"</c> (http.html#versioning). A strong <c>"3"</c> is read the same way.</summary>
public static class EntityTag
{
    public static string Format(int versionId) => string.Create(CultureInfo.InvariantCulture, $"W/\"{versionId}\"");

    public static int? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
