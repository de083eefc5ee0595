using System.Globalization;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// The changes after a cursor, in commit-safe order, for sync and the subscription dispatcher.
/// A sequence number alone is not enough: a transaction can draw number 5, another draw 6 and commit first, and a
/// reader that moved its cursor to 6 would never see 5. So changes are read in (transaction id, sequence) order and
/// only from transactions older than the oldest one still running (<c>pg_snapshot_xmin</c>): no transaction that
/// commits later can sort before a change already read.
/// </summary>
public sealed class ChangeFeed(FhirStore store)
{
    public async Task<IReadOnlyList<ResourceChange>> ReadAsync(ChangeCursor after, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = store.DataSource.CreateCommand("""
            select resource_type, id, version_id, deleted, txid::text, change_seq
            from fhir_resource_version
            where (txid, change_seq) > ($1::text::xid8, $2) and txid < pg_snapshot_xmin(pg_current_snapshot())
            order by txid, change_seq
            limit $3
            """);
        command.Parameters.Add(new() { Value = after.TransactionId.ToString(CultureInfo.InvariantCulture) });
        command.Parameters.Add(new() { Value = after.ChangeSeq });
        command.Parameters.Add(new() { Value = limit });
        var changes = new List<ResourceChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var cursor = new ChangeCursor(ulong.Parse(reader.GetString(4), CultureInfo.InvariantCulture), reader.GetInt64(5));
            changes.Add(new ResourceChange(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetBoolean(3), cursor));
        }
        return changes;
    }
}
