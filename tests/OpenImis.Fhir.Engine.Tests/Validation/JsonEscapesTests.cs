using System.Text;
using OpenImis.Fhir.Engine.Validation.Json;

namespace OpenImis.Fhir.Engine.Tests.Validation;

/// <summary>Escapes found on raw JSON text: an escaped backslash followed by "u0000" is no escape.</summary>
public sealed class JsonEscapesTests
{
    private static byte[] Raw(string json) => Encoding.UTF8.GetBytes(json);

    [Theory]
    [InlineData("""{"a":"\ud800"}""", 6)]
    [InlineData("""{"a":"x\udc00"}""", 7)]
    [InlineData("""{"a":"\ud800\u0041"}""", 6)]
    [InlineData("""{"a":"\ud83d\ude00 then \udbff"}""", 24)]
    [InlineData("""{"\ud800":1}""", 2)]
    public void an_unpaired_surrogate_escape_is_found_where_it_starts(string json, int offset)
    {
        Assert.Equal(offset, JsonEscapes.FindUnpairedSurrogate(Raw(json)));
    }

    [Theory]
    [InlineData("""{"a":"\ud83d\ude00"}""")]
    [InlineData("""{"a":"\uD83D\uDE00"}""")]
    [InlineData("""{"a":"\\ud800"}""")]
    [InlineData("""{"a":"\"\\\u00e9\n"}""")]
    [InlineData("""{"a":"no escapes at all"}""")]
    [InlineData("""{"a":"cut \ud8""")]
    public void paired_surrogates_escaped_backslashes_and_other_escapes_are_not(string json)
    {
        Assert.Equal(-1, JsonEscapes.FindUnpairedSurrogate(Raw(json)));
    }

    [Theory]
    [InlineData("""a\u0000b""", true)]
    [InlineData("""\u00001""", true)]
    [InlineData("""\\u0000""", false)]
    [InlineData("""\\\u0000""", true)]
    [InlineData("""\u0001 \t""", false)]
    [InlineData("""plain""", false)]
    public void a_nul_is_found_only_as_an_escape_of_its_own(string text, bool expected)
    {
        Assert.Equal(expected, JsonEscapes.HasNul(Raw(text)));
    }
}
