namespace OpenImis.Fhir.Application.Search;

/// <summary>Splits search values on unescaped commas (search.html#escaping: <c>\,</c> is a literal comma).</summary>
public static class SearchParameters
{
    public static List<string> SplitValues(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var values = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length && value[i + 1] is ',' or '\\' or '|' or '$')
            {
                // \, is a comma inside a value; \| and \$ keep their escape for the parameter types that split on them.
                if (value[i + 1] == ',') current.Append(',');
                else current.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }
            if (c == ',')
            {
                values.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        values.Add(current.ToString());
        return values;
    }
}
