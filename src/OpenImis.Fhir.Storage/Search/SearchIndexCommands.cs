using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// The search index part of a write statement: one CTE per table that gets rows, inserting every write's rows of
/// that value kind, each joined to its resource's rid (the CTE <c>k</c> of <see cref="WriteBatch"/>).
/// </summary>
internal static class SearchIndexCommands
{
    public static readonly string[] Tables = ["search_string", "search_token", "search_date", "search_number", "search_quantity", "search_reference", "search_uri", "search_composite"];

    public static void AddInserts(List<string> parts, WriteBatch.Parameters p, IReadOnlyList<ResourceWrite> writes)
    {
        var rows = writes.SelectMany(w => w.Search.Select(row => (Write: w, row.Code, row.Value, row.Part))).ToList();
        if (rows.Count == 0) return;
        Add(parts, p, rows, "search_string", ["normalized", "exact"], ["text", "text"],
            (StringSearchValue v) => [v.Normalized, v.Exact]);
        Add(parts, p, rows, "search_token", ["system", "value", "text", "type_system", "type_code"], ["text", "text", "text", "text", "text"],
            (TokenSearchValue v) => [v.System, v.Code, v.Text, v.TypeSystem, v.TypeCode]);
        Add(parts, p, rows, "search_date", ["low", "high"], ["timestamptz", "timestamptz"],
            (DateSearchValue v) => [v.Low, v.High]);
        Add(parts, p, rows, "search_number", ["value", "low", "high"], ["numeric", "numeric", "numeric"],
            (NumberSearchValue v) => [v.Value, v.Low, v.High]);
        Add(parts, p, rows, "search_quantity", ["system", "unit", "value", "low", "high", "unit_text"], ["text", "text", "numeric", "numeric", "numeric", "text"],
            (QuantitySearchValue v) => [v.System, v.Code ?? v.Unit, v.Value, v.Low, v.High, v.Unit]);
        Add(parts, p, rows, "search_reference", ["target_type", "target_id", "url", "version", "identifier_system", "identifier_value"], ["text", "text", "text", "text", "text", "text"],
            (ReferenceSearchValue v) => [v.TargetType, v.TargetId, v.Url, v.Version, v.IdentifierSystem, v.IdentifierValue]);
        Add(parts, p, rows, "search_uri", ["value"], ["text"],
            (UriSearchValue v) => [v.Value]);
        // A composite's own row marks the element instance; its values are the component rows, in the tables above.
        Add(parts, p, rows, "search_composite", [], [], (CompositeSearchValue _) => []);
    }

    private static void Add<T>(List<string> parts, WriteBatch.Parameters p, List<(ResourceWrite Write, string Code, SearchValue Value, int? Part)> rows,
        string table, string[] columns, string[] sqlTypes, Func<T, object?[]> values)
        where T : SearchValue
    {
        var selected = rows.Where(r => r.Value is T).ToList();
        if (selected.Count == 0) return;
        var columnValues = columns.Select(_ => new List<object?>(selected.Count)).ToArray();
        foreach (var row in selected)
        {
            var rowValues = values((T)row.Value);
            for (var c = 0; c < columns.Length; c++) columnValues[c].Add(rowValues[c]);
        }
        var unnest = new List<string>
        {
            p.Add(selected.Select(r => r.Write.ResourceType).ToArray()) + "::text[]",
            p.Add(selected.Select(r => r.Write.Id).ToArray()) + "::text[]",
            p.Add(selected.Select(r => r.Code).ToArray()) + "::text[]",
            p.Add(selected.Select(r => r.Part).ToArray()) + "::int[]",
        };
        for (var c = 0; c < columns.Length; c++) unnest.Add($"{p.Add(Typed(sqlTypes[c], columnValues[c]))}::{sqlTypes[c]}[]");
        var names = string.Join("", columns.Select(c => ", " + c));
        parts.Add($"""
            i_{table} as (insert into {table} (rid, resource_type, code, part{names})
                select k.rid, k.resource_type, v.code, v.part{string.Join("", columns.Select(c => ", v." + c))}
                from unnest({string.Join(", ", unnest)}) as v(resource_type, id, code, part{names})
                join k on k.resource_type = v.resource_type and k.id = v.id)
            """);
    }

    // Typed arrays, so that Npgsql sends text[], numeric[] and timestamptz[] (an object[] has no PostgreSQL type).
    private static object Typed(string sqlType, List<object?> values) => sqlType switch
    {
        "numeric" => values.Select(v => (decimal)v!).ToArray(),
        "timestamptz" => values.Select(v => (DateTimeOffset)v!).ToArray(),
        _ => values.Select(v => (string?)v).ToArray(),
    };
}
