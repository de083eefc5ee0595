namespace OpenImis.Fhir.Engine.Validation.Primitives;

/// <summary>
/// integer, positiveInt and unsignedInt on the raw JSON number text. The R4 regexes (<c>-?([0]|([1-9][0-9]*))</c>,
/// <c>[1-9][0-9]*</c>, <c>[0]|([1-9][0-9]*)</c>) forbid a fraction and an exponent; datatypes.html bounds all three to
/// 32 bits (integer -2,147,483,648..2,147,483,647; positiveInt 1..; unsignedInt 0..).
/// </summary>
internal static class IntegerFormat
{
    /// <summary>Null when valid; otherwise the reason, and whether it is a range (rather than a format) problem.</summary>
    public static string? Check(ReadOnlySpan<byte> raw, PrimitiveJsonKind kind, out bool isRange)
    {
        isRange = false;
        var negative = raw.Length > 0 && raw[0] == (byte)'-';
        var digits = negative ? raw[1..] : raw;
        if (digits.Length == 0) return "not a number";
        long value = 0;
        foreach (var b in digits)
        {
            // JSON already forbids leading zeros; anything but digits here is a fraction or an exponent.
            if (b is < (byte)'0' or > (byte)'9') return "an integer has no fraction or exponent";
            if (value <= int.MaxValue) value = value * 10 + (b - '0');
        }
        if (negative) value = -value;
        if (negative && value == 0 && kind != PrimitiveJsonKind.Integer) return "no sign allowed";
        isRange = true;
        return kind switch
        {
            PrimitiveJsonKind.Integer when value is < int.MinValue or > int.MaxValue => "out of the 32-bit range -2147483648..2147483647",
            PrimitiveJsonKind.PositiveInt when value < 1 => "must be at least 1",
            PrimitiveJsonKind.UnsignedInt when value < 0 => "must be at least 0",
            PrimitiveJsonKind.PositiveInt or PrimitiveJsonKind.UnsignedInt when value > int.MaxValue => "must be at most 2147483647",
            _ => Valid(out isRange),
        };
    }

    private static string? Valid(out bool isRange)
    {
        isRange = false;
        return null;
    }
}
