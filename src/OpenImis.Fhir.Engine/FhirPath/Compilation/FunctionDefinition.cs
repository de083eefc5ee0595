namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

/// <summary>
/// One FHIRPath function: name, arity, body. <paramref name="TypeArgument"/> is the index of the argument that is a
/// type specifier (<c>ofType</c>, <c>is</c>, <c>as</c>), or -1.
/// </summary>
internal sealed record FunctionDefinition(string Name, int MinArity, int MaxArity, FunctionBody Body, int TypeArgument = -1);
