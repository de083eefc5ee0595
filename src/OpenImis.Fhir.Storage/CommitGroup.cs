using System.Data;
using System.Runtime.ExceptionServices;
using Npgsql;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// Commits creates together when they arrive while others are being committed (group commit). Up to
/// <c>maxInFlight</c> commits go to PostgreSQL at once; a create that finds them all busy waits, and the first to
/// finish takes everything that waited and commits it as one: one statement writes all their rows, one check covers
/// all their targets, one implicit transaction commits them (see <see cref="StoreTransaction.CommitAsync(IReadOnlyCollection{ValueTuple{string, string}}, CancellationToken)"/>).
/// Each create still sees its own write committed with its own rows, and none waits when the server is idle.
/// Why: on a saturated server most of a lone create's database cost is per statement and per commit (executor start,
/// locks on some thirty relations, the commit's WAL flush and the answer), not per row; a 100-entry transaction Bundle
/// stores a resource for a fraction of a lone create's cost.
/// When a shared commit fails, nothing of it was stored, and each of its creates commits again on its own, so that a
/// duplicate business code or a missing target refuses only the create that has it.
/// </summary>
internal sealed class CommitGroup(int maxInFlight, TimeSpan maxQueueWait)
{
    /// <summary>How long a create waits for a commit slot before it commits on its own (see WaitAsync).</summary>
    public static readonly TimeSpan DefaultMaxQueueWait = TimeSpan.FromMilliseconds(200);

    // Bounds one statement: a few thousand rows at most.
    private const int MaxMembers = 64;

    private readonly Lock _gate = new();
    private readonly List<Member> _waiting = [];
    private int _inFlight;

    /// <summary>Commits running (tests).</summary>
    internal int InFlight { get { lock (_gate) return _inFlight; } }

    /// <summary>Creates queued for the next group (tests).</summary>
    internal int Waiting { get { lock (_gate) return _waiting.Count; } }

    public async Task CommitAsync(NpgsqlConnection connection, List<ResourceWrite> writes, IReadOnlyCollection<(string Type, string Id)> mustExist, CancellationToken cancellationToken)
    {
        var me = new Member(connection, writes, mustExist);
        List<Member>? group = null;
        lock (_gate)
        {
            if (_inFlight < maxInFlight)
            {
                _inFlight++;
                group = [me];
            }
            else
            {
                _waiting.Add(me);
            }
        }
        if (group is null)
        {
            var turn = await WaitAsync(me);
            if (turn == Turn.Committed) return;
            if (turn == Turn.Alone)
            {
                await StoreTransaction.CommitAloneAsync(connection, writes, mustExist, cancellationToken);
                return;
            }
            group = me.Group!;
        }
        await LeadAsync(group!, cancellationToken);
    }

    // A commit that waits for a lock (a target being deleted, a business code being written by another request) holds
    // its slot until that ends: a create that waited this long leaves the queue and commits on its own. Once taken
    // into a group it waits for the group, whose writes may already be committing. Not cancellable for that reason.
    private async Task<Turn> WaitAsync(Member me)
    {
        try
        {
            return await me.Next.Task.WaitAsync(maxQueueWait);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                if (_waiting.Remove(me)) return Turn.Alone;
            }
            return await me.Next.Task;
        }
    }

    private async Task LeadAsync(List<Member> group, CancellationToken cancellationToken)
    {
        var leader = group[0];
        Exception? failure = null;
        try
        {
            if (group.Count == 1)
            {
                await StoreTransaction.CommitAloneAsync(leader.Connection, leader.Writes, leader.MustExist, cancellationToken);
            }
            else
            {
                // A shared commit is not cancelled by one of its requests.
                await StoreTransaction.CommitAloneAsync(leader.Connection, [.. group.SelectMany(m => m.Writes)],
                    [.. group.SelectMany(m => m.MustExist).Distinct()], CancellationToken.None);
            }
        }
        catch (Exception e) when (group.Count > 1)
        {
            failure = e;
        }
        finally
        {
            PassOn();
        }
        if (failure is null)
        {
            foreach (var member in group.Skip(1)) member.Next.SetResult(Turn.Committed);
            return;
        }
        foreach (var member in group.Skip(1)) member.Next.SetResult(Turn.Alone);
        // A connection that broke (not a refusal) cannot commit again: its own error says what happened.
        if (leader.Connection.State != ConnectionState.Open) ExceptionDispatchInfo.Throw(failure);
        await StoreTransaction.CommitAloneAsync(leader.Connection, leader.Writes, leader.MustExist, cancellationToken);
    }

    // The commit slot goes to whoever waited, all of them in one group, or is freed.
    private void PassOn()
    {
        List<Member> next;
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _inFlight--;
                return;
            }
            var count = Math.Min(_waiting.Count, MaxMembers);
            next = _waiting.GetRange(0, count);
            _waiting.RemoveRange(0, count);
        }
        next[0].Group = next;
        next[0].Next.SetResult(Turn.Lead);
    }

    private enum Turn { Committed, Alone, Lead }

    private sealed class Member(NpgsqlConnection connection, List<ResourceWrite> writes, IReadOnlyCollection<(string Type, string Id)> mustExist)
    {
        public NpgsqlConnection Connection { get; } = connection;
        public List<ResourceWrite> Writes { get; } = writes;
        public IReadOnlyCollection<(string Type, string Id)> MustExist { get; } = mustExist;
        public List<Member>? Group { get; set; }
        public TaskCompletionSource<Turn> Next { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
