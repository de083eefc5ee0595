using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using OpenImis.Fhir.Engine.FhirPath.Values;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>FHIRPath 2.1 lowBoundary(), highBoundary(), precision() and comparable().</summary>
internal static class BoundaryFunctions
{
    private const int DefaultDecimalPrecision = 8;
    private const int MaxDecimalPrecision = 28;

    public static FunctionDefinition[] All { get; } =
    [
        Define("lowBoundary", 0, 1, static (focus, arguments, context) => Boundary(focus, arguments, context, high: false)),
        Define("highBoundary", 0, 1, static (focus, arguments, context) => Boundary(focus, arguments, context, high: true)),
        Define("precision", 0, 0, Precision),
        Define("comparable", 1, 1, Comparable),
    ];

    private static FhirPathCollection Boundary(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context, bool high)
    {
        var value = SingleInput(focus, arguments);
        if (value is null) return FhirPathCollection.Empty;
        var precision = arguments.Count > 0 ? IntegerArgument(arguments, 0, context) : null;
        if (arguments.Count > 0 && precision is null) return FhirPathCollection.Empty;
        object? result = value switch
        {
            long l => DecimalBoundary(l, 0, precision, high),
            decimal d => DecimalBoundary(d, d.Scale, precision, high),
            Quantity q => DecimalBoundary(q.Value, q.Value.Scale, precision, high) is { } b ? new Quantity(b, q.Unit) : null,
            PartialDateTime dt => TemporalBoundary(dt, precision, high),
            _ => throw arguments.Error($"expects a number, date/time or Quantity but got {TypeNames.DisplayTypeOf(focus.Single)}."),
        };
        return Wrap(result);
    }

    /// <summary>
    /// The boundary of the range a decimal stands for (± half a unit in its last digit), given with
    /// <paramref name="precision"/> digits after the point (default 8; beyond 28 or negative: null).
    /// Matches the R4 suite: for a positive value the low boundary is truncated and the high boundary rounded half up
    /// to the precision; a negative value mirrors the boundaries of its magnitude (-1.587 low = -(1.587 high)).
    /// </summary>
    internal static decimal? DecimalBoundary(decimal value, int scale, long? precision, bool high)
    {
        var p = precision ?? DefaultDecimalPrecision;
        if (p is < 0 or > MaxDecimalPrecision) return null;
        var digits = (int)p;
        var magnitude = Math.Abs(value);
        var halfUnit = 5m / Pow10(scale + 1);
        // Which side of the magnitude's range we need: the high side for a positive high or a negative low (and zero's low).
        var upper = value < 0 || (value == 0 && !high) ? !high : high;
        var bound = upper
            ? Math.Round(magnitude + halfUnit, digits, MidpointRounding.AwayFromZero)
            : Math.Round(magnitude - halfUnit, digits, MidpointRounding.ToZero);
        bound += new decimal(0, 0, 0, false, (byte)digits); // pad to exactly `digits` decimals
        var negative = value < 0 || (value == 0 && !high);
        return negative ? -bound : bound;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent && i < MaxDecimalPrecision; i++) result *= 10m;
        return result;
    }

    // Dates and times (2.1): the precision is a digit count (Date 4/6/8, DateTime up to 17, Time up to 9).
    private static PartialDateTime? TemporalBoundary(PartialDateTime value, long? precision, bool high)
    {
        if (precision is < 0 or > 17) return null;
        var digits = (int?)precision;
        return high ? value.HighBoundary(digits) : value.LowBoundary(digits);
    }

    // precision() (2.1): digits after the point for a Decimal; for dates and times the number of digits stated
    // (@2014 is 4, a DateTime to the millisecond 17, @T10:30 is 4).
    private static FhirPathCollection Precision(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var value = SingleInput(focus, arguments);
        return value switch
        {
            null => FhirPathCollection.Empty,
            long => Integer(0),
            decimal d => Integer(d.Scale),
            Quantity q => Integer(q.Value.Scale),
            PartialDateTime dt => Integer(dt.PrecisionDigits),
            _ => throw arguments.Error($"expects a number or date/time but got {TypeNames.DisplayTypeOf(focus.Single)}."),
        };
    }

    // comparable(quantity) (2.1): whether the two quantities' units can be converted into each other.
    private static FhirPathCollection Comparable(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var value = SingleInput(focus, arguments);
        if (value is null) return FhirPathCollection.Empty;
        var other = Items.SingletonValue<Quantity>(arguments.Evaluate(0, context), arguments.Position, "comparable() argument");
        if (other is null) return FhirPathCollection.Empty;
        if (value is not Quantity quantity) throw arguments.Error($"expects a Quantity but got {TypeNames.DisplayTypeOf(focus.Single)}.");
        return FhirPathCollection.FromBoolean(quantity.IsComparableTo(other));
    }
}
