using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>aggregate() (spec 7) and sort() (2.1).</summary>
internal static class AggregateFunctions
{
    public static FunctionDefinition[] All { get; } =
    [
        Define("aggregate", 1, 2, Aggregate),
        Define("sort", 0, 16, Sort),
    ];

    // aggregate(aggregator [, init]): $total starts as init (evaluated on $this) or empty and becomes each item's result.
    private static FhirPathCollection Aggregate(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var total = arguments.Count > 1 ? arguments.Evaluate(1, context) : FhirPathCollection.Empty;
        var saved = context.Total;
        try
        {
            for (var i = 0; i < focus.Count; i++)
            {
                context.Total = total;
                total = arguments.EvaluateFor(0, focus[i], i, context);
            }
        }
        finally
        {
            context.Total = saved;
        }
        return total;
    }

    // sort([key, ...]): stable; without keys the items themselves are compared. Empty keys sort first.
    // A key written -expr sorts descending (the compiler strips the minus and marks the key).
    private static FhirPathCollection Sort(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        if (focus.Count <= 1) return focus;
        var keyCount = Math.Max(arguments.Count, 1);
        var keys = new object?[focus.Count * keyCount];
        for (var i = 0; i < focus.Count; i++)
        {
            for (var k = 0; k < keyCount; k++)
            {
                keys[i * keyCount + k] = arguments.Count == 0
                    ? focus[i]
                    : Items.Singleton(arguments.EvaluateFor(k, focus[i], i, context), arguments.Position, "sort() key");
            }
        }
        var order = new int[focus.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var position = arguments.Position;
        var sorted = true;
        // Insertion sort is stable and fine for the short collections FHIRPath sorts.
        for (var i = 1; i < order.Length; i++)
        {
            var current = order[i];
            var j = i - 1;
            while (j >= 0 && CompareKeys(keys, keyCount, order[j], current, position, arguments) > 0)
            {
                order[j + 1] = order[j];
                j--;
                sorted = false;
            }
            order[j + 1] = current;
        }
        if (sorted) return focus;
        var result = new object[order.Length];
        for (var i = 0; i < order.Length; i++) result[i] = focus[order[i]];
        return new FhirPathCollection(result);
    }

    private static int CompareKeys(object?[] keys, int keyCount, int left, int right, int position, FunctionArguments arguments)
    {
        for (var k = 0; k < keyCount; k++)
        {
            var l = keys[left * keyCount + k];
            var r = keys[right * keyCount + k];
            if (l is null || r is null)
            {
                if (l is null && r is null) continue;
                return l is null ? -1 : 1; // empty keys first in either direction (R4 suite testSort10)
            }
            var result = Comparison.Compare(l, r, position) ?? 0;
            if (result != 0) return arguments.IsDescending(k) ? -result : result;
        }
        return 0;
    }
}
