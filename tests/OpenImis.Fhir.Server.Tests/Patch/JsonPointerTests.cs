using OpenImis.Fhir.Application.Patch;

namespace OpenImis.Fhir.Server.Tests.Patch;

public class JsonPointerTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("/", new[] { "" })]
    [InlineData("/foo/0", new[] { "foo", "0" })]
    [InlineData("/a~1b/m~0n", new[] { "a/b", "m~n" })]
    [InlineData("/~01", new[] { "~1" })]
    [InlineData("/ /c%d", new[] { " ", "c%d" })]
    public void tokens_are_unescaped(string text, string[] tokens)
    {
        Assert.True(JsonPointer.TryParse(text, out var pointer, out _));
        Assert.Equal(tokens, pointer.Tokens);
        Assert.Equal(text, pointer.Text);
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("/a~")]
    [InlineData("/a~2")]
    [InlineData("#/a")]
    public void malformed_pointers_are_rejected_with_a_reason(string text)
    {
        Assert.False(JsonPointer.TryParse(text, out _, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("12", 12)]
    [InlineData("01", -1)]
    [InlineData("-", -1)]
    [InlineData("1a", -1)]
    [InlineData("", -1)]
    [InlineData("-1", -1)]
    public void array_indexes_have_no_leading_zeros(string token, int index)
    {
        Assert.Equal(index, JsonPointer.ParseIndex(token));
    }

    [Fact]
    public void proper_prefix_and_parent()
    {
        JsonPointer.TryParse("/a/b", out var ab, out _);
        JsonPointer.TryParse("/a/b/c", out var abc, out _);
        JsonPointer.TryParse("/a/bc", out var abc2, out _);

        Assert.True(ab.IsProperPrefixOf(abc));
        Assert.False(ab.IsProperPrefixOf(ab));
        Assert.False(ab.IsProperPrefixOf(abc2));
        Assert.True(JsonPointer.Root.IsProperPrefixOf(ab));
        Assert.Equal("/a/b", abc.Parent.Text);
        Assert.Equal("", ab.Parent.Parent.Text);
        Assert.True(ab.SameAs(abc.Parent));
    }
}
