using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>
/// Parses a UCUM unit expression (UCUM §1-§6 grammar) into its canonical form:
/// <c>term := '/'? component (('.' | '/') component)*</c>,
/// <c>component := '(' term ')' | annotation | symbol exponent? annotation? | integer</c>.
/// Annotations (<c>{beats}</c>) count as 1; <c>10*n</c> / <c>10^n</c> are powers of ten.
/// </summary>
internal sealed class UcumExpressionParser
{
    private readonly string _text;
    private readonly Func<string, UcumUnit?> _resolveSymbol;
    private int _position;

    private UcumExpressionParser(string text, Func<string, UcumUnit?> resolveSymbol)
    {
        _text = text;
        _resolveSymbol = resolveSymbol;
    }

    /// <param name="resolveSymbol">Maps a (possibly prefixed) atom to its canonical unit, or null when unknown.</param>
    public static bool TryParse(string text, Func<string, UcumUnit?> resolveSymbol, [NotNullWhen(true)] out UcumUnit? unit)
    {
        unit = null;
        if (string.IsNullOrEmpty(text)) return false;
        var parser = new UcumExpressionParser(text, resolveSymbol);
        try
        {
            unit = parser.ParseTerm();
            if (unit is null || parser._position != text.Length) unit = null;
        }
        catch (OverflowException)
        {
            unit = null;
        }

        return unit is not null;
    }

    private char? Peek => _position < _text.Length ? _text[_position] : null;

    private UcumUnit? ParseTerm()
    {
        UcumUnit? result = UcumUnit.One;
        if (Peek != '/')
        {
            result = ParseComponent();
            if (result is null) return null;
        }

        while (Peek is '.' or '/')
        {
            var divide = _text[_position++] == '/';
            var component = ParseComponent();
            if (component is null) return null;
            result = result!.Multiply(divide ? component.Power(-1) : component);
        }

        return result;
    }

    private UcumUnit? ParseComponent()
    {
        switch (Peek)
        {
            case '(':
                _position++;
                var inner = ParseTerm();
                if (inner is null || Peek != ')') return null;
                _position++;
                return inner;
            case '{':
                return SkipAnnotation() ? UcumUnit.One : null;
            case null:
                return null;
        }

        var start = _position;
        while (Peek is { } c && c is not ('.' or '/' or '(' or ')' or '{' or '}'))
        {
            if (c == '[')
            {
                var close = _text.IndexOf(']', _position);
                if (close < 0) return null;
                _position = close + 1;
                continue;
            }

            if (char.IsWhiteSpace(c)) return null;
            _position++;
        }

        var symbol = _text[start.._position];
        if (Peek == '{' && !SkipAnnotation()) return null;
        return Interpret(symbol);
    }

    private bool SkipAnnotation()
    {
        var close = _text.IndexOf('}', _position);
        if (close < 0) return false;
        _position = close + 1;
        return true;
    }

    /// <summary>An integer factor, a power of ten, or an atom with an optional signed exponent (<c>m2</c>, <c>cm-1</c>).</summary>
    private UcumUnit? Interpret(string symbol)
    {
        if (symbol.Length == 0) return null;
        if (symbol.All(char.IsAsciiDigit))
            return decimal.TryParse(symbol, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? UcumUnit.One.Scale(number) : null;

        if (symbol.StartsWith("10*", StringComparison.Ordinal) || symbol.StartsWith("10^", StringComparison.Ordinal))
        {
            if (!int.TryParse(symbol.AsSpan(3), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var power) || Math.Abs(power) > 28) return null;
            return UcumUnit.One.Scale(10m).Power(power);
        }

        var exponentStart = symbol.Length;
        while (exponentStart > 0 && char.IsAsciiDigit(symbol[exponentStart - 1])) exponentStart--;
        var exponent = 1;
        if (exponentStart < symbol.Length)
        {
            if (exponentStart > 0 && symbol[exponentStart - 1] is '+' or '-') exponentStart--;
            if (!int.TryParse(symbol.AsSpan(exponentStart), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)) return null;
        }

        var atom = symbol[..exponentStart];
        if (atom.Length == 0) return null;
        return _resolveSymbol(atom)?.Power(exponent);
    }
}
