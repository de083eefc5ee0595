namespace OpenImis.Fhir.Storage.Search.Conditions;

/// <summary>
/// composite (search.html#composite): <c>value0$value1</c>, each part searched as its component's type (token
/// <c>system|code</c>, prefixes on date, number and quantity), all parts on one element instance: some row of
/// <c>search_composite</c> has, for every component, a row of that instance (same rid and part) that matches.
/// <c>\$</c> is a literal <c>$</c>. No modifier but <c>:missing</c>.
/// </summary>
internal static class CompositeCondition
{
    public static string Sql(SqlBuilder sql, SearchParameterHandler handler, string resource, string? modifier, IReadOnlyList<string> values, SearchEnvironment environment)
    {
        if (modifier is not null) throw new SearchException($"The modifier :{modifier} does not apply to the composite parameter {handler.Code}", handler.Code);
        var components = handler.Components!;
        return IndexExists.Sql(sql, "search_composite", handler, resource, c => IndexExists.Or(values.Select(v =>
        {
            var parts = Split(v, handler);
            return "(" + string.Join(" and ", components.Select((component, i) => component.Condition(sql, c, null, [parts[i]], environment))) + ")";
        })));
    }

    /// <summary>Splits a composite value on its unescaped <c>$</c>; it must have one part per component.</summary>
    public static List<string> Split(string value, SearchParameterHandler handler)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length && value[i + 1] == '$')
            {
                current.Append('$');
                i++;
            }
            else if (value[i] == '$')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(value[i]);
            }
        }
        parts.Add(current.ToString());
        var expected = handler.Components!.Count;
        if (parts.Count != expected || parts.Any(p => p.Length == 0))
        {
            throw new SearchException($"{handler.Code}: '{value}' must have {expected} non-empty parts separated by $ ({string.Join("$", handler.Components.Select(c => c.Definition.Type.ToString().ToLowerInvariant()))})", handler.Code);
        }
        return parts;
    }
}
