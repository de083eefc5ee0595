using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace OpenImis.Fhir.Engine.Model;

/// <summary>
/// Reads FHIR JSON into an immutable <see cref="ElementNode"/> tree typed by a <see cref="FhirModel"/>:
/// choice properties lose their type suffix (<c>valueQuantity</c> is <c>value</c> of type Quantity), a primitive's
/// <c>_name</c> sibling becomes that primitive's children (id, extension), contained and entry resources are typed by
/// their own <c>resourceType</c>, and properties the model does not know are still read, untyped, so non-strict
/// FHIRPath sees them. Runs on every write, so it avoids LINQ and per-property string building.
/// </summary>
public static class ElementNodeReader
{
    private static readonly ElementNode[] NoChildren = [];
    private static readonly string[] NoNames = [];
    private static readonly int[] NoStarts = [0];
    private static readonly int[] OneNodePerGroup = [.. Enumerable.Range(0, 64)];

    private const string UnknownObjectTypeName = "Element";

    /// <summary>Reads a resource (a JSON object with <c>resourceType</c>).</summary>
    /// <exception cref="ArgumentException">The JSON is not an object with a string <c>resourceType</c>.</exception>
    public static ElementNode Read(JsonElement resource, FhirModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (resource.ValueKind != JsonValueKind.Object
            || !resource.TryGetProperty("resourceType", out var resourceType)
            || resourceType.ValueKind != JsonValueKind.String)
        {
            throw new ArgumentException("The JSON is not a FHIR resource: it needs to be an object with a string 'resourceType'.", nameof(resource));
        }
        var root = ReadResource(resource, resourceType.GetString()!, nodeName: null, index: -1, model);
        root.NumberTree();
        return root;
    }

    /// <summary>Reads JSON text holding a resource.</summary>
    public static ElementNode Read(string json, FhirModel model)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement, model);
    }

    /// <summary>Reads UTF-8 JSON holding a resource.</summary>
    public static ElementNode Read(ReadOnlySpan<byte> utf8Json, FhirModel model)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        return Read(document.RootElement, model);
    }

    /// <summary>Reads a stream of UTF-8 JSON holding a resource.</summary>
    public static ElementNode Read(Stream utf8Json, FhirModel model)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var document = JsonDocument.Parse(utf8Json);
        return Read(document.RootElement, model);
    }

    /// <summary>
    /// Reads a JSON value of a named type that is not a resource (a HumanName, a Quantity, a primitive); the root node
    /// is named after the type. An unknown type name reads the value untyped.
    /// </summary>
    public static ElementNode ReadAs(JsonElement json, string typeName, FhirModel model)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(model);
        var type = model.FindType(typeName);
        if (json.ValueKind == JsonValueKind.Object)
        {
            ReadChildren(json, type, skipResourceType: type?.Kind == TypeKind.Resource, model, out var children, out var names, out var starts);
            var root = new ElementNode(typeName, typeName, null, type, -1, children, names, starts);
            root.NumberTree();
            return root;
        }
        var value = type?.Kind == TypeKind.Primitive ? PrimitiveValueParser.ParseAs(type.SystemType, json) : PrimitiveValueParser.Natural(json);
        var node = new ElementNode(typeName, typeName, value, type, -1, NoChildren, NoNames, NoStarts);
        node.NumberTree();
        return node;
    }

    private static ElementNode ReadResource(JsonElement resource, string resourceType, string? nodeName, int index, FhirModel model)
    {
        var type = model.FindType(resourceType);
        // Reuse the model's name instance when the type is known: later comparisons then short-cut on reference.
        var typeName = type?.Name ?? resourceType;
        ReadChildren(resource, type, skipResourceType: true, model, out var children, out var names, out var starts);
        return new ElementNode(nodeName ?? typeName, typeName, null, type, index, children, names, starts);
    }

    /// <summary>One JSON property, or the pair <c>name</c>/<c>_name</c>, of the object being read.</summary>
    private struct PendingProperty
    {
        public string NodeName;
        public JsonPropertyBinding? Binding; // null when the model does not know the property
        public JsonElement Value;
        public JsonElement Extension; // the _name part: a primitive's id and extensions
        public bool HasValue;
        public bool HasExtension;
        public int MaxNodes;
        public bool Emitted;

        public readonly bool IsArray =>
            (HasValue && Value.ValueKind == JsonValueKind.Array) || (HasExtension && Extension.ValueKind == JsonValueKind.Array);
    }

    private static void ReadChildren(
        JsonElement obj,
        TypeDefinition? type,
        bool skipResourceType,
        FhirModel model,
        out ElementNode[] children,
        out string[] groupNames,
        out int[] groupStarts)
    {
        var propertyCount = obj.GetPropertyCount();
        if (propertyCount == 0)
        {
            children = NoChildren;
            groupNames = NoNames;
            groupStarts = NoStarts;
            return;
        }

        var pending = ArrayPool<PendingProperty>.Shared.Rent(propertyCount);
        try
        {
            var count = CollectProperties(obj, type, skipResourceType, pending);
            var maxNodes = 0;
            for (var i = 0; i < count; i++)
            {
                pending[i].MaxNodes = MaxNodesOf(in pending[i]);
                maxNodes += pending[i].MaxNodes;
            }
            if (maxNodes == 0)
            {
                children = NoChildren;
                groupNames = NoNames;
                groupStarts = NoStarts;
                return;
            }
            EmitGroups(pending, count, maxNodes, model, out children, out groupNames, out groupStarts);
        }
        finally
        {
            // At most propertyCount entries were used: clear those, not the whole rented array.
            Array.Clear(pending, 0, propertyCount);
            ArrayPool<PendingProperty>.Shared.Return(pending);
        }
    }

    /// <summary>Pairs each property with its <c>_</c> sibling and resolves it against the type; returns how many were collected.</summary>
    private static int CollectProperties(JsonElement obj, TypeDefinition? type, bool skipResourceType, PendingProperty[] pending)
    {
        var count = 0;
        foreach (var property in obj.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null) continue;
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            var isExtension = raw.Length > 1 && raw[0] == (byte)'_';
            var baseName = isExtension ? raw[1..] : raw;
            if (skipResourceType && !isExtension && baseName.SequenceEqual("resourceType"u8)) continue;

            JsonPropertyBinding? binding = null;
            if (type is not null)
            {
                if (baseName.IndexOf((byte)'\\') < 0)
                {
                    binding = type.FindJsonProperty(baseName);
                }
                else
                {
                    var name = property.Name;
                    binding = type.FindJsonProperty(isExtension ? name.AsSpan(1) : name.AsSpan());
                }
            }
            string? unknownName = null;
            if (binding is null)
            {
                var name = property.Name;
                unknownName = isExtension ? name[1..] : name;
            }

            var slot = -1;
            for (var k = 0; k < count; k++)
            {
                ref readonly var candidate = ref pending[k];
                var same = binding is not null
                    ? ReferenceEquals(candidate.Binding, binding)
                    : candidate.Binding is null && string.Equals(candidate.NodeName, unknownName, StringComparison.Ordinal);
                if (same)
                {
                    slot = k;
                    break;
                }
            }
            if (slot < 0)
            {
                slot = count++;
                pending[slot] = new PendingProperty { NodeName = binding?.NodeName ?? unknownName!, Binding = binding };
            }
            ref var entry = ref pending[slot];
            if (isExtension)
            {
                entry.Extension = property.Value;
                entry.HasExtension = true;
            }
            else
            {
                entry.Value = property.Value;
                entry.HasValue = true;
            }
        }
        return count;
    }

    private static int MaxNodesOf(in PendingProperty property)
    {
        if (!property.IsArray) return 1;
        var values = property.HasValue ? LengthOf(property.Value) : 0;
        var extensions = property.HasExtension ? LengthOf(property.Extension) : 0;
        return Math.Max(values, extensions);
    }

    private static int LengthOf(JsonElement element) => element.ValueKind == JsonValueKind.Array ? element.GetArrayLength() : 1;

    /// <summary>Creates the nodes, grouped by node name in order of first appearance (a choice read twice shares one group).</summary>
    private static void EmitGroups(
        PendingProperty[] pending,
        int count,
        int maxNodes,
        FhirModel model,
        out ElementNode[] children,
        out string[] groupNames,
        out int[] groupStarts)
    {
        var nodes = new ElementNode[maxNodes];
        var names = new string[count];
        Span<int> starts = count < 64 ? stackalloc int[count + 1] : new int[count + 1];
        var position = 0;
        var groups = 0;
        for (var i = 0; i < count; i++)
        {
            if (pending[i].Emitted) continue;
            var groupName = pending[i].NodeName;
            names[groups] = groupName;
            starts[groups] = position;
            var groupIndex = 0;
            for (var j = i; j < count; j++)
            {
                ref var property = ref pending[j];
                if (property.Emitted) continue;
                if (!ReferenceEquals(property.NodeName, groupName) && !string.Equals(property.NodeName, groupName, StringComparison.Ordinal)) continue;
                property.Emitted = true;
                EmitProperty(in property, nodes, ref position, ref groupIndex, model);
            }
            if (position == starts[groups]) continue; // only nulls: no group
            groups++;
        }
        starts[groups] = position;

        if (position != nodes.Length) Array.Resize(ref nodes, position);
        if (groups != names.Length) Array.Resize(ref names, groups);
        children = nodes;
        groupNames = names;
        // Most objects have one node per group (no repeating element): group g starts at g, a shared array says so.
        groupStarts = position == groups && groups < OneNodePerGroup.Length ? OneNodePerGroup : starts[..(groups + 1)].ToArray();
    }

    private static void EmitProperty(in PendingProperty property, ElementNode[] nodes, ref int position, ref int groupIndex, FhirModel model)
    {
        if (!property.IsArray)
        {
            nodes[position++] = CreateNode(
                in property,
                property.HasValue ? property.Value : null,
                property.HasExtension ? property.Extension : null,
                index: -1,
                model);
            return;
        }

        // given[i] and _given[i] describe the same element; a null on one side means "nothing there".
        var valueIsArray = property.HasValue && property.Value.ValueKind == JsonValueKind.Array;
        var extensionIsArray = property.HasExtension && property.Extension.ValueKind == JsonValueKind.Array;
        var values = valueIsArray ? property.Value.EnumerateArray() : default;
        var extensions = extensionIsArray ? property.Extension.EnumerateArray() : default;
        for (var i = 0; i < property.MaxNodes; i++)
        {
            JsonElement? value = valueIsArray
                ? (values.MoveNext() ? values.Current : null)
                : (i == 0 && property.HasValue ? property.Value : null);
            JsonElement? extension = extensionIsArray
                ? (extensions.MoveNext() ? extensions.Current : null)
                : (i == 0 && property.HasExtension ? property.Extension : null);
            if (value?.ValueKind == JsonValueKind.Null) value = null;
            if (extension?.ValueKind == JsonValueKind.Null) extension = null;
            if (value is null && extension is null) continue;
            nodes[position++] = CreateNode(in property, value, extension, groupIndex++, model);
        }
    }

    private static ElementNode CreateNode(in PendingProperty property, JsonElement? value, JsonElement? extension, int index, FhirModel model)
    {
        var name = property.NodeName;
        if (property.Binding is { } binding)
        {
            var reference = binding.Type;
            var type = reference.Type;
            if (value is { ValueKind: JsonValueKind.Object } obj)
            {
                if (type.Kind == TypeKind.Resource && TryGetResourceType(obj, out var resourceType))
                {
                    return ReadResource(obj, resourceType, name, index, model);
                }
                ReadChildren(obj, type, skipResourceType: type.Kind == TypeKind.Resource, model, out var children, out var names, out var starts);
                return new ElementNode(name, reference.Code, null, type, index, children, names, starts);
            }
            var systemValue = value is { } scalar
                ? (type.Kind == TypeKind.Primitive ? PrimitiveValueParser.ParseAs(type.SystemType, scalar) : PrimitiveValueParser.Natural(scalar))
                : null;
            return CreateScalarNode(name, reference.Code, systemValue, type, index, extension, model);
        }

        // Not in the model: read it anyway, typed from its JSON shape.
        if (value is { ValueKind: JsonValueKind.Object } unknownObject)
        {
            if (TryGetResourceType(unknownObject, out var resourceType)) return ReadResource(unknownObject, resourceType, name, index, model);
            ReadChildren(unknownObject, null, skipResourceType: false, model, out var children, out var names, out var starts);
            return new ElementNode(name, UnknownObjectTypeName, null, null, index, children, names, starts);
        }
        if (value is { } unknownScalar)
        {
            return CreateScalarNode(name, UnknownScalarTypeName(unknownScalar), PrimitiveValueParser.Natural(unknownScalar), null, index, extension, model);
        }
        return CreateScalarNode(name, UnknownObjectTypeName, null, null, index, extension, model);
    }

    private static ElementNode CreateScalarNode(
        string name, string typeName, object? value, TypeDefinition? type, int index, JsonElement? extension, FhirModel model)
    {
        if (extension is { ValueKind: JsonValueKind.Object } extensionObject)
        {
            ReadChildren(extensionObject, type, skipResourceType: false, model, out var children, out var names, out var starts);
            return new ElementNode(name, typeName, value, type, index, children, names, starts);
        }
        return new ElementNode(name, typeName, value, type, index, NoChildren, NoNames, NoStarts);
    }

    private static string UnknownScalarTypeName(JsonElement scalar) => scalar.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => PrimitiveValueParser.IsInteger(scalar) ? "integer" : "decimal",
        _ => UnknownObjectTypeName, // a nested array: not FHIR, kept as an empty element
    };

    private static bool TryGetResourceType(JsonElement obj, out string resourceType)
    {
        if (obj.TryGetProperty("resourceType", out var element) && element.ValueKind == JsonValueKind.String)
        {
            resourceType = element.GetString()!;
            return true;
        }
        resourceType = "";
        return false;
    }
}
