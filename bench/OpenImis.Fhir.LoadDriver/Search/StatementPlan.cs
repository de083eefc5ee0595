namespace OpenImis.Fhir.LoadDriver.Search;

/// <summary>
/// The plan of one statement of a search (the page, the count, an include), from <c>EXPLAIN (ANALYZE, BUFFERS, FORMAT
/// JSON)</c>: times, the rows the top node gave, buffers, the scans, and which large tables were read by a Seq Scan.
/// </summary>
internal sealed record StatementPlan(
    string Statement,
    double PlanningMs,
    double ExecutionMs,
    double TopRows,
    long SharedHitBlocks,
    long SharedReadBlocks,
    IReadOnlyList<ScanNode> Scans,
    IReadOnlyList<string> SeqScansOnLargeTables);
