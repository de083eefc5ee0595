using static OpenImis.Fhir.Server.Tests.Patch.PatchTestSupport;

namespace OpenImis.Fhir.Server.Tests.Patch;

/// <summary>The examples of RFC 6902 appendix A, written from their descriptions, through the patch entry point.</summary>
public class JsonPatchRfcExampleTests
{
    [Fact]
    public void A1_adding_an_object_member()
    {
        var result = ApplyJsonPatch("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""");

        AssertJson("""{"foo":"bar","baz":"qux"}""", result);
    }

    [Fact]
    public void A2_adding_an_array_element()
    {
        var result = ApplyJsonPatch("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""");

        AssertJson("""{"foo":["bar","qux","baz"]}""", result);
    }

    [Fact]
    public void A3_removing_an_object_member()
    {
        var result = ApplyJsonPatch("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""");

        AssertJson("""{"foo":"bar"}""", result);
    }

    [Fact]
    public void A4_removing_an_array_element()
    {
        var result = ApplyJsonPatch("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""");

        AssertJson("""{"foo":["bar","baz"]}""", result);
    }

    [Fact]
    public void A5_replacing_a_value()
    {
        var result = ApplyJsonPatch("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""");

        AssertJson("""{"baz":"boo","foo":"bar"}""", result);
    }

    [Fact]
    public void A6_moving_a_value()
    {
        var result = ApplyJsonPatch(
            """{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""",
            """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""");

        AssertJson("""{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""", result);
    }

    [Fact]
    public void A7_moving_an_array_element()
    {
        var result = ApplyJsonPatch("""{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""");

        AssertJson("""{"foo":["all","cows","eat","grass"]}""", result);
    }

    [Fact]
    public void A8_testing_a_value_success()
    {
        var result = ApplyJsonPatch(
            """{"baz":"qux","foo":["a",2,"c"]}""",
            """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]""");

        AssertJson("""{"baz":"qux","foo":["a",2,"c"]}""", result);
    }

    [Fact]
    public void A9_testing_a_value_error()
    {
        var e = AssertRefused(422, "/baz", () => ApplyJsonPatch("""{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]"""));

        Assert.Contains("Operation 0 (test)", e.Message, StringComparison.Ordinal);
        Assert.Contains("\"qux\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A10_adding_a_nested_member_object()
    {
        var result = ApplyJsonPatch("""{"foo":"bar"}""", """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""");

        AssertJson("""{"foo":"bar","child":{"grandchild":{}}}""", result);
    }

    [Fact]
    public void A11_ignoring_unrecognized_elements()
    {
        var result = ApplyJsonPatch("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux","xyz":123}]""");

        AssertJson("""{"foo":"bar","baz":"qux"}""", result);
    }

    [Fact]
    public void A12_adding_to_a_nonexistent_target()
    {
        var e = AssertRefused(422, "/baz/bat", () => ApplyJsonPatch("""{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]"""));

        Assert.Contains("parent", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A13_invalid_json_patch_document_with_a_repeated_op()
    {
        AssertRefused(400, "", () => ApplyJsonPatch("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux","op":"remove"}]"""));
    }

    [Fact]
    public void A14_tilde_escape_ordering()
    {
        var result = ApplyJsonPatch("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":10}]""");

        AssertJson("""{"/":9,"~1":10}""", result);
    }

    [Fact]
    public void A15_comparing_strings_and_numbers()
    {
        AssertRefused(422, "/~01", () => ApplyJsonPatch("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":"10"}]"""));
    }

    [Fact]
    public void A16_adding_an_array_value()
    {
        var result = ApplyJsonPatch("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""");

        AssertJson("""{"foo":["bar",["abc","def"]]}""", result);
    }
}
