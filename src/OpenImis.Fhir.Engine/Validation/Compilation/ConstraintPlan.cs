using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// One ElementDefinition.constraint, its FHIRPath compiled once at profile compilation. <see cref="Expression"/> is
/// null when the expression does not compile; <see cref="CompileError"/> then says why and the constraint is skipped (R4 has one: dom-r4b names R4B types).
/// </summary>
/// <see cref="Native"/>, when set, computes the same result as the expression without FHIRPath (ele-1, ext-1: on every element).
internal sealed record ConstraintPlan(string Key, IssueSeverity Severity, string Human, CompiledExpression? Expression, string? CompileError)
{
    public Func<ElementNode, bool>? Native { get; init; }

    /// <summary>The key as a small int (<see cref="ConstraintKeys"/>).</summary>
    public int KeyId { get; } = ConstraintKeys.IdOf(Key);

    /// <summary>ele-1, which an empty element skips (the JSON stage reports it already).</summary>
    public bool IsEle1 { get; } = Key == "ele-1";
}
