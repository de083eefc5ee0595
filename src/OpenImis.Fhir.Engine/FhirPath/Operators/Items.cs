using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Operators;

/// <summary>Helpers to look at collection items as System values.</summary>
internal static class Items
{
    /// <summary>The System value of an item: a primitive element's value, or the item itself (a System value or a complex element).</summary>
    public static object Unwrap(object item) => item is ElementNode { Value: { } value } ? value : item;

    /// <summary>True when the item is a primitive element or a System value (something with a value to compare).</summary>
    public static bool HasValue(object item) => item is not ElementNode node || node.Value is not null;

    /// <summary>The single item of a collection, null when empty; more than one is an error (spec 4.5 singleton evaluation).</summary>
    public static object? Singleton(FhirPathCollection collection, int position, string what)
    {
        return collection.Count switch
        {
            0 => null,
            1 => collection.Single,
            _ => throw new FhirPathEvaluationException($"{what} expects a single item but got a collection of {collection.Count}.", position),
        };
    }

    /// <summary>
    /// A collection used where a Boolean is expected (spec 4.5): empty is empty (null), a single Boolean is that value,
    /// any other single item is true, several items are an error.
    /// </summary>
    public static bool? ToBoolean(FhirPathCollection collection, int position, string what)
    {
        var item = Singleton(collection, position, what);
        if (item is null) return null;
        return Unwrap(item) is bool b ? b : true;
    }

    /// <summary>The single value of a collection as a System value of type <typeparamref name="T"/>; wrong type: an error.</summary>
    public static T? SingletonValue<T>(FhirPathCollection collection, int position, string what) where T : class
    {
        var item = Singleton(collection, position, what);
        if (item is null) return null;
        return Unwrap(item) as T ?? throw new FhirPathEvaluationException($"{what} expects a {typeof(T).Name} but got {TypeNames.DisplayTypeOf(item)}.", position);
    }

    /// <summary>The single value as an Integer (long); empty: null; another type: an error.</summary>
    public static long? SingletonInteger(FhirPathCollection collection, int position, string what)
    {
        var item = Singleton(collection, position, what);
        if (item is null) return null;
        return Unwrap(item) is long l ? l : throw new FhirPathEvaluationException($"{what} expects an Integer but got {TypeNames.DisplayTypeOf(item)}.", position);
    }
}
