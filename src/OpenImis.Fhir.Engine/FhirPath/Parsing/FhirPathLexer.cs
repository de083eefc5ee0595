using System.Text;

namespace OpenImis.Fhir.Engine.FhirPath.Parsing;

/// <summary>
/// Splits FHIRPath text into tokens (lexer rules of http://hl7.org/fhirpath/N1/grammar.html, plus the 2.1
/// <c>L</c> long suffix). Hand-written, single pass and regex-free: every search parameter and invariant is
/// parsed at start-up.
/// </summary>
internal sealed class FhirPathLexer
{
    private readonly string _text;
    private int _pos;

    private FhirPathLexer(string text) => _text = text;

    /// <summary>All tokens of <paramref name="text"/>, ending with one <see cref="TokenKind.End"/> token.</summary>
    public static List<Token> Tokenize(string text)
    {
        var lexer = new FhirPathLexer(text);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.End);
        return tokens;
    }

    private char Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private Token Next()
    {
        SkipWhitespaceAndComments();
        if (_pos >= _text.Length)
        {
            return new Token(TokenKind.End, _text.Length, "", "");
        }

        var start = _pos;
        var c = _text[_pos];
        if (IsIdentifierStart(c))
        {
            ScanIdentifierTail();
            var word = _text[start.._pos];
            return new Token(TokenKind.Identifier, start, word, word);
        }

        if (IsDigit(c))
        {
            return ScanNumber(start);
        }

        switch (c)
        {
            case '\'':
                return Quoted(TokenKind.String, start, '\'');
            case '`':
                return Quoted(TokenKind.DelimitedIdentifier, start, '`');
            case '@':
                return ScanDateTime(start);
            case '$':
                return ScanSpecialVariable(start);
            case '!':
                // '!' exists only as the first half of != and !~.
                if (Peek(1) is '=' or '~')
                {
                    return Symbol(start, 2);
                }

                throw new FhirPathSyntaxException($"Expected '!=' or '!~' at position {start} but found '!'", start);
            case '<' or '>':
                return Symbol(start, Peek(1) == '=' ? 2 : 1);
            case '.' or '[' or ']' or '(' or ')' or '{' or '}' or ',' or '+' or '-' or '*' or '/' or '|' or '&' or '=' or '~' or '%':
                return Symbol(start, 1);
            default:
                throw new FhirPathSyntaxException($"Unexpected character '{c}' at position {start}", start);
        }
    }

    private Token Symbol(int start, int length)
    {
        _pos = start + length;
        var text = _text.Substring(start, length);
        return new Token(TokenKind.Symbol, start, text, text);
    }

    private void SkipWhitespaceAndComments()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is ' ' or '\t' or '\r' or '\n' or '\f')
            {
                _pos++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                // LINE_COMMENT: '//' ~[\r\n]*
                while (_pos < _text.Length && _text[_pos] is not ('\r' or '\n'))
                {
                    _pos++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                // COMMENT: '/*' .*? '*/'
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new FhirPathSyntaxException($"Expected '*/' to close the comment opened at position {_pos} but found end of expression", _pos);
                }

                _pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    // NUMBER: [0-9]+ ('.' [0-9]+)?   LONGNUMBER: [0-9]+ 'L'
    // A '.' not followed by a digit is an invocation: 1.toString() is 1 then .toString().
    private Token ScanNumber(int start)
    {
        SkipDigits();
        if (Peek() == '.' && IsDigit(Peek(1)))
        {
            _pos++;
            SkipDigits();
            var dec = _text[start.._pos];
            return new Token(TokenKind.Decimal, start, dec, dec);
        }

        var digits = _text[start.._pos];
        if (Peek() == 'L')
        {
            _pos++;
        }

        return new Token(TokenKind.Integer, start, _text[start.._pos], digits);
    }

    // STRING: '\'' (ESC | .)*? '\''   DELIMITEDIDENTIFIER: '`' (ESC | .)*? '`'
    private Token Quoted(TokenKind kind, int start, char quote)
    {
        _pos++;
        var value = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw new FhirPathSyntaxException($"Expected closing {quote} for the {(kind == TokenKind.String ? "string" : "identifier")} starting at position {start} but found end of expression", start);
            }

            var c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                return new Token(kind, start, _text[start.._pos], value.ToString());
            }

            if (c == '\\')
            {
                value.Append(ScanEscape());
            }
            else
            {
                value.Append(c);
                _pos++;
            }
        }
    }

    // ESC: '\\' ([`'\\/fnrt] | UNICODE); '\"' is accepted too as the spec's string section lists it.
    private char ScanEscape()
    {
        var at = _pos;
        var e = Peek(1);
        _pos += 2;
        switch (e)
        {
            case '\'' or '"' or '`' or '\\' or '/':
                return e;
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                var code = 0;
                for (var i = 0; i < 4; i++)
                {
                    var digit = HexValue(Peek());
                    if (digit < 0)
                    {
                        throw new FhirPathSyntaxException($"Expected 4 hex digits after '\\u' at position {at}", at);
                    }

                    code = (code * 16) + digit;
                    _pos++;
                }

                return (char)code;
            default:
                var found = at + 1 < _text.Length ? $"'\\{e}'" : "end of expression";
                throw new FhirPathSyntaxException($"Expected an escape sequence (\\' \\\" \\` \\\\ \\/ \\f \\n \\r \\t \\uXXXX) at position {at} but found {found}", at);
        }
    }

    // DATE: '@' DATEFORMAT;  DATETIME: '@' DATEFORMAT 'T' TIMEFORMAT? TIMEZONEOFFSETFORMAT?;  TIME: '@' 'T' TIMEFORMAT
    // Each optional part is taken only when it matches whole (ANTLR's longest match), so '@2014-1' is '@2014' '-' '1'.
    // A zone is also taken after a TIME: the R4 suite expects '@T14:34:28+10:00' to parse; the value parser judges it.
    private Token ScanDateTime(int start)
    {
        _pos++;
        if (Peek() == 'T')
        {
            _pos++;
            if (!TryScanTime())
            {
                throw new FhirPathSyntaxException($"Expected a time (hh[:mm[:ss[.fff]]]) after '@T' at position {start}", start);
            }

            TryScanZone();
        }
        else
        {
            if (!(IsDigit(Peek()) && IsDigit(Peek(1)) && IsDigit(Peek(2)) && IsDigit(Peek(3))))
            {
                throw new FhirPathSyntaxException($"Expected a date (YYYY[-MM[-DD]]) or time (Thh[:mm[:ss]]) after '@' at position {start}", start);
            }

            _pos += 4;
            if (TryScanDashPair())
            {
                TryScanDashPair();
            }

            if (Peek() == 'T')
            {
                _pos++;
                TryScanTime();
                TryScanZone();
            }
        }

        var body = _text[(start + 1).._pos];
        return new Token(TokenKind.DateTime, start, _text[start.._pos], body);
    }

    private bool TryScanDashPair()
    {
        if (Peek() == '-' && IsDigit(Peek(1)) && IsDigit(Peek(2)))
        {
            _pos += 3;
            return true;
        }

        return false;
    }

    // TIMEFORMAT: [0-9][0-9] (':'[0-9][0-9] (':'[0-9][0-9] ('.'[0-9]+)?)?)?
    private bool TryScanTime()
    {
        if (!(IsDigit(Peek()) && IsDigit(Peek(1))))
        {
            return false;
        }

        _pos += 2;
        if (Peek() == ':' && IsDigit(Peek(1)) && IsDigit(Peek(2)))
        {
            _pos += 3;
            if (Peek() == ':' && IsDigit(Peek(1)) && IsDigit(Peek(2)))
            {
                _pos += 3;
                if (Peek() == '.' && IsDigit(Peek(1)))
                {
                    _pos++;
                    SkipDigits();
                }
            }
        }

        return true;
    }

    // TIMEZONEOFFSETFORMAT: ('Z' | ('+' | '-') [0-9][0-9]':'[0-9][0-9])
    private void TryScanZone()
    {
        if (Peek() == 'Z')
        {
            _pos++;
        }
        else if (Peek() is '+' or '-' && IsDigit(Peek(1)) && IsDigit(Peek(2)) && Peek(3) == ':' && IsDigit(Peek(4)) && IsDigit(Peek(5)))
        {
            _pos += 6;
        }
    }

    private Token ScanSpecialVariable(int start)
    {
        _pos++;
        var nameStart = _pos;
        ScanIdentifierTail();
        var name = _text[nameStart.._pos];
        if (name is not ("this" or "index" or "total"))
        {
            throw new FhirPathSyntaxException($"Expected '$this', '$index' or '$total' at position {start} but found '${name}'", start);
        }

        return new Token(TokenKind.SpecialVariable, start, _text[start.._pos], name);
    }

    private void ScanIdentifierTail()
    {
        while (_pos < _text.Length && (IsIdentifierStart(_text[_pos]) || IsDigit(_text[_pos])))
        {
            _pos++;
        }
    }

    private void SkipDigits()
    {
        while (_pos < _text.Length && IsDigit(_text[_pos]))
        {
            _pos++;
        }
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsIdentifierStart(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_';

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
