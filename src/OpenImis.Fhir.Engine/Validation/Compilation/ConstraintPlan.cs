using OpenImis.Fhir.Engine.FhirPath;

namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// One ElementDefinition.constraint, its FHIRPath compiled once at profile compilation. <see cref="Expression"/> is
/// null when the expression does not compile; <see cref="CompileError"/> then says why (reported as a warning).
/// </summary>
internal sealed record ConstraintPlan(string Key, IssueSeverity Severity, string Human, CompiledExpression? Expression, string? CompileError);
