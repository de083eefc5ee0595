using Npgsql;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Server.Hosting;

/// <summary>
/// Polls the change sequence every <c>Fhir:ReadCachePollSeconds</c> so that the read cache forgets what other server
/// instances on the same database replaced (<see cref="CurrentResourceCache.PollAsync"/>). The cache answers nothing
/// before the first poll, and nothing while polls fail. The polls have a connection of their own
/// (<paramref name="dataSource"/>: one connection, no prepared statements), so that requests holding every pooled
/// connection do not hold them up.
/// </summary>
internal sealed partial class ReadCacheRefresh(CurrentResourceCache cache, NpgsqlDataSource dataSource, TimeSpan pollInterval, ILogger<ReadCacheRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(pollInterval);
        var failing = false;
        try
        {
            do
            {
                try
                {
                    await cache.PollAsync(dataSource, stoppingToken);
                    if (failing) LogRecovered();
                    failing = false;
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Whatever failed (Npgsql has thrown plain Exceptions on a broken prepared statement), the cache is
                    // suspended and the next poll tries again: a failed poll must not stop the host.
                    if (!failing) LogPollFailed(e);
                    failing = true;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Reading the change sequence for the read cache failed; reads ask the database until it succeeds")]
    private partial void LogPollFailed(Exception error);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "The read cache follows the change sequence again")]
    private partial void LogRecovered();
}
