using OpenImis.Fhir.Engine.FhirPath;

namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// One ElementDefinition.constraint, its FHIRPath compiled once at profile compilation. <see cref="Expression"/> is
/// null when the expression does not compile; <see cref="CompileError"/> then says why and the constraint is skipped (R4 has one: dom-r4b names R4B types).
/// </summary>
internal sealed record ConstraintPlan(string Key, IssueSeverity Severity, string Human, CompiledExpression? Expression, string? CompileError);
