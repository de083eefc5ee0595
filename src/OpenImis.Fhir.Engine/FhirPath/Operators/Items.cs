using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Operators;

/// <summary>Helpers to look at collection items as System values.</summary>
internal static class Items
{
    /// <summary>
    /// The System value of an item: a primitive element's value, a FHIR Quantity (or Age, Duration, ...) as a System
    /// Quantity (FHIR R4 fhirpath.html: FHIR Quantity converts implicitly), or the item itself.
    /// </summary>
    public static object Unwrap(object item)
    {
        if (item is not ElementNode node) return item;
        if (node.Value is { } value) return value;
        return node.Type is { Kind: TypeKind.Complex } type && IsQuantityType(type) ? ToQuantity(node) ?? item : item;
    }

    private static bool IsQuantityType(TypeDefinition type)
    {
        for (var t = type; t is not null; t = t.Base)
        {
            if (t.Name == "Quantity") return true;
        }
        return false;
    }

    // The UCUM code when the system is UCUM (or not given), else the human unit; no value: not a quantity.
    private static Quantity? ToQuantity(ElementNode node)
    {
        var valueNodes = node.Children("value");
        if (valueNodes.Count != 1 || valueNodes.Single is not ElementNode { Value: decimal amount }) return null;
        var system = node.Children("system") is { Count: 1 } s ? (s.Single as ElementNode)?.Value as string : null;
        var code = node.Children("code") is { Count: 1 } c ? (c.Single as ElementNode)?.Value as string : null;
        var unit = node.Children("unit") is { Count: 1 } u ? (u.Single as ElementNode)?.Value as string : null;
        var ucum = system is null or "http://unitsofmeasure.org";
        return new Quantity(amount, (ucum ? code : null) ?? unit ?? "1");
    }

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
