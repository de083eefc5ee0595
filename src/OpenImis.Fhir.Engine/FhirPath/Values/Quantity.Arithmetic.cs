namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>Quantity arithmetic (FHIRPath N1 6.5.x "+", "-", "*", "/" for Quantity); every method returns null when the units do not combine.</summary>
/// <remarks>
/// Sums and differences are in the left operand's unit (<c>1 'm' + 50 'cm'</c> is <c>1.5 'm'</c>). Products and quotients
/// combine the UCUM units: same-dimension factors are first converted to the left unit, so <c>2.0 'cm' * 2.0 'm'</c> is
/// <c>400.00 'cm2'</c> (= <c>0.040 'm2'</c>) and <c>1.0 'm' / 1.0 'm'</c> is <c>1 '1'</c>; otherwise the unit strings are
/// joined (<c>'g/m'</c>, <c>'kg.m'</c>). Calendar keywords take part as their UCUM units ('d', 'wk', ...).
/// </remarks>
public sealed partial class Quantity
{
    public static Quantity? Add(Quantity left, Quantity right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        try
        {
            if (TryInLeftUnit(left, right, out var rightValue)) return new Quantity(left.Value + rightValue, left.Unit);
        }
        catch (OverflowException)
        {
        }

        return null;
    }

    public static Quantity? Subtract(Quantity left, Quantity right)
    {
        ArgumentNullException.ThrowIfNull(right);
        return Add(left, Negate(right));
    }

    /// <summary>The same quantity with the opposite sign (unary minus).</summary>
    public static Quantity Negate(Quantity quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        return new Quantity(-quantity.Value, quantity.Unit);
    }

    public static Quantity? Multiply(Quantity left, Quantity right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var leftCode = ArithmeticUcumCode(left)!;
        var rightCode = ArithmeticUcumCode(right)!;
        try
        {
            if (rightCode == UnitlessCode) return new Quantity(left.Value * right.Value, leftCode);
            if (leftCode == UnitlessCode) return new Quantity(left.Value * right.Value, rightCode);
            if (IsPlainSymbol(leftCode) && UcumCatalog.TryConvert(right.Value, rightCode, leftCode, out var converted))
                return new Quantity(left.Value * converted, leftCode + "2");
            return new Quantity(left.Value * right.Value, leftCode + "." + Parenthesise(rightCode, '/'));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Null when dividing by zero.</summary>
    public static Quantity? Divide(Quantity left, Quantity right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (right.Value == 0m) return null;
        var leftCode = ArithmeticUcumCode(left)!;
        var rightCode = ArithmeticUcumCode(right)!;
        try
        {
            if (rightCode == UnitlessCode) return new Quantity(left.Value / right.Value, leftCode);
            if (UcumCatalog.TryConvert(right.Value, rightCode, leftCode, out var converted))
                return converted == 0m ? null : new Quantity(left.Value / converted, UnitlessCode);
            var unit = leftCode == UnitlessCode ? "/" + Parenthesise(rightCode, '.', '/') : leftCode + "/" + Parenthesise(rightCode, '.', '/');
            return new Quantity(left.Value / right.Value, unit);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The right value in the left unit, for + and -.</summary>
    private static bool TryInLeftUnit(Quantity left, Quantity right, out decimal rightValue)
    {
        rightValue = 0m;
        if (string.Equals(left.Unit, right.Unit, StringComparison.Ordinal))
        {
            rightValue = right.Value;
            return true;
        }

        var leftIsKeyword = CalendarDurations.TryParseKeyword(left.Unit, out var leftKeyword);
        var rightIsKeyword = CalendarDurations.TryParseKeyword(right.Unit, out var rightKeyword);
        var leftVariable = leftIsKeyword && CalendarDurations.IsVariableLength(leftKeyword);
        var rightVariable = rightIsKeyword && CalendarDurations.IsVariableLength(rightKeyword);
        if (leftVariable && rightVariable)
        {
            var months = InMonths(right.Value, rightKeyword);
            rightValue = leftKeyword == CalendarDurationUnit.Year ? months / 12m : months;
            return true;
        }

        if (leftVariable || rightVariable) return false;
        return UcumCatalog.TryConvert(right.Value, ArithmeticUcumCode(right)!, ArithmeticUcumCode(left)!, out rightValue);
    }

    /// <summary>A single atom without exponent or operators (<c>cm</c>, <c>[in_i]</c>), to which an exponent can be appended.</summary>
    private static bool IsPlainSymbol(string code) =>
        code.Length > 0 && !char.IsAsciiDigit(code[^1]) && code.IndexOfAny(['.', '/', '(', ')', '{', '}', '*', '^']) < 0
        && UcumCatalog.TryParse(code, out _);

    private static string Parenthesise(string code, params char[] operators) =>
        code.IndexOfAny(operators) >= 0 ? "(" + code + ")" : code;
}
