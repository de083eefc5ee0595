namespace OpenImis.Fhir.Storage.Search.Conditions;

/// <summary>
/// reference (search.html#reference): <c>Type/id</c>, a bare <c>id</c> (any target type, or the one a <c>:Type</c>
/// modifier names), an absolute URL or canonical (<c>url|version</c>), and <c>:identifier</c> (<c>system|value</c>)
/// for references given by identifier. Chains are built on top of this by the query builder.
/// </summary>
internal static class ReferenceCondition
{
    public static string Sql(SqlBuilder sql, SearchParameterHandler handler, string resource, string? modifier, IReadOnlyList<string> values, Func<string, bool> isResourceType)
    {
        if (modifier == "identifier")
        {
            return IndexExists.Sql(sql, "search_reference", handler, resource, a => IndexExists.Or(values.Select(v =>
            {
                var bar = v.IndexOf('|', StringComparison.Ordinal);
                return bar < 0
                    ? $"{a}.identifier_value = {sql.Add(v)}"
                    : $"{a}.identifier_value = {sql.Add(v[(bar + 1)..])} and {a}.identifier_system = {sql.Add(v[..bar])}";
            })));
        }
        string? typeModifier = null;
        if (modifier is not null)
        {
            if (!isResourceType(modifier)) throw new SearchException($"The modifier :{modifier} does not apply to the reference parameter {handler.Code}", handler.Code);
            typeModifier = modifier;
        }
        return IndexExists.Sql(sql, "search_reference", handler, resource, a => IndexExists.Or(values.Select(v => Match(sql, a, v, typeModifier, handler, isResourceType))));
    }

    private static string Match(SqlBuilder sql, string a, string value, string? typeModifier, SearchParameterHandler handler, Func<string, bool> isResourceType)
    {
        if (value.Contains("://", StringComparison.Ordinal) || value.StartsWith("urn:", StringComparison.Ordinal))
        {
            var bar = value.IndexOf('|', StringComparison.Ordinal);
            return bar < 0
                ? $"{a}.url = {sql.Add(value)}"
                : $"{a}.url = {sql.Add(value[..bar])} and {a}.version = {sql.Add(value[(bar + 1)..])}";
        }
        var parts = value.Split('/');
        if (parts.Length is 2 or 4 && isResourceType(parts[0]))
        {
            if (typeModifier is not null && typeModifier != parts[0])
            {
                throw new SearchException($"{handler.Code}:{typeModifier}: the value names a {parts[0]}", handler.Code);
            }
            return $"{a}.target_type = {sql.Add(parts[0])} and {a}.target_id = {sql.Add(parts[1])}";
        }
        if (parts.Length != 1) throw new SearchException($"{handler.Code}: '{value}' is not Type/id, an id or an absolute URL", handler.Code);
        var type = typeModifier ?? (handler.Definition.Target.Count == 1 ? handler.Definition.Target[0] : null);
        return type is null
            ? $"{a}.target_id = {sql.Add(value)}"
            : $"{a}.target_type = {sql.Add(type)} and {a}.target_id = {sql.Add(value)}";
    }
}
