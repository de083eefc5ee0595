using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenImis.Fhir.Server.Tests.Infrastructure;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Server.Tests.Storage;

/// <summary>
/// <see cref="StoredJson.Normalize"/> on what PostgreSQL really gives for jsonb (each input goes through
/// <c>$1::jsonb::text</c> of the fixture's database), checked against the input, against PostgreSQL's text and
/// against the parse-and-write implementation it replaced (kept here as <see cref="ParseAndWrite"/>).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class StoredJsonTests(ServerFixture server)
{
    private static readonly Dictionary<string, string> Inputs = new()
    {
        ["patient-john-doe"] = IgExample("Patient-john-doe.json"),
        ["patient-jane-doe"] = IgExample("Patient-jane-doe.json"),
        ["escapes"] = """
            {"resourceType": "Basic", "id": "esc",
             "code": {"text": "quote \" backslash \\ both \\\" end \\\\\" more \\"},
             "a": "a\\\\\"b", "b": "\\", "c": "\"", "d": "\\\\",
             "nl": "line1\nline2\ttab\r\b\f/\/", "ctl": "\u0001\u001f\u007f\u0080", "u": "\u00e9\u65e5"}
            """,
        ["unicode"] = """
            {"resourceType": "Patient", "name": [{"family": "Nyirenda – Ḿ 日本", "given": ["😀 👨‍👩‍👧", "\u2028\u2029", "\ud83d\ude00"]}],
             "ключ": "значение", "日本": "語"}
            """,
        ["resource-type-as-value"] = """
            {"a": "resourceType", "b": ["resourceType", {"resourceType": "X"}], "c": {"resourceType": "Y"},
             "resourceTyp": "near", "resourceTypes": "near", "resourceType": "Basic", "zz": "resourceType"}
            """,
        ["contained"] = """
            {"resourceType": "Patient", "id": "p1", "meta": {"versionId": "1"},
             "contained": [{"resourceType": "Organization", "id": "o1", "name": "Org, \"inc\": {x}"},
                           {"resourceType": "Bundle", "entry": [{"resource": {"resourceType": "Patient", "id": "deep"}}]}],
             "managingOrganization": {"reference": "#o1"}}
            """,
        ["empty-containers"] = """
            {"resourceType": "Basic", "e": {}, "f": [], "g": [{}, [], [[]], {"h": {}}], "s": "", "t": " "}
            """,
        ["numbers"] = """
            {"resourceType": "Observation", "valueDecimal": 1.50,
             "n": [-0, 0, 1e5, 1E-2, -1.5e+3, 0.000, 10, -7.25, 1234567890123456789012345678, 0.1000000000000000000001]}
            """,
        ["structural-chars-in-strings"] = """
            {"s": "{ } [ ] : , \" ", "t": "  spaces  ", "resourceType": "Basic",
             "u": "key\": \"value", "v": "\",\"resourceType\":\"Evil\",\"x\":\"", "w": "\\\"}, {\"a\": 1"}
            """,
        ["only-resource-type"] = """{"resourceType": "Basic"}""",
        ["literals"] = """
            {"t": true, "f": false, "n": null, "resourceType": "Basic", "arr": [true, false, null, {"k": null}]}
            """,
        ["escaped-keys"] = """
            {"k\"ey": 1, "back\\slash": 2, "résumé": 3, "with space": {"a b": "c d"}, "resourceType": "Basic", "x:y,z": 4}
            """,
        ["deep-nesting"] = """
            {"resourceType": "Basic", "a": [[[[{"b": [{"c": [[["d", {"resourceType": "Z"}]]]}]}]]]], "id": "n"}
            """,
    };

    public static TheoryData<string> Cases => new(Inputs.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task PostgreSQL_jsonb_text_comes_back_compact_with_resourceType_first_and_unchanged(string name)
    {
        var input = Inputs[name];
        var stored = await JsonbTextAsync(input);
        if (name != "only-resource-type") Assert.NotEqual("resourceType", FirstName(stored));   // else the case moves nothing

        var normalized = StoredJson.Normalize(stored);

        using var result = JsonDocument.Parse(normalized);
        using var original = JsonDocument.Parse(input);
        using var pg = JsonDocument.Parse(stored);
        // (a) The same JSON: as the input (PostgreSQL may rewrite a number's text, 1e5 as 100000, not its value)
        // and, number text included, as what PostgreSQL gave.
        AssertJsonEqual(original.RootElement, result.RootElement, ordered: false, exactNumbers: false, "$");
        AssertJsonEqual(pg.RootElement, result.RootElement, ordered: false, exactNumbers: true, "$");
        // (b) resourceType first.
        var first = result.RootElement.EnumerateObject().First();
        Assert.Equal("resourceType", first.Name);
        Assert.Equal(original.RootElement.GetProperty("resourceType").GetString(), first.Value.GetString());
        // (c) Compact: nothing but strings may hold whitespace.
        Assert.DoesNotMatch(@"[ \t\r\n]", JsonString().Replace(normalized, "\"\""));
        // (d) What the old implementation gave, member order included (escapes may differ: compared parsed).
        using var old = JsonDocument.Parse(ParseAndWrite(stored));
        AssertJsonEqual(old.RootElement, result.RootElement, ordered: true, exactNumbers: true, "$");
    }

    [Fact]
    public async Task A_decimal_keeps_its_scale_and_escapes_stay_as_PostgreSQL_wrote_them()
    {
        var stored = await JsonbTextAsync("""{"valueDecimal": 1.50, "resourceType": "Observation", "s": "a\"b\\c\u0001\td"}""");

        Assert.Equal("""{"resourceType":"Observation","s":"a\"b\\c\u0001\td","valueDecimal":1.50}""", StoredJson.Normalize(stored));
    }

    [Theory]
    [InlineData("""{"b": 1, "a": {"resourceType": "X"}, "c": "resourceType"}""", """{"b":1,"a":{"resourceType":"X"},"c":"resourceType"}""")]
    [InlineData("""{"resourceTypes": "a", "id": "resourceType"}""", """{"resourceTypes":"a","id":"resourceType"}""")]
    [InlineData("{}", "{}")]
    [InlineData(" { } ", "{}")]
    [InlineData("""[1, {"resourceType": "X"}]""", """[1,{"resourceType":"X"}]""")]
    [InlineData("\"a b\"", "\"a b\"")]
    [InlineData(" 12 ", "12")]
    public void Input_without_a_top_level_resourceType_is_compacted_in_its_own_order(string input, string expected)
    {
        Assert.Equal(expected, StoredJson.Normalize(input));
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"x"}""")]
    [InlineData("""{"resourceType":"Patient"}""")]
    [InlineData("""{"id":"x","text":{"div":"a, b: c"}}""")]
    [InlineData("[]")]
    public void Compact_input_with_resourceType_first_or_absent_comes_back_as_it_is(string input)
    {
        Assert.Equal(input, StoredJson.Normalize(input));
    }

    [Theory]
    [InlineData("""{"id":"x","resourceType":"Patient"}""", """{"resourceType":"Patient","id":"x"}""")]
    [InlineData("""{"id": "x", "text": {"div": "a, b: c"}, "resourceType": "Patient"}""", """{"resourceType":"Patient","id":"x","text":{"div":"a, b: c"}}""")]
    [InlineData("""{"id": "x", "resourceType": "Patient", "active": true}""", """{"resourceType":"Patient","id":"x","active":true}""")]
    [InlineData("{\n\t\"id\" : \"a b\",\r\n \"resourceType\" : \"Basic\"\n}", """{"resourceType":"Basic","id":"a b"}""")]
    [InlineData("""{"a": "x\\\\\"y", "id": "{\"resourceType\": 1}", "resourceType": "Basic", "extension": [{"url": "u"}]}""",
        """{"resourceType":"Basic","a":"x\\\\\"y","id":"{\"resourceType\": 1}","extension":[{"url":"u"}]}""")]
    [InlineData("""{"a": {"resourceType": "In"}, "resourceType": {"odd": [1, 2]}, "b": 1}""", """{"resourceType":{"odd":[1,2]},"a":{"resourceType":"In"},"b":1}""")]
    public void The_top_level_resourceType_member_moves_first(string input, string expected)
    {
        Assert.Equal(expected, StoredJson.Normalize(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("}}]]")]
    [InlineData("""{"resourceType": "X" """)]
    [InlineData("{\"id\": 1, \"resourceType\"")]
    [InlineData("""{"id": 1, "resourceType": """)]
    [InlineData("{\"a\": \"unterminated")]
    [InlineData("{\"a\\\"")]
    [InlineData("{\"a\": \"b\\\"")]
    [InlineData("""{"a": 1}, {"resourceType": "X"}""")]
    [InlineData("""{"a": 1}}, "resourceType": "X"}""")]
    public void Malformed_input_does_not_throw(string input)
    {
        var normalized = StoredJson.Normalize(input);

        Assert.True(normalized.Length <= input.Length);
    }

    private async Task<string> JsonbTextAsync(string json)
    {
        var rows = await Database.QueryAsync(server.ConnectionString, "select $1::jsonb::text", json);
        return (string)rows[0][0]!;
    }

    private static string IgExample(string fileName) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ig-profiles", fileName));

    private static string FirstName(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().First().Name;
    }

    /// <summary>
    /// Deep equality: objects member by member (in order when <paramref name="ordered"/>), arrays item by item,
    /// strings unescaped, numbers by their text or (not <paramref name="exactNumbers"/>) by their value.
    /// </summary>
    private static void AssertJsonEqual(JsonElement expected, JsonElement actual, bool ordered, bool exactNumbers, string path)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} expected, {actual.ValueKind} found");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedMembers = expected.EnumerateObject().ToList();
                var actualMembers = actual.EnumerateObject().ToList();
                Assert.True(expectedMembers.Count == actualMembers.Count, $"{path}: {expectedMembers.Count} members expected, {actualMembers.Count} found");
                if (ordered) Assert.Equal(expectedMembers.Select(m => m.Name), actualMembers.Select(m => m.Name));
                foreach (var member in expectedMembers)
                {
                    var found = actualMembers.Where(m => m.Name == member.Name).ToList();
                    Assert.True(found.Count == 1, $"{path}: member {member.Name} found {found.Count} times");
                    AssertJsonEqual(member.Value, found[0].Value, ordered, exactNumbers, $"{path}.{member.Name}");
                }
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: {expected.GetArrayLength()} items expected, {actual.GetArrayLength()} found");
                for (var i = 0; i < expected.GetArrayLength(); i++) AssertJsonEqual(expected[i], actual[i], ordered, exactNumbers, $"{path}[{i}]");
                break;
            case JsonValueKind.String:
                Assert.True(expected.GetString() == actual.GetString(), $"{path}: \"{expected.GetString()}\" expected, \"{actual.GetString()}\" found");
                break;
            case JsonValueKind.Number:
                if (exactNumbers) Assert.True(expected.GetRawText() == actual.GetRawText(), $"{path}: {expected.GetRawText()} expected, {actual.GetRawText()} found");
                else Assert.True(NumberValue(expected) == NumberValue(actual), $"{path}: {expected.GetRawText()} expected, {actual.GetRawText()} found");
                break;
        }
    }

    private static decimal NumberValue(JsonElement number) => decimal.Parse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A JSON string token (quotes included): to blank strings out before looking for whitespace.</summary>
    [GeneratedRegex("""
        "(?:[^"\\]|\\.)*"
        """)]
    private static partial Regex JsonString();

    /// <summary>The implementation <see cref="StoredJson.Normalize"/> had before the one-pass copy: the reference.</summary>
    private static string ParseAndWrite(string jsonb)
    {
        using var document = JsonDocument.Parse(jsonb);
        var root = document.RootElement;
        var buffer = new ArrayBufferWriter<byte>(jsonb.Length);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            if (root.TryGetProperty("resourceType", out var type)) writer.WriteString("resourceType", type.GetString());
            foreach (var property in root.EnumerateObject())
            {
                if (!property.NameEquals("resourceType")) property.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
