using System.Buffers;
using System.Text;
using System.Text.Json;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// PostgreSQL gives jsonb back with its own key order (shortest first) and spaces. Clients read FHIR JSON with
/// <c>resourceType</c> first (json.html recommends it), so a read puts it first again and writes it compact.
/// </summary>
internal static class StoredJson
{
    public static string Normalize(string jsonb)
    {
        using var document = JsonDocument.Parse(jsonb);
        var root = document.RootElement;
        var buffer = new ArrayBufferWriter<byte>(jsonb.Length);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (root.TryGetProperty("resourceType", out var type)) writer.WriteString("resourceType", type.GetString());
            foreach (var property in root.EnumerateObject())
            {
                if (!property.NameEquals("resourceType")) property.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
