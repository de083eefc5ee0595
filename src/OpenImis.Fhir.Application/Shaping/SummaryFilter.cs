using System.Collections.Concurrent;
using System.Text.Json;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Application.Shaping;

/// <summary>
/// <c>_summary=true</c> (search.html#summary): the elements the base definition marks isSummary, at every level, not
/// only at the top: Claim.insurance is kept without its identifier or preAuthRef, an Attachment without its data,
/// and extensions (never summary in R4) go at every level. A primitive's <c>_name</c> sibling holds only its id and
/// extensions, so it goes too. resourceType, id and meta are kept, meta tagged SUBSETTED as
/// <see cref="ElementsFilter"/> does. Resources inside (Bundle.entry.resource) are filtered as resources of their
/// own type.
/// </summary>
public sealed class SummaryFilter(FhirModel model)
{
    // JSON property name (valueQuantity for a choice) -> the child and the type it carries, per type.
    private readonly ConcurrentDictionary<TypeDefinition, Dictionary<string, (ChildDefinition Child, TypeDefinition Type)>> _properties = new();

    public void Write(Utf8JsonWriter writer, string json)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var document = JsonDocument.Parse(json);
        WriteResource(writer, document.RootElement, top: true);
    }

    // top: the resource answered, which says it is SUBSETTED even without a meta of its own; not those inside it.
    private void WriteResource(Utf8JsonWriter writer, JsonElement resource, bool top = false)
    {
        var typeName = resource.TryGetProperty("resourceType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (typeName is null || model.FindType(typeName) is not { } type)
        {
            resource.WriteTo(writer);
            return;
        }
        writer.WriteStartObject();
        foreach (var property in resource.EnumerateObject())
        {
            if (property.NameEquals("resourceType") || property.NameEquals("id")) property.WriteTo(writer);
            else if (property.NameEquals("meta")) ElementsFilter.WriteMeta(writer, property.Value);
            else WriteSummaryProperty(writer, property, type);
        }
        if (top) ElementsFilter.WriteMetaIfAbsent(writer, resource);
        writer.WriteEndObject();
    }

    private void WriteElement(Utf8JsonWriter writer, JsonElement element, TypeDefinition type)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            element.WriteTo(writer);
            return;
        }
        if (type.Kind == TypeKind.Resource)
        {
            WriteResource(writer, element);
            return;
        }
        writer.WriteStartObject();
        foreach (var property in element.EnumerateObject()) WriteSummaryProperty(writer, property, type);
        writer.WriteEndObject();
    }

    private void WriteSummaryProperty(Utf8JsonWriter writer, JsonProperty property, TypeDefinition parent)
    {
        if (!Properties(parent).TryGetValue(property.Name, out var found) || !found.Child.IsSummary) return;
        writer.WritePropertyName(property.Name);
        if (property.Value.ValueKind == JsonValueKind.Array)
        {
            writer.WriteStartArray();
            foreach (var item in property.Value.EnumerateArray()) WriteElement(writer, item, found.Type);
            writer.WriteEndArray();
        }
        else
        {
            WriteElement(writer, property.Value, found.Type);
        }
    }

    private Dictionary<string, (ChildDefinition Child, TypeDefinition Type)> Properties(TypeDefinition type) =>
        _properties.GetOrAdd(type, static t =>
        {
            var byName = new Dictionary<string, (ChildDefinition Child, TypeDefinition Type)>(StringComparer.Ordinal);
            foreach (var child in t.Children)
            {
                foreach (var reference in child.Types)
                {
                    var name = child.IsChoice ? child.Name + char.ToUpperInvariant(reference.Code[0]) + reference.Code[1..] : child.Name;
                    byName.TryAdd(name, (child, reference.Type));
                }
            }
            return byName;
        });
}
