namespace OpenImis.Fhir.Storage.Search.Conditions;

/// <summary>The shape every index condition takes: some row of the parameter in the index table matches.</summary>
internal static class IndexExists
{
    /// <param name="match">The condition on the index row, written with <c>{0}</c> for its alias; null: any row (for <c>:missing=false</c>).</param>
    public static string Sql(SqlBuilder sql, string table, SearchParameterHandler handler, string resource, Func<string, string>? match)
    {
        var alias = sql.Alias();
        var condition = match is null ? "" : " and (" + match(alias) + ")";
        // A component's rows must come from the element instance of the composite row named by resource.
        var part = handler.IsComponent ? $" and {alias}.part = {resource}.part" : "";
        // A parameter of every type (a search of every type of a compartment): the row of the resource's own type.
        var type = handler.ResourceType == SearchRequest.AnyType ? $"{resource}.resource_type" : sql.Add(handler.ResourceType);
        return $"exists (select 1 from {table} {alias} where {alias}.rid = {resource}.rid and {alias}.resource_type = {type} and {handler.CodeCondition(sql, alias)}{part}{condition})";
    }

    /// <summary><c>:missing=true</c> (no value) or <c>false</c> (some value).</summary>
    public static string Missing(SqlBuilder sql, string table, SearchParameterHandler handler, string resource, string value) => value switch
    {
        "true" => "not " + Sql(sql, table, handler, resource, null),
        "false" => Sql(sql, table, handler, resource, null),
        _ => throw new SearchException($"{handler.Code}:missing takes true or false, not '{value}'", handler.Code),
    };

    /// <summary>Escapes LIKE's wildcards so that a searched value matches only itself.</summary>
    public static string LikeEscape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public static string Or(IEnumerable<string> parts) => "(" + string.Join(" or ", parts) + ")";
}
