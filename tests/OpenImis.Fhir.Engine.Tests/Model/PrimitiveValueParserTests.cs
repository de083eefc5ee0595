using System.Text.Json;
using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests.Model;

public class PrimitiveValueParserTests
{
    private static object? Parse(string fhirType, string json)
    {
        using var document = JsonDocument.Parse(json);
        return PrimitiveValueParser.Parse(fhirType, document.RootElement);
    }

    [Theory]
    [InlineData("1.0", "1.0")]
    [InlineData("1.50", "1.50")]
    [InlineData("185", "185")]
    [InlineData("-0.001", "-0.001")]
    [InlineData("1e2", "100")]
    public void decimals_keep_the_written_scale(string json, string expected)
    {
        var value = Assert.IsType<decimal>(Parse("decimal", json));

        Assert.Equal(expected, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("integer")]
    [InlineData("positiveInt")]
    [InlineData("unsignedInt")]
    public void integers_are_longs(string type)
    {
        Assert.Equal(42L, Parse(type, "42"));
    }

    [Fact]
    public void booleans_are_bools()
    {
        Assert.Equal(true, Parse("boolean", "true"));
        Assert.Equal(false, Parse("boolean", "false"));
    }

    [Theory]
    [InlineData("string")]
    [InlineData("code")]
    [InlineData("uri")]
    [InlineData("markdown")]
    [InlineData("id")]
    public void string_like_primitives_are_strings(string type)
    {
        Assert.Equal("abc", Parse(type, "\"abc\""));
    }

    [Theory]
    [InlineData("date", "\"1974-12-25\"", TemporalKind.Date)]
    [InlineData("dateTime", "\"2015-02-07T13:28:17-05:00\"", TemporalKind.DateTime)]
    [InlineData("instant", "\"2015-02-07T13:28:17.239+02:00\"", TemporalKind.DateTime)]
    [InlineData("time", "\"14:30:00\"", TemporalKind.Time)]
    public void temporal_primitives_are_partial_date_times(string type, string json, TemporalKind kind)
    {
        var value = Assert.IsType<PartialDateTime>(Parse(type, json));

        Assert.Equal(kind, value.Kind);
    }

    [Fact]
    public void a_malformed_date_keeps_its_text()
    {
        Assert.Equal("not a date", Parse("date", "\"not a date\""));
    }

    [Fact]
    public void a_value_of_the_wrong_json_kind_keeps_its_natural_value()
    {
        Assert.Equal("true", Parse("boolean", "\"true\""));
        Assert.Equal(1L, Parse("string", "1"));
        Assert.Equal(1.5m, Parse("integer", "1.5"));
        Assert.Equal(true, Parse("decimal", "true"));
    }

    [Fact]
    public void a_number_beyond_decimal_range_keeps_its_text()
    {
        Assert.Equal("1e400", Parse("decimal", "1e400"));
    }

    [Fact]
    public void json_null_has_no_value()
    {
        Assert.Null(Parse("string", "null"));
    }
}
