namespace OpenImis.Fhir.Engine.FhirPath.Parsing;

/// <summary>The lexical classes of FHIRPath (spec grammar, lexer rules).</summary>
internal enum TokenKind
{
    /// <summary>End of the expression text.</summary>
    End,

    /// <summary><c>[A-Za-z_][A-Za-z0-9_]*</c>; keywords (<c>and</c>, <c>div</c>, <c>true</c>...) are identifiers too, told apart by text.</summary>
    Identifier,

    /// <summary><c>`...`</c>: never a keyword; <see cref="Token.Value"/> holds the unescaped name.</summary>
    DelimitedIdentifier,

    /// <summary><c>'...'</c>; <see cref="Token.Value"/> holds the unescaped text.</summary>
    String,

    /// <summary><c>123</c> or <c>123L</c>; <see cref="Token.Value"/> holds the digits.</summary>
    Integer,

    /// <summary><c>1.5</c>; <see cref="Token.Value"/> holds the text.</summary>
    Decimal,

    /// <summary><c>@2014-01-25T10:00Z</c>, <c>@T10:00</c>; <see cref="Token.Value"/> holds the text after <c>@</c>.</summary>
    DateTime,

    /// <summary><c>$this</c>, <c>$index</c>, <c>$total</c>; <see cref="Token.Value"/> holds the name without <c>$</c>.</summary>
    SpecialVariable,

    /// <summary>Punctuation and symbolic operators: <c>. [ ] ( ) { } , + - * / | &amp; = ~ != !~ &lt; &lt;= &gt; &gt;= %</c>.</summary>
    Symbol,
}
