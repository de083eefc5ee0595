namespace OpenImis.Fhir.Storage.Search;

/// <summary>Splits the prefix off a number, date or quantity search value: <c>ge2020</c> is (Ge, "2020"); none means eq.</summary>
public static class SearchPrefixes
{
    public static (SearchPrefix Prefix, string Value) Split(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 2 && char.IsAsciiLetterLower(value[0]) && char.IsAsciiLetterLower(value[1]))
        {
            SearchPrefix? prefix = value[..2] switch
            {
                "eq" => SearchPrefix.Eq,
                "ne" => SearchPrefix.Ne,
                "gt" => SearchPrefix.Gt,
                "lt" => SearchPrefix.Lt,
                "ge" => SearchPrefix.Ge,
                "le" => SearchPrefix.Le,
                "sa" => SearchPrefix.Sa,
                "eb" => SearchPrefix.Eb,
                "ap" => SearchPrefix.Ap,
                _ => null,
            };
            if (prefix is { } p) return (p, value[2..]);
        }
        return (SearchPrefix.Eq, value);
    }
}
