namespace OpenImis.Fhir.Storage.Search.Conditions;

/// <summary>quantity (search.html#quantity): <c>[prefix]number|system|code</c>, <c>number||code</c> (the code or the human unit), or a bare number.</summary>
internal static class QuantityCondition
{
    public static string Sql(SqlBuilder sql, SearchParameterHandler handler, string resource, string? modifier, IReadOnlyList<string> values)
    {
        if (modifier is not null) throw new SearchException($"The modifier :{modifier} does not apply to the quantity parameter {handler.Code}", handler.Code);
        return IndexExists.Sql(sql, "search_quantity", handler, resource, a => IndexExists.Or(values.Select(v => Match(sql, a, v, handler.Code))));
    }

    private static string Match(SqlBuilder sql, string a, string value, string code)
    {
        var parts = value.Split('|');
        if (parts.Length is not (1 or 3)) throw new SearchException($"{code}: '{value}' is not number, number|system|code or number||code", code);
        var condition = NumberCondition.Compare(sql, $"{a}.value", parts[0], code);
        if (parts.Length == 3 && parts[2].Length > 0)
        {
            // system|code: the code in that system; ||code: the code or the human unit.
            var unit = sql.Add(parts[2]);
            condition += parts[1].Length > 0
                ? $" and {a}.system = {sql.Add(parts[1])} and {a}.unit = {unit}"
                : $" and ({a}.unit = {unit} or {a}.unit_text = {unit})";
        }
        else if (parts.Length == 3 && parts[1].Length > 0)
        {
            condition += $" and {a}.system = {sql.Add(parts[1])}";
        }
        return condition;
    }
}
