using System.Text.Json;
using System.Threading.Channels;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Storage;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Application.Search;

/// <summary>
/// Keeps the registry's run-time definitions equal to the SearchParameters stored in the database: at start, after
/// this server commits a SearchParameter, and whenever another server's write changed the generation counter
/// (<see cref="RefreshAsync"/>, polled by the host). After a local commit it also asks for a reindex of the types
/// whose parameters changed (<see cref="ReindexRequests"/>, served by the host in the background).
/// </summary>
public sealed class SearchParameterSync(SearchParameterRegistry registry, SearchParameterStore store)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<IReadOnlyCollection<string>> _reindex = Channel.CreateUnbounded<IReadOnlyCollection<string>>();

    public SearchParameterRegistry Registry { get; } = registry;

    /// <summary>Sets of resource types to reindex, in the order their SearchParameters were committed here.</summary>
    public ChannelReader<IReadOnlyCollection<string>> ReindexRequests => _reindex.Reader;

    /// <summary>Reloads the run-time definitions when the stored generation differs from the loaded one; true when it did.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        if (await store.GenerationAsync(cancellationToken) == Registry.Generation) return false;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (generation, resources) = await store.LoadAsync(cancellationToken);
            if (generation == Registry.Generation) return false;
            var definitions = new Dictionary<string, SearchParameterDefinition>(StringComparer.Ordinal);
            foreach (var (id, json) in resources)
            {
                using var document = JsonDocument.Parse(json);
                definitions[id] = SearchParameterDefinition.FromJson(document.RootElement);
            }
            Registry.Load(definitions, generation);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The resource types a stored SearchParameter (by resource id) applies to now; empty when none is stored under that id.</summary>
    public IEnumerable<string> TypesOf(string id) =>
        Registry.RunTime.TryGetValue(id, out var definition) ? Registry.Indexer.Catalog.ResourceTypesOf(definition) : [];

    /// <summary>The resource types a SearchParameter body applies to; none for a copy of a built-in one (which stays in use).</summary>
    public IEnumerable<string> TypesOf(JsonElement resource)
    {
        var definition = SearchParameterDefinition.FromJson(resource);
        return Registry.IsBuiltIn(definition.Url) ? [] : Registry.Indexer.Catalog.ResourceTypesOf(definition);
    }

    /// <summary>
    /// After this server committed SearchParameters: load them, then queue a reindex of the types they (and their
    /// former versions) apply to. The commit is done: a failure to load here is left to the next poll (and the
    /// reindex loads before it runs), not reported to the client as a failed write.
    /// </summary>
    public async Task CommittedAsync(IReadOnlyCollection<string> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception e) when (StorageFailures.IsDatabaseFailure(e))
        {
            // Loaded at the next poll.
        }
        if (types.Count > 0) _reindex.Writer.TryWrite(types);
    }
}
