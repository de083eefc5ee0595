using System.Globalization;
using System.Text;

namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>A FHIRPath Date, DateTime or Time, possibly partial (<c>2014</c>, <c>2014-01</c>, <c>T10</c>).</summary>
/// <remarks>
/// Components below <see cref="Precision"/> are stored as their minimum (month/day 1, time parts 0) and never
/// take part in comparison or formatting. Fractional seconds are kept to the millisecond (FHIRPath N1 2.1.1:
/// "the millisecond precision"); extra fraction digits are truncated.
/// </remarks>
public sealed partial class PartialDateTime : IEquatable<PartialDateTime>
{
    internal PartialDateTime(
        TemporalKind kind, DateTimePrecision precision,
        int year, int month, int day, int hour, int minute, int second, int millisecond, TimeSpan? offset)
    {
        Kind = kind;
        Precision = precision;
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
        Millisecond = millisecond;
        Offset = offset;
    }

    public TemporalKind Kind { get; }

    public DateTimePrecision Precision { get; }

    /// <summary>The year (1..9999); 0 for a Time.</summary>
    public int Year { get; }

    /// <summary>The month (1..12); 1 when not stated; 0 for a Time.</summary>
    public int Month { get; }

    /// <summary>The day of the month; 1 when not stated; 0 for a Time.</summary>
    public int Day { get; }

    public int Hour { get; }

    public int Minute { get; }

    public int Second { get; }

    public int Millisecond { get; }

    /// <summary>The stated time-zone offset (<c>Z</c> is zero); always null for Date and Time and for a DateTime without a time.</summary>
    public TimeSpan? Offset { get; }

    /// <summary>True when the value states a time of day (hour or finer).</summary>
    public bool HasTime => Precision >= DateTimePrecision.Hour;

    /// <summary>
    /// The number of digits the value states, as returned by <c>precision()</c> (FHIRPath 2.1):
    /// Date/DateTime 4, 6, 8, 10, 12, 14, 17; Time 2, 4, 6, 9.
    /// </summary>
    public int PrecisionDigits => Kind == TemporalKind.Time ? TimeDigits(Precision) : DateTimeDigits(Precision);

    /// <summary>A new value of the given kind and precision; components below the precision are reset to their minimum.</summary>
    internal static PartialDateTime Create(
        TemporalKind kind, DateTimePrecision precision,
        int year, int month, int day, int hour, int minute, int second, int millisecond, TimeSpan? offset)
    {
        if (kind == TemporalKind.Time)
        {
            year = month = day = 0;
            offset = null;
        }
        else
        {
            if (precision < DateTimePrecision.Month) month = 1;
            if (precision < DateTimePrecision.Day) day = 1;
            if (kind == TemporalKind.Date || precision < DateTimePrecision.Hour) offset = null;
        }

        if (precision < DateTimePrecision.Hour) hour = 0;
        if (precision < DateTimePrecision.Minute) minute = 0;
        if (precision < DateTimePrecision.Second) second = 0;
        if (precision < DateTimePrecision.Millisecond) millisecond = 0;
        return new PartialDateTime(kind, precision, year, month, day, hour, minute, second, millisecond, offset);
    }

    /// <summary>This DateTime as a Date, truncated to day precision (the time and zone are dropped); a Date is returned as is.</summary>
    public PartialDateTime? ToDate()
    {
        if (Kind == TemporalKind.Date) return this;
        if (Kind == TemporalKind.Time) return null;
        var precision = Precision > DateTimePrecision.Day ? DateTimePrecision.Day : Precision;
        return Create(TemporalKind.Date, precision, Year, Month, Day, 0, 0, 0, 0, null);
    }

    /// <summary>This Date as a DateTime of the same precision (no time, no zone); a DateTime is returned as is.</summary>
    public PartialDateTime? ToDateTime()
    {
        if (Kind == TemporalKind.DateTime) return this;
        if (Kind == TemporalKind.Time) return null;
        return Create(TemporalKind.DateTime, Precision, Year, Month, Day, 0, 0, 0, 0, null);
    }

    /// <summary>The FHIR JSON form (no <c>@</c>, no leading <c>T</c> for a time).</summary>
    public string ToFhirString()
    {
        var text = new StringBuilder(32);
        if (Kind == TemporalKind.Time)
        {
            AppendTime(text);
            return text.ToString();
        }

        AppendDate(text);
        if (Kind == TemporalKind.DateTime && HasTime)
        {
            text.Append('T');
            AppendTime(text);
            AppendOffset(text);
        }

        return text.ToString();
    }

    /// <summary>The FHIRPath literal form: <c>@2014-01-25</c>, <c>@2014-01-25T</c>, <c>@2014-01-25T14:30:14.559+01:00</c>, <c>@T14:30</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(33).Append('@');
        if (Kind == TemporalKind.Time)
        {
            text.Append('T');
            AppendTime(text);
            return text.ToString();
        }

        AppendDate(text);
        if (Kind == TemporalKind.DateTime)
        {
            // A DateTime literal always has the T, even without a time (spec 2.1.1: @2014-01-25T).
            text.Append('T');
            if (HasTime)
            {
                AppendTime(text);
                AppendOffset(text);
            }
        }

        return text.ToString();
    }

    public bool Equals(PartialDateTime? other) =>
        other is not null && Kind == other.Kind && Precision == other.Precision
        && Year == other.Year && Month == other.Month && Day == other.Day
        && Hour == other.Hour && Minute == other.Minute && Second == other.Second && Millisecond == other.Millisecond
        && Offset == other.Offset;

    /// <summary>Structural identity (same kind, precision, components and zone); FHIRPath <c>=</c>/<c>~</c> are <see cref="AreEqual"/>/<see cref="AreEquivalent"/>.</summary>
    public override bool Equals(object? obj) => Equals(obj as PartialDateTime);

    public override int GetHashCode() =>
        HashCode.Combine(Kind, Precision, HashCode.Combine(Year, Month, Day), HashCode.Combine(Hour, Minute, Second, Millisecond), Offset);

    private static int DateTimeDigits(DateTimePrecision precision) => precision switch
    {
        DateTimePrecision.Year => 4,
        DateTimePrecision.Month => 6,
        DateTimePrecision.Day => 8,
        DateTimePrecision.Hour => 10,
        DateTimePrecision.Minute => 12,
        DateTimePrecision.Second => 14,
        _ => 17,
    };

    private static int TimeDigits(DateTimePrecision precision) => precision switch
    {
        DateTimePrecision.Hour => 2,
        DateTimePrecision.Minute => 4,
        DateTimePrecision.Second => 6,
        _ => 9,
    };

    private void AppendDate(StringBuilder text)
    {
        text.Append(Year.ToString("D4", CultureInfo.InvariantCulture));
        if (Precision >= DateTimePrecision.Month) text.Append('-').Append(Month.ToString("D2", CultureInfo.InvariantCulture));
        if (Precision >= DateTimePrecision.Day) text.Append('-').Append(Day.ToString("D2", CultureInfo.InvariantCulture));
    }

    private void AppendTime(StringBuilder text)
    {
        text.Append(Hour.ToString("D2", CultureInfo.InvariantCulture));
        if (Precision >= DateTimePrecision.Minute) text.Append(':').Append(Minute.ToString("D2", CultureInfo.InvariantCulture));
        if (Precision >= DateTimePrecision.Second) text.Append(':').Append(Second.ToString("D2", CultureInfo.InvariantCulture));
        if (Precision >= DateTimePrecision.Millisecond) text.Append('.').Append(Millisecond.ToString("D3", CultureInfo.InvariantCulture));
    }

    private void AppendOffset(StringBuilder text)
    {
        if (Offset is not { } offset) return;
        if (offset == TimeSpan.Zero)
        {
            text.Append('Z');
            return;
        }

        var magnitude = offset.Duration();
        text.Append(offset < TimeSpan.Zero ? '-' : '+')
            .Append(magnitude.Hours.ToString("D2", CultureInfo.InvariantCulture))
            .Append(':')
            .Append(magnitude.Minutes.ToString("D2", CultureInfo.InvariantCulture));
    }
}
