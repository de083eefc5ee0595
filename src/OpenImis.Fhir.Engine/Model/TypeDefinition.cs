namespace OpenImis.Fhir.Engine.Model;

/// <summary>
/// What the FHIR model says of one type: its base type and its child elements. Built once from the
/// StructureDefinitions by <see cref="Definitions.FhirModelBuilder"/>; inline (backbone) elements get a TypeDefinition
/// of their own named by path (<c>Patient.contact</c>) with <see cref="TypeKind.Backbone"/>.
/// </summary>
public sealed class TypeDefinition
{
    private readonly Dictionary<string, ChildDefinition> _childrenByName = new(StringComparer.Ordinal);
    private readonly List<ChildDefinition> _children = [];

    internal TypeDefinition(string name, TypeKind kind, bool isAbstract, string? systemType)
    {
        Name = name;
        Kind = kind;
        IsAbstract = isAbstract;
        SystemType = systemType;
    }

    /// <summary><c>Patient</c>, <c>HumanName</c>, <c>string</c>; for backbone elements the element path (<c>Patient.contact</c>).</summary>
    public string Name { get; }

    public TypeKind Kind { get; }

    public bool IsAbstract { get; }

    /// <summary>For a primitive: the FHIRPath System type of its value (<c>Boolean</c>, <c>Integer</c>, <c>Decimal</c>, <c>String</c>, <c>Date</c>, <c>DateTime</c>, <c>Time</c>).</summary>
    public string? SystemType { get; }

    /// <summary>The base type (<c>DomainResource</c> for Patient, <c>string</c> for code); null for Element/Resource/Base.</summary>
    public TypeDefinition? Base { get; internal set; }

    /// <summary>Child elements, own and inherited, in definition order.</summary>
    public IReadOnlyList<ChildDefinition> Children => _children;

    /// <summary>The child with this FHIRPath name (a choice element by its name without <c>[x]</c>), or null.</summary>
    public ChildDefinition? FindChild(string name) => _childrenByName.GetValueOrDefault(name);

    /// <summary>True when this type is <paramref name="other"/> or derives from it.</summary>
    public bool IsA(TypeDefinition other)
    {
        for (var t = this; t is not null; t = t.Base)
        {
            if (ReferenceEquals(t, other)) return true;
        }
        return false;
    }

    internal void AddChild(ChildDefinition child)
    {
        if (_childrenByName.TryAdd(child.Name, child)) _children.Add(child);
    }

    /// <summary>The canonical URL of the defining StructureDefinition; null for inline (backbone) types.</summary>
    public string? Url { get; internal set; }

    // JSON property name -> binding, including choice names (valueQuantity). Filled once by IndexJsonProperties.
    private Dictionary<string, JsonPropertyBinding>.AlternateLookup<ReadOnlySpan<char>> _jsonProperties =
        new Dictionary<string, JsonPropertyBinding>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private JsonPropertyIndex _jsonPropertiesUtf8 = new(new Dictionary<string, JsonPropertyBinding>());

    /// <summary>The child and type a JSON property name stands for (<c>valueQuantity</c> is value/Quantity), or null.</summary>
    internal JsonPropertyBinding? FindJsonProperty(ReadOnlySpan<char> jsonName) =>
        _jsonProperties.TryGetValue(jsonName, out var binding) ? binding : null;

    /// <summary>The same for a raw UTF-8 name without JSON escapes (<see cref="System.Text.Json.JsonMarshal.GetRawUtf8PropertyName"/>).</summary>
    internal JsonPropertyBinding? FindJsonProperty(ReadOnlySpan<byte> unescapedUtf8Name) => _jsonPropertiesUtf8.Find(unescapedUtf8Name);

    /// <summary>Builds the JSON property lookup from the children; called once when the model is complete.</summary>
    internal void IndexJsonProperties()
    {
        var byName = new Dictionary<string, JsonPropertyBinding>(_children.Count + 4, StringComparer.Ordinal);
        foreach (var child in _children)
        {
            if (!child.IsChoice)
            {
                if (child.Types.Count > 0) byName.TryAdd(child.Name, new JsonPropertyBinding(child, child.Types[0]));
                continue;
            }
            foreach (var type in child.Types)
            {
                // value[x] + dateTime -> valueDateTime: the type code with its first letter upper-cased.
                var code = type.Code;
                var jsonName = string.Concat(child.Name, code.Length > 0 ? char.ToUpperInvariant(code[0]).ToString() : "", code.Length > 1 ? code[1..] : "");
                byName.TryAdd(jsonName, new JsonPropertyBinding(child, type));
            }
        }
        _jsonProperties = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _jsonPropertiesUtf8 = new JsonPropertyIndex(byName);
    }

    public override string ToString() => Name;
}
