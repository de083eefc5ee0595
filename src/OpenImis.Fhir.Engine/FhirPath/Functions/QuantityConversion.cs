using System.Globalization;
using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>toQuantity()/convertsToQuantity() (spec 5.5.7) and the text form of a Quantity.</summary>
internal static class QuantityConversion
{
    private const string UcumSystem = "http://unitsofmeasure.org";

    // Spec 5.5.7: an unquoted unit must be a calendar duration keyword; UCUM units are quoted.
    private static readonly string[] CalendarUnits =
    [
        "year", "years", "month", "months", "week", "weeks", "day", "days",
        "hour", "hours", "minute", "minutes", "second", "seconds", "millisecond", "milliseconds",
    ];

    public static bool IsCalendarKeyword(string unit) => Array.IndexOf(CalendarUnits, unit) >= 0;

    /// <summary><c>5 'mg'</c>, or <c>1 week</c> for a calendar duration.</summary>
    public static string Format(Quantity quantity)
    {
        var value = quantity.Value.ToString(CultureInfo.InvariantCulture);
        return IsCalendarKeyword(quantity.Unit) ? value + " " + quantity.Unit : value + " '" + quantity.Unit + "'";
    }

    /// <summary>The input as a Quantity, converted to the unit argument when given; null when it does not convert.</summary>
    public static Quantity? Convert(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var value = SingleInput(focus, arguments);
        if (value is null) return null;
        var quantity = value switch
        {
            Quantity q => q,
            long l => new Quantity(l, "1"),
            decimal d => new Quantity(d, "1"),
            bool b => new Quantity(b ? 1.0m : 0.0m, "1"),
            string s => Parse(s),
            ElementNode node => FromElement(node),
            _ => null,
        };
        if (quantity is null || arguments.Count == 0) return quantity;
        var unit = StringArgument(arguments, 0, context);
        if (unit is null || string.Equals(unit, quantity.Unit, StringComparison.Ordinal)) return quantity;
        return UnitConversion.Convert(quantity, unit);
    }

    /// <summary>Spec 5.5.7 string form: <c>number [unit]</c>, the unit quoted UCUM or a calendar keyword.</summary>
    public static Quantity? Parse(string text)
    {
        var span = text.AsSpan().Trim();
        var end = 0;
        if (end < span.Length && (span[end] == '+' || span[end] == '-')) end++;
        while (end < span.Length && (char.IsAsciiDigit(span[end]) || span[end] == '.')) end++;
        var number = span[..end].ToString();
        if (!ConversionFunctions.IsDigits(number, allowFraction: true)) return null;
        var value = decimal.Parse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var rest = span[end..].Trim();
        if (rest.IsEmpty) return new Quantity(value, "1");
        if (rest.Length >= 2 && rest[0] == '\'' && rest[^1] == '\'')
        {
            var unit = rest[1..^1];
            return unit.IsEmpty || unit.Contains('\'') ? null : new Quantity(value, unit.ToString());
        }
        var keyword = rest.ToString();
        return IsCalendarKeyword(keyword) ? new Quantity(value, keyword) : null;
    }

    // A FHIR Quantity (or Age, Duration, ...) element: its value, and its UCUM code (or its unit text).
    private static Quantity? FromElement(ElementNode node)
    {
        if (node.Children("value") is not { Count: 1 } valueNodes || valueNodes.Single is not ElementNode { Value: decimal value }) return null;
        var code = node.Children("code") is { Count: 1 } codes && codes.Single is ElementNode { Value: string c } ? c : null;
        var system = node.Children("system") is { Count: 1 } systems && systems.Single is ElementNode { Value: string s } ? s : null;
        if (code is not null && (system is null || system == UcumSystem)) return new Quantity(value, code);
        var unit = node.Children("unit") is { Count: 1 } units && units.Single is ElementNode { Value: string u } ? u : null;
        return new Quantity(value, unit ?? "1");
    }
}
