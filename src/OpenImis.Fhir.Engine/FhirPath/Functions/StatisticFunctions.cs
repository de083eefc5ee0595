using OpenImis.Fhir.Engine.FhirPath.Ast;
using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>
/// The FHIRPath 2.1 aggregates sum(), min(), max() and avg(), the shorthands of aggregate() (2.1 section 7.2).
/// Empty input gives empty; items that cannot be added or compared are an error.
/// </summary>
internal static class StatisticFunctions
{
    public static FunctionDefinition[] All { get; } =
    [
        Define("sum", 0, 0, static (focus, arguments, _) => Wrap(Sum(focus, arguments))),
        Define("min", 0, 0, static (focus, arguments, _) => Extreme(focus, arguments, smallest: true)),
        Define("max", 0, 0, static (focus, arguments, _) => Extreme(focus, arguments, smallest: false)),
        Define("avg", 0, 0, Average),
    ];

    // Integers add up as Integer, Decimals (or a mix) as Decimal, Quantities as Quantity in the first item's unit.
    private static object? Sum(FhirPathCollection focus, FunctionArguments arguments)
    {
        if (focus.IsEmpty) return null;
        var total = Items.Unwrap(focus[0]);
        if (total is not (long or decimal or Values.Quantity)) throw arguments.Error($"cannot add {TypeNames.DisplayTypeOf(focus[0])} items.");
        for (var i = 1; i < focus.Count; i++)
        {
            total = Arithmetic.Apply(BinaryOperator.Add, total, focus[i], arguments.Position);
            if (total is null) return null; // overflow or incompatible units
        }
        return total;
    }

    private static FhirPathCollection Extreme(FhirPathCollection focus, FunctionArguments arguments, bool smallest)
    {
        if (focus.IsEmpty) return FhirPathCollection.Empty;
        var best = focus[0];
        for (var i = 1; i < focus.Count; i++)
        {
            // An undecidable comparison (dates of different precision) makes the answer unknown: empty.
            if (Comparison.Compare(focus[i], best, arguments.Position) is not { } order) return FhirPathCollection.Empty;
            if (smallest ? order < 0 : order > 0) best = focus[i];
        }
        return new FhirPathCollection(Items.Unwrap(best));
    }

    private static FhirPathCollection Average(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        if (Sum(focus, arguments) is not { } sum) return FhirPathCollection.Empty;
        return Wrap(Arithmetic.Apply(BinaryOperator.Divide, sum, (long)focus.Count, arguments.Position));
    }
}
