using System.Text.Json;
using OpenImis.Fhir.DataGenerator.Generation;
using OpenImis.Fhir.DataGenerator.Model;

namespace OpenImis.Fhir.DataGenerator.Tests;

/// <summary>A small data set and its Bundles, parsed once for all tests of a class.</summary>
public sealed class GeneratedData
{
    public const int Resources = 2_000;
    public const int BundleSize = 50;

    public GeneratedData()
    {
        Data = DataSetGenerator.Generate(new DataSetOptions { Seed = 11, Resources = Resources });
        Bundles = [.. Data.Bundles(BundleSize)];
        Entries = [.. Bundles.SelectMany(bundle =>
        {
            using var document = JsonDocument.Parse(bundle.Json);
            return document.RootElement.GetProperty("entry").EnumerateArray().Select(entry =>
            {
                var resource = entry.GetProperty("resource").Clone();
                return new Entry(bundle, resource.GetProperty("resourceType").GetString()!, resource.GetProperty("id").GetString()!,
                    entry.GetProperty("request").GetProperty("url").GetString()!, resource);
            }).ToList();
        })];
    }

    public DataSet Data { get; }

    public IReadOnlyList<DataSetBundle> Bundles { get; }

    public IReadOnlyList<Entry> Entries { get; }

    public sealed record Entry(DataSetBundle Bundle, string Type, string Id, string RequestUrl, JsonElement Resource);

    /// <summary>Every literal <c>Type/id</c> reference in a resource.</summary>
    public static IEnumerable<string> References(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("reference") && property.Value.ValueKind == JsonValueKind.String) yield return property.Value.GetString()!;
                    else foreach (var reference in References(property.Value)) yield return reference;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var reference in References(item)) yield return reference;
                }
                break;
        }
    }

    /// <summary>The values of a resource's identifiers of a given openIMIS type (Code or UUID).</summary>
    public static IEnumerable<string> Identifiers(JsonElement resource, string type)
    {
        if (!resource.TryGetProperty("identifier", out var identifiers)) yield break;
        foreach (var identifier in identifiers.EnumerateArray())
        {
            if (identifier.GetProperty("type").GetProperty("coding")[0].GetProperty("code").GetString() == type) yield return identifier.GetProperty("value").GetString()!;
        }
    }
}
