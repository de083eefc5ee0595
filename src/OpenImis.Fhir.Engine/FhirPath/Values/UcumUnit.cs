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

    private readonly int[] _dimensions;

    public UcumUnit(decimal factor, int[] dimensions)
    {
        if (dimensions.Length != DimensionCount) throw new ArgumentException("wrong dimension count", nameof(dimensions));
        Factor = factor;
        _dimensions = dimensions;
    }

    public static UcumUnit One { get; } = new(1m, new int[DimensionCount]);

    /// <summary>How many base units one of this unit is.</summary>
    public decimal Factor { get; }

    public static UcumUnit Base(int slot)
    {
        var dimensions = new int[DimensionCount];
        dimensions[slot] = 1;
        return new UcumUnit(1m, dimensions);
    }

    public bool IsDimensionless => _dimensions.All(d => d == 0);

    /// <summary>True when both measure the same kind of quantity (equal dimension vectors).</summary>
    public bool IsCommensurableWith(UcumUnit other) => _dimensions.AsSpan().SequenceEqual(other._dimensions);

    /// <exception cref="OverflowException">The factor leaves the decimal range.</exception>
    public UcumUnit Multiply(UcumUnit other)
    {
        var dimensions = new int[DimensionCount];
        for (var i = 0; i < DimensionCount; i++) dimensions[i] = _dimensions[i] + other._dimensions[i];
        return new UcumUnit(Factor * other.Factor, dimensions);
    }

    /// <exception cref="OverflowException">The factor leaves the decimal range.</exception>
    public UcumUnit Scale(decimal factor) => new(Factor * factor, _dimensions);

    /// <exception cref="OverflowException">The factor leaves the decimal range.</exception>
    public UcumUnit Power(int exponent)
    {
        var factor = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++) factor *= Factor;
        if (exponent < 0) factor = 1m / factor;
        var dimensions = new int[DimensionCount];
        for (var i = 0; i < DimensionCount; i++) dimensions[i] = _dimensions[i] * exponent;
        return new UcumUnit(factor, dimensions);
    }
}
