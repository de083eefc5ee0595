using System.Text.Json;

namespace OpenImis.Fhir.Application.Shaping;

/// <summary>
/// <c>_elements</c> (search.html#elements): only the listed top-level elements (with the mandatory ones:
/// <see cref="ElementSelection.Named"/>), plus what every resource keeps (resourceType, id, meta), and meta.tag
/// SUBSETTED to say the resource is incomplete.
/// </summary>
public static class ElementsFilter
{
    public static void Write(Utf8JsonWriter writer, string json, IReadOnlyList<string> elements)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(elements);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        writer.WriteStartObject();
        foreach (var property in root.EnumerateObject())
        {
            var name = property.Name.StartsWith('_') ? property.Name[1..] : property.Name;
            if (name is "resourceType" or "id") property.WriteTo(writer);
            else if (name == "meta") WriteMeta(writer, property.Value);
            else if (elements.Contains(name)) property.WriteTo(writer);
        }
        WriteMetaIfAbsent(writer, root);
        writer.WriteEndObject();
    }

    /// <summary>meta as stored, with the SUBSETTED tag added (search.html#summary): the resource is not complete.</summary>
    internal static void WriteMeta(Utf8JsonWriter writer, JsonElement meta)
    {
        writer.WriteStartObject("meta");
        foreach (var property in meta.EnumerateObject())
        {
            if (property.NameEquals("tag")) continue;
            property.WriteTo(writer);
        }
        WriteTags(writer, meta);
        writer.WriteEndObject();
    }

    /// <summary>
    /// A meta holding only the SUBSETTED tag, for a resource that has none: stored resources always have one, the
    /// CapabilityStatement does not.
    /// </summary>
    internal static void WriteMetaIfAbsent(Utf8JsonWriter writer, JsonElement resource)
    {
        if (resource.TryGetProperty("meta", out _)) return;
        writer.WriteStartObject("meta");
        WriteTags(writer, default);
        writer.WriteEndObject();
    }

    private const string ObservationValue = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

    private static void WriteTags(Utf8JsonWriter writer, JsonElement meta)
    {
        writer.WriteStartArray("tag");
        var tagged = false;
        if (meta.ValueKind == JsonValueKind.Object && meta.TryGetProperty("tag", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in tags.EnumerateArray())
            {
                tag.WriteTo(writer);
                tagged |= IsSubsetted(tag);
            }
        }
        // A resource stored with the tag already (written from a subsetted copy) is not tagged twice.
        if (!tagged)
        {
            writer.WriteStartObject();
            writer.WriteString("system", ObservationValue);
            writer.WriteString("code", "SUBSETTED");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static bool IsSubsetted(JsonElement tag) =>
        tag.ValueKind == JsonValueKind.Object
        && tag.TryGetProperty("system", out var system) && system.ValueKind == JsonValueKind.String && system.ValueEquals(ObservationValue)
        && tag.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.ValueEquals("SUBSETTED");
}
