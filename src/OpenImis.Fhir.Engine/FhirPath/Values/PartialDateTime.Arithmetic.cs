namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>Date/time arithmetic with time-valued quantities (FHIRPath N1 6.6.1 "+" and 6.6.2 "-" for Date/DateTime/Time).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Calendar keywords and the UCUM codes 'wk', 'd', 'h', 'min', 's', 'ms' are applied with calendar semantics;
/// other UCUM units ('a', 'mo', 'ks', ...) are not calendar durations and cannot be added (the caller reports an error).</item>
/// <item>The decimal part of the quantity is ignored (spec 6.6.1: <c>@1973-12-25 + 7.7 days</c> is
/// <c>@1974-01-01</c>; the R4 suite's testPlusDate19 applies this to seconds too).</item>
/// <item>A duration finer than the value's precision is converted to that precision and truncated
/// (spec: <c>@2014 + 24 months</c> is <c>@2016</c>); a Date plus 25 hours adds one day. Converting a fixed duration to
/// months or years uses 30 and 365 days (documented choice; the spec gives no ratio).</item>
/// <item>Adding months clamps to the end of the month (<c>2014-01-31 + 1 month</c> is <c>2014-02-28</c>); a Time wraps
/// around midnight; a result outside years 1..9999 is null.</item>
/// </list>
/// </remarks>
public sealed partial class PartialDateTime
{
    private const long MillisecondsPerDay = 24L * 3600 * 1000;

    /// <summary>This value plus a time-valued quantity (calendar durations and UCUM time units); null when the unit is not a time unit.</summary>
    public PartialDateTime? Add(Quantity quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        return Shift(quantity, negate: false);
    }

    /// <summary>This value minus a time-valued quantity; null when the unit is not a time unit.</summary>
    public PartialDateTime? Subtract(Quantity quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        return Shift(quantity, negate: true);
    }

    private PartialDateTime? Shift(Quantity quantity, bool negate)
    {
        if (!TryReadDuration(quantity, out var months, out var milliseconds)) return null;
        if (negate)
        {
            months = -months;
            milliseconds = -milliseconds;
        }

        try
        {
            return Kind == TemporalKind.Time ? ShiftTime(months, milliseconds) : ShiftDate(months, milliseconds);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return null; // outside years 1..9999
        }
    }

    /// <summary>Splits a time-valued quantity into whole months (variable length) or milliseconds (fixed length).</summary>
    private static bool TryReadDuration(Quantity quantity, out long months, out long milliseconds)
    {
        months = 0;
        milliseconds = 0;
        try
        {
            if (TryCalendarUnit(quantity.Unit, out var keyword))
            {
                var whole = decimal.Truncate(quantity.Value);
                switch (keyword)
                {
                    case CalendarDurationUnit.Year: months = (long)whole * 12; break;
                    case CalendarDurationUnit.Month: months = (long)whole; break;
                    case CalendarDurationUnit.Millisecond: milliseconds = (long)whole; break;
                    default: milliseconds = (long)whole * CalendarDurations.Milliseconds(keyword); break;
                }

                return true;
            }

            // Other UCUM time units, 'a' and 'mo' among them, are not calendar durations: date arithmetic with them
            // is an error (R4 suite testPlusDate14/16/17).
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Calendar keywords, plus the UCUM codes that the spec treats as their calendar counterparts.</summary>
    private static bool TryCalendarUnit(string unit, out CalendarDurationUnit keyword)
    {
        if (CalendarDurations.TryParseKeyword(unit, out keyword)) return true;
        switch (unit)
        {
            case "wk": keyword = CalendarDurationUnit.Week; return true;
            case "d": keyword = CalendarDurationUnit.Day; return true;
            case "h": keyword = CalendarDurationUnit.Hour; return true;
            case "min": keyword = CalendarDurationUnit.Minute; return true;
            case "s": keyword = CalendarDurationUnit.Second; return true;
            case "ms": keyword = CalendarDurationUnit.Millisecond; return true;
            default: return false;
        }
    }

    private PartialDateTime? ShiftDate(long months, long milliseconds)
    {
        var start = new DateTime(Year, Month, Day, Hour, Minute, Second, Millisecond, DateTimeKind.Unspecified);
        DateTime end;
        switch (Precision)
        {
            case DateTimePrecision.Year:
                end = start.AddYears(checked((int)(months / 12 + milliseconds / (365 * MillisecondsPerDay))));
                break;
            case DateTimePrecision.Month:
                end = start.AddMonths(checked((int)(months + milliseconds / (30 * MillisecondsPerDay))));
                break;
            default:
                var step = UnitMilliseconds(Precision);
                end = start.AddMonths(checked((int)months)).AddMilliseconds(milliseconds / step * step);
                break;
        }

        return Create(Kind, Precision, end.Year, end.Month, end.Day, end.Hour, end.Minute, end.Second, end.Millisecond, Offset);
    }

    private PartialDateTime? ShiftTime(long months, long milliseconds)
    {
        if (months != 0) return null; // a Time has no calendar
        var step = UnitMilliseconds(Precision);
        var timeOfDay = ((Hour * 60L + Minute) * 60 + Second) * 1000 + Millisecond;
        var shifted = (timeOfDay + milliseconds / step * step) % MillisecondsPerDay;
        if (shifted < 0) shifted += MillisecondsPerDay;
        var time = TimeSpan.FromMilliseconds(shifted);
        return Create(TemporalKind.Time, Precision, 0, 0, 0, time.Hours, time.Minutes, time.Seconds, time.Milliseconds, null);
    }

    /// <summary>The length of one unit of a day-or-finer precision.</summary>
    private static long UnitMilliseconds(DateTimePrecision precision) => precision switch
    {
        DateTimePrecision.Day => MillisecondsPerDay,
        DateTimePrecision.Hour => 3600L * 1000,
        DateTimePrecision.Minute => 60L * 1000,
        DateTimePrecision.Second => 1000L,
        _ => 1L,
    };
}
