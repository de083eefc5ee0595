namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

/// <summary>The implementation of a FHIRPath function: its input collection, its (unevaluated) arguments.</summary>
internal delegate FhirPathCollection FunctionBody(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context);
