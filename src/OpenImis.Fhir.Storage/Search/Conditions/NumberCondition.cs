using System.Globalization;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search.Conditions;

/// <summary>
/// number (search.html#number): eq matches values within the precision of the searched number (100 matches
/// [99.5, 100.5)), gt, lt, ge and le compare with the number exactly, sa and eb with that whole range (search.html#prefix:
/// starts after, ends before); ap allows 10%. Also the numeric part of quantity.
/// </summary>
internal static class NumberCondition
{
    public static string Sql(SqlBuilder sql, SearchParameterHandler handler, string resource, string? modifier, IReadOnlyList<string> values)
    {
        if (modifier is not null) throw new SearchException($"The modifier :{modifier} does not apply to the number parameter {handler.Code}", handler.Code);
        return IndexExists.Sql(sql, "search_number", handler, resource, a => IndexExists.Or(values.Select(v => Compare(sql, $"{a}.value", v, handler.Code))));
    }

    public static string Compare(SqlBuilder sql, string column, string value, string code)
    {
        var (prefix, text) = SearchPrefixes.Split(value);
        var number = Parse(text, code);
        var (low, high) = SearchValueExtractor.PrecisionRange(number);
        var (near, far) = SearchValueExtractor.ApproximateRange(number);
        return prefix switch
        {
            SearchPrefix.Eq => $"({column} >= {sql.Add(low)} and {column} < {sql.Add(high)})",
            SearchPrefix.Ne => $"not ({column} >= {sql.Add(low)} and {column} < {sql.Add(high)})",
            SearchPrefix.Gt => $"{column} > {sql.Add(number)}",
            SearchPrefix.Lt => $"{column} < {sql.Add(number)}",
            SearchPrefix.Sa => $"{column} >= {sql.Add(high)}",
            SearchPrefix.Eb => $"{column} < {sql.Add(low)}",
            SearchPrefix.Ge => $"{column} >= {sql.Add(number)}",
            SearchPrefix.Le => $"{column} <= {sql.Add(number)}",
            _ => $"({column} >= {sql.Add(near)} and {column} <= {sql.Add(far)})",
        };
    }

    public static decimal Parse(string text, string code) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new SearchException($"{code}: '{text}' is not a number", code);
}
