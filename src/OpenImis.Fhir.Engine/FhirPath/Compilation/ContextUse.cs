using OpenImis.Fhir.Engine.FhirPath.Ast;

namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

/// <summary>
/// Whether an expression reads its evaluation context ($this, variables, function arguments). Plain paths and
/// operators on them do not, so they are evaluated without allocating one.
/// </summary>
internal static class ContextUse
{
    public static bool NeedsContext(Node node) => node switch
    {
        MemberAccess m => m.Focus is not null && NeedsContext(m.Focus),
        BinaryOperation b => NeedsContext(b.Left) || NeedsContext(b.Right),
        UnaryOperation u => NeedsContext(u.Operand),
        TypeOperation t => NeedsContext(t.Operand),
        EmptyLiteral or BooleanLiteral or StringLiteral or IntegerLiteral or DecimalLiteral or DateTimeLiteral or QuantityLiteral => false,
        _ => true, // functions, indexers, $this/$index/$total, %variables
    };
}
