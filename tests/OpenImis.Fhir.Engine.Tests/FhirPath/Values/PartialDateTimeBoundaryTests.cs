using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Values;

public class PartialDateTimeBoundaryTests
{
    private static PartialDateTime L(string text)
    {
        Assert.True(PartialDateTime.TryParseLiteral(text, out var value), text);
        return value!;
    }

    [Theory]
    [InlineData("2014", 6, "@2014-01")]
    [InlineData("2014-01-01T08", 17, "@2014-01-01T08:00:00.000+14:00")]
    [InlineData("2014-01-01T08:05+08:00", 17, "@2014-01-01T08:05:00.000+08:00")]
    [InlineData("2014-01-01T08", 8, "@2014-01-01T")]
    [InlineData("T10:30", 9, "@T10:30:00.000")]
    [InlineData("2014", null, "@2014-01-01")]
    [InlineData("2014T", null, "@2014-01-01T00:00:00.000+14:00")]
    [InlineData("T10", null, "@T10:00:00.000")]
    [InlineData("2014-05-17", 4, "@2014")]
    public void low_boundary_fills_the_least_values(string literal, int? precision, string expected) =>
        Assert.Equal(expected, L(literal).LowBoundary(precision)?.ToString());

    [Theory]
    [InlineData("2014", 6, "@2014-12")]
    [InlineData("2014-01-01T08", 17, "@2014-01-01T08:00:59.999-12:00")]
    [InlineData("2014-01-01T08:05-05:00", 17, "@2014-01-01T08:05:59.999-05:00")]
    [InlineData("T10:30", 9, "@T10:30:59.999")]
    [InlineData("T10", 9, "@T10:59:59.999")]
    [InlineData("2014", null, "@2014-12-31")]
    [InlineData("2016-02", 8, "@2016-02-29")]
    [InlineData("2015-02", 8, "@2015-02-28")]
    [InlineData("2014-06T", 17, "@2014-06-30T23:59:59.999-12:00")]
    [InlineData("2014-06-10T", 12, "@2014-06-10T23:59-12:00")]
    public void high_boundary_fills_the_greatest_values(string literal, int? precision, string expected) =>
        Assert.Equal(expected, L(literal).HighBoundary(precision)?.ToString());

    [Theory]
    [InlineData("2014", 10)]
    [InlineData("2014", 17)]
    [InlineData("2014", 5)]
    [InlineData("2014", -1)]
    [InlineData("2014T", 9)]
    [InlineData("2014T", 18)]
    [InlineData("T10", 8)]
    [InlineData("T10", 17)]
    public void invalid_boundary_precisions_give_null(string literal, int precision)
    {
        Assert.Null(L(literal).LowBoundary(precision));
        Assert.Null(L(literal).HighBoundary(precision));
    }

    [Fact]
    public void low_boundary_of_an_identified_period_start_is_before_high_boundary_of_its_end()
    {
        var low = L("2014-01-01").ToDateTime()!.LowBoundary();
        var high = L("2014-01-01").ToDateTime()!.HighBoundary();
        Assert.Equal(-1, PartialDateTime.Compare(low!, high!));
    }
}
