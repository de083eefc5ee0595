using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>toQuantity()/convertsToQuantity() (spec 5.5.7): numbers, Booleans, strings, FHIR Quantity elements; UCUM conversion to a unit argument.</summary>
internal static class QuantityConversion
{
    private const string UcumSystem = "http://unitsofmeasure.org";

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
            string s => Quantity.TryParse(s, out var parsed) ? parsed : null,
            ElementNode node => FromElement(node),
            _ => null,
        };
        if (quantity is null || arguments.Count == 0) return quantity;
        var unit = StringArgument(arguments, 0, context);
        if (unit is null || string.Equals(unit, quantity.Unit, StringComparison.Ordinal)) return quantity;
        return quantity.ConvertTo(unit);
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
