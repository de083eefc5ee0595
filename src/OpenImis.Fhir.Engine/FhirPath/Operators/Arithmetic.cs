using OpenImis.Fhir.Engine.FhirPath.Ast;
using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.FhirPath.Operators;

/// <summary>
/// The math operators (spec 6.6) on single System values. A null result is empty (division by zero, overflow,
/// incompatible units); operands of types the operator does not take are an error.
/// </summary>
internal static class Arithmetic
{
    public static object? Apply(BinaryOperator op, object left, object right, int position)
    {
        var l = Items.Unwrap(left);
        var r = Items.Unwrap(right);
        object? result;
        try
        {
            result = op switch
            {
            BinaryOperator.Add => Add(l, r),
            BinaryOperator.Subtract => Subtract(l, r),
            BinaryOperator.Multiply => Multiply(l, r),
            BinaryOperator.Divide => Divide(l, r),
            BinaryOperator.Div => IntegerDivide(l, r),
            BinaryOperator.Mod => Modulo(l, r),
                _ => Unsupported.Value,
            };
        }
        catch (OverflowException)
        {
            return null; // spec 6.6: overflow gives an empty result
        }
        if (ReferenceEquals(result, Unsupported.Value))
        {
            throw new FhirPathEvaluationException(
                $"Operator '{Symbol(op)}' cannot be applied to {TypeNames.DisplayTypeOf(left)} and {TypeNames.DisplayTypeOf(right)}.", position);
        }
        return result;
    }

    public static object? Negate(object operand, int position) => Items.Unwrap(operand) switch
    {
        long l => l == long.MinValue ? null : -l,
        decimal d => -d,
        Quantity q => new Quantity(-q.Value, q.Unit),
        _ => throw new FhirPathEvaluationException($"Unary minus cannot be applied to {TypeNames.DisplayTypeOf(operand)}.", position),
    };

    private static object? Add(object l, object r) => (l, r) switch
    {
        (long a, long b) => checked(a + b),
        (long a, decimal b) => a + b,
        (decimal a, long b) => a + b,
        (decimal a, decimal b) => a + b,
        (string a, string b) => a + b,
        (PartialDateTime a, Quantity b) => (object?)a.Add(b) ?? Unsupported.Value,
        (Quantity a, Quantity b) => Quantity.Add(a, b),
        _ => Unsupported.Value,
    };

    private static object? Subtract(object l, object r) => (l, r) switch
    {
        (long a, long b) => checked(a - b),
        (long a, decimal b) => a - b,
        (decimal a, long b) => a - b,
        (decimal a, decimal b) => a - b,
        (PartialDateTime a, Quantity b) => (object?)a.Add(new Quantity(-b.Value, b.Unit)) ?? Unsupported.Value,
        (Quantity a, Quantity b) => Quantity.Subtract(a, b),
        _ => Unsupported.Value,
    };

    private static object? Multiply(object l, object r) => (l, r) switch
    {
        (long a, long b) => checked(a * b),
        (long a, decimal b) => a * b,
        (decimal a, long b) => a * b,
        (decimal a, decimal b) => a * b,
        (Quantity a, Quantity b) => Quantity.Multiply(a, b),
        (Quantity a, long b) => Quantity.Multiply(a, new Quantity(b, "1")),
        (Quantity a, decimal b) => Quantity.Multiply(a, new Quantity(b, "1")),
        (long a, Quantity b) => Quantity.Multiply(new Quantity(a, "1"), b),
        (decimal a, Quantity b) => Quantity.Multiply(new Quantity(a, "1"), b),
        _ => Unsupported.Value,
    };

    // '/' always yields a Decimal (spec 6.6.4); division by zero is empty.
    private static object? Divide(object l, object r) => (l, r) switch
    {
        (long or decimal, long or decimal) => ToDecimal(r) == 0 ? null : ToDecimal(l) / ToDecimal(r),
        (Quantity a, Quantity b) => b.Value == 0 ? null : Quantity.Divide(a, b),
        (Quantity a, long or decimal) => ToDecimal(r) == 0 ? null : Quantity.Divide(a, new Quantity(ToDecimal(r), "1")),
        _ => Unsupported.Value,
    };

    private static object? IntegerDivide(object l, object r) => (l, r) switch
    {
        (long a, long b) => b == 0 ? null : a / b,
        (long or decimal, long or decimal) => ToDecimal(r) == 0 ? null : (long)decimal.Truncate(ToDecimal(l) / ToDecimal(r)),
        _ => Unsupported.Value,
    };

    private static object? Modulo(object l, object r) => (l, r) switch
    {
        (long a, long b) => b == 0 ? null : a % b,
        (long or decimal, long or decimal) => ToDecimal(r) == 0 ? null : ToDecimal(l) % ToDecimal(r),
        _ => Unsupported.Value,
    };

    private static decimal ToDecimal(object value) => value is long l ? l : (decimal)value;

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Div => "div",
        BinaryOperator.Mod => "mod",
        _ => op.ToString(),
    };

    private sealed class Unsupported
    {
        public static readonly Unsupported Value = new();
    }
}
