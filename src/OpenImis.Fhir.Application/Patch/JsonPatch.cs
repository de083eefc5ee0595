using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// JSON Patch (RFC 6902, <c>application/json-patch+json</c>) over <see cref="JsonNode"/>s. The whole document is
/// checked before anything is applied, so a malformed document is always a 400; operations then apply in order to a
/// copy, so the caller's JSON is never changed and a failing operation leaves nothing half done.
/// </summary>
internal static class JsonPatch
{
    /// <summary>Reads and checks a patch document.</summary>
    /// <exception cref="PatchException">400: not an array of well-formed operations; the location points into the patch document.</exception>
    public static IReadOnlyList<JsonPatchOperation> Parse(JsonNode? document)
    {
        if (document is not JsonArray array)
        {
            throw PatchException.Malformed("A JSON Patch document must be a JSON array of operations.", "");
        }
        var operations = new JsonPatchOperation[array.Count];
        for (var i = 0; i < array.Count; i++) operations[i] = ParseOperation(array[i], i);
        return operations;
    }

    /// <summary>Applies checked operations to a copy of <paramref name="document"/> and returns the copy.</summary>
    /// <exception cref="PatchException">422: an operation cannot be applied; the location is the pointer that failed.</exception>
    public static JsonNode? Apply(JsonNode? document, IReadOnlyList<JsonPatchOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var root = document?.DeepClone();
        foreach (var operation in operations) root = ApplyOne(root, operation);
        return root;
    }

    private static JsonPatchOperation ParseOperation(JsonNode? item, int index)
    {
        if (item is not JsonObject operation)
        {
            throw PatchException.Malformed($"Operation {index} is not a JSON object.", $"/{index}");
        }
        var opText = RequiredString(operation, "op", index, "");
        JsonPatchOperationKind kind = opText switch
        {
            "add" => JsonPatchOperationKind.Add,
            "remove" => JsonPatchOperationKind.Remove,
            "replace" => JsonPatchOperationKind.Replace,
            "move" => JsonPatchOperationKind.Move,
            "copy" => JsonPatchOperationKind.Copy,
            "test" => JsonPatchOperationKind.Test,
            _ => throw PatchException.Malformed(
                $"Operation {index} has an unknown op '{opText}': expected add, remove, replace, move, copy or test.", $"/{index}/op"),
        };
        var label = $" ({opText})";
        var path = RequiredPointer(operation, "path", index, label);
        JsonPointer? from = kind is JsonPatchOperationKind.Move or JsonPatchOperationKind.Copy ? RequiredPointer(operation, "from", index, label) : null;
        JsonNode? value = null;
        if (kind is JsonPatchOperationKind.Add or JsonPatchOperationKind.Replace or JsonPatchOperationKind.Test)
        {
            // A JSON null is a value; only an absent member is missing.
            if (!operation.TryGetPropertyValue("value", out value))
            {
                throw PatchException.Malformed($"Operation {index}{label} has no 'value'.", $"/{index}/value");
            }
        }
        // Other members are ignored, as RFC 6902 section 4 requires.
        return new JsonPatchOperation(index, kind, path, from, value);
    }

    private static string RequiredString(JsonObject operation, string member, int index, string label)
    {
        if (!operation.TryGetPropertyValue(member, out var node) || node is null)
        {
            throw PatchException.Malformed($"Operation {index}{label} has no '{member}'.", $"/{index}/{member}");
        }
        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw PatchException.Malformed($"Operation {index}{label}: '{member}' must be a string.", $"/{index}/{member}");
        }
        return node.GetValue<string>();
    }

    private static JsonPointer RequiredPointer(JsonObject operation, string member, int index, string label)
    {
        var text = RequiredString(operation, member, index, label);
        if (!JsonPointer.TryParse(text, out var pointer, out var error))
        {
            throw PatchException.Malformed($"Operation {index}{label}: '{member}' {error}.", $"/{index}/{member}");
        }
        return pointer;
    }

    private static JsonNode? ApplyOne(JsonNode? root, JsonPatchOperation operation)
    {
        switch (operation.Kind)
        {
            case JsonPatchOperationKind.Add:
                return Add(root, operation.Path, operation.Value?.DeepClone(), operation);
            case JsonPatchOperationKind.Remove:
                Remove(root, operation.Path, operation);
                return root;
            case JsonPatchOperationKind.Replace:
                return Replace(root, operation.Path, operation.Value?.DeepClone(), operation);
            case JsonPatchOperationKind.Move:
                var from = operation.From!;
                if (from.IsProperPrefixOf(operation.Path))
                {
                    throw Fail(operation, from, $"{Name(from)} cannot be moved into its own child '{operation.Path}'.");
                }
                if (from.SameAs(operation.Path))
                {
                    Get(root, from, operation); // moving a value onto itself changes nothing, but it must exist
                    return root;
                }
                return Add(root, operation.Path, Remove(root, from, operation), operation);
            case JsonPatchOperationKind.Copy:
                return Add(root, operation.Path, Get(root, operation.From!, operation)?.DeepClone(), operation);
            default:
                var actual = Get(root, operation.Path, operation);
                if (!JsonEquality.AreEqual(actual, operation.Value))
                {
                    throw Fail(operation, operation.Path,
                        $"the value at '{operation.Path}' is {Describe(actual)}, not {Describe(operation.Value)} as tested.");
                }
                return root;
        }
    }

    private static JsonNode? Add(JsonNode? root, JsonPointer path, JsonNode? value, JsonPatchOperation operation)
    {
        if (path.IsRoot) return value;
        var token = path.LastToken;
        switch (Parent(root, path, operation))
        {
            case JsonObject obj:
                obj[token] = value; // an existing member is replaced (RFC 6902 section 4.1)
                break;
            case JsonArray array:
                if (token == "-")
                {
                    array.Add(value);
                    break;
                }
                var index = ArrayIndex(array, token, path, operation, allowEnd: true);
                array.Insert(index, value);
                break;
            case var other:
                throw Fail(operation, path, $"{Name(path.Parent)} is {Describe(other)}: a value can only be added to an object or an array.");
        }
        return root;
    }

    private static JsonNode? Remove(JsonNode? root, JsonPointer path, JsonPatchOperation operation)
    {
        if (path.IsRoot) throw Fail(operation, path, "the whole document cannot be removed.");
        var token = path.LastToken;
        switch (Parent(root, path, operation))
        {
            case JsonObject obj:
                if (!obj.TryGetPropertyValue(token, out var removed)) throw Fail(operation, path, $"'{path}' does not exist.");
                obj.Remove(token);
                return removed;
            case JsonArray array:
                var index = ArrayIndex(array, token, path, operation, allowEnd: false);
                var item = array[index];
                array.RemoveAt(index);
                return item;
            case var other:
                throw Fail(operation, path, $"'{path}' does not exist: {Name(path.Parent)} is {Describe(other)}.");
        }
    }

    private static JsonNode? Replace(JsonNode? root, JsonPointer path, JsonNode? value, JsonPatchOperation operation)
    {
        if (path.IsRoot) return value;
        var token = path.LastToken;
        switch (Parent(root, path, operation))
        {
            case JsonObject obj:
                if (!obj.ContainsKey(token)) throw Fail(operation, path, $"'{path}' does not exist.");
                obj[token] = value;
                break;
            case JsonArray array:
                array[ArrayIndex(array, token, path, operation, allowEnd: false)] = value;
                break;
            case var other:
                throw Fail(operation, path, $"'{path}' does not exist: {Name(path.Parent)} is {Describe(other)}.");
        }
        return root;
    }

    /// <summary>The value at a pointer (possibly a JSON null); fails when nothing is there.</summary>
    private static JsonNode? Get(JsonNode? root, JsonPointer pointer, JsonPatchOperation operation) =>
        TryGet(root, pointer, out var value, out var reason) ? value : throw Fail(operation, pointer, $"'{pointer}' does not exist: {reason}.");

    /// <summary>The container the last token of <paramref name="path"/> is looked up in.</summary>
    private static JsonNode? Parent(JsonNode? root, JsonPointer path, JsonPatchOperation operation) =>
        TryGet(root, path.Parent, out var value, out var reason)
            ? value
            : throw Fail(operation, path, $"the parent of '{path}' does not exist: {reason}.");

    private static bool TryGet(JsonNode? root, JsonPointer pointer, out JsonNode? value, out string reason)
    {
        value = root;
        reason = "";
        foreach (var token in pointer.Tokens)
        {
            switch (value)
            {
                case JsonObject obj:
                    if (!obj.TryGetPropertyValue(token, out value))
                    {
                        reason = $"no member '{token}'";
                        return false;
                    }
                    break;
                case JsonArray array:
                    var problem = IndexProblem(array, token, allowEnd: false, out var index);
                    if (problem is not null)
                    {
                        reason = problem;
                        return false;
                    }
                    value = array[index];
                    break;
                default:
                    reason = $"'{token}' is looked up in {Describe(value)}";
                    return false;
            }
        }
        return true;
    }

    private static int ArrayIndex(JsonArray array, string token, JsonPointer pointer, JsonPatchOperation operation, bool allowEnd) =>
        IndexProblem(array, token, allowEnd, out var index) is { } problem ? throw Fail(operation, pointer, $"'{pointer}': {problem}.") : index;

    /// <summary>Why a token does not name an item of the array (null when it does); <paramref name="allowEnd"/> admits the index one past the end.</summary>
    private static string? IndexProblem(JsonArray array, string token, bool allowEnd, out int index)
    {
        index = JsonPointer.ParseIndex(token);
        if (token == "-") return "'-' names no existing array item";
        if (index < 0) return $"'{token}' is not an array index";
        var limit = allowEnd ? array.Count : array.Count - 1;
        if (index > limit) return $"index {index} is out of range, the array has {array.Count} item{(array.Count == 1 ? "" : "s")}";
        return null;
    }

    private static string Describe(JsonNode? node) => node is null
        ? "null"
        : node.GetValueKind() switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => node.ToJsonString(),
        };

    private static string Name(JsonPointer pointer) => pointer.IsRoot ? "the document" : $"'{pointer}'";

    private static PatchException Fail(JsonPatchOperation operation, JsonPointer pointer, string message) =>
        PatchException.Unprocessable($"Operation {operation.Index} ({operation.Op}): {message}", pointer.Text);
}
