using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// FHIRPath Patch (FHIR R4 fhirpatch.html): a Parameters resource of add, insert, delete, replace and move operations
/// whose paths are FHIRPath. Each operation reads the current JSON into the element tree, evaluates its path there,
/// and maps the selected nodes back to their JSON through their names and indexes (<see cref="FhirJsonSlot"/>).
/// Operations apply in order to a copy, so the caller's JSON is never changed.
/// </summary>
/// <remarks>
/// The paths of add, replace (and the list parent of insert and move) must select exactly one element; delete may
/// select none (nothing to do) but not several. A path must stay inside the resource: a value computed by FHIRPath or
/// an element of another resource reached through <c>resolve()</c> cannot be patched.
/// </remarks>
internal static class FhirPathPatch
{
    /// <exception cref="PatchException">400: the Parameters resource is not a well-formed FHIRPath Patch.</exception>
    public static IReadOnlyList<FhirPatchOperation> Parse(JsonNode? parameters, FhirPathEngine engine) => FhirPatchParser.Parse(parameters, engine);

    /// <summary>Applies checked operations to a copy of <paramref name="resource"/> and returns the copy.</summary>
    /// <exception cref="PatchException">422: an operation cannot be applied to this resource.</exception>
    public static JsonObject Apply(JsonObject resource, IReadOnlyList<FhirPatchOperation> operations, FhirModel model)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(model);
        var document = resource.DeepClone().AsObject();
        foreach (var operation in operations)
        {
            // Re-read after every operation: the next path is evaluated on the resource as the previous one left it.
            var root = Read(document, model);
            switch (operation.Type)
            {
                case FhirPatchOperationType.Add:
                    Add(document, root, operation, model);
                    break;
                case FhirPatchOperationType.Insert:
                    Insert(document, root, operation, model);
                    break;
                case FhirPatchOperationType.Delete:
                    Delete(document, root, operation);
                    break;
                case FhirPatchOperationType.Replace:
                    Replace(document, root, operation, model);
                    break;
                case FhirPatchOperationType.Move:
                    Move(document, root, operation);
                    break;
            }
        }
        return document;
    }

    private static void Add(JsonObject document, ElementNode root, FhirPatchOperation operation, FhirModel model)
    {
        var parent = SelectOne(root, operation.Target!, operation);
        var parentType = TypeOf(parent, operation);
        var element = FhirJsonNames.FindChild(parentType, operation.Name!, out var fixedType)
            ?? throw PatchException.Unprocessable(
                $"{operation.Label}: {Describe(parent)} has no element '{operation.Name}'.", operation.LocationOf("name"));
        if (!element.IsArray && !parent.Children(element.Name).IsEmpty)
        {
            throw PatchException.Unprocessable(
                $"{operation.Label}: {parent.Location}.{element.Name} does not repeat and already has a value; use replace to change it.",
                operation.LocationOf("name"));
        }
        var value = FhirPatchValueBuilder.Build(operation.Value!, element, fixedType, model, operation.Label);
        var jsonName = FhirJsonNames.Of(element, value.Type.Code);
        var owner = FhirJsonSlot.ChildrenOf(document, FhirJsonSlot.Locate(document, parent));
        if (element.IsArray)
        {
            var count = FhirJsonProperties.Normalize(owner, jsonName);
            FhirJsonProperties.InsertAt(owner, parentType, jsonName, count, value.Value, value.Extension);
            return;
        }
        FhirJsonProperties.Set(owner, parentType, jsonName, -1, value.Value);
        FhirJsonProperties.Set(owner, parentType, FhirJsonProperties.ExtensionName(jsonName), -1, value.Extension);
    }

    private static void Insert(JsonObject document, ElementNode root, FhirPatchOperation operation, FhirModel model)
    {
        var (parent, parentType, element, count) = List(root, operation);
        if (operation.Index > count)
        {
            throw PatchException.Unprocessable(
                $"{operation.Label}: index {operation.Index} is out of range: {parent.Location}.{element.Name} has {Items(count)}, so the index can be 0 to {count}.",
                operation.LocationOf("index"));
        }
        var value = FhirPatchValueBuilder.Build(operation.Value!, element, null, model, operation.Label);
        var jsonName = FhirJsonNames.Of(element, value.Type.Code);
        var owner = FhirJsonSlot.ChildrenOf(document, FhirJsonSlot.Locate(document, parent));
        FhirJsonProperties.InsertAt(owner, parentType, jsonName, operation.Index, value.Value, value.Extension);
    }

    private static void Move(JsonObject document, ElementNode root, FhirPatchOperation operation)
    {
        var (parent, parentType, element, count) = List(root, operation);
        foreach (var (part, index) in new[] { ("source", operation.Source), ("destination", operation.Destination) })
        {
            if (index >= count)
            {
                throw PatchException.Unprocessable(
                    $"{operation.Label}: {part} {index} is out of range: {parent.Location}.{element.Name} has {Items(count)}.", operation.LocationOf(part));
            }
        }
        if (operation.Source == operation.Destination) return;
        var owner = FhirJsonSlot.ChildrenOf(document, FhirJsonSlot.Locate(document, parent));
        FhirJsonProperties.Move(owner, parentType, element.Name, operation.Source, operation.Destination); // lists are never choices
    }

    private static void Delete(JsonObject document, ElementNode root, FhirPatchOperation operation)
    {
        var selected = Select(root, operation.Target!, operation);
        if (selected.Count == 0) return; // deleting what is not there is not an error (fhirpatch.html)
        if (selected.Count > 1)
        {
            throw PatchException.Unprocessable(
                $"{operation.Label}: the path selects {selected.Count} elements; delete removes exactly one.", operation.LocationOf("path"));
        }
        var node = selected[0];
        if (node.Parent is null) throw PatchException.Unprocessable($"{operation.Label}: the resource itself cannot be deleted.", operation.LocationOf("path"));
        FhirJsonSlot.Locate(document, node)!.Remove();
    }

    private static void Replace(JsonObject document, ElementNode root, FhirPatchOperation operation, FhirModel model)
    {
        var node = SelectOne(root, operation.Target!, operation);
        if (node.Parent is null)
        {
            throw PatchException.Unprocessable($"{operation.Label}: the resource itself cannot be replaced; use update.", operation.LocationOf("path"));
        }
        var element = node.Parent.Type?.FindChild(node.Name)
            ?? throw PatchException.Unprocessable(
                $"{operation.Label}: {node.Location} is not an element of {node.Parent.TypeName} in the FHIR model.", operation.LocationOf("path"));
        var value = FhirPatchValueBuilder.Build(operation.Value!, element, null, model, operation.Label);
        FhirJsonSlot.Locate(document, node)!.Replace(FhirJsonNames.Of(element, value.Type.Code), value.Value, value.Extension);
    }

    /// <summary>The list an insert or move works on: its parent, the parent's type, the element, and its current number of items.</summary>
    private static (ElementNode Parent, TypeDefinition ParentType, ChildDefinition Element, int Count) List(ElementNode root, FhirPatchOperation operation)
    {
        var parent = operation.Target is null ? root : SelectOne(root, operation.Target, operation);
        var parentType = TypeOf(parent, operation);
        var element = FhirJsonNames.FindChild(parentType, operation.Name!, out _)
            ?? throw PatchException.Unprocessable(
                $"{operation.Label}: {Describe(parent)} has no element '{operation.Name}'.", operation.LocationOf("path"));
        if (!element.IsArray)
        {
            throw PatchException.Unprocessable(
                $"{operation.Label}: {element.Path} does not repeat, so it is not a list to {operation.Type.ToString().ToLowerInvariant()} in.",
                operation.LocationOf("path"));
        }
        return (parent, parentType, element, parent.Children(element.Name).Count);
    }

    private static ElementNode SelectOne(ElementNode root, CompiledExpression target, FhirPatchOperation operation)
    {
        var selected = Select(root, target, operation);
        if (selected.Count == 1) return selected[0];
        var what = target.Text == operation.Path ? "the path" : $"the list's parent '{target.Text}'";
        throw PatchException.Unprocessable(
            $"{operation.Label}: {what} selects {(selected.Count == 0 ? "nothing" : $"{selected.Count} elements")}; it must select exactly one element.",
            operation.LocationOf("path"));
    }

    private static List<ElementNode> Select(ElementNode root, CompiledExpression target, FhirPatchOperation operation)
    {
        FhirPathCollection result;
        try
        {
            result = target.Evaluate(root);
        }
        catch (FhirPathException e)
        {
            throw PatchException.Unprocessable($"{operation.Label}: evaluating the path failed: {e.Message}", operation.LocationOf("path"));
        }
        var nodes = new List<ElementNode>(result.Count);
        foreach (var item in result)
        {
            if (item is not ElementNode node || !ReferenceEquals(RootOf(node), root))
            {
                throw PatchException.Unprocessable(
                    $"{operation.Label}: the path selects {(item is ElementNode other ? other.Location + " of another resource" : $"the computed value {item}")}; only elements of the resource being patched can be changed.",
                    operation.LocationOf("path"));
            }
            nodes.Add(node);
        }
        return nodes;
    }

    private static TypeDefinition TypeOf(ElementNode node, FhirPatchOperation operation) =>
        node.Type ?? throw PatchException.Unprocessable(
            $"{operation.Label}: {node.Location} is not in the FHIR model, so its elements are unknown.", operation.LocationOf("path"));

    private static ElementNode RootOf(ElementNode node)
    {
        while (node.Parent is not null) node = node.Parent;
        return node;
    }

    // Patient.name[0] (HumanName); the resource is just its type.
    private static string Describe(ElementNode node) => node.Parent is null ? node.TypeName : $"{node.Location} ({node.TypeName})";

    private static string Items(int count) => count == 1 ? "1 item" : $"{count} items";

    private static ElementNode Read(JsonObject document, FhirModel model)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) document.WriteTo(writer);
        return ElementNodeReader.Read(buffer.WrittenSpan, model);
    }
}
