using System.Text.Json;

namespace OpenImis.Fhir.Application.Shaping;

/// <summary>
/// <c>_elements</c> (search.html#elements): only the listed top-level elements, plus what every resource keeps
/// (resourceType, id, meta), and meta.tag SUBSETTED to say the resource is incomplete.
/// </summary>
public static class ElementsFilter
{
    public static void Write(Utf8JsonWriter writer, string json, IReadOnlyList<string> elements)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(elements);
        using var document = JsonDocument.Parse(json);
        writer.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var name = property.Name.StartsWith('_') ? property.Name[1..] : property.Name;
            if (name is "resourceType" or "id") property.WriteTo(writer);
            else if (name == "meta") WriteMeta(writer, property.Value);
            else if (elements.Contains(name)) property.WriteTo(writer);
        }
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
        writer.WriteStartArray("tag");
        if (meta.TryGetProperty("tag", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in tags.EnumerateArray()) tag.WriteTo(writer);
        }
        writer.WriteStartObject();
        writer.WriteString("system", "http://terminology.hl7.org/CodeSystem/v3-ObservationValue");
        writer.WriteString("code", "SUBSETTED");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
