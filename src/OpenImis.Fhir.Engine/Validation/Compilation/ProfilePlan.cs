namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// A compiled StructureDefinition: its canonical, version, the type it constrains, its root element plan, and for
/// extension definitions the contexts where the extension may be used (extensibility.html#context).
/// </summary>
internal sealed record ProfilePlan(
    string Url,
    string? Version,
    string Type,
    string Kind,
    string? Derivation,
    ElementPlan Root,
    IReadOnlyList<ExtensionContext> Contexts)
{
    public bool IsExtension => Type == "Extension";

    /// <summary>A constraint on its base: its snapshot holds everything the base requires (profiling.html#snapshot).</summary>
    public bool IsConstraint => Derivation == "constraint";
}

/// <summary>StructureDefinition.context: type (element, extension, fhirpath) and expression.</summary>
internal sealed record ExtensionContext(string Type, string Expression);
