using Npgsql;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// The search index part of a write batch: the rows of later versions deleted (by rid), and the new rows inserted,
/// one statement per table for all writes, each row's rid found by joining the resource table on (type, id).
/// </summary>
internal static class SearchIndexCommands
{
    private static readonly string[] Tables = ["search_string", "search_token", "search_date", "search_number", "search_quantity", "search_reference", "search_uri"];

    public static void AddDeletes(NpgsqlBatch batch, string[] types, string[] ids)
    {
        foreach (var table in Tables)
        {
            batch.BatchCommands.Add(WriteBatch.Command(
                $"delete from {table} where rid in (select r.rid from fhir_resource r join unnest($1::text[], $2::text[]) as k(resource_type, id) on r.resource_type = k.resource_type and r.id = k.id)",
                types, ids));
        }
    }

    public static void AddInserts(NpgsqlBatch batch, IReadOnlyList<ResourceWrite> writes)
    {
        var rows = writes.SelectMany(w => w.Search.Select(row => (Write: w, row.Code, row.Value))).ToList();
        if (rows.Count == 0) return;
        Add(batch, rows, "search_string", "normalized, exact", "text, text",
            (StringSearchValue v) => [v.Normalized, v.Exact]);
        Add(batch, rows, "search_token", "system, value, text, type_system, type_code", "text, text, text, text, text",
            (TokenSearchValue v) => [v.System, v.Code, v.Text, v.TypeSystem, v.TypeCode]);
        Add(batch, rows, "search_date", "low, high", "timestamptz, timestamptz",
            (DateSearchValue v) => [v.Low, v.High]);
        Add(batch, rows, "search_number", "value, low, high", "numeric, numeric, numeric",
            (NumberSearchValue v) => [v.Value, v.Low, v.High]);
        Add(batch, rows, "search_quantity", "system, unit, value, low, high", "text, text, numeric, numeric, numeric",
            (QuantitySearchValue v) => [v.System, v.Code ?? v.Unit, v.Value, v.Low, v.High]);
        Add(batch, rows, "search_reference", "target_type, target_id, url, version, identifier_system, identifier_value", "text, text, text, text, text, text",
            (ReferenceSearchValue v) => [v.TargetType, v.TargetId, v.Url, v.Version, v.IdentifierSystem, v.IdentifierValue]);
        Add(batch, rows, "search_uri", "value", "text",
            (UriSearchValue v) => [v.Value]);
    }

    // One insert for every row of one value kind: unnest(type[], id[], code[], column arrays...) joined to the resource table.
    private static void Add<T>(NpgsqlBatch batch, List<(ResourceWrite Write, string Code, SearchValue Value)> rows, string table, string columns, string sqlTypes, Func<T, object?[]> values)
        where T : SearchValue
    {
        var selected = rows.Where(r => r.Value is T).ToList();
        if (selected.Count == 0) return;
        var names = columns.Split(", ");
        var types = sqlTypes.Split(", ");
        var columnValues = names.Select(_ => new List<object?>(selected.Count)).ToArray();
        foreach (var row in selected)
        {
            var rowValues = values((T)row.Value);
            for (var c = 0; c < names.Length; c++) columnValues[c].Add(rowValues[c]);
        }
        var command = new NpgsqlBatchCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = selected.Select(r => r.Write.ResourceType).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = selected.Select(r => r.Write.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = selected.Select(r => r.Code).ToArray() });
        var unnest = new List<string> { "$1::text[]", "$2::text[]", "$3::text[]" };
        for (var c = 0; c < names.Length; c++)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Typed(types[c], columnValues[c]) });
            unnest.Add($"${command.Parameters.Count}::{types[c]}[]");
        }
        var vColumns = string.Join(", ", names.Select(n => "v." + n));
        command.CommandText = $"""
            insert into {table} (rid, resource_type, code, {columns})
            select r.rid, r.resource_type, v.code, {vColumns}
            from unnest({string.Join(", ", unnest)}) as v(resource_type, id, code, {columns})
            join fhir_resource r on r.resource_type = v.resource_type and r.id = v.id
            """;
        batch.BatchCommands.Add(command);
    }

    // Typed arrays, so that Npgsql sends text[], numeric[] and timestamptz[] (an object[] has no PostgreSQL type).
    private static object Typed(string sqlType, List<object?> values) => sqlType switch
    {
        "numeric" => values.Select(v => (decimal)v!).ToArray(),
        "timestamptz" => values.Select(v => (DateTimeOffset)v!).ToArray(),
        _ => values.Select(v => (string?)v).ToArray(),
    };
}
