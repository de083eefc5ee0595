using OpenImis.Fhir.LoadDriver.Search;

namespace OpenImis.Fhir.LoadDriver.Tests.Search;

/// <summary>
/// Plans captured from PostgreSQL 15 on a 2,000-resource data set: a reverse chain answered from indexes alone, and a
/// birth-date search with index scans switched off (enable_*scan=off), which reads three large tables whole.
/// </summary>
public sealed class PlanInspectorTests
{
    private static string Plan(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Search", "Plans", name));

    [Fact]
    public void A_plan_of_index_scans_has_no_seq_scan_on_a_large_table()
    {
        var plan = PlanInspector.Read("page", Plan("has-claim-status-index.json"));

        Assert.Equal("page", plan.Statement);
        Assert.Equal(3.572, plan.PlanningMs);
        Assert.Equal(6.946, plan.ExecutionMs);
        Assert.Equal(21, plan.TopRows);
        Assert.Equal(3402, plan.SharedHitBlocks);
        Assert.Equal(140, plan.SharedReadBlocks);
        Assert.Empty(plan.SeqScansOnLargeTables);
        Assert.Equal(
            [
                "Bitmap Heap Scan on search_token",
                "Bitmap Index Scan search_token_value",
                "Index Only Scan fhir_resource_rid on fhir_resource ×441",
                "Index Scan search_reference_rid on search_reference ×441",
                "Index Only Scan fhir_resource_version_pkey on fhir_resource_version ×252",
                "Index Scan fhir_resource_pkey on fhir_resource ×252",
            ],
            plan.Scans.Select(s => s.ToString()));
        // Rows over all loops: one row per loop of the 441 claims.
        Assert.Equal(441, plan.Scans.Single(s => s.Index == "search_reference_rid").Rows);
    }

    [Fact]
    public void Seq_scans_of_resources_versions_and_the_search_index_are_reported()
    {
        var plan = PlanInspector.Read("page", Plan("birthdate-seq-scans.json"));

        Assert.Equal(["fhir_resource_version", "fhir_resource", "search_date"], plan.SeqScansOnLargeTables);
        Assert.Equal(6, plan.TopRows);
        Assert.Equal(2.155, plan.PlanningMs);
        Assert.Equal(9.242, plan.ExecutionMs);
        Assert.All(plan.Scans, s => Assert.Equal("Seq Scan", s.NodeType));
    }

    [Theory]
    [InlineData("fhir_resource", true)]
    [InlineData("fhir_resource_version", true)]
    [InlineData("fhir_identifier", true)]
    [InlineData("fhir_reference", true)]
    [InlineData("search_token", true)]
    [InlineData("search_quantity", true)]
    [InlineData("schema_migrations", false)]
    [InlineData("bench_raw_resource", false)]
    public void Large_tables_are_those_that_grow_with_the_data(string relation, bool large)
    {
        Assert.Equal(large, PlanInspector.IsLargeTable(relation));
    }
}
