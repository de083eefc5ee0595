namespace OpenImis.Fhir.Engine.FhirPath.Parsing;

/// <summary>
/// One lexical token. <see cref="Text"/> is the source slice (used in error messages and to match symbols and
/// keywords); <see cref="Value"/> is the decoded payload for strings, delimited identifiers, numbers and dates.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Position, string Text, string Value)
{
    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    /// <summary>A plain (not backtick-delimited) identifier spelled <paramref name="keyword"/>: keywords are case-sensitive.</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && Text == keyword;

    /// <summary>How the token reads in a syntax error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.Identifier => $"'{Text}'",
        TokenKind.DelimitedIdentifier => $"identifier {Text}",
        TokenKind.String => $"string {Text}",
        TokenKind.Integer or TokenKind.Decimal => $"number {Text}",
        TokenKind.DateTime => $"date/time {Text}",
        _ => $"'{Text}'",
    };
}
