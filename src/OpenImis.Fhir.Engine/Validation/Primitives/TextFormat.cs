namespace OpenImis.Fhir.Engine.Validation.Primitives;

/// <summary>
/// The string-valued R4 primitives other than dates, checked by hand on UTF-8 (no Regex). The R4 regexes are XML
/// Schema regexes, where <c>\s</c> is exactly space, tab, CR and LF (not every Unicode space as in .NET), so that is
/// the whitespace here. Multi-byte UTF-8 never holds those bytes, so checking bytes is exact.
/// </summary>
internal static class TextFormat
{
    /// <summary>string.value maxLength (datatypes.html#string: "SHALL NOT exceed 1MB (1024*1024 characters)").</summary>
    public const int MaxStringLength = 1024 * 1024;

    private static bool IsXsdSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    /// <summary>code: <c>[^\s]+(\s[^\s]+)*</c>: no leading, trailing or doubled whitespace.</summary>
    public static string? CheckCode(ReadOnlySpan<byte> s)
    {
        if (s.Length == 0) return "empty";
        if (IsXsdSpace(s[0]) || IsXsdSpace(s[^1])) return "no leading or trailing whitespace allowed";
        for (var i = 1; i < s.Length; i++)
        {
            if (IsXsdSpace(s[i]) && IsXsdSpace(s[i - 1])) return "no consecutive whitespace allowed";
        }
        return null;
    }

    /// <summary>id: <c>[A-Za-z0-9\-\.]{1,64}</c>.</summary>
    public static string? CheckId(ReadOnlySpan<byte> s)
    {
        if (s.Length is 0 or > 64) return "1 to 64 characters";
        foreach (var b in s)
        {
            if (!(IsAsciiLetterOrDigit(b) || b is (byte)'-' or (byte)'.')) return "only A-Z, a-z, 0-9, '-' and '.' allowed";
        }
        return null;
    }

    /// <summary>oid: <c>urn:oid:[0-2](\.(0|[1-9][0-9]*))+</c>.</summary>
    public static string? CheckOid(ReadOnlySpan<byte> s)
    {
        const string form = "expected urn:oid: followed by a dotted OID such as 1.2.3";
        if (!s.StartsWith("urn:oid:"u8)) return form;
        var rest = s[8..];
        if (rest.Length < 3 || rest[0] is < (byte)'0' or > (byte)'2') return form;
        var i = 1;
        var arcs = 0;
        while (i < rest.Length)
        {
            if (rest[i] != (byte)'.') return form;
            i++;
            var start = i;
            while (i < rest.Length && rest[i] is >= (byte)'0' and <= (byte)'9') i++;
            var length = i - start;
            if (length == 0 || (length > 1 && rest[start] == (byte)'0')) return form;
            arcs++;
        }
        return arcs > 0 ? null : form;
    }

    /// <summary>uuid: <c>urn:uuid:</c> then 8-4-4-4-12 lower-case hex digits.</summary>
    public static string? CheckUuid(ReadOnlySpan<byte> s)
    {
        const string form = "expected urn:uuid: followed by 8-4-4-4-12 lower-case hex digits";
        if (s.Length != 45 || !s.StartsWith("urn:uuid:"u8)) return form;
        var rest = s[9..];
        for (var i = 0; i < rest.Length; i++)
        {
            var b = rest[i];
            var ok = i is 8 or 13 or 18 or 23 ? b == (byte)'-' : b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f');
            if (!ok) return form;
        }
        return null;
    }

    /// <summary>uri, url, canonical: <c>\S*</c>: no whitespace.</summary>
    public static string? CheckUri(ReadOnlySpan<byte> s)
    {
        foreach (var b in s)
        {
            if (IsXsdSpace(b)) return "no whitespace allowed";
        }
        return null;
    }

    /// <summary>
    /// base64Binary: <c>(\s*([0-9a-zA-Z\+/=]){4}\s*)+</c>: base64 characters in groups of four, whitespace only between groups.
    /// </summary>
    public static string? CheckBase64(ReadOnlySpan<byte> s)
    {
        var count = 0;
        foreach (var b in s)
        {
            if (IsXsdSpace(b))
            {
                if (count % 4 != 0) return "whitespace inside a group of four characters";
                continue;
            }
            if (!(IsAsciiLetterOrDigit(b) || b is (byte)'+' or (byte)'/' or (byte)'=')) return "only A-Z, a-z, 0-9, '+', '/' and '=' allowed";
            count++;
        }
        if (count == 0) return "no content";
        return count % 4 == 0 ? null : "the length is not a multiple of 4";
    }

    private static bool IsAsciiLetterOrDigit(byte b) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9');
}
