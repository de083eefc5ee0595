using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>FHIRPath 5.1 existence functions.</summary>
internal static class ExistenceFunctions
{
    public static FunctionDefinition[] All { get; } =
    [
        Define("empty", 0, 0, static (focus, _, _) => FhirPathCollection.FromBoolean(focus.IsEmpty)),
        Define("exists", 0, 1, Exists),
        Define("all", 1, 1, AllOf),
        Define("allTrue", 0, 0, static (focus, arguments, _) => Booleans(focus, arguments, expected: true, every: true)),
        Define("anyTrue", 0, 0, static (focus, arguments, _) => Booleans(focus, arguments, expected: true, every: false)),
        Define("allFalse", 0, 0, static (focus, arguments, _) => Booleans(focus, arguments, expected: false, every: true)),
        Define("anyFalse", 0, 0, static (focus, arguments, _) => Booleans(focus, arguments, expected: false, every: false)),
        Define("subsetOf", 1, 1, static (focus, arguments, context) => FhirPathCollection.FromBoolean(IsSubset(focus, arguments.Evaluate(0, context)))),
        Define("supersetOf", 1, 1, static (focus, arguments, context) => FhirPathCollection.FromBoolean(IsSubset(arguments.Evaluate(0, context), focus))),
        Define("count", 0, 0, static (focus, _, _) => Integer(focus.Count)),
        Define("distinct", 0, 0, static (focus, _, _) => Distinct(focus)),
        Define("isDistinct", 0, 0, static (focus, _, _) => FhirPathCollection.FromBoolean(FirstDuplicate(focus) < 0)),
    ];

    // exists(criteria) is where(criteria).exists(): stop at the first item that satisfies the criteria.
    private static FhirPathCollection Exists(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        if (arguments.Count == 0) return FhirPathCollection.FromBoolean(!focus.IsEmpty);
        for (var i = 0; i < focus.Count; i++)
        {
            if (Items.ToBoolean(arguments.EvaluateFor(0, focus[i], i, context), arguments.Position, "exists() criteria") == true)
            {
                return FhirPathCollection.True;
            }
        }
        return FhirPathCollection.False;
    }

    // all(criteria): true for empty input; an item whose criteria is empty or false makes it false.
    private static FhirPathCollection AllOf(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        for (var i = 0; i < focus.Count; i++)
        {
            if (Items.ToBoolean(arguments.EvaluateFor(0, focus[i], i, context), arguments.Position, "all() criteria") != true)
            {
                return FhirPathCollection.False;
            }
        }
        return FhirPathCollection.True;
    }

    // allTrue/anyTrue/allFalse/anyFalse: every item must be a Boolean (a non-Boolean item is an error).
    private static FhirPathCollection Booleans(FhirPathCollection focus, FunctionArguments arguments, bool expected, bool every)
    {
        foreach (var item in focus)
        {
            if (Items.Unwrap(item) is not bool value)
            {
                throw arguments.Error($"expects Boolean items but got {TypeNames.DisplayTypeOf(item)}.");
            }
            if (every && value != expected) return FhirPathCollection.False;
            if (!every && value == expected) return FhirPathCollection.True;
        }
        return FhirPathCollection.FromBoolean(every);
    }

    private static bool IsSubset(FhirPathCollection subset, FhirPathCollection superset)
    {
        foreach (var item in subset)
        {
            if (!Equality.Contains(superset, item)) return false;
        }
        return true;
    }

    /// <summary>Index of the first item equal to an earlier one, or -1.</summary>
    internal static int FirstDuplicate(FhirPathCollection focus)
    {
        for (var i = 1; i < focus.Count; i++)
        {
            if (ContainsBefore(focus, i, focus[i])) return i;
        }
        return -1;
    }

    // distinct(): the input itself when nothing repeats; otherwise the first occurrence of each value, in order.
    internal static FhirPathCollection Distinct(FhirPathCollection focus)
    {
        var first = FirstDuplicate(focus);
        if (first < 0) return focus;
        var builder = new CollectionBuilder();
        for (var i = 0; i < first; i++) builder.Add(focus[i]);
        for (var i = first + 1; i < focus.Count; i++)
        {
            var item = focus[i];
            if (!ContainsBefore(focus, i, item)) builder.Add(item);
        }
        return builder.ToCollection();
    }
}
