using System.Text.Json.Nodes;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// Where one element of a resource sits in its FHIR JSON: a property of <see cref="Owner"/> (at <see cref="Position"/>
/// of its array when the element repeats), plus the primitive's <c>_name</c> sibling at the same place. Found from an
/// <see cref="ElementNode"/> by walking its parents, since the tree is read from this JSON and each node keeps its name
/// and index: <c>Patient.name[0].given[1]</c> is <c>name</c>, item 0, then <c>given</c>, item 1, and the children of
/// a primitive (its id and extensions) live in its <c>_name</c> object.
/// </summary>
internal sealed class FhirJsonSlot
{
    private FhirJsonSlot(JsonObject owner, TypeDefinition? ownerType, string jsonName, int position, FhirJsonSlot? parent, bool inExtension)
    {
        Owner = owner;
        OwnerType = ownerType;
        JsonName = jsonName;
        Position = position;
        Parent = parent;
        InExtension = inExtension;
    }

    /// <summary>The object holding the property.</summary>
    public JsonObject Owner { get; }

    /// <summary>The type whose element the property is (for placing new properties in definition order).</summary>
    public TypeDefinition? OwnerType { get; }

    /// <summary>The property name, with the type suffix for a choice (<c>valueQuantity</c>).</summary>
    public string JsonName { get; }

    /// <summary>The position in the property's array, or -1 for an element that is not in an array.</summary>
    public int Position { get; }

    /// <summary>The slot of the element <see cref="Owner"/> belongs to; null when the owner is the resource itself.</summary>
    public FhirJsonSlot? Parent { get; }

    /// <summary>True when <see cref="Owner"/> is the parent's <c>_name</c> object: the element is a primitive's id or extension.</summary>
    public bool InExtension { get; }

    public JsonNode? Value => FhirJsonProperties.Get(Owner, JsonName, Position);

    public JsonNode? Extension => FhirJsonProperties.Get(Owner, FhirJsonProperties.ExtensionName(JsonName), Position);

    /// <summary>The slot of <paramref name="node"/> in <paramref name="document"/>, the JSON it was read from; null for the resource itself.</summary>
    public static FhirJsonSlot? Locate(JsonObject document, ElementNode node)
    {
        if (node.Parent is null) return null;
        var parentSlot = Locate(document, node.Parent);
        JsonObject owner;
        var inExtension = false;
        if (parentSlot is null)
        {
            owner = document;
        }
        else if (parentSlot.Value is JsonObject complex)
        {
            owner = complex;
        }
        else if (parentSlot.Extension is JsonObject extension)
        {
            owner = extension;
            inExtension = true;
        }
        else
        {
            throw new InvalidOperationException($"The JSON does not hold the children of {node.Parent.Location}.");
        }
        var jsonName = FhirJsonNames.Of(node);
        var position = node.Index < 0 ? -1 : PositionOf(owner, jsonName, node.Index, node);
        return new FhirJsonSlot(owner, node.Parent.Type, jsonName, position, parentSlot, inExtension);
    }

    /// <summary>
    /// The object holding the children of the element at <paramref name="slot"/> (the resource when null): a complex
    /// value itself, a primitive's <c>_name</c> object, created when the primitive has none yet.
    /// </summary>
    public static JsonObject ChildrenOf(JsonObject document, FhirJsonSlot? slot)
    {
        if (slot is null) return document;
        if (slot.Value is JsonObject complex) return complex;
        if (slot.Extension is JsonObject existing) return existing;
        var created = new JsonObject();
        FhirJsonProperties.Set(slot.Owner, slot.OwnerType, FhirJsonProperties.ExtensionName(slot.JsonName), slot.Position, created);
        if (slot.Position >= 0) FhirJsonProperties.Normalize(slot.Owner, slot.JsonName);
        return created;
    }

    /// <summary>Removes the element (value and <c>_name</c> part), then any object this leaves empty, up to the resource.</summary>
    public void Remove()
    {
        if (Position < 0)
        {
            Owner.Remove(JsonName);
            Owner.Remove(FhirJsonProperties.ExtensionName(JsonName));
        }
        else
        {
            FhirJsonProperties.RemoveAt(Owner, JsonName, Position);
        }
        PruneOwner();
    }

    /// <summary>
    /// Puts a new value in place of the element: <paramref name="jsonName"/> differs from <see cref="JsonName"/> when a
    /// choice changes type (<c>valueQuantity</c> to <c>valueString</c>), and then takes the old property's place.
    /// The old <c>_name</c> part goes: a replaced element keeps nothing of the old one.
    /// </summary>
    public void Replace(string jsonName, JsonNode? value, JsonNode? extension)
    {
        var extensionName = FhirJsonProperties.ExtensionName(JsonName);
        if (!string.Equals(jsonName, JsonName, StringComparison.Ordinal))
        {
            // Only elements that do not repeat are choices, so this is a single property.
            var index = Owner.IndexOf(JsonName);
            if (index < 0) index = Owner.IndexOf(extensionName);
            Owner.Remove(JsonName);
            Owner.Remove(extensionName);
            index = Math.Clamp(index, 0, Owner.Count);
            if (value is not null) Owner.Insert(index++, jsonName, value);
            if (extension is not null) Owner.Insert(index, FhirJsonProperties.ExtensionName(jsonName), extension);
            return;
        }
        FhirJsonProperties.Set(Owner, OwnerType, JsonName, Position, value);
        FhirJsonProperties.Set(Owner, OwnerType, extensionName, Position, extension);
        if (Position >= 0) FhirJsonProperties.Normalize(Owner, JsonName);
    }

    // FHIR JSON has no empty objects: an element left with no children goes too (a name with only 'family' deleted).
    private void PruneOwner()
    {
        if (Owner.Count > 0 || Parent is null) return;
        if (!InExtension)
        {
            Parent.Remove();
            return;
        }
        // A primitive lost its last id/extension: drop its _name part; if it had no value either, it is gone.
        var hadValue = Parent.Value is not null;
        FhirJsonProperties.Set(Parent.Owner, Parent.OwnerType, FhirJsonProperties.ExtensionName(Parent.JsonName), Parent.Position, null);
        if (Parent.Position >= 0) FhirJsonProperties.Normalize(Parent.Owner, Parent.JsonName);
        if (!hadValue) Parent.PruneOwner();
    }

    // The reader skips positions where both the value and the _name item are null, so node indexes count the others.
    private static int PositionOf(JsonObject owner, string jsonName, int index, ElementNode node)
    {
        var values = owner[jsonName] as JsonArray;
        var extensions = owner[FhirJsonProperties.ExtensionName(jsonName)] as JsonArray;
        var length = Math.Max(values?.Count ?? 0, extensions?.Count ?? 0);
        var seen = 0;
        for (var i = 0; i < length; i++)
        {
            var present = (values is not null && i < values.Count && values[i] is not null)
                || (extensions is not null && i < extensions.Count && extensions[i] is not null);
            if (!present) continue;
            if (seen == index) return i;
            seen++;
        }
        throw new InvalidOperationException($"The JSON has no item for {node.Location}.");
    }
}
