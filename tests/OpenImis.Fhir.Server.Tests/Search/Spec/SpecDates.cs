using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenImis.Fhir.Server.Tests.Search.Spec;

/// <summary>
/// Dates as search.html#date reads them, written for the tests apart from the server's code: a date, dateTime or
/// instant stands for every instant its precision covers, as [Low, High): 1980 is all of 1980, 10:00:00 the whole
/// second. A Period runs from its start's Low to its end's High; a missing end is open (ongoing). Values without a
/// zone are taken as UTC, the server's zone.
/// </summary>
public static partial class SpecDates
{
    public static readonly DateTimeOffset Past = DateTimeOffset.MinValue;
    public static readonly DateTimeOffset Future = DateTimeOffset.MaxValue;

    public static (DateTimeOffset Low, DateTimeOffset High) Range(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split('-');
        switch (value.Length)
        {
            case 4:
                var year = new DateTimeOffset(Int(value), 1, 1, 0, 0, 0, TimeSpan.Zero);
                return (year, year.AddYears(1));
            case 7:
                var month = new DateTimeOffset(Int(parts[0]), Int(parts[1]), 1, 0, 0, 0, TimeSpan.Zero);
                return (month, month.AddMonths(1));
            case 10:
                var day = new DateTimeOffset(Int(parts[0]), Int(parts[1]), Int(parts[2]), 0, 0, 0, TimeSpan.Zero);
                return (day, day.AddDays(1));
        }
        var match = DateTimePattern().Match(value);
        if (!match.Success) throw new FormatException($"not a FHIR date or dateTime: {value}");
        var zone = match.Groups["zone"].Success ? match.Groups["zone"].Value : "Z";
        var offset = zone == "Z" ? TimeSpan.Zero : TimeSpan.Parse(zone.TrimStart('+'), CultureInfo.InvariantCulture);
        var date = match.Groups["date"].Value.Split('-');
        var seconds = match.Groups["second"].Success ? Int(match.Groups["second"].Value) : 0;
        var low = new DateTimeOffset(Int(date[0]), Int(date[1]), Int(date[2]), Int(match.Groups["hour"].Value), Int(match.Groups["minute"].Value), seconds, offset);
        TimeSpan width;
        if (!match.Groups["second"].Success)
        {
            width = TimeSpan.FromMinutes(1);
        }
        else if (match.Groups["fraction"].Success)
        {
            var fraction = match.Groups["fraction"].Value;
            low = low.AddTicks(long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture));
            width = TimeSpan.FromTicks((long)Math.Pow(10, 7 - fraction.Length));
        }
        else
        {
            width = TimeSpan.FromSeconds(1);
        }
        return (low, low + width);
    }

    /// <summary>A Period: from the start's Low (or the past) to the end's High (or the future: ongoing).</summary>
    public static (DateTimeOffset Low, DateTimeOffset High) Period(string? start, string? end) =>
        (start is null ? Past : Range(start).Low, end is null ? Future : Range(end).High);

    /// <summary>
    /// The prefixes of search.html#prefix for ranges: eq, the search range contains the target; gt, the target
    /// reaches above the search range; sa, the target starts after it ends; ge and le add eq to gt and lt. ap: the
    /// ranges overlap once the search range is widened by a tenth of its distance from now.
    /// </summary>
    public static bool Matches(string prefix, (DateTimeOffset Low, DateTimeOffset High) target, (DateTimeOffset Low, DateTimeOffset High) search)
    {
        var contains = search.Low <= target.Low && target.High <= search.High;
        return prefix switch
        {
            "eq" => contains,
            "ne" => !contains,
            "gt" => target.High > search.High,
            "lt" => target.Low < search.Low,
            "ge" => target.High > search.High || contains,
            "le" => target.Low < search.Low || contains,
            "sa" => target.Low >= search.High,
            "eb" => target.High <= search.Low,
            "ap" => Approximately(target, search),
            _ => throw new ArgumentException($"unknown prefix {prefix}", nameof(prefix)),
        };
    }

    private static bool Approximately((DateTimeOffset Low, DateTimeOffset High) target, (DateTimeOffset Low, DateTimeOffset High) search)
    {
        var gap = (DateTimeOffset.UtcNow - search.Low).Duration();
        var margin = TimeSpan.FromTicks(gap.Ticks / 10);
        return target.High > search.Low - margin && target.Low < search.High + margin;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})T(?<hour>\d{2}):(?<minute>\d{2})(:(?<second>\d{2})(\.(?<fraction>\d{1,7}))?)?(?<zone>Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex DateTimePattern();
}
