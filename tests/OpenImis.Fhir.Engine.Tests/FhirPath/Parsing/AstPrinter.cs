using System.Globalization;
using OpenImis.Fhir.Engine.FhirPath.Ast;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Parsing;

/// <summary>Renders an AST as a compact prefix string so tests can state a tree shape in one line: "(+ 1 (* 2 3))".</summary>
internal static class AstPrinter
{
    public static string Print(Node node) => node switch
    {
        EmptyLiteral => "{}",
        BooleanLiteral b => b.Value ? "true" : "false",
        StringLiteral s => "'" + s.Value + "'",
        IntegerLiteral i => i.Value.ToString(CultureInfo.InvariantCulture),
        DecimalLiteral d => d.Value.ToString(CultureInfo.InvariantCulture) + "m",
        DateTimeLiteral => "@date",
        QuantityLiteral q => q.Value.Value.ToString(CultureInfo.InvariantCulture) + "[" + q.Value.Unit + "]",
        UnaryOperation u => $"({(u.Operator == UnaryOperator.Minus ? "neg" : "pos")} {Print(u.Operand)})",
        BinaryOperation b => $"({Symbol(b.Operator)} {Print(b.Left)} {Print(b.Right)})",
        TypeOperation t => $"({(t.Operator == TypeOperator.Is ? "is" : "as")} {Print(t.Operand)} {t.Type})",
        MemberAccess m => m.Focus is null ? m.Name : Print(m.Focus) + "." + m.Name,
        FunctionCall f => (f.Focus is null ? "" : Print(f.Focus) + ".") + f.Name + "(" + string.Join(", ", f.Arguments.Select(Print)) + ")",
        Indexer x => Print(x.Focus) + "[" + Print(x.Index) + "]",
        SpecialVariable v => "$" + v.Kind.ToString().ToLowerInvariant(),
        EnvironmentVariable e => "%" + e.Name,
        _ => throw new ArgumentException("Unknown node " + node.GetType().Name, nameof(node)),
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Div => "div",
        BinaryOperator.Mod => "mod",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Concatenate => "&",
        BinaryOperator.Union => "|",
        BinaryOperator.LessThan => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.GreaterThan => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "=",
        BinaryOperator.Equivalent => "~",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.NotEquivalent => "!~",
        BinaryOperator.In => "in",
        BinaryOperator.Contains => "contains",
        BinaryOperator.And => "and",
        BinaryOperator.Or => "or",
        BinaryOperator.Xor => "xor",
        BinaryOperator.Implies => "implies",
        _ => op.ToString(),
    };
}
