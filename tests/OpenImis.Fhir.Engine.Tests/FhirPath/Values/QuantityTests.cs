using System.Globalization;
using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Values;

public class QuantityTests
{
    private static Quantity Q(string value, string unit) => new(decimal.Parse(value, CultureInfo.InvariantCulture), unit);

    [Theory]
    [InlineData("5", "5", "1")]
    [InlineData("5.5 'mg'", "5.5", "mg")]
    [InlineData("-5.50 'mg'", "-5.50", "mg")]
    [InlineData("+2 'cm'", "2", "cm")]
    [InlineData("3 days", "3", "days")]
    [InlineData("1 day", "1", "day")]
    [InlineData("4 'wk'", "4", "wk")]
    [InlineData("4'wk'", "4", "wk")]
    [InlineData("1 '{beats}/min'", "1", "{beats}/min")]
    [InlineData("1 'it\\'s'", "1", "it's")]
    public void text_parses_to_value_and_unit(string text, string value, string unit)
    {
        Assert.True(Quantity.TryParse(text, out var quantity), text);
        Assert.Equal(value, quantity.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(unit, quantity.Unit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mg")]
    [InlineData("5 mg")]
    [InlineData("5 fortnights")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("5 'mg")]
    [InlineData("5 ''")]
    [InlineData("1,5 'mg'")]
    [InlineData("5 'mg' extra")]
    public void malformed_text_is_rejected(string text) => Assert.False(Quantity.TryParse(text, out _));

    [Theory]
    [InlineData("1", "wk", "1 'wk'")]
    [InlineData("1", "week", "1 week")]
    [InlineData("3.50", "mg", "3.50 'mg'")]
    [InlineData("1", "1", "1 '1'")]
    [InlineData("2", "days", "2 days")]
    public void prints_in_fhirpath_form_keeping_scale(string value, string unit, string expected) =>
        Assert.Equal(expected, Q(value, unit).ToFhirPathString());

    [Fact]
    public void calendar_keywords_are_recognised_in_singular_and_plural()
    {
        Assert.True(Q("1", "year").IsCalendarDuration);
        Assert.True(Q("1", "milliseconds").IsCalendarDuration);
        Assert.False(Q("1", "a").IsCalendarDuration);
        Assert.False(Q("1", "s").IsCalendarDuration);
        Assert.False(Q("1", "yearss").IsCalendarDuration);
        Assert.Equal("1", new Quantity(1m, "").Unit);
    }

    [Theory]
    [InlineData("4.0000", "g", "4000.0", "mg", true)]
    [InlineData("4", "g", "4040", "mg", false)]
    [InlineData("7", "days", "1", "week", true)]
    [InlineData("7", "days", "1", "wk", true)]
    [InlineData("1", "day", "1", "d", true)]
    [InlineData("1", "wk", "1", "week", true)]
    [InlineData("1", "year", "12", "months", true)]
    [InlineData("1", "m", "100", "cm", true)]
    [InlineData("1", "km", "1000", "m", true)]
    [InlineData("1", "L", "1000", "mL", true)]
    [InlineData("1", "l", "1", "dm3", true)]
    [InlineData("1", "h", "3600", "s", true)]
    [InlineData("2", "min", "120", "s", true)]
    [InlineData("1", "[in_i]", "2.54", "cm", true)]
    [InlineData("1", "[lb_av]", "453.59237", "g", true)]
    [InlineData("16", "[oz_av]", "1", "[lb_av]", true)]
    [InlineData("760", "mm[Hg]", "101.325", "kPa", false)]
    [InlineData("1", "%", "0.01", "1", true)]
    [InlineData("60", "{beats}/min", "1", "/s", true)]
    [InlineData("1", "[IU]", "1", "[iU]", true)]
    [InlineData("1", "mg/dL", "10", "mg/L", true)]
    [InlineData("1", "N", "1", "kg.m/s2", true)]
    [InlineData("1", "J", "1", "N.m", true)]
    [InlineData("1", "m2", "10000", "cm2", true)]
    [InlineData("1", "cm-1", "100", "m-1", true)]
    [InlineData("1", "10*3/L", "1000", "/L", true)]
    public void equality_converts_units(string leftValue, string leftUnit, string rightValue, string rightUnit, bool expected)
    {
        Assert.Equal(expected, Quantity.AreEqual(Q(leftValue, leftUnit), Q(rightValue, rightUnit)));
        Assert.Equal(expected, Quantity.AreEqual(Q(rightValue, rightUnit), Q(leftValue, leftUnit)));
    }

    [Theory]
    [InlineData("1", "cm", "1", "s")]
    [InlineData("1", "cm", "1", "[s]")]
    [InlineData("1", "mo", "1", "month")]
    [InlineData("1", "a", "1", "year")]
    [InlineData("1", "month", "30", "days")]
    [InlineData("1", "[IU]", "1", "mg")]
    [InlineData("1", "kg", "1", "unknown")]
    public void incomparable_units_give_no_equality_and_no_order(string leftValue, string leftUnit, string rightValue, string rightUnit)
    {
        Assert.Null(Quantity.AreEqual(Q(leftValue, leftUnit), Q(rightValue, rightUnit)));
        Assert.Null(Quantity.Compare(Q(leftValue, leftUnit), Q(rightValue, rightUnit)));
        Assert.False(Q(leftValue, leftUnit).IsComparableTo(Q(rightValue, rightUnit)));
    }

    [Fact]
    public void identical_unknown_units_still_compare_by_value()
    {
        Assert.True(Quantity.AreEqual(Q("1", "foo"), Q("1.0", "foo")));
        Assert.Equal(-1, Quantity.Compare(Q("1", "foo"), Q("2", "foo")));
    }

    [Theory]
    [InlineData("4", "g", "4000", "mg", true)]
    [InlineData("4", "g", "4040", "mg", true)]
    [InlineData("4", "g", "4600", "mg", false)]
    [InlineData("4.0", "g", "4040", "mg", true)]
    [InlineData("4.00", "g", "4040", "mg", false)]
    [InlineData("1", "a", "1", "year", true)]
    [InlineData("1", "mo", "1", "month", true)]
    [InlineData("1", "cm", "1", "s", false)]
    [InlineData("1.0", "1", "1", "1", true)]
    public void equivalence_uses_the_precision_of_the_less_precise_operand(string leftValue, string leftUnit, string rightValue, string rightUnit, bool expected) =>
        Assert.Equal(expected, Quantity.AreEquivalent(Q(leftValue, leftUnit), Q(rightValue, rightUnit)));

    [Theory]
    [InlineData("6", "days", "1", "week", -1)]
    [InlineData("8", "days", "1", "week", 1)]
    [InlineData("185", "[lb_av]", "200", "[lb_av]", -1)]
    [InlineData("185", "[lb_av]", "80", "kg", 1)]
    [InlineData("1", "m", "99", "cm", 1)]
    [InlineData("1", "m", "100.0", "cm", 0)]
    [InlineData("11", "months", "1", "year", -1)]
    public void ordering_converts_units(string leftValue, string leftUnit, string rightValue, string rightUnit, int expected) =>
        Assert.Equal(expected, Quantity.Compare(Q(leftValue, leftUnit), Q(rightValue, rightUnit)));

    [Fact]
    public void comparable_accepts_units_of_the_same_dimension() =>
        Assert.True(Q("1", "cm").IsComparableTo(Q("1", "[in_i]")));

    [Fact]
    public void convert_to_changes_the_unit_and_rejects_other_dimensions()
    {
        Assert.Equal(1500m, Q("1.5", "g").ConvertTo("mg")!.Value);
        Assert.Equal("mg", Q("1.5", "g").ConvertTo("mg")!.Unit);
        Assert.Equal(48m, Q("2", "days").ConvertTo("h")!.Value);
        Assert.Null(Q("1", "g").ConvertTo("m"));
        Assert.Null(Q("1", "year").ConvertTo("d"));
    }
}
