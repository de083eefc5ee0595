using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// The current versions of recently read resources, so that a read of one needs no round trip to PostgreSQL (a read
/// costs the database about as much CPU as the server, docs/performance.md). Bounded in bytes, least recently used
/// first out.
/// <para>
/// Never stale for writes through this server: a transaction that updated or deleted a resource invalidates it once
/// its commit ends (<see cref="StoreTransaction.CommitAsync(IReadOnlyCollection{ValueTuple{string, string}}, CancellationToken)"/>),
/// before the client hears of it. A first version needs nothing: no read of a resource that did not exist is kept.
/// Writes through other server instances on the same database are seen by <see cref="PollAsync"/>, which reads the
/// change sequence and invalidates what changed; until it runs, reads here may return the version before. The cache
/// answers only while its last successful poll began less than <c>maxPollAge</c> ago, which bounds that staleness even
/// when polls stall (a busy pool, a slow database).
/// </para>
/// <para>
/// A read that raced a write must not put the older version in after the write invalidated it. Each key hashes to a
/// stripe with a counter and a lock; an invalidation increments the counter and removes the key under the lock; a read
/// notes the counter (and the epoch, which moves whenever the cache stops or starts answering) before it asks the
/// database, and puts its answer in under the lock only if neither moved.
/// </para>
/// </summary>
public sealed class CurrentResourceCache : IDisposable
{
    private const int StripeCount = 1024;

    // What an entry costs besides its JSON's chars (two bytes each): the StoredResource, its strings and the entry.
    private const int EntryOverheadBytes = 256;

    private readonly MemoryCache _entries;
    private readonly long[] _stripes = new long[StripeCount];
    private readonly Lock[] _stripeLocks = [.. Enumerable.Range(0, StripeCount).Select(_ => new Lock())];
    // Moves whenever the cache stops or starts answering (under every stripe lock): a read that began before keeps nothing.
    private long _epoch;
    // Off until PollAsync knows where the change sequence stands, and while it cannot see every change.
    private volatile bool _serving;
    // Stopwatch timestamp at which the last successful poll began; answers stop maxPollAge after it.
    private long _polledAt;
    private ChangeCursor? _cursor;

    private readonly int _pollLimit;
    private readonly long _maxPollAgeTicks;

    /// <param name="maxBytes">The memory the entries may take, as estimated (two bytes per char of JSON, and some).</param>
    /// <param name="maxPollAge">How long after its last successful poll began the cache still answers.</param>
    /// <param name="pollLimit">Most changes one poll reads at a time (see <see cref="PollAsync"/>).</param>
    public CurrentResourceCache(long maxBytes, TimeSpan maxPollAge, int pollLimit = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxPollAge, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pollLimit);
        MaxBytes = maxBytes;
        _pollLimit = pollLimit;
        _maxPollAgeTicks = (long)Math.Min(long.MaxValue / 2.0, maxPollAge.TotalSeconds * Stopwatch.Frequency);
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = maxBytes, CompactionPercentage = 0.1 });
    }

    public long MaxBytes { get; }

    /// <summary>
    /// Whether reads are answered and kept: after a poll that saw every change, and until maxPollAge after the last
    /// successful one began.
    /// </summary>
    public bool Serving => _serving && Stopwatch.GetTimestamp() - Volatile.Read(ref _polledAt) < _maxPollAgeTicks;

    /// <summary>Entries held (tests, operations).</summary>
    public long Count => _entries.Count;

    /// <summary>What a read notes before it asks the database; see <see cref="Keep"/>.</summary>
    internal readonly record struct ReadTicket(long Stripe, long Epoch);

    internal bool TryGet(string resourceType, string id, out StoredResource? resource)
    {
        resource = null;
        return Serving && _entries.TryGetValue(new Key(resourceType, id), out resource);
    }

    /// <summary>Whether a current version of this resource is held (tests).</summary>
    internal bool Holds(string resourceType, string id) => _entries.TryGetValue(new Key(resourceType, id), out _);

    internal ReadTicket BeforeRead(string resourceType, string id) =>
        new(Volatile.Read(ref _stripes[Stripe(resourceType, id)]), Volatile.Read(ref _epoch));

    /// <summary>Keeps what a read found, unless a write, a suspension or a start may have overtaken it.</summary>
    internal void Keep(ReadTicket ticket, StoredResource resource)
    {
        var stripe = Stripe(resource.ResourceType, resource.Id);
        lock (_stripeLocks[stripe])
        {
            if (!Serving || _stripes[stripe] != ticket.Stripe || Volatile.Read(ref _epoch) != ticket.Epoch) return;
            _entries.Set(new Key(resource.ResourceType, resource.Id), resource,
                new MemoryCacheEntryOptions { Size = EntryOverheadBytes + 2L * (resource.Json?.Length ?? 0) });
        }
    }

    /// <summary>After a commit (or a failed one: its outcome may be unknown) that wrote these resources.</summary>
    internal void Invalidate(string resourceType, string id)
    {
        var stripe = Stripe(resourceType, id);
        lock (_stripeLocks[stripe])
        {
            _stripes[stripe]++;
            _entries.Remove(new Key(resourceType, id));
        }
    }

    /// <summary>Drops everything and answers nothing until the next poll that sees every change.</summary>
    internal void Suspend() => Turn(serving: false);

    // Stops or starts answering under every stripe lock, moving the epoch: no read that began before can keep anything
    // (a read under way during the first poll may have read a version that poll does not see replaced).
    private void Turn(bool serving)
    {
        var taken = 0;
        try
        {
            for (; taken < StripeCount; taken++) _stripeLocks[taken].Enter();
            Interlocked.Increment(ref _epoch);
            if (!serving) _entries.Clear();
            _serving = serving;
        }
        finally
        {
            for (var i = 0; i < taken; i++) _stripeLocks[i].Exit();
        }
    }

    /// <summary>
    /// Invalidates what other server instances wrote since the last poll (this instance's own writes come again, which
    /// costs a miss at most). Reads every change after the cursor that has committed, in the change feed's order
    /// (<see cref="ChangeFeed"/>), and moves the cursor only over the changes of transactions older than every running
    /// one: a change that commits later can only sort after it. Changes beyond that are invalidated again at each poll
    /// until the cursor passes them. The first poll only notes where the feed stands and starts serving. When a poll
    /// fails, or reads a full page of changes (<c>pollLimit</c>) without moving its cursor, the cache is suspended until
    /// a poll succeeds and sees every change.
    /// </summary>
    public async Task PollAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (_cursor is not { } cursor)
            {
                await using var start = dataSource.CreateCommand("select pg_snapshot_xmin(pg_current_snapshot())::text");
                var horizon = (string)(await start.ExecuteScalarAsync(cancellationToken))!;
                _cursor = new ChangeCursor(ulong.Parse(horizon, CultureInfo.InvariantCulture), 0);
                Polled(started);
                return;
            }
            while (true)
            {
                var (moved, read) = await PollPageAsync(dataSource, cursor, cancellationToken);
                if (read < _pollLimit)
                {
                    _cursor = moved;
                    Polled(started);
                    return;
                }
                if (moved == cursor)
                {
                    Suspend(); // a long transaction holds back a full page: some changes after it are not seen yet
                    return;
                }
                _cursor = cursor = moved;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Suspend();
            throw;
        }
    }

    // Every change committed before the poll began has been seen: answer until maxPollAge after that.
    private void Polled(long started)
    {
        Volatile.Write(ref _polledAt, started);
        if (!_serving) Turn(serving: true);
    }

    private async Task<(ChangeCursor Moved, int Read)> PollPageAsync(NpgsqlDataSource dataSource, ChangeCursor cursor, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            with h as (select pg_snapshot_xmin(pg_current_snapshot()) as horizon)
            select v.resource_type, v.id, v.version_id, v.txid::text, v.change_seq, v.txid < h.horizon
            from fhir_resource_version v, h
            where (v.txid, v.change_seq) > ($1::text::xid8, $2)
            order by v.txid, v.change_seq
            limit $3
            """);
        command.Parameters.Add(new() { Value = cursor.TransactionId.ToString(CultureInfo.InvariantCulture) });
        command.Parameters.Add(new() { Value = cursor.ChangeSeq });
        command.Parameters.Add(new() { Value = _pollLimit });
        var moved = cursor;
        var read = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            read++;
            if (reader.GetInt32(2) > 1) Invalidate(reader.GetString(0), reader.GetString(1));
            // Rows come in txid order, so the settled ones (txid below the horizon) come first.
            if (reader.GetBoolean(5)) moved = new ChangeCursor(ulong.Parse(reader.GetString(3), CultureInfo.InvariantCulture), reader.GetInt64(4));
        }
        return (moved, read);
    }

    public void Dispose() => _entries.Dispose();

    private static int Stripe(string resourceType, string id) =>
        (HashCode.Combine(resourceType, id) & int.MaxValue) % StripeCount;

    private readonly record struct Key(string ResourceType, string Id);
}
