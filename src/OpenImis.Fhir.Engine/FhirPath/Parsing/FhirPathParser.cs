using OpenImis.Fhir.Engine.FhirPath.Ast;

namespace OpenImis.Fhir.Engine.FhirPath.Parsing;

// CONTRACT STUB: replaced by the parser helper's implementation.
internal static class FhirPathParser
{
    public static Node Parse(string text) => throw new NotImplementedException();
}
