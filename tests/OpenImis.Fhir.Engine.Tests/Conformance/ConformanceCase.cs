namespace OpenImis.Fhir.Engine.Tests.Conformance;

/// <summary>One <c>&lt;test&gt;</c> of the FHIRPath suite (schema: HL7 FHIRPath <c>tests/testSchema.xsd</c>).</summary>
internal sealed record ConformanceCase(
    string Name,
    string Group,
    string Expression,
    string? InputFile,
    bool Strict,
    bool Predicate,
    string? Invalid,
    bool Ordered,
    string? Version,
    IReadOnlyList<ExpectedOutput> Outputs)
{
    public override string ToString() => Name;
}

/// <summary>An <c>&lt;output type="..."&gt;value&lt;/output&gt;</c>; the type may be missing.</summary>
internal sealed record ExpectedOutput(string? Type, string Value)
{
    public override string ToString() => Type is null ? Value : $"{Type} {Value}";
}
