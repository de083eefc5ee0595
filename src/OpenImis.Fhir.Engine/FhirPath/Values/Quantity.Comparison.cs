namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>Quantity equality (<c>=</c>), equivalence (<c>~</c>) and ordering with unit conversion (FHIRPath N1 6.1, 6.2).</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Values are compared in UCUM base units (<c>4.0000 'g' = 4000.0 'mg'</c> is true); units of different
/// dimensions are not comparable (null for <c>=</c> and ordering, false for <c>~</c>).</item>
/// <item>Calendar keywords week and finer equal their UCUM units (<c>7 days = 1 'wk'</c>); year and month are
/// calendar lengths, so against 'a' or 'mo' (or any UCUM unit) <c>=</c> and ordering are empty while <c>~</c> uses 'a'/'mo'
/// (spec 2.1.5 table; suite testStringQuantityYearLiteralToQuantity). 1 year = 12 months.</item>
/// <item>Equivalence rounds both values to the precision of the less precise one after conversion, so
/// <c>4 'g' ~ 4040 'mg'</c> is true (suite testQuantity4).</item>
/// </list>
/// </remarks>
public sealed partial class Quantity
{
    /// <summary>The <c>=</c> operator: null when the units are not comparable.</summary>
    public static bool? AreEqual(Quantity left, Quantity right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (!TryCommonValues(left, right, equivalence: false, out var common)) return null;
        return common.Left == common.Right;
    }

    /// <summary>The <c>~</c> operator: equal at the precision of the less precise operand; false when not comparable.</summary>
    public static bool AreEquivalent(Quantity left, Quantity right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (!TryCommonValues(left, right, equivalence: true, out var common)) return false;
        var places = Math.Min(common.LeftPlaces, common.RightPlaces);
        return RoundToPlaces(common.LeftInBaseUnits, places) == RoundToPlaces(common.RightInBaseUnits, places);
    }

    /// <summary>-1/0/1 after unit conversion; null when the units are not comparable.</summary>
    public static int? Compare(Quantity left, Quantity right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (!TryCommonValues(left, right, equivalence: false, out var common)) return null;
        return common.Left.CompareTo(common.Right);
    }

    /// <summary>
    /// Both values on one exact common scale (for = and ordering), both in base units (possibly rounded, for ~), and the
    /// decimal places each base-unit value is known to.
    /// </summary>
    private readonly record struct CommonValues(
        decimal Left, decimal Right, decimal LeftInBaseUnits, decimal RightInBaseUnits, int LeftPlaces, int RightPlaces)
    {
        public CommonValues(decimal left, decimal right, int leftPlaces, int rightPlaces)
            : this(left, right, left, right, leftPlaces, rightPlaces)
        {
        }
    }

    private static bool TryCommonValues(Quantity left, Quantity right, bool equivalence, out CommonValues common)
    {
        common = default;
        if (string.Equals(left.Unit, right.Unit, StringComparison.Ordinal))
        {
            common = new CommonValues(left.Value, right.Value, left.Value.Scale, right.Value.Scale);
            return true;
        }

        var leftIsKeyword = CalendarDurations.TryParseKeyword(left.Unit, out var leftKeyword);
        var rightIsKeyword = CalendarDurations.TryParseKeyword(right.Unit, out var rightKeyword);
        var leftVariable = leftIsKeyword && CalendarDurations.IsVariableLength(leftKeyword);
        var rightVariable = rightIsKeyword && CalendarDurations.IsVariableLength(rightKeyword);

        if (leftVariable && rightVariable)
        {
            // Calendar years are exactly 12 calendar months (calendar-units code system).
            common = new CommonValues(
                InMonths(left.Value, leftKeyword), InMonths(right.Value, rightKeyword),
                left.Value.Scale, right.Value.Scale);
            return true;
        }

        if ((leftVariable || rightVariable) && !equivalence) return false;

        var leftCode = leftIsKeyword ? CalendarDurations.UcumCode(leftKeyword) : left.Unit;
        var rightCode = rightIsKeyword ? CalendarDurations.UcumCode(rightKeyword) : right.Unit;
        if (!UcumCatalog.TryParse(leftCode, out var leftUnit) || !UcumCatalog.TryParse(rightCode, out var rightUnit)
            || !leftUnit.IsCommensurableWith(rightUnit))
            return false;

        try
        {
            // Cross-multiplying the factor fractions keeps = and ordering exact (60 '{beats}/min' = 1 '/s').
            common = new CommonValues(
                left.Value * leftUnit.Numerator * rightUnit.Denominator,
                right.Value * rightUnit.Numerator * leftUnit.Denominator,
                left.Value * leftUnit.Factor,
                right.Value * rightUnit.Factor,
                left.Value.Scale - FloorLog10(leftUnit.Factor),
                right.Value.Scale - FloorLog10(rightUnit.Factor));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static decimal InMonths(decimal value, CalendarDurationUnit keyword) =>
        keyword == CalendarDurationUnit.Year ? value * 12 : value;

    /// <summary>floor(log10(x)) for a positive factor: 1000 gives 3, 0.001 gives -3, 453.59 gives 2.</summary>
    private static int FloorLog10(decimal factor)
    {
        factor = Math.Abs(factor);
        if (factor == 0m) return 0;
        var exponent = 0;
        while (factor >= 10m)
        {
            factor /= 10m;
            exponent++;
        }

        while (factor < 1m)
        {
            factor *= 10m;
            exponent--;
        }

        return exponent;
    }

    /// <summary>Rounds half away from zero to <paramref name="places"/> decimals; negative places round to tens, hundreds, ...</summary>
    private static decimal RoundToPlaces(decimal value, int places)
    {
        if (places >= 0) return Math.Round(value, Math.Min(places, 28), MidpointRounding.AwayFromZero);
        var scale = 1m;
        for (var i = 0; i < Math.Min(-places, 28); i++) scale *= 10m;
        return Math.Round(value / scale, 0, MidpointRounding.AwayFromZero) * scale;
    }
}
