using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search.Conditions;

/// <summary>
/// date (search.html#date) with prefixes. Both the searched value and the indexed value are ranges [low, high) of
/// instants (<see cref="DateRanges"/>): eq means the indexed range lies within the searched one, gt that some of it
/// lies after, sa that all of it does, ap that it overlaps the searched range widened by 10% of its distance from now.
/// </summary>
internal static class DateCondition
{
    public static string Sql(SqlBuilder sql, SearchParameterHandler handler, string resource, string? modifier, IReadOnlyList<string> values)
    {
        if (modifier is not null) throw new SearchException($"The modifier :{modifier} does not apply to the date parameter {handler.Code}", handler.Code);
        return IndexExists.Sql(sql, "search_date", handler, resource, a => IndexExists.Or(values.Select(v => Compare(sql, $"{a}.low", $"{a}.high", v, handler.Code))));
    }

    /// <summary>
    /// Several criteria on a parameter a resource holds at most once (<see cref="SearchParameterHandler.IsSingleValued"/>),
    /// asked of that one value together: <c>birthdate=ge1970&amp;birthdate=lt1980</c> reads one range of the index,
    /// where two separate conditions each matched half the patients.
    /// </summary>
    public static string AllOf(SqlBuilder sql, SearchParameterHandler handler, string resource, IReadOnlyList<IReadOnlyList<string>> criteria) =>
        IndexExists.Sql(sql, "search_date", handler, resource, a =>
            string.Join(" and ", criteria.Select(values => IndexExists.Or(values.Select(v => Compare(sql, $"{a}.low", $"{a}.high", v, handler.Code))))));

    /// <summary>The comparison of an indexed range [low, high) with a searched value: also used for _lastUpdated on the resource table.</summary>
    public static string Compare(SqlBuilder sql, string low, string high, string value, string code)
    {
        var (prefix, text) = SearchPrefixes.Split(value);
        var range = Parse(text, code);
        var pl = sql.Add(range.Low);
        var ph = sql.Add(range.High);
        return prefix switch
        {
            SearchPrefix.Eq => $"({low} >= {pl} and {high} <= {ph})",
            SearchPrefix.Ne => $"not ({low} >= {pl} and {high} <= {ph})",
            SearchPrefix.Gt => $"{high} > {ph}",
            SearchPrefix.Lt => $"{low} < {pl}",
            SearchPrefix.Ge => $"({high} > {ph} or ({low} >= {pl} and {high} <= {ph}))",
            SearchPrefix.Le => $"({low} < {pl} or ({low} >= {pl} and {high} <= {ph}))",
            SearchPrefix.Sa => $"{low} >= {ph}",
            SearchPrefix.Eb => $"{high} <= {pl}",
            _ => Approximately(sql, low, high, range),
        };
    }

    /// <summary>
    /// The comparison of an instant held to the millisecond (<c>_lastUpdated</c>: the range [t, t + 1 ms)) written on
    /// the column alone, so that an index on it serves ranges: <c>ge X</c> is <c>t &gt;= low(X)</c>, the same
    /// resources as <see cref="Compare"/> with high = t + 1 ms.
    /// </summary>
    public static string CompareInstant(SqlBuilder sql, string column, string value, string code)
    {
        var (prefix, text) = SearchPrefixes.Split(value);
        var range = Parse(text, code);
        var width = TimeSpan.FromMilliseconds(1);
        // The last instant of a range, and the one before its first (the year 0001 has none before it).
        var last = DateRanges.Minus(range.High, width);
        var beforeFirst = DateRanges.Minus(range.Low, width);
        return prefix switch
        {
            SearchPrefix.Eq => $"({column} >= {sql.Add(range.Low)} and {column} <= {sql.Add(last)})",
            SearchPrefix.Ne => $"not ({column} >= {sql.Add(range.Low)} and {column} <= {sql.Add(last)})",
            SearchPrefix.Gt => $"{column} > {sql.Add(last)}",
            SearchPrefix.Lt => $"{column} < {sql.Add(range.Low)}",
            SearchPrefix.Ge => $"{column} >= {sql.Add(range.Low)}",
            SearchPrefix.Le => $"{column} <= {sql.Add(last)}",
            SearchPrefix.Sa => $"{column} >= {sql.Add(range.High)}",
            SearchPrefix.Eb => $"{column} <= {sql.Add(beforeFirst)}",
            _ => Approximately(sql, column, $"({column} + interval '1 millisecond')", range),
        };
    }

    public static DateSearchValue Parse(string text, string code)
    {
        // A '+' of a zone arrives as a space when the client did not escape it.
        text = text.Replace(' ', '+');
        if (!PartialDateTime.TryParse(text, TemporalKind.DateTime, out var value) || value is null)
        {
            throw new SearchException($"{code}: '{text}' is not a date, dateTime or instant", code);
        }
        return DateRanges.Range(value);
    }

    private static string Approximately(SqlBuilder sql, string low, string high, DateSearchValue range)
    {
        var (from, to) = DateRanges.Approximate(range, DateTimeOffset.UtcNow);
        return $"({high} > {sql.Add(from)} and {low} < {sql.Add(to)})";
    }
}
