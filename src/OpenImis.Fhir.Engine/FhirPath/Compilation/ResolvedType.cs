using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

/// <summary>
/// A type named in an expression, resolved at compile time: a FHIR model type (<see cref="Definition"/> set)
/// or a System type (<c>Boolean</c>, <c>Integer</c>, <c>Decimal</c>, <c>String</c>, <c>Date</c>, <c>DateTime</c>,
/// <c>Time</c>, <c>Quantity</c>, <c>Any</c>).
/// </summary>
internal sealed record ResolvedType(string Namespace, string Name, TypeDefinition? Definition)
{
    public const string SystemNamespace = "System";
    public const string FhirNamespace = "FHIR";

    public bool IsSystem => Namespace == SystemNamespace;

    public override string ToString() => Namespace + "." + Name;
}
