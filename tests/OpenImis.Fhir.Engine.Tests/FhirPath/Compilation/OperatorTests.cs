using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Compilation;

public class OperatorTests
{
    private static readonly FhirPathEngine Engine = new(FhirModel.Empty);

    private static object[] Eval(string expression) => [.. Engine.Compile(expression).Evaluate(null)];

    [Theory]
    [InlineData("1 + 2 * 3", 7L)]
    [InlineData("(1 + 2) * 3", 9L)]
    [InlineData("7 div 2", 3L)]
    [InlineData("7 mod 2", 1L)]
    [InlineData("-7 div 2", -3L)]
    [InlineData("2 - 5", -3L)]
    [InlineData("2 * 3", 6L)]
    [InlineData("-(2 * 3)", -6L)]
    public void Integer_arithmetic_stays_integer(string expression, long expected)
    {
        var result = Assert.Single(Eval(expression));
        Assert.Equal(expected, Assert.IsType<long>(result));
    }

    [Theory]
    [InlineData("1 / 2", "0.5")]
    [InlineData("1.5 + 1", "2.5")]
    [InlineData("2.0 * 1.5", "3.00")]
    public void Decimal_arithmetic_keeps_decimals(string expression, string expected)
    {
        var result = Assert.Single(Eval(expression));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.IsType<decimal>(result));
    }

    [Theory]
    [InlineData("1 / 0")]
    [InlineData("1 div 0")]
    [InlineData("9223372036854775807 + 1")]
    [InlineData("{} + 1")]
    public void Division_by_zero_overflow_and_empty_operands_give_empty(string expression)
    {
        Assert.Empty(Eval(expression));
    }

    [Theory]
    [InlineData("true and {}", null)]
    [InlineData("false and {}", false)]
    [InlineData("true or {}", true)]
    [InlineData("false or {}", null)]
    [InlineData("{} implies true", true)]
    [InlineData("false implies {}", true)]
    [InlineData("true implies {}", null)]
    [InlineData("true xor false", true)]
    [InlineData("true xor {}", null)]
    public void Boolean_operators_use_three_valued_logic(string expression, bool? expected)
    {
        var result = Eval(expression);
        if (expected is null) Assert.Empty(result);
        else Assert.Equal(expected.Value, Assert.IsType<bool>(Assert.Single(result)));
    }

    [Theory]
    [InlineData("1 = 1.0", true)]
    [InlineData("'a' = 'A'", false)]
    [InlineData("'a' ~ 'A'", true)]
    [InlineData("(1 | 2) = (1 | 2)", true)]
    [InlineData("(1 | 2) = (2 | 1)", false)]
    [InlineData("(1 | 2) ~ (2 | 1)", true)]
    [InlineData("1.2 ~ 1.21", true)]
    [InlineData("1.20 ~ 1.21", true)]
    [InlineData("1.2 ~ 1.3", false)]
    [InlineData("1 != 2", true)]
    [InlineData("2 in (1 | 2)", true)]
    [InlineData("(1 | 2) contains 3", false)]
    [InlineData("'abc' < 'abd'", true)]
    [InlineData("3 >= 3.0", true)]
    public void Equality_and_comparison(string expression, bool expected)
    {
        Assert.Equal(expected, Assert.IsType<bool>(Assert.Single(Eval(expression))));
    }

    [Fact]
    public void Equality_with_an_empty_operand_is_empty()
    {
        Assert.Empty(Eval("{} = 1"));
        Assert.Empty(Eval("1 != {}"));
    }

    [Fact]
    public void Union_removes_duplicates_and_keeps_order()
    {
        Assert.Equal([1L, 2L, 3L], Eval("1 | 2 | 1 | 3 | 2"));
    }

    [Fact]
    public void Comparing_a_string_with_a_number_is_an_error()
    {
        var error = Assert.Throws<FhirPathEvaluationException>(() => Eval("'a' < 1"));
        Assert.Contains("Cannot compare", error.Message);
    }

    [Fact]
    public void An_operator_on_several_items_is_an_error_with_its_position()
    {
        var error = Assert.Throws<FhirPathEvaluationException>(() => Eval("(1 | 2) + 1"));
        Assert.Equal(8, error.Position);
    }

    [Fact]
    public void Indexer_picks_one_item_and_out_of_range_is_empty()
    {
        Assert.Equal([20L], Eval("(10 | 20 | 30)[1]"));
        Assert.Empty(Eval("(10 | 20)[5]"));
    }

    [Fact]
    public void String_concatenation_treats_empty_as_empty_string()
    {
        Assert.Equal(["ab"], Eval("'a' & 'b'"));
        Assert.Equal(["a"], Eval("'a' & {}"));
        Assert.Empty(Eval("'a' + {}"));
    }

    [Theory]
    [InlineData("1 is Integer", true)]
    [InlineData("1 is System.Integer", true)]
    [InlineData("1.0 is Decimal", true)]
    [InlineData("'x' is String", true)]
    [InlineData("'x' is Integer", false)]
    public void Type_tests_on_system_values(string expression, bool expected)
    {
        Assert.Equal(expected, Assert.IsType<bool>(Assert.Single(Eval(expression))));
    }

    [Fact]
    public void Unknown_function_and_wrong_arity_are_compile_errors()
    {
        Assert.Throws<FhirPathCompileException>(() => Engine.Compile("1.noSuchFunction()"));
        Assert.Throws<FhirPathCompileException>(() => Engine.Compile("1.is()"));
        Assert.Throws<FhirPathCompileException>(() => Engine.Compile("1 is NoSuchType"));
    }

    [Fact]
    public void Compiled_expressions_are_cached_by_text()
    {
        Assert.Same(Engine.Compile("1 + 1"), Engine.Compile("1 + 1"));
    }

    [Fact]
    public void Unknown_environment_variable_is_an_evaluation_error()
    {
        Assert.Throws<FhirPathEvaluationException>(() => Eval("%nope"));
        Assert.Equal(["http://unitsofmeasure.org"], Eval("%ucum"));
        Assert.Equal(["http://hl7.org/fhir/ValueSet/administrative-gender"], Eval("%`vs-administrative-gender`"));
    }
}
