using OpenImis.Fhir.Engine.FhirPath.Ast;
using OpenImis.Fhir.Engine.FhirPath.Parsing;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Parsing;

public class FhirPathParserOperatorTests
{
    private static string Parse(string text) => AstPrinter.Print(FhirPathParser.Parse(text));

    [Theory]
    [InlineData("1 + 2 * 3", "(+ 1 (* 2 3))")]
    [InlineData("1+2*3+4 = 11", "(= (+ (+ 1 (* 2 3)) 4) 11)")]
    [InlineData("1 - 2 - 3", "(- (- 1 2) 3)")]
    [InlineData("8 / 4 div 2 mod 3", "(mod (div (/ 8 4) 2) 3)")]
    [InlineData("'a' & 'b' + 'c'", "(+ (& 'a' 'b') 'c')")]
    [InlineData("a | b = c", "(= (| a b) c)")]
    [InlineData("a < b = c <= d", "(= (< a b) (<= c d))")]
    [InlineData("a > b != c >= d", "(!= (> a b) (>= c d))")]
    [InlineData("a ~ b !~ c", "(!~ (~ a b) c)")]
    [InlineData("a = b in c", "(in (= a b) c)")]
    [InlineData("c contains a = b", "(contains c (= a b))")]
    [InlineData("true and '0215' in ('0215' | '0216')", "(and true (in '0215' (| '0215' '0216')))")]
    [InlineData("a and b or c xor d", "(xor (or (and a b) c) d)")]
    [InlineData("a implies b or c", "(implies a (or b c))")]
    [InlineData("a implies b implies c", "(implies (implies a b) c)")]
    [InlineData("(1 + 2) * 3", "(* (+ 1 2) 3)")]
    public void Binary_operators_follow_the_spec_precedence(string text, string expected)
    {
        Assert.Equal(expected, Parse(text));
    }

    [Theory]
    [InlineData("1 > 2 is Boolean", "(> 1 (is 2 Boolean))")]
    [InlineData("(1 | 1 is Integer).count()", "(| 1 (is 1 Integer)).count()")]
    [InlineData("1 + 2 is Integer", "(is (+ 1 2) Integer)")]
    [InlineData("Patient is FHIR.Patient", "(is Patient FHIR.Patient)")]
    [InlineData("x as System.String", "(as x System.String)")]
    [InlineData("x is FHIR.`Patient`", "(is x FHIR.Patient)")]
    [InlineData("x as Quantity | y as Period", "(| (as x Quantity) (as y Period))")]
    [InlineData("x is Integer is Boolean", "(is (is x Integer) Boolean)")]
    public void Is_and_as_take_a_type_specifier(string text, string expected)
    {
        Assert.Equal(expected, Parse(text));
    }

    [Fact]
    public void Type_specifier_records_namespace_and_position()
    {
        var operation = Assert.IsType<TypeOperation>(FhirPathParser.Parse("x is FHIR.Patient"));
        Assert.Equal(new TypeSpecifier(5, "FHIR", "Patient"), operation.Type);
        Assert.Equal(2, operation.Position);
        Assert.Equal(TypeOperator.Is, operation.Operator);
    }

    [Theory]
    [InlineData("-1", "-1")]
    [InlineData("- 1", "-1")]
    [InlineData("+1", "1")]
    [InlineData("-0.1", "-0.1m")]
    [InlineData("(-1).power(0.5)", "-1.power(0.5m)")]
    [InlineData("-1.convertsToInteger()", "(neg 1.convertsToInteger())")]
    [InlineData("-0.1.convertsToDecimal()", "(neg 0.1m.convertsToDecimal())")]
    [InlineData("-Patient.x", "(neg Patient.x)")]
    [InlineData("-a[0]", "(neg a[0])")]
    [InlineData("-a * b", "(* (neg a) b)")]
    [InlineData("1 - -1", "(- 1 -1)")]
    [InlineData("--1", "1")]
    [InlineData("+x", "(pos x)")]
    public void Unary_sign_binds_looser_than_invocation_and_folds_into_number_literals(string text, string expected)
    {
        Assert.Equal(expected, Parse(text));
    }

    [Fact]
    public void Folded_negative_literal_starts_at_the_sign()
    {
        Assert.Equal(new IntegerLiteral(2, -5), FhirPathParser.Parse("  -5"));
    }

    [Fact]
    public void Binary_operation_is_positioned_at_its_operator()
    {
        var operation = Assert.IsType<BinaryOperation>(FhirPathParser.Parse("a and b"));
        Assert.Equal(2, operation.Position);
        Assert.Equal(BinaryOperator.And, operation.Operator);
    }

    [Fact]
    public void Backticked_keyword_is_an_identifier_not_an_operator()
    {
        Assert.Equal("a.and", Parse("a.`and`"));
    }
}
