using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// The instants a date covers, as a half-open range [Low, High) in UTC: 2020 is [2020-01-01, 2021-01-01), an instant
/// to the millisecond covers that millisecond. Dates and times without a zone are read as UTC. Open ends of a
/// Period are <see cref="Earliest"/> and <see cref="Latest"/>, values PostgreSQL's timestamptz holds.
/// </summary>
public static class DateRanges
{
    public static readonly DateTimeOffset Earliest = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static DateSearchValue Range(PartialDateTime value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var offset = value.Offset ?? TimeSpan.Zero;
        var low = new DateTimeOffset(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second, value.Millisecond, offset);
        var high = value.Precision switch
        {
            DateTimePrecision.Year => low.AddYears(1),
            DateTimePrecision.Month => low.AddMonths(1),
            DateTimePrecision.Day => low.AddDays(1),
            DateTimePrecision.Hour => low.AddHours(1),
            DateTimePrecision.Minute => low.AddMinutes(1),
            DateTimePrecision.Second => low.AddSeconds(1),
            _ => low.AddMilliseconds(1),
        };
        return new DateSearchValue(low.ToUniversalTime(), high.ToUniversalTime());
    }
}
