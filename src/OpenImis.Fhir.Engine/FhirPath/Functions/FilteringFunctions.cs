using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using OpenImis.Fhir.Engine.Model;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>FHIRPath 5.2 filtering and projection: where, select, repeat.</summary>
internal static class FilteringFunctions
{
    public static FunctionDefinition[] All { get; } =
    [
        Define("where", 1, 1, Where),
        Define("select", 1, 1, Select),
        Define("repeat", 1, 1, Repeat),
    ];

    // where(criteria): keeps items whose criteria is a single true (spec 4.5: empty/false drop, a non-Boolean single item is true).
    // While every item is kept nothing is copied, so the input itself is returned when nothing is dropped.
    private static FhirPathCollection Where(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var builder = new CollectionBuilder();
        var copying = false;
        for (var i = 0; i < focus.Count; i++)
        {
            var item = focus[i];
            var keep = Items.ToBoolean(arguments.EvaluateFor(0, item, i, context), arguments.Position, "where() criteria") == true;
            if (keep)
            {
                if (copying) builder.Add(item);
                continue;
            }
            if (!copying)
            {
                copying = true;
                for (var j = 0; j < i; j++) builder.Add(focus[j]);
            }
        }
        return copying ? builder.ToCollection() : focus;
    }

    // select(projection): the projections of all items, flattened in order.
    private static FhirPathCollection Select(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        if (focus.Count == 1) return arguments.EvaluateFor(0, focus.Single, 0, context);
        var builder = new CollectionBuilder();
        for (var i = 0; i < focus.Count; i++) builder.AddRange(arguments.EvaluateFor(0, focus[i], i, context));
        return builder.ToCollection();
    }

    // repeat(projection): projects repeatedly until nothing new appears. An item already in the result is not added
    // again (elements by identity, values by equality), which ends cycles such as repeat('test').
    private static FhirPathCollection Repeat(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var builder = new CollectionBuilder();
        HashSet<object>? seenElements = null;
        List<object>? seenValues = null;
        var current = focus;
        while (!current.IsEmpty)
        {
            var next = new CollectionBuilder();
            for (var i = 0; i < current.Count; i++)
            {
                foreach (var item in arguments.EvaluateFor(0, current[i], i, context))
                {
                    if (item is ElementNode)
                    {
                        seenElements ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
                        if (!seenElements.Add(item)) continue;
                    }
                    else
                    {
                        seenValues ??= [];
                        if (ContainsValue(seenValues, item)) continue;
                        seenValues.Add(item);
                    }
                    builder.Add(item);
                    next.Add(item);
                }
            }
            current = next.ToCollection();
        }
        return builder.ToCollection();
    }

    private static bool ContainsValue(List<object> values, object item)
    {
        foreach (var value in values)
        {
            if (Equality.AreEqual(value, item) == true) return true;
        }
        return false;
    }
}
