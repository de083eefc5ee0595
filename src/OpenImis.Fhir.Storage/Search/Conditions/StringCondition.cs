using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search.Conditions;

/// <summary>string (search.html#string): starts with, case and accents ignored; <c>:exact</c>; <c>:contains</c>.</summary>
internal static class StringCondition
{
    public static string Sql(SqlBuilder sql, SearchParameterHandler handler, string resource, string? modifier, IReadOnlyList<string> values)
    {
        return modifier switch
        {
            null => IndexExists.Sql(sql, "search_string", handler, resource, a => IndexExists.Or(values.Select(v => $"{a}.normalized like {sql.Add(IndexExists.LikeEscape(TextNormalizer.Normalize(v)) + "%")}"))),
            "contains" => IndexExists.Sql(sql, "search_string", handler, resource, a => IndexExists.Or(values.Select(v => $"{a}.normalized like {sql.Add("%" + IndexExists.LikeEscape(TextNormalizer.Normalize(v)) + "%")}"))),
            "exact" => IndexExists.Sql(sql, "search_string", handler, resource, a => $"{a}.exact = any({sql.Add(values.ToArray())})"),
            _ => throw new SearchException($"The modifier :{modifier} does not apply to the string parameter {handler.Code} (use :exact or :contains)", handler.Code),
        };
    }
}
