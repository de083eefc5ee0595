using Npgsql;
using NpgsqlTypes;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// The batch commands that replace a resource's search index rows: one delete per table when an earlier version
/// had rows, one <c>insert ... select from unnest(...)</c> per table that gets values. The resource's rid is looked
/// up by (type, id) inside each statement, so the commands can follow the resource row's insert in the same batch.
/// </summary>
internal static class SearchIndexCommands
{
    private static readonly string[] Tables = ["search_string", "search_token", "search_date", "search_number", "search_quantity", "search_reference", "search_uri"];

    private const string Rid = "(select rid from fhir_resource where resource_type = $1 and id = $2)";

    public static void Add(NpgsqlBatch batch, ResourceWrite write)
    {
        if (!write.IsFirstVersion)
        {
            foreach (var table in Tables) batch.BatchCommands.Add(Keyed($"delete from {table} where rid = {Rid}", write));
        }
        if (write.Search.Count == 0) return;

        List<(string Code, StringSearchValue V)>? strings = null;
        List<(string Code, TokenSearchValue V)>? tokens = null;
        List<(string Code, DateSearchValue V)>? dates = null;
        List<(string Code, NumberSearchValue V)>? numbers = null;
        List<(string Code, QuantitySearchValue V)>? quantities = null;
        List<(string Code, ReferenceSearchValue V)>? references = null;
        List<(string Code, UriSearchValue V)>? uris = null;
        foreach (var (code, value) in write.Search)
        {
            switch (value)
            {
                case StringSearchValue s: (strings ??= []).Add((code, s)); break;
                case TokenSearchValue t: (tokens ??= []).Add((code, t)); break;
                case DateSearchValue d: (dates ??= []).Add((code, d)); break;
                case NumberSearchValue n: (numbers ??= []).Add((code, n)); break;
                case QuantitySearchValue q: (quantities ??= []).Add((code, q)); break;
                case ReferenceSearchValue r: (references ??= []).Add((code, r)); break;
                case UriSearchValue u: (uris ??= []).Add((code, u)); break;
            }
        }
        if (strings is not null)
        {
            batch.BatchCommands.Add(Insert(write, "search_string (rid, resource_type, code, normalized, exact)", "text", strings.Select(x => x.Code),
                Array("text", strings.Select(x => x.V.Normalized)), Array("text", strings.Select(x => x.V.Exact))));
        }
        if (tokens is not null)
        {
            batch.BatchCommands.Add(Insert(write, "search_token (rid, resource_type, code, system, value, text, type_system, type_code)", "text", tokens.Select(x => x.Code),
                Array("text", tokens.Select(x => x.V.System)), Array("text", tokens.Select(x => x.V.Code)), Array("text", tokens.Select(x => x.V.Text)),
                Array("text", tokens.Select(x => x.V.TypeSystem)), Array("text", tokens.Select(x => x.V.TypeCode))));
        }
        if (dates is not null)
        {
            batch.BatchCommands.Add(Insert(write, "search_date (rid, resource_type, code, low, high)", "text", dates.Select(x => x.Code),
                Array("timestamptz", dates.Select(x => x.V.Low)), Array("timestamptz", dates.Select(x => x.V.High))));
        }
        if (numbers is not null)
        {
            batch.BatchCommands.Add(Insert(write, "search_number (rid, resource_type, code, value, low, high)", "text", numbers.Select(x => x.Code),
                Array("numeric", numbers.Select(x => x.V.Value)), Array("numeric", numbers.Select(x => x.V.Low)), Array("numeric", numbers.Select(x => x.V.High))));
        }
        if (quantities is not null)
        {
            batch.BatchCommands.Add(Insert(write, "search_quantity (rid, resource_type, code, system, unit, value, low, high, unit_text)", "text", quantities.Select(x => x.Code),
                Array("text", quantities.Select(x => x.V.System)), Array("text", quantities.Select(x => x.V.Code ?? x.V.Unit)),
                Array("numeric", quantities.Select(x => x.V.Value)), Array("numeric", quantities.Select(x => x.V.Low)), Array("numeric", quantities.Select(x => x.V.High)),
                Array("text", quantities.Select(x => x.V.Unit))));
        }
        if (references is not null)
        {
            batch.BatchCommands.Add(Insert(write, "search_reference (rid, resource_type, code, target_type, target_id, url, version, identifier_system, identifier_value)", "text", references.Select(x => x.Code),
                Array("text", references.Select(x => x.V.TargetType)), Array("text", references.Select(x => x.V.TargetId)), Array("text", references.Select(x => x.V.Url)),
                Array("text", references.Select(x => x.V.Version)), Array("text", references.Select(x => x.V.IdentifierSystem)), Array("text", references.Select(x => x.V.IdentifierValue))));
        }
        if (uris is not null)
        {
            batch.BatchCommands.Add(Insert(write, "search_uri (rid, resource_type, code, value)", "text", uris.Select(x => x.Code), Array("text", uris.Select(x => x.V.Value))));
        }
    }

    private static (string SqlType, object Values) Array<T>(string sqlType, IEnumerable<T> values) => (sqlType, values.ToArray());

    private static NpgsqlBatchCommand Insert(ResourceWrite write, string target, string codeType, IEnumerable<string> codes, params (string SqlType, object Values)[] columns)
    {
        var command = Keyed("", write);
        command.Parameters.Add(new() { Value = codes.ToArray() });
        var unnest = new List<string> { $"$3::{codeType}[]" };
        foreach (var (sqlType, values) in columns)
        {
            command.Parameters.Add(new() { Value = values });
            unnest.Add($"${command.Parameters.Count}::{sqlType}[]");
        }
        command.CommandText = $"insert into {target} select r.rid, r.resource_type, v.* from fhir_resource r, unnest({string.Join(", ", unnest)}) as v where r.resource_type = $1 and r.id = $2";
        return command;
    }

    private static NpgsqlBatchCommand Keyed(string sql, ResourceWrite write)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new() { Value = write.ResourceType });
        command.Parameters.Add(new() { Value = write.Id });
        return command;
    }
}
