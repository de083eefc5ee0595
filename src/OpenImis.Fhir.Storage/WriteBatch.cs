using Npgsql;
using NpgsqlTypes;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// The statements that store a set of writes, set-based: one <c>insert ... select from unnest(...)</c> per table for
/// all the writes together (a 100-entry transaction is a dozen statements, not eight hundred), the resource rows
/// inserted for first versions and updated for later ones, and the index rows of later versions deleted first.
/// Each (type, id) appears at most once in a set.
/// </summary>
internal static class WriteBatch
{
    public static void Add(NpgsqlBatch batch, IReadOnlyList<ResourceWrite> writes)
    {
        batch.BatchCommands.Add(Command("""
            insert into fhir_resource_version (resource_type, id, version_id, last_updated, deleted, method, body)
            select * from unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::bool[], $6::text[], $7::jsonb[])
            """,
            writes.Select(w => w.ResourceType).ToArray(), writes.Select(w => w.Id).ToArray(), writes.Select(w => w.VersionId).ToArray(),
            writes.Select(w => w.LastUpdated).ToArray(), writes.Select(w => w.Deleted).ToArray(), writes.Select(w => w.Method).ToArray(),
            new NpgsqlParameter { Value = writes.Select(w => w.Json).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb }));

        var first = writes.Where(w => w.IsFirstVersion).ToList();
        var later = writes.Where(w => !w.IsFirstVersion).ToList();
        if (first.Count > 0)
        {
            batch.BatchCommands.Add(Command("""
                insert into fhir_resource (resource_type, id, version_id, last_updated, deleted)
                select * from unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::bool[])
                """,
                first.Select(w => w.ResourceType).ToArray(), first.Select(w => w.Id).ToArray(), first.Select(w => w.VersionId).ToArray(),
                first.Select(w => w.LastUpdated).ToArray(), first.Select(w => w.Deleted).ToArray()));
        }
        if (later.Count > 0)
        {
            var types = later.Select(w => w.ResourceType).ToArray();
            var ids = later.Select(w => w.Id).ToArray();
            batch.BatchCommands.Add(Command("""
                update fhir_resource r set version_id = u.version_id, last_updated = u.last_updated, deleted = u.deleted
                from unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::bool[]) as u(resource_type, id, version_id, last_updated, deleted)
                where r.resource_type = u.resource_type and r.id = u.id
                """,
                types, ids, later.Select(w => w.VersionId).ToArray(), later.Select(w => w.LastUpdated).ToArray(), later.Select(w => w.Deleted).ToArray()));
            batch.BatchCommands.Add(Command("delete from fhir_identifier where (resource_type, resource_id) in (select * from unnest($1::text[], $2::text[]))", types, ids));
            batch.BatchCommands.Add(Command("delete from fhir_reference where (source_type, source_id) in (select * from unnest($1::text[], $2::text[]))", types, ids));
            SearchIndexCommands.AddDeletes(batch, types, ids);
        }

        var identifiers = writes.SelectMany(w => w.Identifiers.Select(i => (w, i))).ToList();
        if (identifiers.Count > 0)
        {
            batch.BatchCommands.Add(Command("""
                insert into fhir_identifier (resource_type, resource_id, system, value, type_system, type_code)
                select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                """,
                identifiers.Select(x => x.w.ResourceType).ToArray(), identifiers.Select(x => x.w.Id).ToArray(), identifiers.Select(x => x.i.System).ToArray(),
                identifiers.Select(x => x.i.Value).ToArray(), identifiers.Select(x => x.i.TypeSystem).ToArray(), identifiers.Select(x => x.i.TypeCode).ToArray()));
        }
        var references = writes.SelectMany(w => w.References.Select(r => (w, r))).ToList();
        if (references.Count > 0)
        {
            batch.BatchCommands.Add(Command("""
                insert into fhir_reference (source_type, source_id, path, target_type, target_id, target_url, identifier_system, identifier_value)
                select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                """,
                references.Select(x => x.w.ResourceType).ToArray(), references.Select(x => x.w.Id).ToArray(), references.Select(x => x.r.Path).ToArray(),
                references.Select(x => x.r.TargetType).ToArray(), references.Select(x => x.r.TargetId).ToArray(), references.Select(x => x.r.TargetUrl).ToArray(),
                references.Select(x => x.r.IdentifierSystem).ToArray(), references.Select(x => x.r.IdentifierValue).ToArray()));
        }
        SearchIndexCommands.AddInserts(batch, writes);
    }

    internal static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        return command;
    }
}
