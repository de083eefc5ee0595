namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary><c>lowBoundary()</c> and <c>highBoundary()</c> for temporal values (FHIRPath 2.1 CI build, 5.x "Utility functions").</summary>
/// <remarks>
/// The precision argument is a digit count: Date 4, 6, 8; DateTime 4, 6, 8, 10, 12, 14, 17; Time 2, 4, 6, 9; any other
/// number gives null. Missing components are filled with their least (low) or greatest (high) value; a DateTime with a
/// time but no zone gets the widest zone: +14:00 for the low boundary, -12:00 for the high one. As the conformance suite
/// expects (HighBoundaryDateTimeMillisecond1), an hour-only DateTime is first read as hh:00, so
/// <c>@2014-01-01T08.highBoundary(17)</c> is <c>@2014-01-01T08:00:59.999-12:00</c>.
/// </remarks>
public sealed partial class PartialDateTime
{
    /// <summary>The earliest value this one may stand for, at <paramref name="precision"/> digits (default: the finest).</summary>
    public PartialDateTime? LowBoundary(int? precision = null) => Boundary(precision, high: false);

    /// <summary>The latest value this one may stand for, at <paramref name="precision"/> digits (default: the finest).</summary>
    public PartialDateTime? HighBoundary(int? precision = null) => Boundary(precision, high: true);

    private PartialDateTime? Boundary(int? digits, bool high)
    {
        if (!TryPrecisionFromDigits(Kind, digits, out var target)) return null;

        int month = Month, day = Day, hour = Hour, minute = Minute, second = Second, millisecond = Millisecond;
        if (Kind != TemporalKind.Time)
        {
            if (Precision < DateTimePrecision.Month) month = high ? 12 : 1;
            if (Precision < DateTimePrecision.Day) day = high ? DateTime.DaysInMonth(Year, month) : 1;
            if (Precision < DateTimePrecision.Hour) hour = high ? 23 : 0;
        }

        var hourOnlyDateTime = Kind == TemporalKind.DateTime && Precision == DateTimePrecision.Hour;
        if (Precision < DateTimePrecision.Minute) minute = high && !hourOnlyDateTime ? 59 : 0;
        if (Precision < DateTimePrecision.Second) second = high ? 59 : 0;
        if (Precision < DateTimePrecision.Millisecond) millisecond = high ? 999 : 0;

        var offset = Offset;
        if (Kind == TemporalKind.DateTime && offset is null) offset = high ? LatestOffset : EarliestOffset;
        return Create(Kind, target, Year, month, day, hour, minute, second, millisecond, offset);
    }

    private static bool TryPrecisionFromDigits(TemporalKind kind, int? digits, out DateTimePrecision precision)
    {
        precision = DateTimePrecision.Millisecond;
        if (kind == TemporalKind.Date && digits is null)
        {
            precision = DateTimePrecision.Day;
            return true;
        }

        if (digits is null) return true;
        DateTimePrecision? found = kind switch
        {
            TemporalKind.Time => digits switch
            {
                2 => DateTimePrecision.Hour,
                4 => DateTimePrecision.Minute,
                6 => DateTimePrecision.Second,
                9 => DateTimePrecision.Millisecond,
                _ => null,
            },
            _ => digits switch
            {
                4 => DateTimePrecision.Year,
                6 => DateTimePrecision.Month,
                8 => DateTimePrecision.Day,
                10 => DateTimePrecision.Hour,
                12 => DateTimePrecision.Minute,
                14 => DateTimePrecision.Second,
                17 => DateTimePrecision.Millisecond,
                _ => null,
            },
        };
        if (found is null || (kind == TemporalKind.Date && found > DateTimePrecision.Day)) return false;
        precision = found.Value;
        return true;
    }
}
