namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>ElementDefinition.slicing (http://hl7.org/fhir/R4/profiling.html#slicing): discriminators, rules, order.</summary>
internal sealed record SlicingPlan(DiscriminatorPlan[] Discriminators, string Rules, bool Ordered)
{
    public bool IsClosed { get; } = Rules == "closed";

    /// <summary>Elements that match no slice are allowed only after all the slice elements.</summary>
    public bool IsOpenAtEnd { get; } = Rules == "openAtEnd";
}

/// <summary>One discriminator: type (value, pattern, type, exists, profile) and the FHIRPath-subset path.</summary>
internal sealed record DiscriminatorPlan(string Type, string Path)
{
    /// <summary>The path split into steps once, when the profile is compiled, not at every match.</summary>
    public DiscriminatorStep[] Steps { get; } = DiscriminatorStep.Parse(Path);
}
