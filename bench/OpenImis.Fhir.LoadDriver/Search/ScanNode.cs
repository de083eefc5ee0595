namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>A node of a plan that reads a table or an index: its type (Seq Scan, Index Scan, ...), table, index, rows it gave (all loops) and loops.</summary>
internal sealed record ScanNode(string NodeType, string? Relation, string? Index, double Rows, double Loops)
{
    public override string ToString() =>
        NodeType + (Index is null ? "" : $" {Index}") + (Relation is null ? "" : $" on {Relation}") + (Loops > 1 ? $" ×{Loops:0}" : "");
}
