namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>Recognises calendar duration keywords and relates them to UCUM definite-duration codes.</summary>
internal static class CalendarDurations
{
    /// <summary>True when <paramref name="unit"/> is a calendar keyword (<c>year</c>, <c>years</c>, ... <c>milliseconds</c>).</summary>
    public static bool TryParseKeyword(string unit, out CalendarDurationUnit keyword)
    {
        keyword = default;
        var singular = unit.EndsWith('s') && unit.Length > 1 ? unit[..^1] : unit;
        switch (singular)
        {
            case "year": keyword = CalendarDurationUnit.Year; return true;
            case "month": keyword = CalendarDurationUnit.Month; return true;
            case "week": keyword = CalendarDurationUnit.Week; return true;
            case "day": keyword = CalendarDurationUnit.Day; return true;
            case "hour": keyword = CalendarDurationUnit.Hour; return true;
            case "minute": keyword = CalendarDurationUnit.Minute; return true;
            case "second": keyword = CalendarDurationUnit.Second; return true;
            case "millisecond": keyword = CalendarDurationUnit.Millisecond; return true;
            default: return false;
        }
    }

    /// <summary>
    /// The UCUM code a keyword corresponds to (spec 2.1.5 table): year ~ 'a', month ~ 'mo', week = 'wk', day = 'd',
    /// hour = 'h', minute = 'min', second = 's', millisecond = 'ms'.
    /// </summary>
    public static string UcumCode(CalendarDurationUnit keyword) => keyword switch
    {
        CalendarDurationUnit.Year => "a",
        CalendarDurationUnit.Month => "mo",
        CalendarDurationUnit.Week => "wk",
        CalendarDurationUnit.Day => "d",
        CalendarDurationUnit.Hour => "h",
        CalendarDurationUnit.Minute => "min",
        CalendarDurationUnit.Second => "s",
        _ => "ms",
    };

    /// <summary>Year and month are calendar lengths that differ from UCUM's mean Julian 'a' and 'mo', so they are only equivalent, never equal.</summary>
    public static bool IsVariableLength(CalendarDurationUnit keyword) =>
        keyword is CalendarDurationUnit.Year or CalendarDurationUnit.Month;

    /// <summary>The length of a fixed-length keyword (week or finer) in milliseconds.</summary>
    public static long Milliseconds(CalendarDurationUnit keyword) => keyword switch
    {
        CalendarDurationUnit.Week => 7L * 24 * 3600 * 1000,
        CalendarDurationUnit.Day => 24L * 3600 * 1000,
        CalendarDurationUnit.Hour => 3600L * 1000,
        CalendarDurationUnit.Minute => 60L * 1000,
        CalendarDurationUnit.Second => 1000L,
        CalendarDurationUnit.Millisecond => 1L,
        _ => throw new ArgumentOutOfRangeException(nameof(keyword), keyword, "years and months have no fixed length"),
    };
}
