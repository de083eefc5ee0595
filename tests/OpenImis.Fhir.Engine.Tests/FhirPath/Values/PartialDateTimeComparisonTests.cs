using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Values;

public class PartialDateTimeComparisonTests
{
    private static PartialDateTime L(string text)
    {
        Assert.True(PartialDateTime.TryParseLiteral(text, out var value), text);
        return value!;
    }

    [Theory]
    [InlineData("2014-12-12", "2014-12-13", -1)]
    [InlineData("2014-12-13", "2014-12-12", 1)]
    [InlineData("2014-12-12", "2014-12-12", 0)]
    [InlineData("2014-12-13T12:00:00", "2014-12-13T12:00:01", -1)]
    [InlineData("T12:00:00", "T14:00:00", -1)]
    [InlineData("T12:00:01", "T12:00:00", 1)]
    [InlineData("2014", "2015-06", -1)]
    [InlineData("2016-01", "2015", 1)]
    [InlineData("2012-04-15T15:30:31", "2012-04-15T15:30:31.0", 0)]
    [InlineData("2012-04-15T15:30:31", "2012-04-15T15:30:31.1", -1)]
    [InlineData("T10:30:00", "T10:30:00.0", 0)]
    public void components_are_compared_from_the_year_down(string left, string right, int expected) =>
        Assert.Equal(expected, PartialDateTime.Compare(L(left), L(right)));

    [Theory]
    [InlineData("2018-03", "2018-03-01")]
    [InlineData("2018-03-01T10:30", "2018-03-01T10:30:00")]
    [InlineData("T10:30", "T10:30:00")]
    [InlineData("2012-04-15", "2012-04-15T10:00:00")]
    public void a_value_that_stops_early_with_equal_components_is_unknown(string left, string right)
    {
        Assert.Null(PartialDateTime.Compare(L(left), L(right)));
        Assert.Null(PartialDateTime.Compare(L(right), L(left)));
        Assert.Null(PartialDateTime.AreEqual(L(left), L(right)));
        Assert.False(PartialDateTime.AreEquivalent(L(left), L(right)));
    }

    [Theory]
    [InlineData("2017-11-05T01:30:00.0-04:00", "2017-11-05T01:15:00.0-05:00", -1)]
    [InlineData("2017-11-05T01:30:00.0-04:00", "2017-11-05T00:30:00.0-05:00", 0)]
    [InlineData("2012-04-15T15:00:00+02:00", "2012-04-15T16:00:00+03:00", 0)]
    [InlineData("2012-04-15T23:00:00-02:00", "2012-04-16T01:00:00Z", 0)]
    [InlineData("2012-04-15T00:30-01:00", "2012-04-15T01:00Z", 1)]
    public void values_with_zones_are_compared_in_utc(string left, string right, int expected) =>
        Assert.Equal(expected, PartialDateTime.Compare(L(left), L(right)));

    [Fact]
    public void a_zone_on_only_one_side_is_unknown_when_the_possible_offsets_straddle_the_other_value()
    {
        Assert.Null(PartialDateTime.AreEqual(L("2012-04-15T15:00:00Z"), L("2012-04-15T10:00:00")));
        Assert.Null(PartialDateTime.Compare(L("2012-04-15T10:00:00"), L("2012-04-15T15:00:00Z")));
        Assert.Null(PartialDateTime.AreEqual(L("2012-04-15T15:00:00Z"), L("2012-04-15T15:00:00")));
    }

    [Fact]
    public void a_zone_on_only_one_side_decides_when_all_possible_offsets_agree()
    {
        Assert.Equal(-1, PartialDateTime.Compare(L("2012-04-15T15:00:00Z"), L("2012-04-17T10:00:00")));
        Assert.Equal(1, PartialDateTime.Compare(L("2012-04-17T10:00:00"), L("2012-04-15T15:00:00Z")));
        Assert.False(PartialDateTime.AreEqual(L("2012-04-15T15:00:00Z"), L("2012-04-17T10:00:00")));
    }

    [Fact]
    public void a_date_compares_with_a_date_time_as_a_date_time_of_the_same_precision()
    {
        Assert.Equal(-1, PartialDateTime.Compare(L("2012-04-15"), L("2012-04-16T10:00:00")));
        Assert.Equal(0, PartialDateTime.Compare(L("2012-04-15"), L("2012-04-15T")));
        Assert.True(PartialDateTime.AreEquivalent(L("2012-04-15"), L("2012-04-15T")));
        Assert.Null(PartialDateTime.AreEqual(L("1974-12-25"), L("1974-12-25T12:34:00+10:00")));
    }

    [Fact]
    public void a_time_is_not_comparable_with_a_date_and_is_never_equal_to_one()
    {
        Assert.Null(PartialDateTime.Compare(L("1974-12-25"), L("T12:14:15")));
        Assert.Null(PartialDateTime.Compare(L("T12:14"), L("1974-12-25T12:14")));
        Assert.False(PartialDateTime.AreEqual(L("1974-12-25"), L("T12:14:15")));
        Assert.False(PartialDateTime.AreEquivalent(L("T12:14"), L("1974-12-25T12:14")));
    }

    [Theory]
    [InlineData("2012-04-15", "2012-04-15", true)]
    [InlineData("2012-04-15", "2012-04-16", false)]
    [InlineData("2012-04-15T15:00:00", "2012-04-15T10:00:00", false)]
    [InlineData("2012-04-15T15:30:31", "2012-04-15T15:30:31.0", true)]
    [InlineData("2012-04-15T15:30:31", "2012-04-15T15:30:31.1", false)]
    [InlineData("2018-03", "2018-04-01", false)]
    public void equality_is_decided_when_the_precisions_allow(string left, string right, bool expected) =>
        Assert.Equal(expected, PartialDateTime.AreEqual(L(left), L(right)));

    [Theory]
    [InlineData("2012-04-15", "2012-04-15", true)]
    [InlineData("2012-04-15", "2012-04-16", false)]
    [InlineData("2012-04-15", "2012-04-15T10:00:00", false)]
    [InlineData("2012-04-15T15:30:31", "2012-04-15T15:30:31.0", true)]
    [InlineData("2012-04-15T15:30:31", "2012-04-15T15:30:31.1", false)]
    [InlineData("2012-04-15T15:00+02:00", "2012-04-15T16:00+03:00", true)]
    [InlineData("2012-04-15T15:00Z", "2012-04-15T15:00", false)]
    public void equivalence_is_false_when_precisions_differ(string left, string right, bool expected) =>
        Assert.Equal(expected, PartialDateTime.AreEquivalent(L(left), L(right)));
}
