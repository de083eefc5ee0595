namespace OpenImis.Fhir.Engine.FhirPath.Ast;

/// <summary>
/// A member access: <c>name</c> on the focus (<see cref="Focus"/> null: the input of the expression, i.e. $this),
/// or <c>focus.name</c>. A leading identifier may also be a type name (<c>Patient.name</c>); the compiler decides.
/// </summary>
internal sealed record MemberAccess(int Position, Node? Focus, string Name) : Node(Position);

/// <summary>A function call <c>name(args)</c>, on the focus (<see cref="Focus"/> null: the input, i.e. $this).</summary>
internal sealed record FunctionCall(int Position, Node? Focus, string Name, IReadOnlyList<Node> Arguments) : Node(Position);

/// <summary><c>focus[index]</c>.</summary>
internal sealed record Indexer(int Position, Node Focus, Node Index) : Node(Position);

/// <summary><c>$this</c>, <c>$index</c> or <c>$total</c>.</summary>
internal sealed record SpecialVariable(int Position, SpecialVariableKind Kind) : Node(Position);

internal enum SpecialVariableKind { This, Index, Total }

/// <summary>An environment variable <c>%name</c> (<c>%`vs-name`</c> and <c>%'string'</c> forms included, name unquoted).</summary>
internal sealed record EnvironmentVariable(int Position, string Name) : Node(Position);
