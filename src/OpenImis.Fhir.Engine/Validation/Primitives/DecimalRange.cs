namespace OpenImis.Fhir.Engine.Validation.Primitives;

/// <summary>
/// The decimals this validator admits: any JSON number (the R4 decimal regex), within the limits of the decimal type
/// that stores it, which datatypes.html lets implementations set (they must keep at least 18 significant digits).
/// Ours are those of PostgreSQL's <c>numeric</c>, where resources are stored (jsonb) and indexed: up to 131,072
/// digits before the decimal point and 16,383 after it, written digits and exponent together.
/// </summary>
internal static class DecimalRange
{
    public const int MaxIntegerDigits = 131_072;

    public const int MaxFractionDigits = 16_383;

    /// <summary>Why a JSON number (its raw text, already valid JSON) is out of range; null when it fits.</summary>
    public static string? Check(ReadOnlySpan<byte> raw)
    {
        var i = raw.Length > 0 && raw[0] == '-' ? 1 : 0;
        // Digits written before and after the point, and the position of the first non-zero one (its weight).
        long integerDigits = 0, fractionDigits = 0, weight = long.MinValue;
        for (; i < raw.Length && IsDigit(raw[i]); i++)
        {
            integerDigits++;
            if (weight == long.MinValue && raw[i] != '0') weight = integerDigits; // counted from the left, fixed below
        }
        if (weight != long.MinValue) weight = integerDigits - weight; // 0 for units
        if (i < raw.Length && raw[i] == '.')
        {
            for (i++; i < raw.Length && IsDigit(raw[i]); i++)
            {
                fractionDigits++;
                if (weight == long.MinValue && raw[i] != '0') weight = -fractionDigits;
            }
        }
        long exponent = 0;
        if (i < raw.Length && raw[i] is (byte)'e' or (byte)'E')
        {
            i++;
            var negative = i < raw.Length && raw[i] == '-';
            if (i < raw.Length && raw[i] is (byte)'+' or (byte)'-') i++;
            // Saturated: PostgreSQL refuses any exponent from int.MaxValue / 2 on, whatever the digits (zero too).
            for (; i < raw.Length && IsDigit(raw[i]); i++) exponent = Math.Min(exponent * 10 + (raw[i] - '0'), int.MaxValue);
            if (negative) exponent = -exponent;
        }
        if (Math.Abs(exponent) >= int.MaxValue / 2) return "has an exponent beyond what this server stores";
        if (weight != long.MinValue && weight + exponent >= MaxIntegerDigits)
        {
            return $"has more than {MaxIntegerDigits:N0} digits before the decimal point, more than this server stores";
        }
        if (fractionDigits - exponent > MaxFractionDigits)
        {
            return $"has more than {MaxFractionDigits:N0} digits after the decimal point, more than this server stores";
        }
        return null;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
