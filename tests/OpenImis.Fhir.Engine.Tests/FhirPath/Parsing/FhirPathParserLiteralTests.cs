using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Ast;
using OpenImis.Fhir.Engine.FhirPath.Parsing;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Parsing;

public class FhirPathParserLiteralTests
{
    [Fact]
    public void Integer_literal_is_a_long()
    {
        Assert.Equal(new IntegerLiteral(0, 9_223_372_036_854_775_807), FhirPathParser.Parse("9223372036854775807"));
    }

    [Fact]
    public void Long_suffix_maps_to_an_integer_literal()
    {
        Assert.Equal(new IntegerLiteral(0, 42), FhirPathParser.Parse("42L"));
    }

    [Fact]
    public void Integer_out_of_range_is_a_syntax_error()
    {
        var error = Assert.Throws<FhirPathSyntaxException>(() => FhirPathParser.Parse("1 + 9223372036854775808"));
        Assert.Equal(4, error.Position);
    }

    [Fact]
    public void Decimal_literal_keeps_its_scale()
    {
        var literal = Assert.IsType<DecimalLiteral>(FhirPathParser.Parse("1.50"));
        Assert.Equal("1.50", literal.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Booleans_strings_and_empty_collection()
    {
        Assert.Equal(new BooleanLiteral(0, true), FhirPathParser.Parse("true"));
        Assert.Equal(new BooleanLiteral(1, false), FhirPathParser.Parse(" false"));
        Assert.Equal(new StringLiteral(0, "a'b"), FhirPathParser.Parse(@"'a\'b'"));
        Assert.Equal(new EmptyLiteral(0), FhirPathParser.Parse("{ }"));
    }

    [Theory]
    [InlineData("4.5 'mg'", "4.5[mg]")]
    [InlineData("4 'mg'", "4[mg]")]
    [InlineData("1 '1'", "1[1]")]
    [InlineData("3 days", "3[days]")]
    [InlineData("1 year", "1[year]")]
    [InlineData("7 milliseconds", "7[milliseconds]")]
    [InlineData("-5.5 'mg'", "-5.5[mg]")]
    [InlineData("-5.5 'mg'.value", "(neg 5.5[mg].value)")]
    [InlineData("1 'a' + @2014", "(+ 1[a] @date)")]
    public void Quantity_literals_take_a_string_unit_or_a_calendar_keyword(string text, string expected)
    {
        Assert.Equal(expected, AstPrinter.Print(FhirPathParser.Parse(text)));
    }

    [Fact]
    public void Quantity_literal_holds_value_and_unit()
    {
        var literal = Assert.IsType<QuantityLiteral>(FhirPathParser.Parse("2.50 'wk'"));
        Assert.Equal(2.50m, literal.Value.Value);
        Assert.Equal("wk", literal.Value.Unit);
        Assert.Equal(0, literal.Position);
    }

    [Fact]
    public void A_word_that_is_not_a_calendar_unit_after_a_number_is_left_over()
    {
        var error = Assert.Throws<FhirPathSyntaxException>(() => FhirPathParser.Parse("3 fortnights"));
        Assert.Equal(2, error.Position);
    }

    [Theory]
    [InlineData("@2014")]
    [InlineData("@2014-01-25T14:30:14.559+01:00")]
    [InlineData("@2014-01-25T")]
    [InlineData("@T14:30")]
    [InlineData("@2014-01-01T10Z")]
    public void Date_time_literals_parse_into_a_date_time_node(string text)
    {
        var literal = Assert.IsType<DateTimeLiteral>(FhirPathParser.Parse(text));
        Assert.Equal(0, literal.Position);
    }

    [Fact]
    public void Date_time_the_value_parser_rejects_is_a_syntax_error_at_the_literal()
    {
        // Month 13 passes the lexer's shape check; PartialDateTime.TryParseLiteral rejects it.
        var error = Assert.Throws<FhirPathSyntaxException>(() => FhirPathParser.Parse("x = @2014-13-01"));
        Assert.Equal(4, error.Position);
        Assert.Contains("@2014-13-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_literal_with_a_zone_is_a_syntax_error()
    {
        // The grammar's TIME has no zone (FHIRPath N1 grammar: '@' 'T' TIMEFORMAT), so a zone is a syntax error.
        Assert.Throws<FhirPathSyntaxException>(() => FhirPathParser.Parse("@T14:34:28Z.is(Time)"));
    }
}
