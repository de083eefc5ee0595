using Npgsql;
using NpgsqlTypes;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// The statements that store a set of writes, set-based and few: every statement costs PostgreSQL a protocol
/// exchange and an executor start, so a create is one statement and a 100-entry transaction is two.
/// <list type="number">
/// <item>For later versions only: delete their identifier, reference and search rows (one statement of CTEs). This
/// runs first and apart: in one statement the order of sibling CTEs is not defined, and re-inserting an unchanged
/// business code before its old row is gone would break the unique index.</item>
/// <item>One statement of CTEs: the version rows, the resource rows (inserted for first versions, updated for
/// later ones, both returning their rid), and the identifier, reference and search rows, joined to those rids.</item>
/// </list>
/// Each (type, id) appears at most once in a set.
/// </summary>
internal static class WriteBatch
{
    public static void Add(NpgsqlBatch batch, IReadOnlyList<ResourceWrite> writes)
    {
        var later = writes.Where(w => !w.IsFirstVersion).ToList();
        if (later.Count > 0) batch.BatchCommands.Add(Deletes(later));
        batch.BatchCommands.Add(Inserts(writes));
    }

    private static NpgsqlBatchCommand Deletes(List<ResourceWrite> later)
    {
        var command = new NpgsqlBatchCommand();
        var p = new Parameters(command);
        var types = p.Add(later.Select(w => w.ResourceType).ToArray());
        var ids = p.Add(later.Select(w => w.Id).ToArray());
        var keys = $"select * from unnest({types}::text[], {ids}::text[])";
        var rids = $"select r.rid from fhir_resource r join unnest({types}::text[], {ids}::text[]) as k(resource_type, id) on r.resource_type = k.resource_type and r.id = k.id";
        var parts = new List<string>
        {
            $"d_identifier as (delete from fhir_identifier where (resource_type, resource_id) in ({keys}))",
            $"d_reference as (delete from fhir_reference where (source_type, source_id) in ({keys}))",
        };
        parts.AddRange(SearchIndexCommands.Tables.Select(t => $"d_{t} as (delete from {t} where rid in ({rids}))"));
        command.CommandText = $"with {string.Join(",\n", parts)}\nselect 1";
        return command;
    }

    private static NpgsqlBatchCommand Inserts(IReadOnlyList<ResourceWrite> writes)
    {
        var command = new NpgsqlBatchCommand();
        var p = new Parameters(command);
        var parts = new List<string>
        {
            $"""
            v_version as (insert into fhir_resource_version (resource_type, id, version_id, last_updated, deleted, method, body)
                select * from unnest({p.Add(writes.Select(w => w.ResourceType).ToArray())}::text[], {p.Add(writes.Select(w => w.Id).ToArray())}::text[],
                    {p.Add(writes.Select(w => w.VersionId).ToArray())}::int[], {p.Add(writes.Select(w => w.LastUpdated).ToArray())}::timestamptz[],
                    {p.Add(writes.Select(w => w.Deleted).ToArray())}::bool[], {p.Add(writes.Select(w => w.Method).ToArray())}::text[],
                    {p.Add(new NpgsqlParameter { Value = writes.Select(w => w.Json).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb })}::jsonb[]))
            """,
        };
        var first = writes.Where(w => w.IsFirstVersion).ToList();
        var later = writes.Where(w => !w.IsFirstVersion).ToList();
        var keys = new List<string>();
        if (first.Count > 0)
        {
            parts.Add($"""
                k_inserted as (insert into fhir_resource (resource_type, id, version_id, last_updated, deleted)
                    select * from unnest({p.Add(first.Select(w => w.ResourceType).ToArray())}::text[], {p.Add(first.Select(w => w.Id).ToArray())}::text[],
                        {p.Add(first.Select(w => w.VersionId).ToArray())}::int[], {p.Add(first.Select(w => w.LastUpdated).ToArray())}::timestamptz[],
                        {p.Add(first.Select(w => w.Deleted).ToArray())}::bool[])
                    returning rid, resource_type, id)
                """);
            keys.Add("select * from k_inserted");
        }
        if (later.Count > 0)
        {
            parts.Add($"""
                k_updated as (update fhir_resource r set version_id = u.version_id, last_updated = u.last_updated, deleted = u.deleted
                    from unnest({p.Add(later.Select(w => w.ResourceType).ToArray())}::text[], {p.Add(later.Select(w => w.Id).ToArray())}::text[],
                        {p.Add(later.Select(w => w.VersionId).ToArray())}::int[], {p.Add(later.Select(w => w.LastUpdated).ToArray())}::timestamptz[],
                        {p.Add(later.Select(w => w.Deleted).ToArray())}::bool[]) as u(resource_type, id, version_id, last_updated, deleted)
                    where r.resource_type = u.resource_type and r.id = u.id
                    returning r.rid, r.resource_type, r.id)
                """);
            keys.Add("select * from k_updated");
        }
        parts.Add($"k as ({string.Join(" union all ", keys)})");

        var identifiers = writes.SelectMany(w => w.Identifiers.Select(i => (w, i))).ToList();
        if (identifiers.Count > 0)
        {
            parts.Add($"""
                i_identifier as (insert into fhir_identifier (resource_type, resource_id, system, value, type_system, type_code)
                    select * from unnest({p.Add(identifiers.Select(x => x.w.ResourceType).ToArray())}::text[], {p.Add(identifiers.Select(x => x.w.Id).ToArray())}::text[],
                        {p.Add(identifiers.Select(x => x.i.System).ToArray())}::text[], {p.Add(identifiers.Select(x => x.i.Value).ToArray())}::text[],
                        {p.Add(identifiers.Select(x => x.i.TypeSystem).ToArray())}::text[], {p.Add(identifiers.Select(x => x.i.TypeCode).ToArray())}::text[]))
                """);
        }
        var references = writes.SelectMany(w => w.References.Select(r => (w, r))).ToList();
        if (references.Count > 0)
        {
            parts.Add($"""
                i_reference as (insert into fhir_reference (source_type, source_id, path, target_type, target_id, target_url, identifier_system, identifier_value)
                    select * from unnest({p.Add(references.Select(x => x.w.ResourceType).ToArray())}::text[], {p.Add(references.Select(x => x.w.Id).ToArray())}::text[],
                        {p.Add(references.Select(x => x.r.Path).ToArray())}::text[], {p.Add(references.Select(x => x.r.TargetType).ToArray())}::text[],
                        {p.Add(references.Select(x => x.r.TargetId).ToArray())}::text[], {p.Add(references.Select(x => x.r.TargetUrl).ToArray())}::text[],
                        {p.Add(references.Select(x => x.r.IdentifierSystem).ToArray())}::text[], {p.Add(references.Select(x => x.r.IdentifierValue).ToArray())}::text[]))
                """);
        }
        SearchIndexCommands.AddInserts(parts, p, writes);
        command.CommandText = $"with {string.Join(",\n", parts)}\nselect 1";
        return command;
    }

    /// <summary>Adds the parameters of one statement and names them (<c>$4</c>).</summary>
    internal sealed class Parameters(NpgsqlBatchCommand command)
    {
        public string Add(object value)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
            return "$" + command.Parameters.Count;
        }
    }
}
