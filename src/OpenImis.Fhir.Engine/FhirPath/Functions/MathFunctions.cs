using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using OpenImis.Fhir.Engine.FhirPath.Values;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>
/// FHIRPath math functions (spec 5.7, normative in 2.1). Input: a single Integer or Decimal (abs also a Quantity);
/// empty gives empty, several items or another type is an error. A result that cannot be represented
/// (negative square root, overflow, NaN) is empty.
/// </summary>
internal static class MathFunctions
{
    public static FunctionDefinition[] All { get; } =
    [
        Define("abs", 0, 0, Abs),
        Define("ceiling", 0, 0, static (focus, arguments, _) => ToInteger(focus, arguments, Math.Ceiling)),
        Define("floor", 0, 0, static (focus, arguments, _) => ToInteger(focus, arguments, Math.Floor)),
        Define("truncate", 0, 0, static (focus, arguments, _) => ToInteger(focus, arguments, Math.Truncate)),
        Define("exp", 0, 0, static (focus, arguments, _) => ViaDouble(focus, arguments, Math.Exp)),
        Define("ln", 0, 0, static (focus, arguments, _) => ViaDouble(focus, arguments, Math.Log)),
        Define("sqrt", 0, 0, static (focus, arguments, _) => ViaDouble(focus, arguments, Math.Sqrt)),
        Define("log", 1, 1, Log),
        Define("power", 1, 1, Power),
        Define("round", 0, 1, Round),
    ];

    private static object? Number(FhirPathCollection focus, FunctionArguments arguments)
    {
        var value = SingleInput(focus, arguments);
        if (value is null or long or decimal) return value;
        throw arguments.Error($"expects a number but got {TypeNames.DisplayTypeOf(focus.Single)}.");
    }

    private static decimal? NumberArgument(FunctionArguments arguments, int index, EvaluationContext context)
    {
        var value = arguments.Evaluate(index, context);
        var item = Items.Singleton(value, arguments.Position, $"{arguments.FunctionName}() argument");
        return item is null ? null : Items.Unwrap(item) switch
        {
            long l => l,
            decimal d => d,
            _ => throw arguments.Error($"argument must be a number but got {TypeNames.DisplayTypeOf(item)}."),
        };
    }

    private static FhirPathCollection Abs(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var value = SingleInput(focus, arguments);
        return value switch
        {
            null => FhirPathCollection.Empty,
            long l => l == long.MinValue ? FhirPathCollection.Empty : l >= 0 && focus.Single is long ? focus : Integer(Math.Abs(l)),
            decimal d => d >= 0 && focus.Single is decimal ? focus : new FhirPathCollection(Math.Abs(d)),
            Quantity q => q.Value >= 0 ? new FhirPathCollection(q) : new FhirPathCollection(new Quantity(Math.Abs(q.Value), q.Unit)),
            _ => throw arguments.Error($"expects a number or Quantity but got {TypeNames.DisplayTypeOf(focus.Single)}."),
        };
    }

    // ceiling/floor/truncate: an Integer result (an Integer input is returned as is).
    private static FhirPathCollection ToInteger(FhirPathCollection focus, FunctionArguments arguments, Func<decimal, decimal> round)
    {
        switch (Number(focus, arguments))
        {
            case null: return FhirPathCollection.Empty;
            case long l: return Integer(l);
            case decimal d:
                var rounded = round(d);
                return rounded is >= long.MinValue and <= long.MaxValue ? Integer((long)rounded) : FhirPathCollection.Empty;
            default: return FhirPathCollection.Empty;
        }
    }

    private static FhirPathCollection ViaDouble(FhirPathCollection focus, FunctionArguments arguments, Func<double, double> function) =>
        Number(focus, arguments) switch
        {
            long l => FromDouble(function(l)),
            decimal d => FromDouble(function((double)d)),
            _ => FhirPathCollection.Empty,
        };

    // Doubles come back to Decimal through 15 significant digits, so 16.log(2) is exactly 4.
    private static FhirPathCollection FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > 7.9e28) return FhirPathCollection.Empty;
        return new FhirPathCollection(Convert.ToDecimal(value));
    }

    private static FhirPathCollection Log(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var value = Number(focus, arguments);
        if (value is null) return FhirPathCollection.Empty;
        var logBase = NumberArgument(arguments, 0, context);
        if (logBase is null) return FhirPathCollection.Empty;
        var x = value is long l ? l : (double)(decimal)value;
        return FromDouble(Math.Log(x) / Math.Log((double)logBase.Value));
    }

    // power(exponent): Integer^Integer stays an Integer when the exponent is not negative; Decimal^Integer is exact;
    // otherwise computed in double. Unrepresentable results ((-1).power(0.5), overflow) are empty.
    private static FhirPathCollection Power(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var value = Number(focus, arguments);
        if (value is null) return FhirPathCollection.Empty;
        var exponentCollection = arguments.Evaluate(0, context);
        var exponentItem = Items.Singleton(exponentCollection, arguments.Position, "power() argument");
        if (exponentItem is null) return FhirPathCollection.Empty;
        var exponent = Items.Unwrap(exponentItem);
        try
        {
            switch (value, exponent)
            {
                case (long b, long e) when e >= 0:
                    return Integer(IntegerPower(b, e));
                case (decimal b, long e) when e is >= 0 and <= 1000:
                    return new FhirPathCollection(DecimalPower(b, e));
                case (long or decimal, long or decimal):
                    var b2 = value is long lb ? lb : (double)(decimal)value;
                    var e2 = exponent is long le ? le : (double)(decimal)exponent;
                    return FromDouble(Math.Pow(b2, e2));
                default:
                    throw arguments.Error($"exponent must be a number but got {TypeNames.DisplayTypeOf(exponentItem)}.");
            }
        }
        catch (OverflowException)
        {
            return FhirPathCollection.Empty;
        }
    }

    private static long IntegerPower(long value, long exponent)
    {
        // 0, 1 and -1 never overflow; any other base overflows within 63 steps, so the loop is short.
        if (value is 0 or 1) return exponent == 0 ? 1 : value;
        if (value == -1) return exponent % 2 == 0 ? 1 : -1;
        var result = 1L;
        for (var i = 0L; i < exponent; i++) result = checked(result * value);
        return result;
    }

    private static decimal DecimalPower(decimal value, long exponent)
    {
        var result = 1m;
        for (var i = 0L; i < exponent; i++) result *= value;
        return result;
    }

    // round([precision]): half away from zero; the result is a Decimal. A negative precision is an error.
    private static FhirPathCollection Round(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var value = Number(focus, arguments);
        if (value is null) return FhirPathCollection.Empty;
        var precision = arguments.Count > 0 ? IntegerArgument(arguments, 0, context) : 0;
        if (precision is null) return FhirPathCollection.Empty;
        if (precision < 0) throw arguments.Error("precision must not be negative.");
        var d = value is long l ? l : (decimal)value;
        return new FhirPathCollection(Math.Round(d, (int)Math.Min(precision.Value, 28), MidpointRounding.AwayFromZero));
    }
}
