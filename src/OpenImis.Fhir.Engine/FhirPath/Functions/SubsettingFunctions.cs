using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>FHIRPath 5.3 subsetting functions.</summary>
internal static class SubsettingFunctions
{
    public static FunctionDefinition[] All { get; } =
    [
        Define("single", 0, 0, Single),
        Define("first", 0, 0, static (focus, _, _) => focus.Count <= 1 ? focus : new FhirPathCollection(focus[0])),
        Define("last", 0, 0, static (focus, _, _) => focus.Count <= 1 ? focus : new FhirPathCollection(focus[focus.Count - 1])),
        Define("tail", 0, 0, static (focus, _, _) => Slice(focus, 1, focus.Count - 1)),
        Define("skip", 1, 1, Skip),
        Define("take", 1, 1, Take),
        Define("intersect", 1, 1, Intersect),
        Define("exclude", 1, 1, Exclude),
    ];

    // single(): the only item; more than one is an error (spec 5.3.1).
    private static FhirPathCollection Single(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        if (focus.Count > 1) throw arguments.Error($"expects at most one item but got {focus.Count}.");
        return focus;
    }

    // skip(num): num <= 0 returns the input; an empty num is treated as 0.
    private static FhirPathCollection Skip(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var num = IntegerArgument(arguments, 0, context) ?? 0;
        if (num <= 0) return focus;
        if (num >= focus.Count) return FhirPathCollection.Empty;
        return Slice(focus, (int)num, focus.Count - (int)num);
    }

    // take(num): num <= 0 (or empty) returns empty.
    private static FhirPathCollection Take(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var num = IntegerArgument(arguments, 0, context) ?? 0;
        if (num <= 0) return FhirPathCollection.Empty;
        if (num >= focus.Count) return focus;
        return Slice(focus, 0, (int)num);
    }

    // intersect(other): items in both, duplicates removed, in input order (spec 5.3.7).
    private static FhirPathCollection Intersect(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        if (focus.IsEmpty) return focus;
        var other = arguments.Evaluate(0, context);
        if (other.IsEmpty) return other;
        var builder = new CollectionBuilder();
        var all = true;
        for (var i = 0; i < focus.Count; i++)
        {
            var item = focus[i];
            if (Equality.Contains(other, item) && !ContainsBefore(focus, i, item))
            {
                builder.Add(item);
                continue;
            }
            all = false;
        }
        return all ? focus : builder.ToCollection();
    }

    // exclude(other): items not in other; duplicates are kept (spec 5.3.8).
    private static FhirPathCollection Exclude(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        if (focus.IsEmpty) return focus;
        var other = arguments.Evaluate(0, context);
        if (other.IsEmpty) return focus;
        var builder = new CollectionBuilder();
        var all = true;
        foreach (var item in focus)
        {
            if (Equality.Contains(other, item))
            {
                all = false;
                continue;
            }
            builder.Add(item);
        }
        return all ? focus : builder.ToCollection();
    }
}
