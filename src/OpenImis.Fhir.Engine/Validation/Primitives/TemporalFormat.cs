using System.Globalization;

namespace OpenImis.Fhir.Engine.Validation.Primitives;

/// <summary>
/// date, dateTime, instant and time checked by hand on the UTF-8 text (no Regex): the R4 regexes of
/// http://hl7.org/fhir/R4/datatypes.html plus real calendar validity, which the regexes cannot express
/// (2023-02-30 matches them, but datatypes.html says "SHALL be valid dates").
/// </summary>
internal static class TemporalFormat
{
    private const string DateForm = "expected YYYY, YYYY-MM or YYYY-MM-DD";
    private const string DateTimeForm = "expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm|-hh:mm)";
    private const string InstantForm = "expected YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm|-hh:mm)";
    private const string TimeForm = "expected hh:mm:ss[.fff]";

    public static string? CheckDate(ReadOnlySpan<byte> s) => CheckDateAndTime(s, PrimitiveFormat.Date);

    public static string? CheckDateTime(ReadOnlySpan<byte> s) => CheckDateAndTime(s, PrimitiveFormat.DateTime);

    public static string? CheckInstant(ReadOnlySpan<byte> s) => CheckDateAndTime(s, PrimitiveFormat.Instant);

    /// <summary>time: <c>([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?</c>, no time zone.</summary>
    public static string? CheckTime(ReadOnlySpan<byte> s)
    {
        var reason = CheckClock(s, out var end, TimeForm);
        if (reason is not null) return reason;
        return end == s.Length ? null : TimeForm;
    }

    private static string? CheckDateAndTime(ReadOnlySpan<byte> s, PrimitiveFormat kind)
    {
        var form = kind switch
        {
            PrimitiveFormat.Date => DateForm,
            PrimitiveFormat.Instant => InstantForm,
            _ => DateTimeForm,
        };
        var partialAllowed = kind != PrimitiveFormat.Instant;

        // Year: four digits, 0001..9999 (the regex excludes 0000).
        if (s.Length < 4 || !TwoDigits(s, 0, out var century) || !TwoDigits(s, 2, out var yy)) return form;
        var year = century * 100 + yy;
        if (year == 0) return "year 0000 does not exist";
        if (s.Length == 4) return partialAllowed ? null : form;

        if (s[4] != (byte)'-' || s.Length < 7 || !TwoDigits(s, 5, out var month)) return form;
        if (month is < 1 or > 12) return Invariant($"month {month:D2}");
        if (s.Length == 7) return partialAllowed ? null : form;

        if (s[7] != (byte)'-' || s.Length < 10 || !TwoDigits(s, 8, out var day)) return form;
        if (day is < 1 or > 31) return Invariant($"day {day:D2}");
        if (day > DateTime.DaysInMonth(year, month)) return Invariant($"{year:D4}-{month:D2} has no day {day}");
        if (s.Length == 10) return partialAllowed ? null : form;

        if (kind == PrimitiveFormat.Date || s[10] != (byte)'T') return form;
        var time = s[11..];
        var reason = CheckClock(time, out var end, form);
        if (reason is not null) return reason;

        // A dateTime with a time, and every instant, SHALL have a time zone (datatypes.html#dateTime).
        var zone = time[end..];
        if (zone.Length == 0) return "a time needs a time zone (Z, +hh:mm or -hh:mm)";
        if (zone.Length == 1 && zone[0] == (byte)'Z') return null;
        if (zone.Length != 6 || zone[0] is not ((byte)'+' or (byte)'-') || zone[3] != (byte)':'
            || !TwoDigits(zone, 1, out var zoneHours) || !TwoDigits(zone, 4, out var zoneMinutes))
        {
            return form;
        }
        // (0[0-9]|1[0-3]):[0-5][0-9]|14:00
        if (zoneMinutes > 59 || zoneHours > 14 || (zoneHours == 14 && zoneMinutes != 0))
        {
            return "time zone offset " + System.Text.Encoding.UTF8.GetString(zone) + " is out of range (-14:00..+14:00)";
        }
        return null;
    }

    /// <summary>hh:mm:ss[.f+]; <paramref name="end"/> is where the text after it starts.</summary>
    private static string? CheckClock(ReadOnlySpan<byte> s, out int end, string form)
    {
        end = 0;
        if (s.Length < 8 || s[2] != (byte)':' || s[5] != (byte)':'
            || !TwoDigits(s, 0, out var hour) || !TwoDigits(s, 3, out var minute) || !TwoDigits(s, 6, out var second))
        {
            return form;
        }
        if (hour > 23) return Invariant($"hour {hour:D2}");
        if (minute > 59) return Invariant($"minute {minute:D2}");
        if (second > 60) return Invariant($"second {second:D2}"); // 60: a leap second, which the regex allows
        var position = 8;
        if (position < s.Length && s[position] == (byte)'.')
        {
            position++;
            var start = position;
            while (position < s.Length && IsDigit(s[position])) position++;
            if (position == start) return form;
        }
        end = position;
        return null;
    }

    private static bool TwoDigits(ReadOnlySpan<byte> s, int at, out int value)
    {
        if (!IsDigit(s[at]) || !IsDigit(s[at + 1]))
        {
            value = 0;
            return false;
        }
        value = (s[at] - '0') * 10 + (s[at + 1] - '0');
        return true;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
