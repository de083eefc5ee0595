using System.Text;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// A JSON Pointer (RFC 6901): <c>""</c> is the whole document, <c>/a/0/b</c> walks members and array indexes, with
/// <c>~1</c> for '/' and <c>~0</c> for '~' inside a token. Tokens are kept unescaped.
/// </summary>
internal sealed class JsonPointer
{
    private JsonPointer(string text, string[] tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    public static JsonPointer Root { get; } = new("", []);

    /// <summary>The pointer as written, for messages and error locations.</summary>
    public string Text { get; }

    public IReadOnlyList<string> Tokens { get; }

    public bool IsRoot => Tokens.Count == 0;

    /// <summary>The last token; only for a pointer that is not the root.</summary>
    public string LastToken => Tokens[^1];

    /// <summary>The pointer to the parent; only for a pointer that is not the root.</summary>
    public JsonPointer Parent
    {
        get
        {
            var tokens = Tokens.Take(Tokens.Count - 1).ToArray();
            return new JsonPointer(Format(tokens), tokens);
        }
    }

    /// <summary>Parses a pointer; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string text, out JsonPointer pointer, out string error)
    {
        pointer = Root;
        error = "";
        if (text.Length == 0) return true;
        if (text[0] != '/')
        {
            error = $"'{text}' is not a JSON Pointer: it must be empty or start with '/'";
            return false;
        }
        var raw = text[1..].Split('/');
        var tokens = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            if (!TryUnescape(raw[i], out tokens[i]))
            {
                error = $"'{text}' is not a JSON Pointer: '~' must be followed by '0' or '1'";
                return false;
            }
        }
        pointer = new JsonPointer(text, tokens);
        return true;
    }

    /// <summary>True when this pointer is a proper prefix of <paramref name="other"/> (<c>/a</c> of <c>/a/b</c>), i.e. other is inside it.</summary>
    public bool IsProperPrefixOf(JsonPointer other) =>
        Tokens.Count < other.Tokens.Count && Tokens.SequenceEqual(other.Tokens.Take(Tokens.Count), StringComparer.Ordinal);

    public bool SameAs(JsonPointer other) => Tokens.SequenceEqual(other.Tokens, StringComparer.Ordinal);

    /// <summary>
    /// The array index a token names (RFC 6901 section 4: digits without leading zeros), or -1 when it names none.
    /// '-' (one past the end) is left to the caller.
    /// </summary>
    public static int ParseIndex(string token)
    {
        if (token.Length == 0 || token.Length > 9 || (token.Length > 1 && token[0] == '0')) return -1;
        var value = 0;
        foreach (var c in token)
        {
            if (c is < '0' or > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static bool TryUnescape(string token, out string unescaped)
    {
        unescaped = token;
        if (!token.Contains('~', StringComparison.Ordinal)) return true;
        var builder = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (c != '~')
            {
                builder.Append(c);
                continue;
            }
            // Decoding ~1 before ~0 matters: "~01" is "~1", not "/" (RFC 6901 section 4).
            if (i + 1 >= token.Length) return false;
            var next = token[++i];
            if (next == '0') builder.Append('~');
            else if (next == '1') builder.Append('/');
            else return false;
        }
        unescaped = builder.ToString();
        return true;
    }

    private static string Format(IEnumerable<string> tokens)
    {
        var builder = new StringBuilder();
        foreach (var token in tokens) builder.Append('/').Append(token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
        return builder.ToString();
    }

    public override string ToString() => Text;
}
