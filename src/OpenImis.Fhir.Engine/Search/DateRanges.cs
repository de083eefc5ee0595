using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// The instants a date covers, as a half-open range [Low, High) in UTC: 2020 is [2020-01-01, 2021-01-01), an instant
/// to the millisecond covers that millisecond. Dates and times without a zone are read as UTC. Open ends of a
/// Period are <see cref="Earliest"/> and <see cref="Latest"/>, values both PostgreSQL's timestamptz and
/// DateTimeOffset hold.
/// </summary>
public static class DateRanges
{
    public static readonly DateTimeOffset Earliest = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(9999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero);

    public static DateSearchValue Range(PartialDateTime value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var local = new DateTime(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second, value.Millisecond);
        var next = value.Precision switch
        {
            DateTimePrecision.Year => local.Year == 9999 ? DateTime.MaxValue.Ticks + 1 : local.AddYears(1).Ticks,
            DateTimePrecision.Month => local is { Year: 9999, Month: 12 } ? DateTime.MaxValue.Ticks + 1 : local.AddMonths(1).Ticks,
            DateTimePrecision.Day => local.Ticks + TimeSpan.TicksPerDay,
            DateTimePrecision.Hour => local.Ticks + TimeSpan.TicksPerHour,
            DateTimePrecision.Minute => local.Ticks + TimeSpan.TicksPerMinute,
            DateTimePrecision.Second => local.Ticks + TimeSpan.TicksPerSecond,
            _ => local.Ticks + TimeSpan.TicksPerMillisecond,
        };
        // Computed in ticks: at the ends of year 1 and year 9999 a range would leave DateTimeOffset, so it is cut there.
        var offset = (value.Offset ?? TimeSpan.Zero).Ticks;
        return new DateSearchValue(Utc(local.Ticks - offset), Utc(next - offset));
    }

    /// <summary>
    /// ap (search.html#prefix): the searched range widened either side by a tenth of its distance from now, within
    /// <see cref="Earliest"/> and <see cref="Latest"/>.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To) Approximate(DateSearchValue searched, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(searched);
        var distance = TimeSpan.FromTicks(Math.Max((now - searched.Low).Duration().Ticks, (now - searched.High).Duration().Ticks) / 10);
        return (Minus(searched.Low, distance), Plus(searched.High, distance));
    }

    /// <summary>t - d, or <see cref="Earliest"/> where that falls before it (DateTimeOffset would throw).</summary>
    public static DateTimeOffset Minus(DateTimeOffset t, TimeSpan d) => t - Earliest < d ? Earliest : t - d;

    /// <summary>t + d, or <see cref="Latest"/> where that falls after it.</summary>
    public static DateTimeOffset Plus(DateTimeOffset t, TimeSpan d) => Latest - t < d ? Latest : t + d;

    private static DateTimeOffset Utc(long ticks) => new(Math.Clamp(ticks, Earliest.Ticks, Latest.Ticks), TimeSpan.Zero);
}
