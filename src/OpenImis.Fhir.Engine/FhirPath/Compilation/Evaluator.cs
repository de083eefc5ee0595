namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

/// <summary>A compiled FHIRPath (sub)expression: evaluates against the focus collection.</summary>
internal delegate FhirPathCollection Evaluator(FhirPathCollection focus, EvaluationContext context);
