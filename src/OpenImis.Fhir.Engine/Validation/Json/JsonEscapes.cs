namespace OpenImis.Fhir.Engine.Validation.Json;

/// <summary>
/// Checks on the <c>\u</c> escapes of raw JSON text, without unescaping it. Escapes occur only inside strings, so
/// scanning the bytes of JSON that parses (or of one string's raw text) is exact; <c>\\u0000</c> is a backslash
/// followed by "u0000", not an escape.
/// </summary>
public static class JsonEscapes
{
    /// <summary>
    /// The byte offset of the first <c>\u</c> escape of a UTF-16 surrogate without its partner (<c>"\ud800"</c>), or
    /// -1. JSON's grammar allows it, but it is no Unicode text, and System.Text.Json throws wherever such a string is
    /// read.
    /// </summary>
    public static int FindUnpairedSurrogate(ReadOnlySpan<byte> json)
    {
        for (var i = NextEscape(json, 0); i >= 0; i = NextEscape(json, i))
        {
            if (!TryUnit(json, i, out var unit))
            {
                i += 2; // a two-character escape (\\ included): its second character starts nothing
                continue;
            }
            if (char.IsLowSurrogate(unit)) return i;
            if (char.IsHighSurrogate(unit))
            {
                if (!TryUnit(json, i + 6, out var low) || !char.IsLowSurrogate(low)) return i;
                i += 6;
            }
            i += 6;
        }
        return -1;
    }

    /// <summary>Whether the text escapes a NUL (<c>\u0000</c>): the only way JSON can carry one.</summary>
    public static bool HasNul(ReadOnlySpan<byte> json)
    {
        for (var i = NextEscape(json, 0); i >= 0; i = NextEscape(json, i))
        {
            if (!TryUnit(json, i, out var unit))
            {
                i += 2;
                continue;
            }
            if (unit == '\0') return true;
            i += 6;
        }
        return false;
    }

    // The next backslash at or after from (vectorised search), or -1.
    private static int NextEscape(ReadOnlySpan<byte> json, int from)
    {
        if (from >= json.Length) return -1;
        var next = json[from..].IndexOf((byte)'\\');
        return next < 0 ? -1 : from + next;
    }

    // The UTF-16 unit of a \uXXXX escape starting at `at`.
    private static bool TryUnit(ReadOnlySpan<byte> json, int at, out char unit)
    {
        unit = '\0';
        if (at + 6 > json.Length || json[at] != (byte)'\\' || json[at + 1] != (byte)'u') return false;
        var value = 0;
        for (var k = at + 2; k < at + 6; k++)
        {
            var digit = HexDigit(json[k]);
            if (digit < 0) return false;
            value = (value << 4) | digit;
        }
        unit = (char)value;
        return true;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };
}
