using System.Globalization;
using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Values;

public class QuantityArithmeticTests
{
    private static Quantity Q(string value, string unit) => new(decimal.Parse(value, CultureInfo.InvariantCulture), unit);

    [Fact]
    public void centimetres_times_metres_equals_square_metres()
    {
        var product = Quantity.Multiply(Q("2.0", "cm"), Q("2.0", "m"))!;
        Assert.Equal("cm2", product.Unit);
        Assert.Equal(400m, product.Value);
        Assert.True(Quantity.AreEqual(product, Q("0.040", "m2")));
    }

    [Fact]
    public void grams_divided_by_metres_is_grams_per_metre()
    {
        var quotient = Quantity.Divide(Q("4.0", "g"), Q("2.0", "m"))!;
        Assert.Equal("g/m", quotient.Unit);
        Assert.True(Quantity.AreEqual(quotient, Q("2", "g/m")));
    }

    [Fact]
    public void dividing_like_units_is_unitless()
    {
        var quotient = Quantity.Divide(Q("1.0", "m"), Q("1.0", "m"))!;
        Assert.Equal("1", quotient.Unit);
        Assert.True(Quantity.AreEqual(quotient, Q("1", "1")));
        var mixed = Quantity.Divide(Q("1", "g"), Q("1", "kg"))!;
        Assert.Equal("1", mixed.Unit);
        Assert.Equal(0.001m, mixed.Value);
    }

    [Theory]
    [InlineData("2", "g", "3", "m", "6", "g.m")]
    [InlineData("2", "g", "3", "m/s", "6", "g.(m/s)")]
    [InlineData("2", "1", "3", "mg", "6", "mg")]
    [InlineData("2", "mg", "3", "1", "6", "mg")]
    [InlineData("2", "s", "3", "s", "6", "s2")]
    [InlineData("2", "day", "3", "mg", "6", "d.mg")]
    public void products_join_units(string leftValue, string leftUnit, string rightValue, string rightUnit, string value, string unit)
    {
        var product = Quantity.Multiply(Q(leftValue, leftUnit), Q(rightValue, rightUnit))!;
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), product.Value);
        Assert.Equal(unit, product.Unit);
    }

    [Theory]
    [InlineData("6", "g", "3", "m.s", "2", "g/(m.s)")]
    [InlineData("6", "1", "3", "s", "2", "/s")]
    [InlineData("6", "mg", "3", "1", "2", "mg")]
    public void quotients_join_units(string leftValue, string leftUnit, string rightValue, string rightUnit, string value, string unit)
    {
        var quotient = Quantity.Divide(Q(leftValue, leftUnit), Q(rightValue, rightUnit))!;
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), quotient.Value);
        Assert.Equal(unit, quotient.Unit);
    }

    [Fact]
    public void division_by_zero_is_null() => Assert.Null(Quantity.Divide(Q("1", "g"), Q("0", "m")));

    [Theory]
    [InlineData("1", "m", "50", "cm", "1.50", "m")]
    [InlineData("3", "mg", "2", "mg", "5", "mg")]
    [InlineData("1", "day", "12", "h", "1.5", "day")]
    [InlineData("1", "year", "6", "months", "1.5", "year")]
    [InlineData("1.0", "g", "500", "mg", "1.5", "g")]
    public void sums_are_in_the_left_unit(string leftValue, string leftUnit, string rightValue, string rightUnit, string value, string unit)
    {
        var sum = Quantity.Add(Q(leftValue, leftUnit), Q(rightValue, rightUnit))!;
        Assert.Equal(decimal.Parse(value, CultureInfo.InvariantCulture), sum.Value);
        Assert.Equal(unit, sum.Unit);
    }

    [Fact]
    public void differences_are_in_the_left_unit()
    {
        var difference = Quantity.Subtract(Q("1", "kg"), Q("250", "g"))!;
        Assert.Equal(0.75m, difference.Value);
        Assert.Equal("kg", difference.Unit);
    }

    [Theory]
    [InlineData("1", "m", "1", "s")]
    [InlineData("1", "year", "1", "d")]
    [InlineData("1", "mg", "1", "unknown")]
    public void sums_of_incompatible_units_are_null(string leftValue, string leftUnit, string rightValue, string rightUnit)
    {
        Assert.Null(Quantity.Add(Q(leftValue, leftUnit), Q(rightValue, rightUnit)));
        Assert.Null(Quantity.Subtract(Q(leftValue, leftUnit), Q(rightValue, rightUnit)));
    }

    [Fact]
    public void negate_flips_the_sign_and_keeps_the_unit()
    {
        var negated = Quantity.Negate(Q("5.5", "mg"));
        Assert.Equal(-5.5m, negated.Value);
        Assert.Equal("mg", negated.Unit);
    }

    [Fact]
    public void overflow_gives_null_instead_of_throwing() =>
        Assert.Null(Quantity.Multiply(Q("79228162514264337593543950335", "g"), Q("2", "1")));
}
