using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>Shared argument and input handling for the function groups.</summary>
internal static class FunctionSupport
{
    private const int CachedMin = -1;
    private const int CachedMax = 1024;
    private static readonly FhirPathCollection[] SmallIntegers = BuildSmallIntegers();

    private static FhirPathCollection[] BuildSmallIntegers()
    {
        var result = new FhirPathCollection[CachedMax - CachedMin + 1];
        for (var i = 0; i < result.Length; i++) result[i] = new FhirPathCollection((object)(long)(i + CachedMin));
        return result;
    }

    /// <summary>A one-item Integer collection; small values are boxed once (count(), length(), indexOf()).</summary>
    public static FhirPathCollection Integer(long value) =>
        value is >= CachedMin and <= CachedMax ? SmallIntegers[value - CachedMin] : new FhirPathCollection((object)value);

    public static FunctionDefinition Define(string name, int minArity, int maxArity, FunctionBody body) =>
        new(name, minArity, maxArity, body);

    /// <summary>The single input item unwrapped to its System value; null when empty; several items: an error.</summary>
    public static object? SingleInput(FhirPathCollection focus, FunctionArguments arguments)
    {
        if (focus.Count > 1) throw arguments.Error($"expects a single input item but got {focus.Count}.");
        return focus.Count == 0 ? null : Items.Unwrap(focus.Single);
    }

    /// <summary>The input string (spec 5.6: several items or a non-string is an error); null when empty.</summary>
    public static string? InputString(FhirPathCollection focus, FunctionArguments arguments)
    {
        var item = SingleInput(focus, arguments);
        if (item is null) return null;
        return item as string ?? throw arguments.Error($"expects a string input but got {TypeNames.DisplayTypeOf(focus.Single)}.");
    }

    /// <summary>A string argument evaluated on $this; null when empty.</summary>
    public static string? StringArgument(FunctionArguments arguments, int index, EvaluationContext context)
    {
        if (index >= arguments.Count) return null;
        var value = arguments.Evaluate(index, context);
        if (value.IsEmpty) return null;
        if (value.Count > 1) throw arguments.Error($"argument {index + 1} must be a single item.");
        return Items.Unwrap(value.Single) as string
            ?? throw arguments.Error($"argument {index + 1} must be a string but got {TypeNames.DisplayTypeOf(value.Single)}.");
    }

    /// <summary>An Integer argument evaluated on $this; null when empty or absent.</summary>
    public static long? IntegerArgument(FunctionArguments arguments, int index, EvaluationContext context)
    {
        if (index >= arguments.Count) return null;
        return Items.SingletonInteger(arguments.Evaluate(index, context), arguments.Position, $"{arguments.FunctionName}() argument {index + 1}");
    }

    /// <summary>Items of <paramref name="focus"/> from <paramref name="start"/>, <paramref name="count"/> of them (a view, no copy).</summary>
    public static FhirPathCollection Slice(FhirPathCollection focus, int start, int count)
    {
        return count <= 0 ? FhirPathCollection.Empty : focus.Slice(start, count);
    }

    /// <summary>True when <paramref name="item"/> is already among the first <paramref name="count"/> items of <paramref name="collection"/>.</summary>
    public static bool ContainsBefore(FhirPathCollection collection, int count, object item)
    {
        for (var i = 0; i < count; i++)
        {
            if (Equality.AreEqual(collection[i], item) == true) return true;
        }
        return false;
    }

    /// <summary>A result value: Booleans and small Integers come from caches, anything else is boxed once.</summary>
    public static FhirPathCollection Wrap(object? value) => value switch
    {
        null => FhirPathCollection.Empty,
        bool b => FhirPathCollection.FromBoolean(b),
        long l => Integer(l),
        _ => new FhirPathCollection(value),
    };

    /// <summary>The nearest enclosing resource of an element (itself when it is one).</summary>
    public static ElementNode? ContainingResource(ElementNode node)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.IsResource) return current;
        }
        return null;
    }
}
