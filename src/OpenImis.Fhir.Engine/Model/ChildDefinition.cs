namespace OpenImis.Fhir.Engine.Model;

/// <summary>One child element of a type, as its ElementDefinition says.</summary>
public sealed class ChildDefinition
{
    internal ChildDefinition(string name, string path, int min, int? max, bool isChoice, IReadOnlyList<TypeReference> types, bool isSummary = false)
    {
        Name = name;
        Path = path;
        Min = min;
        Max = max;
        IsChoice = isChoice;
        Types = types;
        IsSummary = isSummary;
    }

    /// <summary>The FHIRPath name: <c>value</c> for <c>value[x]</c>.</summary>
    public string Name { get; }

    /// <summary>The element path in its defining StructureDefinition, e.g. <c>Patient.contact.name</c>.</summary>
    public string Path { get; }

    public int Min { get; }

    /// <summary>Maximum cardinality; null means unbounded (<c>*</c>).</summary>
    public int? Max { get; }

    /// <summary>True when the JSON form may hold several values (max is not 1).</summary>
    public bool IsArray => Max is not 1;

    /// <summary>True for a choice element (<c>value[x]</c>): its JSON name carries the type (<c>valueQuantity</c>).</summary>
    public bool IsChoice { get; }

    /// <summary>ElementDefinition.isSummary: the element belongs to the summary form of the resource (<c>_summary=true</c>).</summary>
    public bool IsSummary { get; }

    /// <summary>The allowed types; one for a non-choice element. Inline elements point at their backbone type.</summary>
    public IReadOnlyList<TypeReference> Types { get; }

    public override string ToString() => Path;
}

/// <summary>A type an element may have: its code (<c>HumanName</c>, <c>Reference</c>) and the resolved definition.</summary>
public sealed record TypeReference(string Code, TypeDefinition Type);
