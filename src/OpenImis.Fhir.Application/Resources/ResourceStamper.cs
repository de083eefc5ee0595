using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace OpenImis.Fhir.Application.Resources;

/// <summary>
/// Writes the JSON a server stores: the client's resource with the server's <c>id</c>, <c>meta.versionId</c> and
/// <c>meta.lastUpdated</c> (the rest of <c>meta</c> kept), <c>resourceType</c> first, and, inside a transaction, each
/// <c>reference</c> rewritten (<c>urn:uuid:...</c> to <c>Patient/id</c>). One streaming copy, no DOM.
/// </summary>
public static class ResourceStamper
{
    public static byte[] Stamp(JsonElement resource, string id, int versionId, DateTimeOffset lastUpdated, Func<string, string?>? rewriteReference = null)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", resource.GetProperty("resourceType").GetString());
            writer.WriteString("id", id);
            writer.WritePropertyName("meta");
            writer.WriteStartObject();
            writer.WriteString("versionId", versionId.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("lastUpdated", FormatInstant(lastUpdated));
            if (resource.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in meta.EnumerateObject())
                {
                    if (property.NameEquals("versionId") || property.NameEquals("lastUpdated") || property.NameEquals("_versionId") || property.NameEquals("_lastUpdated")) continue;
                    property.WriteTo(writer);
                }
            }
            writer.WriteEndObject();
            foreach (var property in resource.EnumerateObject())
            {
                if (property.NameEquals("resourceType") || property.NameEquals("id") || property.NameEquals("meta") || property.NameEquals("_id")) continue;
                if (rewriteReference is null)
                {
                    property.WriteTo(writer);
                    continue;
                }
                writer.WritePropertyName(property.Name);
                CopyRewriting(property.Value, writer, rewriteReference);
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>FHIR instant, UTC, milliseconds: the precision stored and compared.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Now, cut to milliseconds so that the JSON, the database and the HTTP headers agree.</summary>
    public static DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    private static void CopyRewriting(JsonElement element, Utf8JsonWriter writer, Func<string, string?> rewrite)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (property.NameEquals("reference") && property.Value.ValueKind == JsonValueKind.String && rewrite(property.Value.GetString()!) is { } replaced)
                    {
                        writer.WriteStringValue(replaced);
                        continue;
                    }
                    CopyRewriting(property.Value, writer, rewrite);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) CopyRewriting(item, writer, rewrite);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
