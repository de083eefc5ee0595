namespace OpenImis.Fhir.Engine.FhirPath.Ast;

internal sealed record UnaryOperation(int Position, UnaryOperator Operator, Node Operand) : Node(Position);

internal enum UnaryOperator { Plus, Minus }

internal sealed record BinaryOperation(int Position, BinaryOperator Operator, Node Left, Node Right) : Node(Position);

internal enum BinaryOperator
{
    Multiply, Divide, Div, Mod,
    Add, Subtract, Concatenate,
    Union,
    LessThan, LessOrEqual, GreaterThan, GreaterOrEqual,
    Equal, Equivalent, NotEqual, NotEquivalent,
    In, Contains,
    And, Or, Xor, Implies,
}

/// <summary><c>operand is Type</c> or <c>operand as Type</c>.</summary>
internal sealed record TypeOperation(int Position, TypeOperator Operator, Node Operand, TypeSpecifier Type) : Node(Position);

internal enum TypeOperator { Is, As }

/// <summary>A type name as written: <c>Patient</c>, <c>FHIR.Patient</c>, <c>System.String</c>.</summary>
internal sealed record TypeSpecifier(int Position, string? Namespace, string Name)
{
    public override string ToString() => Namespace is null ? Name : Namespace + "." + Name;
}
