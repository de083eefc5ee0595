using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Parsing;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Parsing;

public class FhirPathParserSyntaxErrorTests
{
    [Theory]
    [InlineData("2 + 2 /", 7, "Expected an expression at position 7 but found end of expression")]
    [InlineData("2 + 2 /* not finished", 6, "'*/'")]
    [InlineData("Patient.name.", 13, "Expected an identifier after '.' at position 13 but found end of expression")]
    [InlineData("(1 + 2", 6, "Expected ')' at position 6 but found end of expression")]
    [InlineData("1 +", 3, "Expected an expression")]
    [InlineData("a # b", 2, "Unexpected character '#'")]
    [InlineData("a b", 2, "Expected an operator or end of expression at position 2 but found 'b'")]
    [InlineData("f(1, )", 5, "Expected an expression at position 5 but found ')'")]
    [InlineData("f(1 2)", 4, "Expected ')' at position 4 but found number 2")]
    [InlineData("a[0", 3, "Expected ']'")]
    [InlineData("a[]", 2, "Expected an expression")]
    [InlineData("{ 1 }", 2, "Expected '}'")]
    [InlineData("x is 'a'", 5, "Expected a type name")]
    [InlineData("x is", 4, "Expected a type name at position 4 but found end of expression")]
    [InlineData("x is A.B.C", 9, "third part")]
    [InlineData("%", 1, "Expected a variable name")]
    [InlineData("% 1", 2, "Expected a variable name")]
    [InlineData("a and", 5, "Expected an expression")]
    [InlineData("and", 0, "Expected an expression at position 0 but found 'and'")]
    [InlineData("div(1)", 0, "Expected an expression")]
    [InlineData("a.$this", 2, "Expected an identifier after '.'")]
    [InlineData("1L 'mg'", 3, "Expected an operator or end of expression")]
    [InlineData(")", 0, "Expected an expression")]
    [InlineData("", 0, "Expected an expression at position 0 but found end of expression")]
    [InlineData("   // only a comment", 20, "end of expression")]
    public void Malformed_expression_reports_what_was_expected_and_where(string text, int position, string message)
    {
        var error = Assert.Throws<FhirPathSyntaxException>(() => FhirPathParser.Parse(text));
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_a_syntax_error_not_a_stack_overflow()
    {
        var text = new string('(', 100_000) + "1" + new string(')', 100_000);
        var error = Assert.Throws<FhirPathSyntaxException>(() => FhirPathParser.Parse(text));
        Assert.Contains("nests deeper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_unary_chain_is_a_syntax_error_not_a_stack_overflow()
    {
        Assert.Throws<FhirPathSyntaxException>(() => FhirPathParser.Parse(new string('-', 100_000) + "1"));
    }

    [Fact]
    public void Every_prefix_of_a_complex_expression_parses_or_fails_with_a_syntax_error()
    {
        // Truncation at every offset exercises every "found end of expression" path without any other exception type.
        const string text = "Patient.name.where(use = 'official' and given.exists()).select(given[0] & ' ' & family) | %`ext`.is(FHIR.Patient) implies -1.5 'mg' < @2014-01-25T10:00Z";
        for (var i = 0; i <= text.Length; i++)
        {
            try
            {
                FhirPathParser.Parse(text[..i]);
            }
            catch (FhirPathSyntaxException error)
            {
                Assert.InRange(error.Position, 0, i);
            }
        }
    }
}
