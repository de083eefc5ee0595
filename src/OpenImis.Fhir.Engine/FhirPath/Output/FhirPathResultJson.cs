using System.Text.Json;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Output;

/// <summary>
/// Writes a FHIRPath result as a JSON array of <c>{"type": ..., "value": ...}</c>: the type as
/// <see cref="TypeNames.DisplayTypeOf"/> names it and the value in its FHIR JSON form (dates without <c>@</c>, a
/// System Quantity as <c>{"value", "unit"}</c>, elements as their FHIR JSON). A primitive element that has only
/// extensions has no <c>value</c>.
/// </summary>
public static class FhirPathResultJson
{
    public static void Write(Utf8JsonWriter writer, FhirPathCollection result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var item in result) WriteItem(writer, item);
        writer.WriteEndArray();
    }

    /// <summary>The result as compact JSON text.</summary>
    public static string ToJson(FhirPathCollection result, JsonWriterOptions options = default)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            Write(writer, result);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The name printed as an item's <c>type</c>.</summary>
    public static string TypeOf(object item) => TypeNames.DisplayTypeOf(item);

    private static void WriteItem(Utf8JsonWriter writer, object item)
    {
        writer.WriteStartObject();
        writer.WriteString("type", TypeNames.DisplayTypeOf(item));
        if (item is ElementNode node)
        {
            if (!ElementNodeJsonWriter.IsPrimitive(node) || node.Value is not null)
            {
                writer.WritePropertyName("value");
                ElementNodeJsonWriter.WriteValue(writer, node);
            }
        }
        else
        {
            writer.WritePropertyName("value");
            SystemValueJson.Write(writer, item);
        }
        writer.WriteEndObject();
    }
}
