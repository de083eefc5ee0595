using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.FhirPath.Ast;

/// <summary><c>{}</c>: the empty collection.</summary>
internal sealed record EmptyLiteral(int Position) : Node(Position);

internal sealed record BooleanLiteral(int Position, bool Value) : Node(Position);

internal sealed record StringLiteral(int Position, string Value) : Node(Position);

/// <summary>An integer literal (<c>42</c>); FHIRPath Integer is held as <c>long</c>.</summary>
internal sealed record IntegerLiteral(int Position, long Value) : Node(Position);

/// <summary>A decimal literal (<c>4.50</c>); <c>decimal</c> keeps the scale, so precision survives.</summary>
internal sealed record DecimalLiteral(int Position, decimal Value) : Node(Position);

/// <summary><c>@2014-01-25</c>, <c>@2014-01-25T14:30:14.559+01:00</c>, <c>@T14:30</c>.</summary>
internal sealed record DateTimeLiteral(int Position, PartialDateTime Value) : Node(Position);

/// <summary><c>4.5 'mg'</c> or <c>3 days</c>.</summary>
internal sealed record QuantityLiteral(int Position, Quantity Value) : Node(Position);
