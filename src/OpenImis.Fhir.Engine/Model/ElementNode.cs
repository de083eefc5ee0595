using OpenImis.Fhir.Engine.FhirPath;

namespace OpenImis.Fhir.Engine.Model;

/// <summary>
/// One element of a FHIR resource, typed from the FHIR definitions: a resource, a complex value or a primitive.
/// Built once from JSON by <see cref="ElementNodeReader"/> and immutable afterwards, so many evaluations (FHIRPath,
/// validation, search extraction) share it across threads.
/// Choice elements are named without their type suffix (<c>valueQuantity</c> is <c>value</c> of type Quantity);
/// a primitive's <c>_name</c> sibling (id, extensions) becomes this node's children.
/// </summary>
public sealed class ElementNode
{
    // Children grouped by name, groups in order of first appearance, items in JSON order within a group.
    private readonly ElementNode[] _children;
    private readonly string[] _groupNames;
    private readonly int[] _groupStarts; // _groupStarts[g]..._groupStarts[g+1] are the children named _groupNames[g]
    private string? _location;

    internal ElementNode(
        string name,
        string typeName,
        object? value,
        TypeDefinition? type,
        int index,
        ElementNode[] children,
        string[] groupNames,
        int[] groupStarts)
    {
        Name = name;
        TypeName = typeName;
        Value = value;
        Type = type;
        Index = index;
        _children = children;
        _groupNames = groupNames;
        _groupStarts = groupStarts;
        foreach (var child in children) child.Parent = this;
    }

    /// <summary>Element name (<c>given</c>, <c>value</c>); for a resource root, its resource type.</summary>
    public string Name { get; }

    /// <summary>FHIR type code: <c>Patient</c>, <c>HumanName</c>, <c>string</c>, <c>code</c>, or <c>BackboneElement</c> for inline elements.</summary>
    public string TypeName { get; }

    /// <summary>
    /// The System value of a primitive (<c>bool</c>, <c>long</c>, <c>decimal</c>, <c>string</c>,
    /// <see cref="FhirPath.Values.PartialDateTime"/>); null for complex elements and for a primitive that has only an id or extensions.
    /// A primitive whose text does not parse as its type (e.g. a malformed date) keeps the text as a <c>string</c>.
    /// </summary>
    public object? Value { get; }

    /// <summary>The type's definition, or null when the model does not know the element.</summary>
    public TypeDefinition? Type { get; }

    /// <summary>Position among the same-named siblings when the element can repeat, otherwise -1.</summary>
    public int Index { get; }

    public ElementNode? Parent { get; private set; }

    /// <summary>
    /// Position of this element in its tree, depth-first from 0 at the root, set by <see cref="ElementNodeReader"/>: a
    /// small int that identifies the element within one tree, so per-element state (the validator's) can live in
    /// arrays instead of hash sets keyed by the node (an object's first hash code is costly).
    /// </summary>
    internal int Ordinal { get; private set; }

    /// <summary>The number of elements under and including this one: their ordinals are <see cref="Ordinal"/> to <see cref="Ordinal"/>+<see cref="SubtreeSize"/>-1.</summary>
    internal int SubtreeSize { get; private set; }

    /// <summary>Numbers the tree under this root (<see cref="Ordinal"/>); called once by the reader, before the tree is shared.</summary>
    internal void NumberTree()
    {
        var next = 0;
        Number(this, ref next);
    }

    private static void Number(ElementNode node, ref int next)
    {
        node.Ordinal = next++;
        foreach (var child in node._children) Number(child, ref next);
        node.SubtreeSize = next - node.Ordinal;
    }

    /// <summary>True for a resource: the root, a contained resource, a Bundle entry's resource, a Parameters resource.</summary>
    public bool IsResource => Type?.Kind == TypeKind.Resource;

    /// <summary>The FHIRPath location of this element, e.g. <c>Patient.name[0].given[1]</c>.</summary>
    public string Location => _location ??= ComputeLocation();

    /// <summary>The children with this name (no allocation).</summary>
    public FhirPathCollection Children(string name)
    {
        var names = _groupNames;
        for (var g = 0; g < names.Length; g++)
        {
            if (string.Equals(names[g], name, StringComparison.Ordinal))
            {
                var start = _groupStarts[g];
                return new FhirPathCollection(_children, start, _groupStarts[g + 1] - start);
            }
        }
        return FhirPathCollection.Empty;
    }

    /// <summary>All children in order (no allocation).</summary>
    public FhirPathCollection AllChildren() => new(_children, 0, _children.Length);

    internal ReadOnlySpan<ElementNode> ChildSpan => _children;

    internal IReadOnlyList<string> ChildNames => _groupNames;

    /// <summary>The number of child names (groups of same-named children).</summary>
    internal int GroupCount => _groupNames.Length;

    /// <summary>The name of group <paramref name="g"/>, in order of first appearance.</summary>
    internal string GroupName(int g) => _groupNames[g];

    /// <summary>The children of group <paramref name="g"/> (no allocation).</summary>
    internal FhirPathCollection Group(int g)
    {
        var start = _groupStarts[g];
        return new FhirPathCollection(_children, start, _groupStarts[g + 1] - start);
    }

    private string ComputeLocation()
    {
        if (Parent is null) return Name;
        var suffix = Index >= 0 ? $"{Name}[{Index}]" : Name;
        return Parent.Location + "." + suffix;
    }

    public override string ToString() => $"{Location} ({TypeName})";
}
