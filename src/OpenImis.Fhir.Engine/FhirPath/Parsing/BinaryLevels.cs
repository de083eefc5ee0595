using OpenImis.Fhir.Engine.FhirPath.Ast;

namespace OpenImis.Fhir.Engine.FhirPath.Parsing;

/// <summary>
/// The binary operator precedence table of http://hl7.org/fhirpath/N1/#operator-precedence, lowest level first.
/// The 'is'/'as' level (<see cref="TypeLevel"/>) takes a type specifier on the right, so the parser handles it itself.
/// </summary>
internal static class BinaryLevels
{
    private static readonly (string Text, BinaryOperator Operator)[][] Levels =
    [
        [("implies", BinaryOperator.Implies)],
        [("or", BinaryOperator.Or), ("xor", BinaryOperator.Xor)],
        [("and", BinaryOperator.And)],
        [("in", BinaryOperator.In), ("contains", BinaryOperator.Contains)],
        [("=", BinaryOperator.Equal), ("~", BinaryOperator.Equivalent), ("!=", BinaryOperator.NotEqual), ("!~", BinaryOperator.NotEquivalent)],
        [("<", BinaryOperator.LessThan), ("<=", BinaryOperator.LessOrEqual), (">", BinaryOperator.GreaterThan), (">=", BinaryOperator.GreaterOrEqual)],
        [("|", BinaryOperator.Union)],
        [], // is, as
        [("+", BinaryOperator.Add), ("-", BinaryOperator.Subtract), ("&", BinaryOperator.Concatenate)],
        [("*", BinaryOperator.Multiply), ("/", BinaryOperator.Divide), ("div", BinaryOperator.Div), ("mod", BinaryOperator.Mod)],
    ];

    public const int TypeLevel = 7;

    public static int Count => Levels.Length;

    /// <summary>Whether <paramref name="token"/> is an operator of <paramref name="level"/>: a symbol, or a plain (not backticked) keyword.</summary>
    public static bool TryMatch(int level, Token token, out BinaryOperator op)
    {
        if (token.Kind is TokenKind.Symbol or TokenKind.Identifier)
        {
            foreach (var (text, candidate) in Levels[level])
            {
                if (token.Text == text)
                {
                    op = candidate;
                    return true;
                }
            }
        }

        op = default;
        return false;
    }
}
