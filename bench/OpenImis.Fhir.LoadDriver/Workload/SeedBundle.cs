using System.Text.Json.Nodes;

namespace OpenImis.Fhir.LoadDriver.Workload;

/// <summary>
/// Every IG example in one transaction of PUTs (<c>Type/id</c>), so the references of the scenario bodies
/// (Location/Jamula-village, Coverage/JoeDoeCoverage, ...) resolve: the server checks referential integrity.
/// PUT makes it idempotent, and the examples refer to each other in cycles, which only a transaction accepts.
/// </summary>
internal static class SeedBundle
{
    public static JsonObject Build(IEnumerable<JsonObject> examples, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var entries = new JsonArray();
        foreach (var example in examples)
        {
            var local = $"{(string)example["resourceType"]!}/{(string)example["id"]!}";
            entries.Add(new JsonObject
            {
                ["fullUrl"] = $"{baseUrl.AbsoluteUri.TrimEnd('/')}/{local}",
                ["resource"] = example.DeepClone(),
                ["request"] = new JsonObject { ["method"] = "PUT", ["url"] = local },
            });
        }
        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries };
    }
}
