using System.Text.Json;
using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Application.Resources;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Bundles;

/// <summary>The parts of Bundle JSON the server writes: entries carry stored JSON as it is (no re-serialisation).</summary>
public static class BundleJsonWriter
{
    public static void WriteStart(Utf8JsonWriter writer, string type, IReadOnlyList<(string Relation, string Url)> links)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(links);
        writer.WriteStartObject();
        writer.WriteString("resourceType", "Bundle");
        writer.WriteString("id", Guid.NewGuid().ToString());
        writer.WriteStartObject("meta");
        writer.WriteString("lastUpdated", ResourceStamper.FormatInstant(ResourceStamper.Now()));
        writer.WriteEndObject();
        writer.WriteString("type", type);
        if (links.Count > 0)
        {
            writer.WriteStartArray("link");
            foreach (var (relation, url) in links)
            {
                writer.WriteStartObject();
                writer.WriteString("relation", relation);
                writer.WriteString("url", url);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
    }

    /// <summary>A history entry: fullUrl, the resource (absent for a delete), request and response.</summary>
    public static void WriteHistoryEntry(Utf8JsonWriter writer, string baseUrl, StoredResource version)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(version);
        writer.WriteStartObject();
        writer.WriteString("fullUrl", $"{baseUrl}/{version.ResourceType}/{version.Id}");
        if (version.Json is { } json)
        {
            writer.WritePropertyName("resource");
            writer.WriteRawValue(json, skipInputValidation: true);
        }
        writer.WriteStartObject("request");
        writer.WriteString("method", version.Method);
        writer.WriteString("url", version.Method == "POST" ? version.ResourceType : $"{version.ResourceType}/{version.Id}");
        writer.WriteEndObject();
        writer.WriteStartObject("response");
        writer.WriteString("status", version.Deleted ? "204 No Content" : version.VersionId == 1 ? "201 Created" : "200 OK");
        writer.WriteString("etag", EntityTag.Format(version.VersionId));
        writer.WriteString("lastModified", ResourceStamper.FormatInstant(version.LastUpdated));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
