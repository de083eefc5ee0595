using OpenImis.Fhir.Engine.FhirPath.Compilation;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>FHIRPath 5.4 combining functions.</summary>
internal static class CombiningFunctions
{
    public static FunctionDefinition[] All { get; } =
    [
        Define("union", 1, 1, static (focus, arguments, context) => Union(focus, arguments.Evaluate(0, context))),
        Define("combine", 1, 1, Combine),
    ];

    /// <summary>union(other) and the <c>|</c> operator: both collections, duplicates (by equality) removed.</summary>
    internal static FhirPathCollection Union(FhirPathCollection left, FhirPathCollection right)
    {
        if (right.IsEmpty) return ExistenceFunctions.Distinct(left);
        if (left.IsEmpty) return ExistenceFunctions.Distinct(right);
        var builder = new CollectionBuilder();
        builder.AddRange(ExistenceFunctions.Distinct(left));
        foreach (var item in right)
        {
            var result = builder.ToCollection();
            if (!ContainsBefore(result, result.Count, item)) builder.Add(item);
        }
        return builder.ToCollection();
    }

    // combine(other): concatenation, duplicates kept.
    private static FhirPathCollection Combine(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var builder = new CollectionBuilder();
        builder.AddRange(focus);
        builder.AddRange(arguments.Evaluate(0, context));
        return builder.ToCollection();
    }
}
