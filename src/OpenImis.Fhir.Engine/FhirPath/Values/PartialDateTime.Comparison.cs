namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>Precision-aware comparison, equality (<c>=</c>) and equivalence (<c>~</c>) (FHIRPath N1 6.1, 6.2).</summary>
public sealed partial class PartialDateTime
{
    // The widest offsets a zone-less value may stand for (FHIRPath 2.1 lowBoundary/highBoundary use the same range).
    private static readonly TimeSpan EarliestOffset = TimeSpan.FromHours(14);
    private static readonly TimeSpan LatestOffset = TimeSpan.FromHours(-12);

    /// <summary>-1/0/1, or null when the precisions make the answer uncertain (spec 5.2.5 / 6.1).</summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>A Date is compared with a DateTime as a DateTime of the same precision; a Time is comparable only with a Time.</item>
    /// <item>Components are compared from the year down; when one value stops before the other and everything stated so
    /// far is equal, the answer is unknown (null). Seconds and milliseconds are one precision (spec 6.1 "a single precision
    /// using a decimal"), so <c>10:30:00</c> and <c>10:30:00.0</c> compare equal.</item>
    /// <item>Values with a time are normalised to UTC. When only one states a zone, the other may be at any offset
    /// from +14:00 to -12:00: the answer is given only when it is the same across that whole range, else null
    /// (so <c>@2012-04-15T15:00:00Z = @2012-04-15T10:00:00</c> is empty, as the conformance suite expects).</item>
    /// </list>
    /// </remarks>
    public static int? Compare(PartialDateTime left, PartialDateTime right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if ((left.Kind == TemporalKind.Time) != (right.Kind == TemporalKind.Time)) return null;

        if (!left.HasTime || !right.HasTime || left.Kind == TemporalKind.Time || (left.Offset is null && right.Offset is null))
            return CompareComponents(left, right);

        if (left.Offset is not null && right.Offset is not null)
            return CompareComponents(left.ToUtc(left.Offset.Value), right.ToUtc(right.Offset.Value));

        // Exactly one zone: try both extremes for the zone-less side.
        var zoned = left.Offset is not null ? left : right;
        var unzoned = left.Offset is null ? left : right;
        var zonedUtc = zoned.ToUtc(zoned.Offset!.Value);
        var earliest = CompareComponents(zonedUtc, unzoned.ToUtc(EarliestOffset));
        var latest = CompareComponents(zonedUtc, unzoned.ToUtc(LatestOffset));
        if (earliest is null || latest is null || earliest != latest || earliest == 0) return null;
        return ReferenceEquals(zoned, left) ? earliest : -earliest;
    }

    /// <summary>The <c>=</c> operator: null (empty) when precisions differ so the answer is unknown.</summary>
    /// <remarks>A Time is never equal to a Date or DateTime (false, as the suite's testDateNotEqualTimeSecond expects).</remarks>
    public static bool? AreEqual(PartialDateTime left, PartialDateTime right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if ((left.Kind == TemporalKind.Time) != (right.Kind == TemporalKind.Time)) return false;
        return Compare(left, right) switch
        {
            null => null,
            0 => true,
            _ => false,
        };
    }

    /// <summary>The <c>~</c> operator: false when precisions differ.</summary>
    /// <remarks>Spec 6.1.3: values of different precision are not equivalent; seconds and milliseconds count as one precision.</remarks>
    public static bool AreEquivalent(PartialDateTime left, PartialDateTime right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if ((left.Kind == TemporalKind.Time) != (right.Kind == TemporalKind.Time)) return false;
        if (ComparisonLevel(left.Precision) != ComparisonLevel(right.Precision)) return false;
        return Compare(left, right) == 0;
    }

    /// <summary>Seconds and milliseconds share one level (spec 6.1).</summary>
    private static int ComparisonLevel(DateTimePrecision precision) =>
        precision == DateTimePrecision.Millisecond ? (int)DateTimePrecision.Second : (int)precision;

    private static int? CompareComponents(PartialDateTime left, PartialDateTime right)
    {
        var leftLevel = ComparisonLevel(left.Precision);
        var rightLevel = ComparisonLevel(right.Precision);
        var dated = left.Kind != TemporalKind.Time;
        var firstLevel = dated ? (int)DateTimePrecision.Year : (int)DateTimePrecision.Hour;
        for (var level = firstLevel; level <= Math.Min(leftLevel, rightLevel); level++)
        {
            var order = left.ComponentForComparison(level).CompareTo(right.ComponentForComparison(level));
            if (order != 0) return Math.Sign(order);
        }

        return leftLevel == rightLevel ? 0 : null;
    }

    private int ComponentForComparison(int level) => (DateTimePrecision)level switch
    {
        DateTimePrecision.Year => Year,
        DateTimePrecision.Month => Month,
        DateTimePrecision.Day => Day,
        DateTimePrecision.Hour => Hour,
        DateTimePrecision.Minute => Minute,
        _ => Second * 1000 + Millisecond,
    };

    /// <summary>The same instant expressed in UTC (keeping the precision); unchanged when the shift leaves the calendar range.</summary>
    private PartialDateTime ToUtc(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero) return this;
        var local = new DateTime(Year, Month, Day, Hour, Minute, Second, Millisecond, DateTimeKind.Unspecified);
        var ticks = local.Ticks - offset.Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks) return this;
        var utc = new DateTime(ticks, DateTimeKind.Utc);
        return Create(Kind, Precision, utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, utc.Millisecond, TimeSpan.Zero);
    }
}
