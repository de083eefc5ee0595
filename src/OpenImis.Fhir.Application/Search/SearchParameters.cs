using OpenImis.Fhir.Application.Errors;

namespace OpenImis.Fhir.Application.Search;

/// <summary>What every search parameter goes through, whatever asks for the search.</summary>
public static class SearchParameters
{
    /// <summary>
    /// Refuses a parameter holding NUL (400): PostgreSQL text cannot hold one, so no stored value has it, and the query
    /// would fail while PostgreSQL binds the value.
    /// </summary>
    /// <param name="what">Whose parameter it is, for the message (<c>If-None-Exist</c>); null for a search.</param>
    public static void RefuseNul(string name, string value, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!name.Contains('\0', StringComparison.Ordinal) && !value.Contains('\0', StringComparison.Ordinal)) return;
        throw FhirException.BadRequest($"{(what is null ? "" : what + ": ")}the search parameter '{name.Replace('\0', '?')}' holds a NUL character");
    }

    /// <summary>Splits search values on unescaped commas (search.html#escaping: <c>\,</c> is a literal comma).</summary>
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
