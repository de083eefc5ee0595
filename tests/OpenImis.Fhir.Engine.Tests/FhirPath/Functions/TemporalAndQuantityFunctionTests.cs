using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Values;
using static OpenImis.Fhir.Engine.Tests.FhirPath.Functions.FunctionTestSupport;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Functions;

public class TemporalAndQuantityFunctionTests
{
    [Theory]
    [InlineData("@2014-12-14.toString() = '2014-12-14'")]
    [InlineData("'2015'.convertsToDate()")]
    [InlineData("'2015-02-04'.convertsToDate()")]
    [InlineData("'2015-02-04T14'.convertsToDateTime()")]
    [InlineData("'2015-02-04T14:34:28.123'.convertsToDateTime()")]
    [InlineData("'2015-02-04T14:34:28+10:00'.convertsToDateTime()")]
    [InlineData("'14'.convertsToTime()")]
    [InlineData("'14:34:28.123'.convertsToTime()")]
    [InlineData("'2015-02-04'.toDate() = @2015-02-04")]
    [InlineData("@2015-02-04T10:00:00Z.toDate() = @2015-02-04")]
    [InlineData("@2015-02-04.toDateTime() = @2015-02-04T")]
    [InlineData("'x'.convertsToDate().not()")]
    [InlineData("@2014.precision() = 4")]
    [InlineData("@2014-01-05T10:30:00.000.precision() = 17")]
    [InlineData("@T10:30.precision() = 4")]
    [InlineData("@T10:30:00.000.precision() = 9")]
    [InlineData("1.toQuantity() = 1 '1'")]
    [InlineData("'1 day'.toQuantity() = 1 day")]
    [InlineData("'1 \\'wk\\''.toQuantity() = 1 week")]
    [InlineData("'1.0'.toQuantity() ~ 1 '1'")]
    [InlineData("1000 'mg'.toQuantity('g') = 1 'g'")]
    [InlineData("1 'mg'.toQuantity('s').empty()")]
    [InlineData("1 'cm'.comparable(1 '[in_i]')")]
    [InlineData("1 'cm'.comparable(1 's').not()")]
    [InlineData("(-5.5 'mg').abs() = 5.5 'mg'")]
    [InlineData("today().toString().length() = 10")]
    [InlineData("now().toString().length() > 10")]
    [InlineData("now() = now()")]
    [InlineData("timeOfDay().toString().length() > 5")]
    public void Functions_on_dates_and_quantities(string expression) => AssertTrue(expression);

    [Theory]
    [InlineData("1.587 'cm'.lowBoundary(8)", "1.58650000 'cm'")]
    [InlineData("1.587 'm'.highBoundary(8)", "1.58750000 'm'")]
    [InlineData("'1'.toQuantity()", "1 '1'")]
    [InlineData("@2014.lowBoundary(6)", "@2014-01")]
    [InlineData("@2014.highBoundary(6)", "@2014-12")]
    [InlineData("@2014-01-01T08.lowBoundary(17)", "@2014-01-01T08:00:00.000+14:00")]
    [InlineData("@2014-01-01T08:05+08:00.lowBoundary(17)", "@2014-01-01T08:05:00.000+08:00")]
    // The suite prints "@2014-01-01"; a day-precision DateTime prints with a trailing T here (Values ToString).
    [InlineData("@2014-01-01T08.lowBoundary(8)", "@2014-01-01T")]
    [InlineData("@T10:30.lowBoundary(9)", "@T10:30:00.000")]
    [InlineData("@2014-01-01T08.highBoundary(17)", "@2014-01-01T08:00:59.999-12:00")]
    [InlineData("@2014-01-01T08:05-05:00.highBoundary(17)", "@2014-01-01T08:05:59.999-05:00")]
    [InlineData("@T10:30.highBoundary(9)", "@T10:30:59.999")]
    public void Boundaries_print_as_the_suite_expects(string expression, string expected)
    {
        var result = Assert.Single(Eval(expression));
        Assert.Equal(expected, result.ToString());
    }

    [Fact]
    public void Clock_comes_from_the_environment()
    {
        var clock = new FixedClock(new DateTimeOffset(2024, 3, 5, 14, 30, 15, 123, TimeSpan.FromHours(2)));
        var environment = new FhirPathEnvironment { Clock = clock };
        Assert.Equal("2024-03-05", ((PartialDateTime)Assert.Single(Eval("today()", null, environment))).ToFhirString());
        Assert.Equal("14:30:15.123", ((PartialDateTime)Assert.Single(Eval("timeOfDay()", null, environment))).ToFhirString());
        Assert.Equal("2024-03-05T14:30:15.123+02:00", ((PartialDateTime)Assert.Single(Eval("now()", null, environment))).ToFhirString());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.CreateCustomTimeZone("test", now.Offset, "test", "test");
    }
}
