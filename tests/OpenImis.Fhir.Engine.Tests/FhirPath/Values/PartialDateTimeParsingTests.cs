using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Values;

public class PartialDateTimeParsingTests
{
    private static PartialDateTime Literal(string text)
    {
        Assert.True(PartialDateTime.TryParseLiteral(text, out var value), text);
        return value!;
    }

    [Theory]
    [InlineData("2014", TemporalKind.Date, DateTimePrecision.Year, "@2014")]
    [InlineData("2014-01", TemporalKind.Date, DateTimePrecision.Month, "@2014-01")]
    [InlineData("2014-01-25", TemporalKind.Date, DateTimePrecision.Day, "@2014-01-25")]
    [InlineData("2014T", TemporalKind.DateTime, DateTimePrecision.Year, "@2014T")]
    [InlineData("2014-01T", TemporalKind.DateTime, DateTimePrecision.Month, "@2014-01T")]
    [InlineData("2014-01-25T", TemporalKind.DateTime, DateTimePrecision.Day, "@2014-01-25T")]
    [InlineData("2014-01-25T14", TemporalKind.DateTime, DateTimePrecision.Hour, "@2014-01-25T14")]
    [InlineData("2014-01-25T14:30", TemporalKind.DateTime, DateTimePrecision.Minute, "@2014-01-25T14:30")]
    [InlineData("2014-01-25T14:30:14", TemporalKind.DateTime, DateTimePrecision.Second, "@2014-01-25T14:30:14")]
    [InlineData("2014-01-25T14:30:14.559", TemporalKind.DateTime, DateTimePrecision.Millisecond, "@2014-01-25T14:30:14.559")]
    [InlineData("2014-01-25T14:30:14.559+01:00", TemporalKind.DateTime, DateTimePrecision.Millisecond, "@2014-01-25T14:30:14.559+01:00")]
    [InlineData("2014-01-25T14:30Z", TemporalKind.DateTime, DateTimePrecision.Minute, "@2014-01-25T14:30Z")]
    [InlineData("2014-01-25T14-05:30", TemporalKind.DateTime, DateTimePrecision.Hour, "@2014-01-25T14-05:30")]
    [InlineData("T14", TemporalKind.Time, DateTimePrecision.Hour, "@T14")]
    [InlineData("T14:30", TemporalKind.Time, DateTimePrecision.Minute, "@T14:30")]
    [InlineData("T14:30:14.559", TemporalKind.Time, DateTimePrecision.Millisecond, "@T14:30:14.559")]
    public void literal_forms_parse_to_the_right_kind_and_precision_and_print_back(string text, TemporalKind kind, DateTimePrecision precision, string printed)
    {
        var value = Literal(text);
        Assert.Equal(kind, value.Kind);
        Assert.Equal(precision, value.Precision);
        Assert.Equal(printed, value.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("14")]
    [InlineData("2014-13")]
    [InlineData("2014-00")]
    [InlineData("2014-04-31")]
    [InlineData("2015-02-29")]
    [InlineData("0000")]
    [InlineData("2014T14")]
    [InlineData("2014-01T14")]
    [InlineData("2014-01-25T24")]
    [InlineData("2014-01-25T14:60")]
    [InlineData("2014-01-25T14:30:60")]
    [InlineData("2014-01-25T14:30:14.")]
    [InlineData("2014-01-25T14:30+15:00")]
    [InlineData("2014-01-25T14:30+01")]
    [InlineData("2014-01-25TZ")]
    [InlineData("2014-01-25Z")]
    [InlineData("T14:30Z")]
    [InlineData("T14:30:14+10:00")]
    [InlineData("T25")]
    [InlineData("2014-1-25")]
    [InlineData("2014-01-25 ")]
    public void invalid_literals_are_rejected(string text)
    {
        Assert.False(PartialDateTime.TryParseLiteral(text, out var value));
        Assert.Null(value);
    }

    [Fact]
    public void leap_day_is_accepted_in_a_leap_year()
    {
        Assert.Equal(29, Literal("2016-02-29").Day);
        Assert.Equal(29, Literal("2000-02-29").Day);
        Assert.False(PartialDateTime.TryParseLiteral("1900-02-29", out _));
    }

    [Theory]
    [InlineData("14:30:14.5", 500)]
    [InlineData("14:30:14.05", 50)]
    [InlineData("14:30:14.559", 559)]
    [InlineData("14:30:14.5599", 559)]
    public void fraction_digits_become_milliseconds(string text, int milliseconds)
    {
        Assert.True(PartialDateTime.TryParse(text, TemporalKind.Time, out var value));
        Assert.Equal(milliseconds, value!.Millisecond);
        Assert.Equal(DateTimePrecision.Millisecond, value.Precision);
    }

    [Theory]
    [InlineData("2014", TemporalKind.Date, "2014")]
    [InlineData("2014-01-25", TemporalKind.Date, "2014-01-25")]
    [InlineData("2014-01-25", TemporalKind.DateTime, "2014-01-25")]
    [InlineData("2014-01", TemporalKind.DateTime, "2014-01")]
    [InlineData("2014-01-25T14:30:14.559+01:00", TemporalKind.DateTime, "2014-01-25T14:30:14.559+01:00")]
    [InlineData("2014-01-25T14:30:14Z", TemporalKind.DateTime, "2014-01-25T14:30:14Z")]
    [InlineData("2014-01-25T14:30:14.1-03:00", TemporalKind.DateTime, "2014-01-25T14:30:14.100-03:00")]
    [InlineData("2014-01-25T14:30", TemporalKind.DateTime, "2014-01-25T14:30")]
    [InlineData("14:30:14", TemporalKind.Time, "14:30:14")]
    [InlineData("14:30", TemporalKind.Time, "14:30")]
    public void fhir_json_forms_round_trip(string text, TemporalKind kind, string expected)
    {
        Assert.True(PartialDateTime.TryParse(text, kind, out var value), text);
        Assert.Equal(kind, value!.Kind);
        Assert.Equal(expected, value.ToFhirString());
    }

    [Theory]
    [InlineData("2014-01-25T14:30", TemporalKind.Date)]
    [InlineData("2014-01-25T", TemporalKind.DateTime)]
    [InlineData("2014-01T10:00:00Z", TemporalKind.DateTime)]
    [InlineData("2014-02-30", TemporalKind.DateTime)]
    [InlineData("T14:30", TemporalKind.Time)]
    [InlineData("14", TemporalKind.Time)]
    [InlineData("24:00:00", TemporalKind.Time)]
    [InlineData("14:30:00Z", TemporalKind.Time)]
    [InlineData("2014-01-25T14:30:00+01:00", TemporalKind.Time)]
    public void invalid_fhir_json_forms_are_rejected(string text, TemporalKind kind)
    {
        Assert.False(PartialDateTime.TryParse(text, kind, out var value));
        Assert.Null(value);
    }

    [Fact]
    public void zulu_and_offsets_are_kept_as_offsets()
    {
        Assert.Equal(TimeSpan.Zero, Literal("2014-01-25T14:30Z").Offset);
        Assert.Equal(TimeSpan.FromMinutes(-330), Literal("2014-01-25T14:30-05:30").Offset);
        Assert.Null(Literal("2014-01-25T14:30").Offset);
        Assert.Null(Literal("2014-01-25").Offset);
    }

    [Theory]
    [InlineData("2014-01-25", TemporalKind.Date, "@2014-01-25")]
    [InlineData("2014-01-25T14:30", TemporalKind.Date, null)]
    [InlineData("2014-01-25", TemporalKind.DateTime, "@2014-01-25T")]
    [InlineData("2014-01-25T", TemporalKind.DateTime, "@2014-01-25T")]
    [InlineData("2014-01-25T14", TemporalKind.DateTime, "@2014-01-25T14")]
    [InlineData("2014-01-25T14:30:00+02:00", TemporalKind.DateTime, "@2014-01-25T14:30:00+02:00")]
    [InlineData("T14:30", TemporalKind.Time, "@T14:30")]
    [InlineData("14", TemporalKind.Time, "@T14")]
    [InlineData("14:30Z", TemporalKind.Time, null)]
    [InlineData("abc", TemporalKind.Date, null)]
    public void conversion_strings_follow_the_literal_formats(string text, TemporalKind kind, string? expected)
    {
        var parsed = PartialDateTime.TryParseString(text, kind, out var value);
        Assert.Equal(expected is not null, parsed);
        Assert.Equal(expected, value?.ToString());
    }

    [Theory]
    [InlineData("2014", 4)]
    [InlineData("2014-01", 6)]
    [InlineData("2014-01-05", 8)]
    [InlineData("2014-01-05T10", 10)]
    [InlineData("2014-01-05T10:30", 12)]
    [InlineData("2014-01-05T10:30:00", 14)]
    [InlineData("2014-01-05T10:30:00.000", 17)]
    [InlineData("T10", 2)]
    [InlineData("T10:30", 4)]
    [InlineData("T10:30:00", 6)]
    [InlineData("T10:30:00.000", 9)]
    public void precision_digits_count_the_stated_digits(string text, int digits) =>
        Assert.Equal(digits, Literal(text).PrecisionDigits);

    [Fact]
    public void date_time_converts_to_date_by_truncation_and_back()
    {
        var date = Literal("2014-01-25T14:30+02:00").ToDate()!;
        Assert.Equal("@2014-01-25", date.ToString());
        Assert.Equal(TemporalKind.Date, date.Kind);
        Assert.Equal("@2014-01T", Literal("2014-01").ToDateTime()!.ToString());
        Assert.Null(Literal("T10").ToDate());
        Assert.Null(Literal("T10").ToDateTime());
    }

    [Fact]
    public void structural_equality_and_hash_follow_components()
    {
        Assert.Equal(Literal("2014-01-25T14:30Z"), Literal("2014-01-25T14:30+00:00"));
        Assert.Equal(Literal("2014-01-25T14:30Z").GetHashCode(), Literal("2014-01-25T14:30+00:00").GetHashCode());
        Assert.NotEqual(Literal("2014-01-25"), Literal("2014-01-25T"));
        Assert.NotEqual(Literal("2014-01-25T14:30:00"), Literal("2014-01-25T14:30:00.000"));
    }
}
