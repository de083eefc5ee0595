namespace OpenImis.Fhir.LoadDriver.Measurement;

/// <summary>A kind of request: its name, what it runs against (server or postgres) and the resources each one writes or reads.</summary>
internal sealed record Scenario(string Name, string Target, int ResourcesPerRequest)
{
    public const string Server = "server";
    public const string Postgres = "postgres";

    public static readonly Scenario Create = new("create", Server, 1);

    /// <summary>create against a second server with search indexing off (<c>Fhir__SearchIndexing=false</c>): what indexing adds to a create.</summary>
    public static readonly Scenario CreateUnindexed = new("create-unindexed", Server, 1);
    public static readonly Scenario Read = new("read", Server, 1);
    public static readonly Scenario Transaction = new("transaction", Server, Workload.OpenImisWorkload.BundleEntries);

    /// <summary>A 100-entry transaction of PUTs, each updating a resource the worker created before: sync's shape.</summary>
    public static readonly Scenario TransactionUpdate = new("transaction-update", Server, Workload.OpenImisWorkload.BundleEntries);

    /// <summary>The same updates as conditional PUTs, each naming its resource by identifier.</summary>
    public static readonly Scenario TransactionUpdateConditional = new("transaction-update-conditional", Server, Workload.OpenImisWorkload.BundleEntries);
    public static readonly Scenario RawInsert = new("raw-insert", Postgres, 1);
    public static readonly Scenario RawBatch = new("raw-batch", Postgres, Workload.OpenImisWorkload.BundleEntries);

    public static readonly IReadOnlyList<Scenario> All = [Create, CreateUnindexed, Read, Transaction, TransactionUpdate, TransactionUpdateConditional, RawInsert, RawBatch];
}
