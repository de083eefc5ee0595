using System.Globalization;
using OpenImis.Fhir.Engine.FhirPath.Ast;
using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.FhirPath.Parsing;

/// <summary>
/// Recursive-descent, precedence-climbing parser for FHIRPath N1 (2.0) plus the 2.1 long suffix
/// (grammar: http://hl7.org/fhirpath/N1/grammar.html). Produces the <see cref="Ast"/> nodes; any malformed
/// text raises <see cref="FhirPathSyntaxException"/> with the 0-based offset of the offending token.
/// </summary>
/// <remarks>
/// Node positions: literals, terms, unary operators and type specifiers at their first character; member
/// and function invocations after a '.' at the name (where a compile error about the name should point);
/// binary and type operators at the operator; indexers at the '['.
/// </remarks>
internal sealed class FhirPathParser
{
    // Guards against stack overflow on hostile input such as 10,000 '('; real expressions nest a handful deep.
    private const int MaxNesting = 256;

    private static readonly HashSet<string> CalendarUnits =
    [
        "year", "years", "month", "months", "week", "weeks", "day", "days",
        "hour", "hours", "minute", "minutes", "second", "seconds", "millisecond", "milliseconds",
    ];

    // Words the grammar's `identifier` rule does not admit in term position ('as', 'contains', 'in', 'is' it does).
    private static readonly HashSet<string> ReservedWords = ["and", "or", "xor", "implies", "div", "mod", "true", "false"];

    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;

    private FhirPathParser(List<Token> tokens) => _tokens = tokens;

    private Token Current => _tokens[_index];

    /// <summary>Parses a whole FHIRPath expression; trailing tokens are a syntax error.</summary>
    public static Node Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new FhirPathParser(FhirPathLexer.Tokenize(text));
        var node = parser.ParseExpression();
        var rest = parser.Current;
        if (rest.Kind != TokenKind.End)
        {
            throw new FhirPathSyntaxException($"Expected an operator or end of expression at position {rest.Position} but found {rest.Describe()}", rest.Position);
        }

        return node;
    }

    private Token Advance() => _tokens[_index == _tokens.Count - 1 ? _index : _index++];

    private Token Peek(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private Node ParseExpression() => ParseBinary(0);

    // Grammar precedence, lowest first (spec §"Operator precedence"); every level is left-associative.
    private Node ParseBinary(int level)
    {
        if (level == BinaryLevels.Count)
        {
            return ParseUnary();
        }

        var left = ParseBinary(level + 1);
        while (true)
        {
            var token = Current;
            if (level == BinaryLevels.TypeLevel)
            {
                // typeExpression: expression ('is' | 'as') typeSpecifier
                if (!token.IsKeyword("is") && !token.IsKeyword("as"))
                {
                    return left;
                }

                Advance();
                var op = token.Text == "is" ? TypeOperator.Is : TypeOperator.As;
                left = new TypeOperation(token.Position, op, left, ParseTypeSpecifier());
                continue;
            }

            if (!BinaryLevels.TryMatch(level, token, out var binary))
            {
                return left;
            }

            Advance();
            left = new BinaryOperation(token.Position, binary, left, ParseBinary(level + 1));
        }
    }

    // polarityExpression: ('+' | '-') expression, binding looser than invocation: -1.abs() is -(1.abs()),
    // as the suite's testPrecedence1 requires. A sign directly on a number literal folds into the literal.
    private Node ParseUnary()
    {
        var token = Current;
        if (!token.IsSymbol("-") && !token.IsSymbol("+"))
        {
            return ParsePostfix(ParseTerm());
        }

        Advance();
        Enter(token);
        var operand = ParseUnary();
        _depth--;
        var negate = token.Text == "-";
        return operand switch
        {
            IntegerLiteral i => new IntegerLiteral(token.Position, negate ? -i.Value : i.Value),
            DecimalLiteral d => new DecimalLiteral(token.Position, negate ? -d.Value : d.Value),
            QuantityLiteral q => new QuantityLiteral(token.Position, negate ? new Quantity(-q.Value.Value, q.Value.Unit) : q.Value),
            _ => new UnaryOperation(token.Position, negate ? UnaryOperator.Minus : UnaryOperator.Plus, operand),
        };
    }

    // invocationExpression: expression '.' invocation;  indexerExpression: expression '[' expression ']'
    private Node ParsePostfix(Node node)
    {
        while (true)
        {
            var token = Current;
            if (token.IsSymbol("."))
            {
                Advance();
                var name = Current;
                // After '.' only a name can follow, so any word is taken, keywords included (e.g. Narrative.div).
                if (name.Kind is not (TokenKind.Identifier or TokenKind.DelimitedIdentifier))
                {
                    throw new FhirPathSyntaxException($"Expected an identifier after '.' at position {name.Position} but found {name.Describe()}", name.Position);
                }

                Advance();
                node = ParseInvocation(name, node);
            }
            else if (token.IsSymbol("["))
            {
                Advance();
                Enter(token);
                var index = ParseExpression();
                _depth--;
                Expect("]");
                node = new Indexer(token.Position, node, index);
            }
            else
            {
                return node;
            }
        }
    }

    // memberInvocation: identifier;  functionInvocation: identifier '(' paramList? ')'
    private Node ParseInvocation(Token name, Node? focus)
    {
        if (!Current.IsSymbol("("))
        {
            return new MemberAccess(name.Position, focus, name.Value);
        }

        var open = Advance();
        Enter(open);
        var arguments = new List<Node>();
        if (!Current.IsSymbol(")"))
        {
            arguments.Add(ParseExpression());
            while (Current.IsSymbol(","))
            {
                Advance();
                arguments.Add(ParseExpression());
            }
        }

        _depth--;
        Expect(")");
        return new FunctionCall(name.Position, focus, name.Value, arguments);
    }

    // term: invocation | literal | externalConstant | '(' expression ')'
    private Node ParseTerm()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Integer:
                Advance();
                return ParseInteger(token);
            case TokenKind.Decimal:
                Advance();
                return ParseDecimal(token);
            case TokenKind.String:
                Advance();
                return new StringLiteral(token.Position, token.Value);
            case TokenKind.DateTime:
                Advance();
                if (!PartialDateTime.TryParseLiteral(token.Value, out var value) || value is null)
                {
                    throw new FhirPathSyntaxException($"Invalid date/time literal {token.Text} at position {token.Position}", token.Position);
                }

                return new DateTimeLiteral(token.Position, value);
            case TokenKind.SpecialVariable:
                Advance();
                return new SpecialVariable(token.Position, token.Value switch
                {
                    "this" => SpecialVariableKind.This,
                    "index" => SpecialVariableKind.Index,
                    _ => SpecialVariableKind.Total,
                });
            case TokenKind.DelimitedIdentifier:
                Advance();
                return ParseInvocation(token, null);
            case TokenKind.Identifier when token.Text is "true" or "false":
                Advance();
                return new BooleanLiteral(token.Position, token.Text == "true");
            case TokenKind.Identifier when !ReservedWords.Contains(token.Text):
                Advance();
                return ParseInvocation(token, null);
        }

        if (token.IsSymbol("%"))
        {
            // externalConstant: '%' (identifier | STRING)
            Advance();
            var name = Current;
            if (name.Kind is not (TokenKind.Identifier or TokenKind.DelimitedIdentifier or TokenKind.String))
            {
                throw new FhirPathSyntaxException($"Expected a variable name after '%' at position {name.Position} but found {name.Describe()}", name.Position);
            }

            Advance();
            return new EnvironmentVariable(token.Position, name.Value);
        }

        if (token.IsSymbol("{"))
        {
            // literal '{' '}': the empty collection
            Advance();
            Expect("}");
            return new EmptyLiteral(token.Position);
        }

        if (token.IsSymbol("("))
        {
            Advance();
            Enter(token);
            var inner = ParseExpression();
            _depth--;
            Expect(")");
            return inner;
        }

        throw new FhirPathSyntaxException($"Expected an expression at position {token.Position} but found {token.Describe()}", token.Position);
    }

    private Node ParseInteger(Token token)
    {
        if (!long.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new FhirPathSyntaxException($"Integer literal {token.Text} at position {token.Position} is out of range", token.Position);
        }

        // quantity: NUMBER unit? — the grammar gives LONGNUMBER (123L) no unit.
        var isLong = token.Text.Length != token.Value.Length;
        return !isLong && TryParseUnit(out var unit)
            ? new QuantityLiteral(token.Position, new Quantity(value, unit))
            : new IntegerLiteral(token.Position, value);
    }

    private Node ParseDecimal(Token token)
    {
        decimal value;
        try
        {
            // decimal.Parse keeps the written scale: 1.50 stays 1.50.
            value = decimal.Parse(token.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            throw new FhirPathSyntaxException($"Decimal literal {token.Text} at position {token.Position} is out of range", token.Position);
        }

        return TryParseUnit(out var unit)
            ? new QuantityLiteral(token.Position, new Quantity(value, unit))
            : new DecimalLiteral(token.Position, value);
    }

    // unit: dateTimePrecision | pluralDateTimePrecision | STRING (UCUM)
    private bool TryParseUnit(out string unit)
    {
        var token = Current;
        if (token.Kind == TokenKind.String || (token.Kind == TokenKind.Identifier && CalendarUnits.Contains(token.Text)))
        {
            Advance();
            unit = token.Value;
            return true;
        }

        unit = "";
        return false;
    }

    // typeSpecifier: qualifiedIdentifier ('.' identifier)*; the AST holds at most namespace.name.
    private TypeSpecifier ParseTypeSpecifier()
    {
        var first = Current;
        if (first.Kind is not (TokenKind.Identifier or TokenKind.DelimitedIdentifier))
        {
            throw new FhirPathSyntaxException($"Expected a type name at position {first.Position} but found {first.Describe()}", first.Position);
        }

        Advance();
        if (!Current.IsSymbol(".") || Peek(1).Kind is not (TokenKind.Identifier or TokenKind.DelimitedIdentifier))
        {
            return new TypeSpecifier(first.Position, null, first.Value);
        }

        Advance();
        var name = Advance();
        if (Current.IsSymbol(".") && Peek(1).Kind is TokenKind.Identifier or TokenKind.DelimitedIdentifier)
        {
            throw new FhirPathSyntaxException($"Expected a type name of the form Namespace.Type at position {first.Position} but found a third part at position {Peek(1).Position}", Peek(1).Position);
        }

        return new TypeSpecifier(first.Position, first.Value, name.Value);
    }

    private void Expect(string symbol)
    {
        var token = Current;
        if (!token.IsSymbol(symbol))
        {
            throw new FhirPathSyntaxException($"Expected '{symbol}' at position {token.Position} but found {token.Describe()}", token.Position);
        }

        Advance();
    }

    private void Enter(Token token)
    {
        if (++_depth > MaxNesting)
        {
            throw new FhirPathSyntaxException($"Expression nests deeper than {MaxNesting} levels at position {token.Position}", token.Position);
        }
    }
}
