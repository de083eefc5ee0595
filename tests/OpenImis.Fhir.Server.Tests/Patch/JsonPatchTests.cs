using System.Text.Json.Nodes;
using OpenImis.Fhir.Application.Patch;
using static OpenImis.Fhir.Server.Tests.Patch.PatchTestSupport;

namespace OpenImis.Fhir.Server.Tests.Patch;

public class JsonPatchTests
{
    private const string Patient = """{"resourceType":"Patient","id":"p1","active":true,"name":[{"family":"Doe","given":["John","Q"]}],"gender":"male"}""";

    [Fact]
    public void add_appends_to_an_array_with_dash_and_creates_members()
    {
        var result = ApplyJsonPatch(Patient, """
            [{"op":"add","path":"/name/0/given/-","value":"Jr"},
             {"op":"add","path":"/birthDate","value":"1970-01-01"},
             {"op":"add","path":"/name/-","value":{"family":"Roe"}}]
            """);

        AssertJson("""{"resourceType":"Patient","id":"p1","active":true,"name":[{"family":"Doe","given":["John","Q","Jr"]},{"family":"Roe"}],"gender":"male","birthDate":"1970-01-01"}""", result);
    }

    [Fact]
    public void add_on_an_existing_member_replaces_it_in_place()
    {
        var result = ApplyJsonPatch(Patient, """[{"op":"add","path":"/active","value":false}]""");

        AssertJson("""{"resourceType":"Patient","id":"p1","active":false,"name":[{"family":"Doe","given":["John","Q"]}],"gender":"male"}""", result);
    }

    [Fact]
    public void add_at_the_array_length_appends_and_a_json_null_is_a_value()
    {
        var result = ApplyJsonPatch("""{"a":[1,2]}""", """[{"op":"add","path":"/a/2","value":3},{"op":"add","path":"/b","value":null}]""");

        AssertJson("""{"a":[1,2,3],"b":null}""", result);
    }

    [Fact]
    public void remove_replace_move_copy_and_test_together()
    {
        var result = ApplyJsonPatch(Patient, """
            [{"op":"test","path":"/name/0/family","value":"Doe"},
             {"op":"remove","path":"/active"},
             {"op":"replace","path":"/gender","value":"female"},
             {"op":"copy","from":"/name/0","path":"/name/1"},
             {"op":"move","from":"/name/1/given/1","path":"/name/1/given/0"},
             {"op":"replace","path":"/name/1/family","value":"Smith"}]
            """);

        AssertJson("""{"resourceType":"Patient","id":"p1","name":[{"family":"Doe","given":["John","Q"]},{"family":"Smith","given":["Q","John"]}],"gender":"female"}""", result);
    }

    [Fact]
    public void replace_and_add_at_the_root_swap_the_whole_document()
    {
        AssertJson("""{"x":1}""", ApplyJsonPatch(Patient, """[{"op":"replace","path":"","value":{"x":1}}]"""));
        AssertJson("""[1]""", JsonPatch.Apply(Json("{}"), JsonPatch.Parse(Json("""[{"op":"add","path":"","value":[1]}]"""))));
    }

    [Fact]
    public void move_onto_itself_changes_nothing()
    {
        AssertJson(Patient, ApplyJsonPatch(Patient, """[{"op":"move","from":"/name/0","path":"/name/0"}]"""));
    }

    [Fact]
    public void copy_is_deep()
    {
        var result = ApplyJsonPatch("""{"a":{"b":[1]}}""", """[{"op":"copy","from":"/a","path":"/c"},{"op":"add","path":"/c/b/-","value":2}]""");

        AssertJson("""{"a":{"b":[1]},"c":{"b":[1,2]}}""", result);
    }

    [Fact]
    public void escaped_tokens_name_members_with_slash_and_tilde()
    {
        var result = ApplyJsonPatch("""{"a/b":1,"m~n":2}""", """[{"op":"replace","path":"/a~1b","value":10},{"op":"remove","path":"/m~0n"}]""");

        AssertJson("""{"a/b":10}""", result);
    }

    [Fact]
    public void test_compares_numbers_by_value_and_objects_regardless_of_member_order()
    {
        var result = ApplyJsonPatch("""{"n":1.0,"o":{"a":1,"b":[true,null]}}""", """
            [{"op":"test","path":"/n","value":1},
             {"op":"test","path":"/o","value":{"b":[true,null],"a":1.00}}]
            """);

        AssertJson("""{"n":1.0,"o":{"a":1,"b":[true,null]}}""", result);
    }

    [Theory]
    [InlineData("""{"a":[1]}""", """[{"op":"test","path":"/a","value":[1,2]}]""")]
    [InlineData("""{"a":{"x":1}}""", """[{"op":"test","path":"/a","value":{"x":1,"y":2}}]""")]
    [InlineData("""{"a":null}""", """[{"op":"test","path":"/a","value":false}]""")]
    [InlineData("""{"a":"x"}""", """[{"op":"test","path":"/a","value":"X"}]""")]
    public void test_fails_on_different_values(string document, string patch)
    {
        AssertRefused(422, "/a", () => ApplyJsonPatch(document, patch));
    }

    // Malformed documents: 400, located in the patch document.

    [Theory]
    [InlineData("""{"op":"add","path":"/a","value":1}""", "")]
    [InlineData("""[1]""", "/0")]
    [InlineData("""[{"op":"add","path":"/a","value":1},{"path":"/a"}]""", "/1/op")]
    [InlineData("""[{"op":"frobnicate","path":"/a"}]""", "/0/op")]
    [InlineData("""[{"op":7,"path":"/a"}]""", "/0/op")]
    [InlineData("""[{"op":"remove"}]""", "/0/path")]
    [InlineData("""[{"op":"remove","path":null}]""", "/0/path")]
    [InlineData("""[{"op":"remove","path":"a/b"}]""", "/0/path")]
    [InlineData("""[{"op":"remove","path":"/a~2"}]""", "/0/path")]
    [InlineData("""[{"op":"remove","path":"/a~"}]""", "/0/path")]
    [InlineData("""[{"op":"add","path":"/a"}]""", "/0/value")]
    [InlineData("""[{"op":"replace","path":"/a"}]""", "/0/value")]
    [InlineData("""[{"op":"test","path":"/a"}]""", "/0/value")]
    [InlineData("""[{"op":"move","path":"/a"}]""", "/0/from")]
    [InlineData("""[{"op":"copy","path":"/a","from":"b"}]""", "/0/from")]
    [InlineData("""not json""", "")]
    [InlineData("", "")]
    public void a_malformed_document_is_400_at_the_faulty_member(string patch, string location)
    {
        AssertRefused(400, location, () => ApplyJsonPatch("""{"a":1}""", patch));
    }

    [Fact]
    public void the_document_is_checked_before_any_operation_applies()
    {
        // Operation 0 alone would fail with 422; the malformed operation 1 makes the whole patch a 400.
        AssertRefused(400, "/1/op", () => ApplyJsonPatch("""{"a":1}""", """[{"op":"remove","path":"/missing"},{"op":"nope","path":"/a"}]"""));
    }

    [Fact]
    public void an_error_message_names_the_operation_and_what_is_wrong()
    {
        var e = AssertRefused(400, "/2/path", () => ApplyJsonPatch("{}", """[{"op":"test","path":"","value":{}},{"op":"test","path":"","value":{}},{"op":"add","value":1}]"""));

        Assert.Equal("Operation 2 (add) has no 'path'.", e.Message);
    }

    // Patches that do not apply: 422, located at the pointer that failed.

    [Theory]
    [InlineData("""[{"op":"remove","path":"/missing"}]""", "/missing")]
    [InlineData("""[{"op":"replace","path":"/missing","value":1}]""", "/missing")]
    [InlineData("""[{"op":"remove","path":"/arr/3"}]""", "/arr/3")]
    [InlineData("""[{"op":"add","path":"/arr/4","value":1}]""", "/arr/4")]
    [InlineData("""[{"op":"add","path":"/arr/01","value":1}]""", "/arr/01")]
    [InlineData("""[{"op":"add","path":"/arr/x","value":1}]""", "/arr/x")]
    [InlineData("""[{"op":"remove","path":"/arr/-"}]""", "/arr/-")]
    [InlineData("""[{"op":"add","path":"/obj/a/b","value":1}]""", "/obj/a/b")]
    [InlineData("""[{"op":"add","path":"/str/a","value":1}]""", "/str/a")]
    [InlineData("""[{"op":"move","from":"/missing","path":"/x"}]""", "/missing")]
    [InlineData("""[{"op":"copy","from":"/arr/9","path":"/x"}]""", "/arr/9")]
    [InlineData("""[{"op":"test","path":"/missing","value":null}]""", "/missing")]
    [InlineData("""[{"op":"move","from":"/obj","path":"/obj/child"}]""", "/obj")]
    [InlineData("""[{"op":"move","from":"","path":"/x"}]""", "")]
    [InlineData("""[{"op":"remove","path":""}]""", "")]
    public void a_patch_that_does_not_apply_is_422_at_the_pointer(string patch, string location)
    {
        AssertRefused(422, location, () => ApplyJsonPatch("""{"arr":[1,2,3],"obj":{},"str":"s"}""", patch));
    }

    [Fact]
    public void moving_a_value_into_its_own_child_says_so()
    {
        var e = AssertRefused(422, "/obj", () => ApplyJsonPatch("""{"obj":{"a":{}}}""", """[{"op":"move","from":"/obj","path":"/obj/a/b"}]"""));

        Assert.Equal("Operation 0 (move): '/obj' cannot be moved into its own child '/obj/a/b'.", e.Message);
    }

    [Fact]
    public void an_out_of_range_index_names_the_array_size()
    {
        var e = AssertRefused(422, "/arr/5", () => ApplyJsonPatch("""{"arr":[1,2,3]}""", """[{"op":"add","path":"/arr/5","value":1}]"""));

        Assert.Equal("Operation 0 (add): '/arr/5': index 5 is out of range, the array has 3 items.", e.Message);
    }

    [Fact]
    public void a_patch_that_would_leave_null_is_refused()
    {
        AssertRefused(422, "", () => ApplyJsonPatch(Patient, """[{"op":"replace","path":"","value":null}]"""));
    }

    // Atomicity: the input is never changed.

    [Fact]
    public void a_failing_operation_leaves_the_input_unchanged()
    {
        var input = Json(Patient);
        var before = input.ToJsonString();
        var operations = JsonPatch.Parse(Json("""
            [{"op":"replace","path":"/gender","value":"female"},
             {"op":"remove","path":"/name/0/given/0"},
             {"op":"remove","path":"/telecom"}]
            """));

        AssertRefused(422, "/telecom", () => JsonPatch.Apply(input, operations));
        Assert.Equal(before, input.ToJsonString());
    }

    [Fact]
    public void a_successful_patch_returns_a_copy_that_shares_nothing_with_the_input()
    {
        var input = Json(Patient);
        var before = input.ToJsonString();
        var operations = JsonPatch.Parse(Json("""[{"op":"add","path":"/name/0/given/-","value":"X"}]"""));

        var result = JsonPatch.Apply(input, operations)!;
        result["name"]![0]!["family"] = "Changed";

        Assert.Equal(before, input.ToJsonString());
        Assert.Equal("X", result["name"]![0]!["given"]![2]!.GetValue<string>());
    }

    [Fact]
    public void parsed_operations_can_be_applied_again_to_other_documents()
    {
        var operations = JsonPatch.Parse(Json("""[{"op":"add","path":"/tags/-","value":{"v":1}}]"""));

        var first = JsonPatch.Apply(Json("""{"tags":[]}"""), operations);
        var second = JsonPatch.Apply(Json("""{"tags":[0]}"""), operations);

        AssertJson("""{"tags":[{"v":1}]}""", first);
        AssertJson("""{"tags":[0,{"v":1}]}""", second);
    }

    [Fact]
    public void an_empty_patch_returns_an_equal_copy()
    {
        var input = Json(Patient);

        var result = ApplyJsonPatch(Patient, "[]");

        AssertJson(Patient, result);
        Assert.NotSame(input, result);
    }

    [Fact]
    public void parse_keeps_kind_pointers_and_value()
    {
        var operations = JsonPatch.Parse(Json("""[{"op":"move","from":"/a~1b","path":"/c/0"},{"op":"test","path":"/d","value":null}]"""));

        Assert.Equal(JsonPatchOperationKind.Move, operations[0].Kind);
        Assert.Equal(["a/b"], operations[0].From!.Tokens);
        Assert.Equal(["c", "0"], operations[0].Path.Tokens);
        Assert.Equal(JsonPatchOperationKind.Test, operations[1].Kind);
        Assert.Null(operations[1].Value);
        Assert.Equal(1, operations[1].Index);
    }

    [Fact]
    public void a_json_value_node_can_be_the_root()
    {
        var result = JsonPatch.Apply(JsonValue.Create(1), JsonPatch.Parse(Json("""[{"op":"test","path":"","value":1.0}]""")));

        Assert.Equal(1, result!.GetValue<int>());
    }
}
