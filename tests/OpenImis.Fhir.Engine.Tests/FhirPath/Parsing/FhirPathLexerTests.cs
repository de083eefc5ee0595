using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Parsing;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Parsing;

public class FhirPathLexerTests
{
    private static string Kinds(string text) =>
        string.Join(" ", FhirPathLexer.Tokenize(text).Select(t => t.Kind + ":" + t.Text));

    [Fact]
    public void Symbols_take_the_longest_match()
    {
        Assert.Equal("Symbol:<= Symbol:< Symbol:>= Symbol:> Symbol:!= Symbol:!~ Symbol:= Symbol:~ End:",
            Kinds("<= < >= > != !~ = ~"));
    }

    [Fact]
    public void A_dot_followed_by_a_letter_ends_an_integer()
    {
        Assert.Equal("Integer:1 Symbol:. Identifier:toString Symbol:( Symbol:) End:", Kinds("1.toString()"));
    }

    [Fact]
    public void A_dot_followed_by_a_digit_makes_a_decimal()
    {
        Assert.Equal("Decimal:1.00000001 Symbol:. Identifier:truncate Symbol:( Symbol:) End:", Kinds("1.00000001.truncate()"));
    }

    [Fact]
    public void Long_suffix_is_part_of_the_integer_token()
    {
        var token = FhirPathLexer.Tokenize("42L")[0];
        Assert.Equal(TokenKind.Integer, token.Kind);
        Assert.Equal("42", token.Value);
    }

    [Theory]
    [InlineData("@2014", "2014")]
    [InlineData("@2014-01", "2014-01")]
    [InlineData("@2014-01-25", "2014-01-25")]
    [InlineData("@2014-01-25T", "2014-01-25T")]
    [InlineData("@2015T", "2015T")]
    [InlineData("@2014-01-25T14:30:14.559+01:00", "2014-01-25T14:30:14.559+01:00")]
    [InlineData("@2014-01-01T10Z", "2014-01-01T10Z")]
    [InlineData("@2014-01-01T08:05-05:00", "2014-01-01T08:05-05:00")]
    [InlineData("@T14:30", "T14:30")]
    [InlineData("@T14:34:28.123", "T14:34:28.123")]
    [InlineData("@T14:34:28Z", "T14:34:28Z")]
    [InlineData("@T14:34:28+10:00", "T14:34:28+10:00")]
    public void Date_time_literals_take_the_whole_shape(string text, string body)
    {
        var token = FhirPathLexer.Tokenize(text)[0];
        Assert.Equal(TokenKind.DateTime, token.Kind);
        Assert.Equal(body, token.Value);
    }

    [Fact]
    public void A_date_stops_before_a_dash_that_is_not_a_month()
    {
        Assert.Equal("DateTime:@2014 Symbol:- Integer:1 End:", Kinds("@2014-1"));
    }

    [Fact]
    public void A_date_stops_before_an_invocation()
    {
        Assert.StartsWith("DateTime:@T14:34:28.123 Symbol:. Identifier:is ", Kinds("@T14:34:28.123.is(Time)"), StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_are_skipped()
    {
        Assert.Equal("Integer:2 Symbol:/ Integer:2 End:", Kinds("2 // comment\n/ 2"));
        Assert.Equal("Integer:2 Symbol:+ Integer:2 End:", Kinds("2 + /* inline $@%^+ * */ 2"));
    }

    [Fact]
    public void Unterminated_block_comment_is_a_syntax_error_at_its_start()
    {
        var error = Assert.Throws<FhirPathSyntaxException>(() => FhirPathLexer.Tokenize("2 + 2 /* not finished"));
        Assert.Equal(6, error.Position);
    }

    [Theory]
    [InlineData(@"'\\'", "\\")]
    [InlineData(@"'\/'", "/")]
    [InlineData(@"'\f\r\n\t'", "\f\r\n\t")]
    [InlineData(@"'\""\`\''", "\"`'")]
    [InlineData(@"'\u002a\u00E9'", "*é")]
    public void String_escapes_are_decoded(string text, string value)
    {
        Assert.Equal(value, FhirPathLexer.Tokenize(text)[0].Value);
    }

    [Theory]
    [InlineData(@"'a\qb'", 2)]
    [InlineData(@"'\u12'", 1)]
    [InlineData(@"'abc\", 4)]
    [InlineData("'abc", 0)]
    [InlineData("`abc", 0)]
    [InlineData("a # b", 2)]
    [InlineData("a ! b", 2)]
    [InlineData("$that", 0)]
    [InlineData("$", 0)]
    [InlineData("@", 0)]
    [InlineData("@T", 0)]
    [InlineData("@201", 0)]
    public void Malformed_tokens_are_syntax_errors_with_a_position(string text, int position)
    {
        var error = Assert.Throws<FhirPathSyntaxException>(() => FhirPathLexer.Tokenize(text));
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Backtick_identifiers_are_never_keywords()
    {
        var token = FhirPathLexer.Tokenize("`div`")[0];
        Assert.Equal(TokenKind.DelimitedIdentifier, token.Kind);
        Assert.Equal("div", token.Value);
        Assert.False(token.IsKeyword("div"));
    }
}
