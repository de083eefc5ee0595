namespace OpenImis.Fhir.Engine.Model;

/// <summary>
/// What one JSON property name of a type means: the child element and the type it carries. For a choice the JSON name
/// holds the type (<c>valueQuantity</c>), so each allowed type gets its own binding. Built with the model so the reader
/// resolves a property with one dictionary lookup and no string building.
/// </summary>
internal sealed class JsonPropertyBinding(ChildDefinition child, TypeReference type)
{
    public ChildDefinition Child { get; } = child;

    public TypeReference Type { get; } = type;

    /// <summary>The node name: the child's name instance (shared, so comparisons short-cut on reference).</summary>
    public string NodeName => Child.Name;
}
