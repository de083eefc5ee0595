namespace OpenImis.Fhir.Application;

/// <summary>The settings of the FHIR server (configuration section <c>Fhir</c>); docs/operations.md lists them.</summary>
public sealed class FhirServerOptions
{
    /// <summary>Largest request body accepted; larger gets 413.</summary>
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Longest request target (path and query) accepted; longer gets 414.</summary>
    public int MaxUrlBytes { get; set; } = 8 * 1024;

    /// <summary>Most bytes of request headers accepted (names, values and their separators); more gets 431.</summary>
    public int MaxHeaderBytes { get; set; } = 32 * 1024;

    /// <summary>Deepest JSON nesting accepted; deeper gets 400. At most <see cref="DeepestJson"/>.</summary>
    public int MaxJsonDepth { get; set; } = DeepestJson;

    /// <summary>
    /// System.Text.Json's default depth, which every later reading of a stored resource uses (stamping, patching,
    /// reading back from jsonb, indexing): a body any deeper would be stored and then fail there (a 500).
    /// </summary>
    public const int DeepestJson = 64;

    public int DefaultPageSize { get; set; } = 20;

    public int MaxPageSize { get; set; } = 500;

    /// <summary>Most entries in one batch or transaction Bundle.</summary>
    public int MaxBundleEntries { get; set; } = 10_000;

    /// <summary>
    /// References to <c>Type/id</c> must name a resource that exists, and a resource still referenced cannot be
    /// deleted: checked at the end of each interaction or transaction.
    /// </summary>
    public bool ReferentialIntegrity { get; set; } = true;

    /// <summary>
    /// Store search index rows with every write (default). Off only to measure what indexing costs (bench): resources
    /// written while it is off are not found by search until they are written again.
    /// </summary>
    public bool SearchIndexing { get; set; } = true;

    /// <summary>
    /// Commits of creates sent to PostgreSQL at once; creates that arrive while all are busy are committed together,
    /// in one statement and one transaction, when one of them finishes (group commit). 0: each create commits on its
    /// own. Default: half the processors, at least one (the other half serves HTTP and validates). See
    /// docs/architecture.md, "Storage".
    /// </summary>
    public int GroupCommits { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>
    /// How often (seconds) <c>serve</c> checks whether SearchParameters were written through another server instance
    /// on the same database, and loads them. Those written through this instance are loaded at their commit.
    /// </summary>
    public double SearchParameterPollSeconds { get; set; } = 5;

    /// <summary>
    /// Memory (MB) for the current versions of recently read resources, which later reads of them are answered from
    /// without asking PostgreSQL (least recently used out first). 0: every read asks PostgreSQL. See
    /// docs/architecture.md, "Storage", for what another server instance's writes do to it.
    /// </summary>
    public int ReadCacheMegabytes { get; set; } = 256;

    /// <summary>
    /// How often (seconds) <c>serve</c> reads the change sequence to forget the cached versions that another server
    /// instance on the same database replaced: the longest such a read may be stale, unless a long transaction holds
    /// the change feed back (the cache then stops answering until it catches up).
    /// </summary>
    public double ReadCachePollSeconds { get; set; } = 0.1;

    /// <summary>
    /// The profile every write of a type is validated against, besides its <c>meta.profile</c>. Defaults: the openIMIS
    /// profile of each type that has exactly one (types with several, such as Organization, rely on meta.profile).
    /// </summary>
    public Dictionary<string, string> Profiles { get; set; } = new(StringComparer.Ordinal);
}
