using System.Text.Json.Nodes;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// Changes to one element property of a FHIR JSON object together with its <c>_name</c> sibling (a primitive's id and
/// extensions). For a repeating element both are arrays that must stay aligned item by item, with a null where one
/// side has nothing; after every change the pair is normalised: no position null on both sides, no array of nulls
/// only, equal lengths. New properties are placed in the type's definition order.
/// </summary>
internal static class FhirJsonProperties
{
    public static string ExtensionName(string jsonName) => "_" + jsonName;

    /// <summary>The value at a property (<paramref name="position"/> -1) or at one position of its array; null when absent.</summary>
    public static JsonNode? Get(JsonObject owner, string property, int position)
    {
        if (!owner.TryGetPropertyValue(property, out var node)) return null;
        if (position < 0) return node;
        return node is JsonArray array && position < array.Count ? array[position] : null;
    }

    /// <summary>Sets (or, with null, clears) a property or one position of its array; the caller normalises arrays.</summary>
    public static void Set(JsonObject owner, TypeDefinition? ownerType, string property, int position, JsonNode? value)
    {
        if (position < 0)
        {
            if (value is null) owner.Remove(property);
            else if (owner.ContainsKey(property)) owner[property] = value;
            else Place(owner, ownerType, property, value);
            return;
        }
        if (owner[property] is not JsonArray array)
        {
            if (value is null) return;
            array = [];
            Place(owner, ownerType, property, array);
        }
        while (array.Count <= position) array.Add((JsonNode?)null);
        array[position] = value;
    }

    /// <summary>Normalises the arrays of a repeating element (see the class summary) and returns its number of items.</summary>
    public static int Normalize(JsonObject owner, string jsonName)
    {
        var extensionName = ExtensionName(jsonName);
        var values = owner[jsonName] as JsonArray;
        var extensions = owner[extensionName] as JsonArray;
        var length = Math.Max(values?.Count ?? 0, extensions?.Count ?? 0);
        for (var i = length - 1; i >= 0; i--)
        {
            if (ItemAt(values, i) is not null || ItemAt(extensions, i) is not null) continue;
            if (values is not null && i < values.Count) values.RemoveAt(i);
            if (extensions is not null && i < extensions.Count) extensions.RemoveAt(i);
            length--;
        }
        if (extensions is not null && AllNull(extensions))
        {
            owner.Remove(extensionName);
            extensions = null;
        }
        if (values is not null && AllNull(values))
        {
            owner.Remove(jsonName);
            values = null;
        }
        if (values is not null && extensions is not null)
        {
            while (values.Count < length) values.Add((JsonNode?)null);
            while (extensions.Count < length) extensions.Add((JsonNode?)null);
        }
        return length;
    }

    /// <summary>Inserts an item (value and/or extension object) at a position from 0 to the item count.</summary>
    public static void InsertAt(JsonObject owner, TypeDefinition? ownerType, string jsonName, int position, JsonNode? value, JsonNode? extension)
    {
        var count = Normalize(owner, jsonName);
        var extensionName = ExtensionName(jsonName);
        var values = owner[jsonName] as JsonArray;
        var extensions = owner[extensionName] as JsonArray;
        if (value is not null && values is null)
        {
            values = NullArray(count);
            Place(owner, ownerType, jsonName, values);
        }
        if (extension is not null && extensions is null)
        {
            extensions = NullArray(count);
            Place(owner, ownerType, extensionName, extensions);
        }
        values?.Insert(position, value);
        extensions?.Insert(position, extension);
        Normalize(owner, jsonName);
    }

    /// <summary>Removes the item at a position of a repeating element.</summary>
    public static void RemoveAt(JsonObject owner, string jsonName, int position)
    {
        if (owner[jsonName] is JsonArray values && position < values.Count) values.RemoveAt(position);
        if (owner[ExtensionName(jsonName)] is JsonArray extensions && position < extensions.Count) extensions.RemoveAt(position);
        Normalize(owner, jsonName);
    }

    /// <summary>Moves an item of a repeating element: taken out at <paramref name="source"/>, put back at <paramref name="destination"/> of the shortened list.</summary>
    public static void Move(JsonObject owner, TypeDefinition? ownerType, string jsonName, int source, int destination)
    {
        Normalize(owner, jsonName);
        var value = Get(owner, jsonName, source);
        var extension = Get(owner, ExtensionName(jsonName), source);
        RemoveAt(owner, jsonName, source); // detaches both, so they can be inserted again
        InsertAt(owner, ownerType, jsonName, destination, value, extension);
    }

    /// <summary>
    /// Adds a property where it belongs: <c>_name</c> right after <c>name</c> (and <c>name</c> right before an existing
    /// <c>_name</c>), anything else before the first property that comes later in the type's definition.
    /// </summary>
    public static void Place(JsonObject owner, TypeDefinition? ownerType, string property, JsonNode value)
    {
        var index = PlacementIndex(owner, ownerType, property);
        owner.Insert(index, property, value);
    }

    private static int PlacementIndex(JsonObject owner, TypeDefinition? ownerType, string property)
    {
        if (property.StartsWith('_'))
        {
            var valueIndex = owner.IndexOf(property[1..]);
            if (valueIndex >= 0) return valueIndex + 1;
        }
        else
        {
            var extensionIndex = owner.IndexOf(ExtensionName(property));
            if (extensionIndex >= 0) return extensionIndex;
        }
        var order = FhirJsonNames.OrderOf(ownerType, property);
        if (order == int.MaxValue) return owner.Count;
        var i = 0;
        foreach (var (name, _) in owner)
        {
            if (FhirJsonNames.OrderOf(ownerType, name) > order) return i;
            i++;
        }
        return owner.Count;
    }

    private static JsonNode? ItemAt(JsonArray? array, int index) => array is not null && index < array.Count ? array[index] : null;

    private static bool AllNull(JsonArray array)
    {
        foreach (var item in array)
        {
            if (item is not null) return false;
        }
        return true;
    }

    private static JsonArray NullArray(int count)
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++) array.Add((JsonNode?)null);
        return array;
    }
}
