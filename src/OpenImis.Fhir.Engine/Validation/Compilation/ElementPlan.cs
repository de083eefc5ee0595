using System.Text.Json;

namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// One element of a compiled profile: what the snapshot ElementDefinition says, in the form the runtime walks.
/// Built by <see cref="ProfileCompiler"/>; the lists are filled during compilation only and never change afterwards,
/// so a plan is shared across threads. The runtime never reads StructureDefinition JSON.
/// </summary>
internal sealed class ElementPlan
{
    private static readonly Dictionary<string, ElementPlan> NoChildren = new(StringComparer.Ordinal);

    private Dictionary<string, ElementPlan>? _children;
    private List<ElementPlan>? _slices;

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

    public IReadOnlyList<TypePlan> Types { get; internal set; } = [];

    public JsonElement? Fixed { get; internal set; }

    public JsonElement? Pattern { get; internal set; }

    public BindingPlan? Binding { get; internal set; }

    public IReadOnlyList<ConstraintPlan> Constraints { get; internal set; } = [];

    public SlicingPlan? Slicing { get; internal set; }

    /// <summary>The element a <c>contentReference</c> points at (<c>Questionnaire.item.item</c> → <c>Questionnaire.item</c>).</summary>
    public ElementPlan? ContentReference { get; internal set; }

    /// <summary>Children in the snapshot, by FHIRPath name (through the content reference when there is one).</summary>
    public IReadOnlyDictionary<string, ElementPlan> Children => ContentReference?.Children ?? _children ?? NoChildren;

    /// <summary>True when the snapshot goes below this element; otherwise children come from the type's own plan.</summary>
    public bool HasChildren => Children.Count > 0;

    public IReadOnlyList<ElementPlan> Slices => (IReadOnlyList<ElementPlan>?)_slices ?? [];

    public ElementPlan? Child(string name) => Children.GetValueOrDefault(name);

    /// <summary>The type entry for a node's type code, or null when the element does not allow it.</summary>
    public TypePlan? TypeFor(string code)
    {
        foreach (var type in Types)
        {
            if (type.Code == code) return type;
        }
        return null;
    }

    internal void AddChild(ElementPlan child)
    {
        _children ??= new Dictionary<string, ElementPlan>(StringComparer.Ordinal);
        _children.TryAdd(child.Name, child);
    }

    internal void AddSlice(ElementPlan slice) => (_slices ??= []).Add(slice);

    public override string ToString() => Id;
}
