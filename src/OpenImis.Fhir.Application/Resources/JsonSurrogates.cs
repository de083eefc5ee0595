namespace OpenImis.Fhir.Application.Resources;

/// <summary>
/// Finds a <c>\u</c> escape of a UTF-16 surrogate without its partner (<c>"\ud800"</c>): JSON's grammar allows it, but
/// it is no Unicode text, and System.Text.Json throws wherever such a string is read (a 500 deep in the server). A body
/// holding one is refused before anything reads it. Escapes occur only inside strings, so scanning the bytes of JSON
/// that parsed is exact.
/// </summary>
public static class JsonSurrogates
{
    /// <returns>The byte offset of the first unpaired surrogate escape, or -1.</returns>
    public static int FindUnpaired(ReadOnlySpan<byte> json)
    {
        var start = json.IndexOf((byte)'\\');
        if (start < 0) return -1;
        for (var i = start; i < json.Length - 1; i++)
        {
            if (json[i] != (byte)'\\') continue;
            if (json[i + 1] != (byte)'u' || !TryHex(json, i + 2, out var unit))
            {
                i++; // a two-character escape (\\ included): its second character starts nothing
                continue;
            }
            if (char.IsLowSurrogate(unit)) return i;
            if (!char.IsHighSurrogate(unit))
            {
                i += 5;
                continue;
            }
            if (i + 7 < json.Length && json[i + 6] == (byte)'\\' && json[i + 7] == (byte)'u' && TryHex(json, i + 8, out var low) && char.IsLowSurrogate(low))
            {
                i += 11;
                continue;
            }
            return i;
        }
        return -1;
    }

    private static bool TryHex(ReadOnlySpan<byte> json, int at, out char unit)
    {
        unit = '\0';
        if (at + 4 > json.Length) return false;
        var value = 0;
        for (var k = at; k < at + 4; k++)
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
