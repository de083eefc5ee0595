using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search.Conditions;

/// <summary>
/// token (search.html#token): <c>code</c>, <c>system|code</c>, <c>|code</c> (no system), <c>system|</c>; modifiers
/// <c>:not</c>, <c>:text</c>, <c>:of-type</c> (<c>typeSystem|typeCode|value</c>), <c>:in</c>/<c>:not-in</c> (codes
/// of a ValueSet expanded locally, passed in by the caller).
/// </summary>
internal static class TokenCondition
{
    public static string Sql(SqlBuilder sql, SearchParameterHandler handler, string resource, string? modifier, IReadOnlyList<string> values, Func<string, IReadOnlyList<(string System, string Code)>?> expandValueSet)
    {
        switch (modifier)
        {
            case null:
                return IndexExists.Sql(sql, "search_token", handler, resource, a => IndexExists.Or(values.Select(v => Match(sql, a, v))));
            case "not":
                // Resources with no value that matches (search.html#modifiers: :not includes those without the element).
                return "not " + IndexExists.Sql(sql, "search_token", handler, resource, a => IndexExists.Or(values.Select(v => Match(sql, a, v))));
            case "text":
                return IndexExists.Sql(sql, "search_token", handler, resource, a => IndexExists.Or(values.Select(v => $"{a}.text like {sql.Add(IndexExists.LikeEscape(TextNormalizer.Normalize(v)) + "%")}")));
            case "of-type":
                return IndexExists.Sql(sql, "search_token", handler, resource, a => IndexExists.Or(values.Select(v => OfType(sql, a, v, handler.Code))));
            case "in" or "not-in":
                var codes = new List<(string System, string Code)>();
                foreach (var url in values)
                {
                    codes.AddRange(expandValueSet(url) ?? throw new SearchException($"{handler.Code}:{modifier}: the ValueSet {url} is not known or cannot be expanded here", handler.Code));
                }
                // A value without system (a code element) has the system of its binding: its code alone is compared.
                var systems = sql.Add(codes.Select(c => c.System).ToArray());
                var codeList = sql.Add(codes.Select(c => c.Code).ToArray());
                var condition = IndexExists.Sql(sql, "search_token", handler, resource, a =>
                    $"(({a}.system, {a}.value) in (select * from unnest({systems}::text[], {codeList}::text[])) or ({a}.system is null and {a}.value = any({codeList}::text[])))");
                return modifier == "in" ? condition : "not " + condition;
            default:
                throw new SearchException($"The modifier :{modifier} does not apply to the token parameter {handler.Code}", handler.Code);
        }
    }

    private static string Match(SqlBuilder sql, string a, string value)
    {
        var bar = value.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0) return $"{a}.value = {sql.Add(value)}";
        var system = value[..bar];
        var code = value[(bar + 1)..];
        if (system.Length == 0) return $"{a}.value = {sql.Add(code)} and {a}.system is null";
        if (code.Length == 0) return $"{a}.system = {sql.Add(system)}";
        return $"{a}.value = {sql.Add(code)} and {a}.system = {sql.Add(system)}";
    }

    private static string OfType(SqlBuilder sql, string a, string value, string code)
    {
        var parts = value.Split('|');
        if (parts.Length != 3 || parts[1].Length == 0 || parts[2].Length == 0)
        {
            throw new SearchException($"{code}:of-type takes typeSystem|typeCode|value, not '{value}'", code);
        }
        var typeSystem = parts[0].Length == 0 ? "" : $" and {a}.type_system = {sql.Add(parts[0])}";
        return $"{a}.type_code = {sql.Add(parts[1])} and {a}.value = {sql.Add(parts[2])}{typeSystem}";
    }
}
