using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.Validation.Primitives;

namespace OpenImis.Fhir.Engine.Tests.Validation;

/// <summary>
/// The hand-coded primitive formats against the regexes the R4 StructureDefinitions carry (the regex extension on
/// <c>{type}.value</c>'s type), read from FhirDefinitions, so the hand-written code cannot drift from the definitions.
/// </summary>
public sealed class PrimitiveFormatTests
{
    private const string RegexExtension = "http://hl7.org/fhir/StructureDefinition/regex";

    // Samples avoid characters where XML Schema's \s (space, tab, CR, LF) and .NET's \s differ.
    public static TheoryData<string, string> Samples => new()
    {
        { "date", "1974" }, { "date", "1974-12" }, { "date", "1974-12-25" }, { "date", "0001-01-01" }, { "date", "0000" },
        { "date", "1974-13-25" }, { "date", "1974-00" }, { "date", "1974-12-32" }, { "date", "1974-12-00" }, { "date", "74-12-25" },
        { "date", "1974-1-25" }, { "date", "1974-12-25T10:00:00Z" }, { "date", "19741225" }, { "date", "1974-12-25 " },
        { "dateTime", "2020" }, { "dateTime", "2020-01-01T10:00:00Z" }, { "dateTime", "2020-01-01T10:00:00.123+14:00" },
        { "dateTime", "2020-01-01T10:00:00-13:59" }, { "dateTime", "2020-01-01T10:00:00+14:01" }, { "dateTime", "2020-01-01T10:00:00+15:00" },
        { "dateTime", "2020-01-01T10:00:00" }, { "dateTime", "2020-01-01T10:00Z" }, { "dateTime", "2020-01-01T24:00:00Z" },
        { "dateTime", "2020-01-01T23:60:00Z" }, { "dateTime", "2020-01-01T23:59:60Z" }, { "dateTime", "2020-01-01T23:59:61Z" },
        { "dateTime", "2020-01-01T10:00:00.Z" }, { "dateTime", "2020-01-01T10:00:00z" }, { "dateTime", "2020-01-01T10:00:00+0100" },
        { "dateTime", "2020-01" }, { "dateTime", "2020-01-01T" },
        { "instant", "2020-01-01T10:00:00Z" }, { "instant", "2020-01-01T10:00:00.5-05:00" }, { "instant", "2020-01-01" },
        { "instant", "2020-01-01T10:00:00" },
        { "time", "10:00:00" }, { "time", "23:59:60.999" }, { "time", "24:00:00" }, { "time", "10:00" }, { "time", "10:00:00Z" },
        { "time", "10:00:00." },
        { "code", "active" }, { "code", "a b" }, { "code", "a  b" }, { "code", " a" }, { "code", "a " }, { "code", "a\tb" },
        { "code", "a\t\nb" }, { "code", "é" },
        { "id", "a" }, { "id", "A-z.0" }, { "id", new string('a', 64) }, { "id", new string('a', 65) }, { "id", "a_b" }, { "id", "a b" },
        { "id", "é" },
        { "oid", "urn:oid:1.2.3" }, { "oid", "urn:oid:2.0" }, { "oid", "urn:oid:3.1" }, { "oid", "urn:oid:1" }, { "oid", "urn:oid:1.02" },
        { "oid", "urn:oid:1..2" }, { "oid", "urn:oid:1.2." }, { "oid", "1.2.3" },
        { "uuid", "urn:uuid:c757873d-ec9a-4326-a141-556f43239520" }, { "uuid", "urn:uuid:C757873D-EC9A-4326-A141-556F43239520" },
        { "uuid", "urn:uuid:c757873d-ec9a-4326-a141-556f4323952" }, { "uuid", "c757873d-ec9a-4326-a141-556f43239520" },
        { "uri", "http://example.org/a?b=c" }, { "uri", "urn:x" }, { "uri", "a b" }, { "uri", "a\tb" },
        { "url", "http://x" }, { "url", "http://x y" }, { "canonical", "http://x|1.0" }, { "canonical", "http://x |1.0" },
        { "base64Binary", "abcd" }, { "base64Binary", "ab+/cd==" }, { "base64Binary", "abcd efgh" }, { "base64Binary", " abcd " },
        { "base64Binary", "abc" }, { "base64Binary", "ab cd" }, { "base64Binary", "ab*d" },
        { "string", "x" }, { "string", "   " }, { "string", "a\nb" }, { "string", "é ü" },
        { "markdown", "# x" }, { "markdown", " " },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void the_hand_coded_format_agrees_with_the_r4_regex(string type, string text)
    {
        var regex = new Regex($"^(?:{R4Regex(type)})$", RegexOptions.CultureInvariant);
        var format = PrimitiveRule.For(type).Format;

        var problem = PrimitiveFormatChecker.Check(format, Encoding.UTF8.GetBytes(text));

        // The regex cannot see the calendar or leap seconds; those are the only allowed disagreements, and only one way.
        var calendarOnly = problem is not null && problem.Contains("has no day", StringComparison.Ordinal);
        Assert.Equal(regex.IsMatch(text) && !calendarOnly, problem is null);
    }

    [Theory]
    [InlineData("2023-02-29", "2023-02 has no day 29")]
    [InlineData("2023-04-31", "2023-04 has no day 31")]
    [InlineData("1900-02-29", "1900-02 has no day 29")]
    public void dates_are_real_calendar_dates(string text, string reason)
    {
        Assert.Equal(reason, TemporalFormat.CheckDate(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(reason, TemporalFormat.CheckDateTime(Encoding.UTF8.GetBytes(text + "T00:00:00Z")));
    }

    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("2000-02-29")]
    [InlineData("2023-12-31")]
    public void leap_days_and_month_ends_are_valid(string text)
    {
        Assert.Null(TemporalFormat.CheckDate(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("1974-13-25", "month 13")]
    [InlineData("1974-12-32", "day 32")]
    [InlineData("2020-01-01T10:00:00", "a time needs a time zone (Z, +hh:mm or -hh:mm)")]
    [InlineData("2020-01-01T25:00:00Z", "hour 25")]
    [InlineData("2020-01-01T10:00:00+15:00", "time zone offset +15:00 is out of range (-14:00..+14:00)")]
    public void format_reasons_say_what_is_wrong(string text, string reason)
    {
        Assert.Equal(reason, TemporalFormat.CheckDateTime(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void every_r4_primitive_with_a_regex_has_a_hand_coded_check()
    {
        var missing = new List<string>();
        foreach (var sd in FhirDefinitions.R4.StructureDefinitions)
        {
            if (sd.GetProperty("kind").GetString() != "primitive-type") continue;
            var type = sd.GetProperty("type").GetString()!;
            if (RegexOf(sd, type) is null) continue;
            var rule = PrimitiveRule.For(type);
            // boolean, integers and decimal are checked through their JSON kind; markdown and string have the any-text regex.
            var byKind = rule.JsonKind != PrimitiveJsonKind.String;
            var anyText = type is "string" or "markdown";
            if (rule.Format == PrimitiveFormat.None && !byKind && !anyText) missing.Add(type);
        }

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("string", "[ \\r\\n\\t\\S]+")]
    [InlineData("markdown", "[ \\r\\n\\t\\S]+")]
    [InlineData("decimal", "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")]
    public void the_regexes_taken_as_given_are_what_r4_says(string type, string regex)
    {
        // Under XML Schema semantics [ \r\n\t\S]+ is "any non-empty text", and the decimal regex is the JSON number
        // grammar: so string/markdown only need "not empty" and decimal only "a JSON number".
        Assert.Equal(regex, R4Regex(type));
    }

    private static string R4Regex(string type)
    {
        JsonElement sd = FhirDefinitions.R4.FindStructureDefinition("http://hl7.org/fhir/StructureDefinition/" + type)
            ?? throw new InvalidOperationException($"No StructureDefinition for {type}");
        return RegexOf(sd, type) ?? throw new InvalidOperationException($"No regex on {type}.value");
    }

    private static string? RegexOf(JsonElement sd, string type)
    {
        foreach (var element in sd.GetProperty("snapshot").GetProperty("element").EnumerateArray())
        {
            if (element.GetProperty("path").GetString() != type + ".value" || !element.TryGetProperty("type", out var types)) continue;
            foreach (var entry in types.EnumerateArray())
            {
                if (!entry.TryGetProperty("extension", out var extensions)) continue;
                foreach (var extension in extensions.EnumerateArray())
                {
                    if (extension.GetProperty("url").GetString() == RegexExtension) return extension.GetProperty("valueString").GetString();
                }
            }
        }
        return null;
    }
}
