namespace OpenImis.Fhir.Storage.Search.Conditions;

/// <summary>uri (search.html#uri): exact; <c>:below</c> (the value starts with the searched URI); <c>:above</c> (the searched URI starts with the value).</summary>
internal static class UriCondition
{
    public static string Sql(SqlBuilder sql, SearchParameterHandler handler, string resource, string? modifier, IReadOnlyList<string> values) => modifier switch
    {
        null => IndexExists.Sql(sql, "search_uri", handler, resource, a => $"{a}.value = any({sql.Add(values.ToArray())})"),
        "below" => IndexExists.Sql(sql, "search_uri", handler, resource, a => IndexExists.Or(values.Select(v => $"{a}.value like {sql.Add(IndexExists.LikeEscape(v) + "%")}"))),
        "above" => IndexExists.Sql(sql, "search_uri", handler, resource, a => IndexExists.Or(values.Select(v => $"{sql.Add(v)} like replace(replace({a}.value, '%', '\\%'), '_', '\\_') || '%'"))),
        _ => throw new SearchException($"The modifier :{modifier} does not apply to the uri parameter {handler.Code}", handler.Code),
    };
}
