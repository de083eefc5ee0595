using OpenImis.Fhir.Application.Search;
using OpenImis.Fhir.Storage;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Server.Hosting;

/// <summary>
/// The background side of run-time SearchParameters in <c>serve</c>: polls the generation counter so that
/// SearchParameters written through another server instance are loaded here within
/// <c>Fhir:SearchParameterPollSeconds</c>, and reindexes the types whose parameters this instance changed (the
/// reindex an operator runs with <c>openimis-fhir reindex</c>, started for them). A reindex cut short by a stop is
/// finished by running that command.
/// </summary>
internal sealed partial class SearchIndexMaintenance(SearchParameterSync sync, SearchIndexRebuilder rebuilder, TimeSpan pollInterval, ILogger<SearchIndexMaintenance> logger) : BackgroundService
{
    public const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reindex = Task.Run(() => ReindexAsync(stoppingToken), stoppingToken);
        using var timer = new PeriodicTimer(pollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await sync.RefreshAsync(stoppingToken)) LogReloaded(sync.Registry.Generation, sync.Registry.RunTime.Count);
                }
                catch (Exception e) when (StorageFailures.IsDatabaseFailure(e))
                {
                    LogRefreshFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await reindex.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task ReindexAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var types in sync.ReindexRequests.ReadAllAsync(stoppingToken))
            {
                foreach (var type in types.Order(StringComparer.Ordinal))
                {
                    try
                    {
                        await sync.RefreshAsync(stoppingToken); // the definitions as stored now, even if loading at the commit failed
                        var done = await rebuilder.RebuildAsync(type, BatchSize, 0, p => LogProgress(p.ResourceType, p.Done, p.Total, p.LastRid), stoppingToken);
                        LogReindexed(type, done);
                    }
                    catch (Exception e) when (StorageFailures.IsDatabaseFailure(e))
                    {
                        LogReindexFailed(e, type);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Search parameters reloaded: generation {Generation}, {Count} stored SearchParameters")]
    private partial void LogReloaded(long generation, int count);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Checking the stored SearchParameters failed; retrying at the next poll")]
    private partial void LogRefreshFailed(Exception error);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Reindex {ResourceType}: {Done}/{Total} (last rid {LastRid})")]
    private partial void LogProgress(string resourceType, long done, long total, long lastRid);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Reindexed {Count} {ResourceType} resources for changed search parameters")]
    private partial void LogReindexed(string resourceType, long count);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Error, Message = "Reindexing {ResourceType} failed; run openimis-fhir reindex --type {ResourceType}")]
    private partial void LogReindexFailed(Exception error, string resourceType);
}
