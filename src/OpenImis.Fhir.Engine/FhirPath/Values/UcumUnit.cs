namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>
/// A UCUM unit in canonical form: a factor times a product of base-unit powers. Two units are convertible when their
/// dimension vectors are equal; the value in base units is the value times <see cref="Factor"/>.
/// </summary>
/// <remarks>
/// Dimension slots: metre, gram, second, radian, kelvin, coulomb, candela (the UCUM base units, UCUM §28), plus one slot
/// for the arbitrary international unit [iU] (UCUM §31: arbitrary units are only commensurable with themselves).
/// </remarks>
internal sealed class UcumUnit
{
    public const int DimensionCount = 8;

    // Above this a numerator/denominator pair is collapsed into one decimal, trading exactness for range.
    private const decimal CollapseThreshold = 1e18m;

    private readonly int[] _dimensions;

    public UcumUnit(decimal numerator, decimal denominator, int[] dimensions)
    {
        if (dimensions.Length != DimensionCount) throw new ArgumentException("wrong dimension count", nameof(dimensions));
        if (Math.Abs(numerator) > CollapseThreshold || Math.Abs(denominator) > CollapseThreshold)
        {
            numerator /= denominator;
            denominator = 1m;
        }

        Numerator = numerator;
        Denominator = denominator;
        _dimensions = dimensions;
    }

    public UcumUnit(decimal factor, int[] dimensions)
        : this(factor, 1m, dimensions)
    {
    }

    public static UcumUnit One { get; } = new(1m, new int[DimensionCount]);

    /// <summary>
    /// The factor is kept as a fraction so that reciprocal units stay exact (<c>/min</c> is 1/60 s-1, <c>mo</c> is
    /// a_j/12): decimal cannot hold 1/60 exactly, and 60 '{beats}/min' must equal 1 '/s'.
    /// </summary>
    public decimal Numerator { get; }

    public decimal Denominator { get; }

    /// <summary>How many base units one of this unit is (rounded when the fraction does not terminate).</summary>
    public decimal Factor => Denominator == 1m ? Numerator : Numerator / Denominator;

    public static UcumUnit Base(int slot)
    {
        var dimensions = new int[DimensionCount];
        dimensions[slot] = 1;
        return new UcumUnit(1m, dimensions);
    }

    public bool IsDimensionless => _dimensions.All(d => d == 0);

    /// <summary>True when both measure the same kind of quantity (equal dimension vectors).</summary>
    public bool IsCommensurableWith(UcumUnit other) => _dimensions.AsSpan().SequenceEqual(other._dimensions);

    /// <summary>
    /// <paramref name="value"/> of this unit expressed in <paramref name="target"/> (same dimensions assumed), dividing
    /// once at the end so exact ratios stay exact.
    /// </summary>
    /// <exception cref="OverflowException">The result leaves the decimal range.</exception>
    public decimal ConvertValue(decimal value, UcumUnit target) =>
        value * Numerator * target.Denominator / (Denominator * target.Numerator);

    /// <exception cref="OverflowException">The factor leaves the decimal range.</exception>
    public UcumUnit Multiply(UcumUnit other)
    {
        var dimensions = new int[DimensionCount];
        for (var i = 0; i < DimensionCount; i++) dimensions[i] = _dimensions[i] + other._dimensions[i];
        return new UcumUnit(Numerator * other.Numerator, Denominator * other.Denominator, dimensions);
    }

    /// <exception cref="OverflowException">The factor leaves the decimal range.</exception>
    public UcumUnit Scale(decimal factor) => new(Numerator * factor, Denominator, _dimensions);

    /// <exception cref="OverflowException">The factor leaves the decimal range.</exception>
    public UcumUnit Power(int exponent)
    {
        decimal numerator = 1m, denominator = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            numerator *= Numerator;
            denominator *= Denominator;
        }

        var dimensions = new int[DimensionCount];
        for (var i = 0; i < DimensionCount; i++) dimensions[i] = _dimensions[i] * exponent;
        return exponent < 0 ? new UcumUnit(denominator, numerator, dimensions) : new UcumUnit(numerator, denominator, dimensions);
    }
}
