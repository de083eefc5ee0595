using System.Text.Json;

namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// One element of a compiled profile: what the snapshot ElementDefinition says, in the form the runtime walks.
/// Built by <see cref="ProfileCompiler"/>; the lists are filled during compilation only and never change afterwards,
/// so a plan is shared across threads. The runtime never reads StructureDefinition JSON.
/// </summary>
internal sealed class ElementPlan
{
    private Dictionary<string, ElementPlan>? _children;
    private List<ElementPlan>? _slices;
    // Array copies of the two lists, made on first read (after compilation): the runtime loops over them for every
    // element, and arrays enumerate without allocating.
    private ElementPlan[]? _childArray;
    private ElementPlan[]? _sliceArray;
    private ElementPlan[]? _requiredChildren;
    // The core definition of the last node type asked for (elements nearly always have one type): a registry lookup
    // hashes the type name, and this is asked for most elements.
    private TypeDefinitionPlan? _typeDefinition;

    private sealed record TypeDefinitionPlan(string TypeName, ProfilePlan? Plan);

    public ElementPlan(string id, string path, string name, string? sliceName)
    {
        Id = id;
        Path = path;
        Name = name;
        SliceName = sliceName;
    }

    /// <summary>ElementDefinition.id, e.g. <c>Patient.identifier:Code.value</c>.</summary>
    public string Id { get; }

    public string Path { get; }

    /// <summary>The FHIRPath name: <c>deceased</c> for <c>deceased[x]</c>.</summary>
    public string Name { get; }

    public string? SliceName { get; }

    public int Min { get; internal set; }

    /// <summary>Maximum cardinality; null is unbounded (<c>*</c>).</summary>
    public int? Max { get; internal set; }

    public TypePlan[] Types { get; internal set; } = [];

    public JsonElement? Fixed
    {
        get;
        internal set
        {
            field = value;
            FixedText = TextOf(value);
        }
    }

    public JsonElement? Pattern
    {
        get;
        internal set
        {
            field = value;
            PatternText = TextOf(value);
        }
    }

    /// <summary>A string <see cref="Fixed"/> as a .NET string (compared on every match of a url or code slice), else null.</summary>
    public string? FixedText { get; private set; }

    /// <summary>A string <see cref="Pattern"/> as a .NET string, else null.</summary>
    public string? PatternText { get; private set; }

    public BindingPlan? Binding { get; internal set; }

    public ConstraintPlan[] Constraints { get; internal set; } = [];

    public SlicingPlan? Slicing { get; internal set; }

    /// <summary>The element a <c>contentReference</c> points at (<c>Questionnaire.item.item</c> → <c>Questionnaire.item</c>).</summary>
    public ElementPlan? ContentReference { get; internal set; }

    /// <summary>Children in the snapshot, in snapshot order (through the content reference when there is one).</summary>
    public ElementPlan[] Children => ContentReference?.Children ?? (_childArray ??= _children is null ? [] : [.. _children.Values]);

    /// <summary>The children with a minimum cardinality above 0: all an element without children is checked against.</summary>
    public ElementPlan[] RequiredChildren => _requiredChildren ??= [.. Children.Where(c => c.Min > 0)];

    /// <summary>True when the snapshot goes below this element; otherwise children come from the type's own plan.</summary>
    public bool HasChildren => Children.Length > 0;

    public ElementPlan[] Slices => _sliceArray ??= _slices is null ? [] : [.. _slices];

    /// <summary>The child with this FHIRPath name, or null.</summary>
    public ElementPlan? Child(string name) => ContentReference is { } target ? target.Child(name) : _children?.GetValueOrDefault(name);

    /// <summary>The type entry for a node's type code, or null when the element does not allow it.</summary>
    public TypePlan? TypeFor(string code)
    {
        foreach (var type in Types)
        {
            if (string.Equals(type.Code, code, StringComparison.Ordinal)) return type;
        }
        return null;
    }

    internal void AddChild(ElementPlan child)
    {
        _children ??= new Dictionary<string, ElementPlan>(StringComparer.Ordinal);
        _children.TryAdd(child.Name, child);
    }

    internal void AddSlice(ElementPlan slice) => (_slices ??= []).Add(slice);

    /// <summary>The core definition of a node type (<see cref="ProfileRegistry.ForType"/>), remembered for the last type asked.</summary>
    public ProfilePlan? TypeDefinition(ProfileRegistry registry, string typeName)
    {
        if (_typeDefinition is { } known && string.Equals(known.TypeName, typeName, StringComparison.Ordinal)) return known.Plan;
        var plan = registry.ForType(typeName);
        _typeDefinition = new TypeDefinitionPlan(typeName, plan);
        return plan;
    }

    /// <summary>Slices by url when the slicing allows it (see <see cref="Runtime.UrlSliceIndex"/>); built on first use.</summary>
    internal Runtime.UrlSliceIndex? UrlSlices { get; set; }

    private static string? TextOf(JsonElement? value) => value is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    public override string ToString() => Id;
}
