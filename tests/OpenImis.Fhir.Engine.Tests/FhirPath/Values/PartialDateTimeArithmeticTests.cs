using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Values;

public class PartialDateTimeArithmeticTests
{
    private static PartialDateTime L(string text)
    {
        Assert.True(PartialDateTime.TryParseLiteral(text, out var value), text);
        return value!;
    }

    private static string? Plus(string literal, string value, string unit) =>
        L(literal).Add(new Quantity(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit))?.ToString();

    private static string? Minus(string literal, string value, string unit) =>
        L(literal).Subtract(new Quantity(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), unit))?.ToString();

    [Theory]
    [InlineData("1973-12-25", "7", "days", "@1974-01-01")]
    [InlineData("1973-12-25", "7.7", "days", "@1974-01-01")]
    [InlineData("1973-12-25T00:00:00.000+10:00", "7", "days", "@1974-01-01T00:00:00.000+10:00")]
    [InlineData("1973-12-25T00:00:00.000+10:00", "7.7", "days", "@1974-01-01T00:00:00.000+10:00")]
    [InlineData("1973-12-25T00:00:00.000+10:00", "1", "second", "@1973-12-25T00:00:01.000+10:00")]
    [InlineData("1973-12-25T00:00:00.000+10:00", "10", "millisecond", "@1973-12-25T00:00:00.010+10:00")]
    [InlineData("1973-12-25T00:00:00.000+10:00", "1", "minute", "@1973-12-25T00:01:00.000+10:00")]
    [InlineData("1973-12-25T00:00:00.000+10:00", "1", "hour", "@1973-12-25T01:00:00.000+10:00")]
    [InlineData("1973-12-25", "1", "day", "@1973-12-26")]
    [InlineData("1973-12-25", "1", "month", "@1974-01-25")]
    [InlineData("1973-12-25", "1", "week", "@1974-01-01")]
    [InlineData("1973-12-25", "1", "year", "@1974-12-25")]
    public void conformance_suite_additions(string start, string value, string unit, string expected) =>
        Assert.Equal(expected, Plus(start, value, unit));

    [Theory]
    [InlineData("1974-12-25", "1", "month", "@1974-11-25")]
    [InlineData("2014-03-31", "1", "month", "@2014-02-28")]
    [InlineData("2014-01-01", "1", "day", "@2013-12-31")]
    [InlineData("2014-01-01T00:00:00Z", "1", "s", "@2013-12-31T23:59:59Z")]
    public void subtraction_goes_backwards(string start, string value, string unit, string expected) =>
        Assert.Equal(expected, Minus(start, value, unit));

    [Theory]
    [InlineData("2014-01-31", "1", "month", "@2014-02-28")]
    [InlineData("2016-01-31", "1", "month", "@2016-02-29")]
    [InlineData("2016-02-29", "1", "year", "@2017-02-28")]
    [InlineData("2016-02-29", "4", "years", "@2020-02-29")]
    [InlineData("2014-08-31", "1", "months", "@2014-09-30")]
    [InlineData("2015-02-28", "1", "day", "@2015-03-01")]
    [InlineData("2016-02-28", "1", "day", "@2016-02-29")]
    public void month_arithmetic_clamps_to_the_end_of_the_month_and_respects_leap_years(string start, string value, string unit, string expected) =>
        Assert.Equal(expected, Plus(start, value, unit));

    [Theory]
    [InlineData("2014", "24", "months", "@2016")]
    [InlineData("2014", "23", "months", "@2015")]
    [InlineData("2014", "1", "year", "@2015")]
    [InlineData("2014-01", "14", "months", "@2015-03")]
    [InlineData("2014-01", "1", "year", "@2015-01")]
    [InlineData("2014-01", "45", "days", "@2014-02")]
    [InlineData("2014-01-01", "25", "hours", "@2014-01-02")]
    [InlineData("2014-01-01", "23", "hours", "@2014-01-01")]
    [InlineData("2014-01-01T10", "90", "minutes", "@2014-01-01T11")]
    [InlineData("2014-01-01T10:00:00", "1.5", "seconds", "@2014-01-01T10:00:01")]
    [InlineData("2014-01-01T10:00:00.000", "1.5", "seconds", "@2014-01-01T10:00:01.000")]
    public void a_duration_finer_than_the_value_is_truncated_to_its_precision(string start, string value, string unit, string expected) =>
        Assert.Equal(expected, Plus(start, value, unit));

    [Theory]
    [InlineData("2014-01-01", "1", "wk", "@2014-01-08")]
    [InlineData("2014-01-01", "2", "d", "@2014-01-03")]
    [InlineData("2014-01-01T10:00", "2", "h", "@2014-01-01T12:00")]
    [InlineData("2014-01-01T10:00", "15", "min", "@2014-01-01T10:15")]
    [InlineData("2014-01-01T10:00:00.000", "250", "ms", "@2014-01-01T10:00:00.250")]
    public void ucum_codes_of_calendar_units_act_as_the_calendar_keywords(string start, string value, string unit, string expected) =>
        Assert.Equal(expected, Plus(start, value, unit));

    [Theory]
    [InlineData("T23:30", "45", "minutes", "@T00:15")]
    [InlineData("T00:15", "-30", "minutes", "@T23:45")]
    [InlineData("T10:00:00.000", "1.25", "s", "@T10:00:01.000")]
    [InlineData("T10", "3", "hours", "@T13")]
    public void time_arithmetic_wraps_around_midnight(string start, string value, string unit, string expected) =>
        Assert.Equal(expected, Plus(start, value, unit));

    [Theory]
    [InlineData("2014-01-01", "1", "cm")]
    [InlineData("2014-01-01", "1", "1")]
    [InlineData("2014-01-01", "1", "nonsense")]
    [InlineData("2014-01-01", "1", "a")]
    [InlineData("2014-01-01", "1", "mo")]
    [InlineData("2014-01-01T10:00:00", "2", "ks")]
    [InlineData("T10:00", "1", "month")]
    [InlineData("T10:00", "1", "year")]
    [InlineData("9999-12-31", "1", "day")]
    [InlineData("0001-01-01", "-1", "day")]
    public void non_time_units_and_out_of_range_results_give_null(string start, string value, string unit) =>
        Assert.Null(Plus(start, value, unit));

    [Fact]
    public void the_zone_and_kind_are_kept()
    {
        var result = L("2014-01-01T23:00+05:00").Add(new Quantity(2m, "hours"))!;
        Assert.Equal(TimeSpan.FromHours(5), result.Offset);
        Assert.Equal(TemporalKind.DateTime, result.Kind);
        Assert.Equal("@2014-01-02T01:00+05:00", result.ToString());
    }
}
