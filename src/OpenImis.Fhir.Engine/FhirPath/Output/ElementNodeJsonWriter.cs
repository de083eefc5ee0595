using System.Text.Json;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Output;

/// <summary>
/// Writes an <see cref="ElementNode"/> tree back as FHIR JSON: resources start with <c>resourceType</c>, repeating
/// elements become arrays, choice elements get their type suffix (<c>valueQuantity</c>) and a primitive's id and
/// extensions go to its <c>_name</c> sibling. Reading JSON with <see cref="ElementNodeReader"/> and writing it here gives
/// back the same JSON (property order aside). Shared by the command line, the validator and the server.
/// </summary>
public static class ElementNodeJsonWriter
{
    /// <summary>Writes the node's JSON value: an object for a resource or complex element, a JSON scalar (or null) for a primitive.</summary>
    public static void WriteValue(Utf8JsonWriter writer, ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(node);
        if (IsPrimitive(node))
        {
            WritePrimitiveValue(writer, node);
            return;
        }
        WriteObject(writer, node);
    }

    /// <summary>The node's JSON as text (compact).</summary>
    public static string ToJson(ElementNode node, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, SkipValidation = false }))
        {
            WriteValue(writer, node);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// True when the node is a primitive: its JSON is a scalar and its id/extensions live in <c>_name</c>.
    /// Untyped nodes (not in the model) count as primitives when they carry a value.
    /// </summary>
    internal static bool IsPrimitive(ElementNode node) =>
        node.Type is { } type ? type.Kind == TypeKind.Primitive : node.Value is not null;

    /// <summary>Writes the primitive's value, or JSON null when it has only an id or extensions.</summary>
    internal static void WritePrimitiveValue(Utf8JsonWriter writer, ElementNode node)
    {
        if (node.Value is null)
        {
            writer.WriteNullValue();
            return;
        }
        // A number the reader could not parse is kept as its text; write it back as the number it was.
        if (node.Value is string text && node.Type?.SystemType is "Decimal" or "Integer" && LooksLikeJsonNumber(text))
        {
            writer.WriteRawValue(text);
            return;
        }
        SystemValueJson.Write(writer, node.Value);
    }

    private static void WriteObject(Utf8JsonWriter writer, ElementNode node)
    {
        writer.WriteStartObject();
        // A resource whose type the model does not know is still a resource when it is the root.
        if (node.IsResource || (node.Type is null && node.Parent is null)) writer.WriteString("resourceType", node.TypeName);
        WriteChildren(writer, node);
        writer.WriteEndObject();
    }

    /// <summary>Writes the node's children as properties of the object being written.</summary>
    private static void WriteChildren(Utf8JsonWriter writer, ElementNode node)
    {
        foreach (var name in node.ChildNames)
        {
            var group = node.Children(name);
            if (group.IsEmpty) continue;
            var first = (ElementNode)group[0];
            var definition = node.Type?.FindChild(name);
            if (definition is { IsChoice: true } || first.Index < 0)
            {
                // A choice never repeats; a non-array property holds one node.
                foreach (var item in group)
                {
                    var child = (ElementNode)item;
                    WriteSingle(writer, JsonName(child, definition), child);
                }
                continue;
            }
            WriteArray(writer, name, group);
        }
    }

    private static void WriteSingle(Utf8JsonWriter writer, string jsonName, ElementNode child)
    {
        if (!IsPrimitive(child))
        {
            writer.WritePropertyName(jsonName);
            WriteObject(writer, child);
            return;
        }
        if (child.Value is not null)
        {
            writer.WritePropertyName(jsonName);
            WritePrimitiveValue(writer, child);
        }
        if (child.AllChildren().Count > 0)
        {
            writer.WritePropertyName("_" + jsonName);
            WritePrimitiveExtras(writer, child);
        }
    }

    private static void WriteArray(Utf8JsonWriter writer, string jsonName, FhirPathCollection group)
    {
        var first = (ElementNode)group[0];
        if (!IsPrimitive(first))
        {
            writer.WriteStartArray(jsonName);
            foreach (var item in group) WriteObject(writer, (ElementNode)item);
            writer.WriteEndArray();
            return;
        }

        // given[i] and _given[i] describe the same element: null fills the gaps on either side.
        bool anyValue = false, anyExtras = false;
        foreach (var item in group)
        {
            var child = (ElementNode)item;
            anyValue |= child.Value is not null;
            anyExtras |= child.AllChildren().Count > 0;
        }
        if (anyValue)
        {
            writer.WriteStartArray(jsonName);
            foreach (var item in group) WritePrimitiveValue(writer, (ElementNode)item);
            writer.WriteEndArray();
        }
        if (anyExtras)
        {
            // Trailing nulls are left out of _name (as most FHIR JSON writers do); the value array keeps its length.
            var last = -1;
            for (var i = 0; i < group.Count; i++)
            {
                if (((ElementNode)group[i]).AllChildren().Count > 0) last = i;
            }
            writer.WriteStartArray("_" + jsonName);
            for (var i = 0; i <= last; i++)
            {
                var child = (ElementNode)group[i];
                if (child.AllChildren().Count > 0) WritePrimitiveExtras(writer, child);
                else writer.WriteNullValue();
            }
            writer.WriteEndArray();
        }
    }

    /// <summary>The <c>_name</c> object of a primitive: its id and extensions.</summary>
    private static void WritePrimitiveExtras(Utf8JsonWriter writer, ElementNode primitive)
    {
        writer.WriteStartObject();
        WriteChildren(writer, primitive);
        writer.WriteEndObject();
    }

    /// <summary><c>value</c> of type Quantity is <c>valueQuantity</c> in JSON; other elements keep their name.</summary>
    private static string JsonName(ElementNode child, ChildDefinition? definition)
    {
        if (definition is not { IsChoice: true } || child.TypeName.Length == 0) return child.Name;
        return string.Concat(child.Name, char.ToUpperInvariant(child.TypeName[0]).ToString(), child.TypeName.AsSpan(1));
    }

    private static bool LooksLikeJsonNumber(string text)
    {
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
            return reader.Read() && reader.TokenType == JsonTokenType.Number && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
