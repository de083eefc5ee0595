using System.Text.Json;

namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// Reads the JSON of <c>EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)</c>: every node that reads a table or an index, and
/// the Seq Scans of the tables that grow with the data (resources, versions, identifiers, references, the search
/// index), which a search must not need: on a million resources each is a read of the whole table.
/// </summary>
internal static class PlanInspector
{
    public static bool IsLargeTable(string relation) =>
        relation is "fhir_resource" or "fhir_resource_version" or "fhir_identifier" or "fhir_reference"
        || relation.StartsWith("search_", StringComparison.Ordinal);

    public static StatementPlan Read(string statement, string explainJson)
    {
        using var document = JsonDocument.Parse(explainJson);
        var root = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement[0] : document.RootElement;
        var plan = root.GetProperty("Plan");
        var scans = new List<ScanNode>();
        Walk(plan, scans);
        return new StatementPlan(
            Statement: statement,
            PlanningMs: Number(root, "Planning Time"),
            ExecutionMs: Number(root, "Execution Time"),
            TopRows: Number(plan, "Actual Rows") * Math.Max(1, Number(plan, "Actual Loops")),
            SharedHitBlocks: (long)Number(plan, "Shared Hit Blocks"),
            SharedReadBlocks: (long)Number(plan, "Shared Read Blocks"),
            Scans: scans,
            SeqScansOnLargeTables: [.. scans.Where(s => s.NodeType == "Seq Scan" && s.Relation is { } r && IsLargeTable(r)).Select(s => s.Relation!).Distinct(StringComparer.Ordinal)]);
    }

    private static void Walk(JsonElement node, List<ScanNode> scans)
    {
        var relation = node.TryGetProperty("Relation Name", out var r) ? r.GetString() : null;
        var index = node.TryGetProperty("Index Name", out var i) ? i.GetString() : null;
        if (relation is not null || index is not null)
        {
            var loops = Math.Max(1, Number(node, "Actual Loops"));
            scans.Add(new ScanNode(node.GetProperty("Node Type").GetString()!, relation, index, Number(node, "Actual Rows") * loops, loops));
        }
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray()) Walk(child, scans);
        }
    }

    private static double Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;
}
