using System.Text.Json;
using OpenImis.Fhir.Engine.FhirPath;

namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// Compiles a StructureDefinition snapshot into an <see cref="ElementPlan"/> tree. Elements are placed by their id
/// (profiling.html#slicing: <c>Patient.identifier:Code.value</c> is the child <c>value</c> of the slice <c>Code</c> of
/// <c>Patient.identifier</c>); FHIRPath constraints are compiled here, once.
/// </summary>
internal sealed class ProfileCompiler(FhirPathEngine engine)
{
    public ProfilePlan? Compile(JsonElement structureDefinition)
    {
        if (!structureDefinition.TryGetProperty("snapshot", out var snapshot)
            || !snapshot.TryGetProperty("element", out var elements)
            || elements.GetArrayLength() == 0)
        {
            return null;
        }
        var byId = new Dictionary<string, ElementPlan>(StringComparer.Ordinal);
        var references = new List<(ElementPlan Plan, string Target)>();
        ElementPlan? root = null;
        // A primitive's value is the node's own value, never a child element (json.html#primitive): leave string.value out.
        var primitiveValuePath = Text(structureDefinition, "kind") == "primitive-type" ? Text(structureDefinition, "type") + ".value" : null;
        foreach (var element in elements.EnumerateArray())
        {
            var path = Text(element, "path") ?? "";
            if (path == primitiveValuePath) continue;
            var id = Text(element, "id") ?? path;
            var plan = Place(id, path, byId);
            root ??= plan;
            Fill(plan, element);
            if (Text(element, "contentReference") is { } reference) references.Add((plan, reference.TrimStart('#')));
        }
        foreach (var (plan, target) in references)
        {
            // contentReference names an element path of the same definition (elementdefinition.html#ElementDefinition.contentReference).
            if (byId.TryGetValue(target, out var targetPlan)) plan.ContentReference = targetPlan;
        }
        var contexts = new List<ExtensionContext>();
        if (structureDefinition.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in context.EnumerateArray())
            {
                contexts.Add(new ExtensionContext(Text(item, "type") ?? "element", Text(item, "expression") ?? ""));
            }
        }
        return new ProfilePlan(
            Text(structureDefinition, "url") ?? "",
            Text(structureDefinition, "version"),
            Text(structureDefinition, "type") ?? "",
            Text(structureDefinition, "kind") ?? "",
            Text(structureDefinition, "derivation"),
            root!,
            contexts);
    }

    // Creates the plan for an element id and hangs it under its parent (a child) or its sliced element (a slice).
    private static ElementPlan Place(string id, string path, Dictionary<string, ElementPlan> byId)
    {
        var dot = LastSegmentStart(id);
        var segment = dot < 0 ? id : id[(dot + 1)..];
        var parentId = dot < 0 ? null : id[..dot];
        var colon = segment.IndexOf(':', StringComparison.Ordinal);
        ElementPlan plan;
        if (colon >= 0)
        {
            var baseSegment = segment[..colon];
            var sliceName = segment[(colon + 1)..];
            var slicedId = parentId is null ? baseSegment : parentId + "." + baseSegment;
            // A reslice (a/b) is treated as a slice of the sliced element: reslicing is not checked yet.
            var slash = sliceName.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0) slicedId += ":" + sliceName[..slash];
            plan = new ElementPlan(id, path, ChoiceName(baseSegment), sliceName);
            if (byId.TryGetValue(slicedId, out var sliced)) sliced.AddSlice(plan);
        }
        else
        {
            plan = new ElementPlan(id, path, ChoiceName(segment), null);
            if (parentId is not null && byId.TryGetValue(parentId, out var parent)) parent.AddChild(plan);
        }
        byId[id] = plan;
        return plan;
    }

    // The last '.' outside a slice name (slice names may hold dots only in odd IGs; we split on the last dot).
    private static int LastSegmentStart(string id) => id.LastIndexOf('.');

    private static string ChoiceName(string segment) =>
        segment.EndsWith("[x]", StringComparison.Ordinal) ? segment[..^3] : segment;

    private void Fill(ElementPlan plan, JsonElement element)
    {
        if (element.TryGetProperty("min", out var min) && min.TryGetInt32(out var minValue)) plan.Min = minValue;
        plan.Max = Text(element, "max") is { } max && max != "*" && int.TryParse(max, out var maxValue) ? maxValue : null;
        plan.Types = [.. ReadTypes(element)];
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.StartsWith("fixed", StringComparison.Ordinal)) plan.Fixed = property.Value;
            else if (property.Name.StartsWith("pattern", StringComparison.Ordinal)) plan.Pattern = property.Value;
        }
        if (element.TryGetProperty("binding", out var binding)
            && Text(binding, "valueSet") is { } valueSet)
        {
            plan.Binding = new BindingPlan(Text(binding, "strength") ?? "example", valueSet);
        }
        plan.Constraints = [.. ReadConstraints(element)];
        if (element.TryGetProperty("slicing", out var slicing)) plan.Slicing = ReadSlicing(slicing);
    }

    private static List<TypePlan> ReadTypes(JsonElement element)
    {
        var types = new List<TypePlan>();
        if (!element.TryGetProperty("type", out var typeArray) || typeArray.ValueKind != JsonValueKind.Array) return types;
        foreach (var type in typeArray.EnumerateArray())
        {
            var code = Text(type, "code");
            if (code is null) continue;
            types.Add(new TypePlan(code, Strings(type, "profile"), Strings(type, "targetProfile")));
        }
        return types;
    }

    private List<ConstraintPlan> ReadConstraints(JsonElement element)
    {
        var constraints = new List<ConstraintPlan>();
        if (!element.TryGetProperty("constraint", out var array) || array.ValueKind != JsonValueKind.Array) return constraints;
        foreach (var constraint in array.EnumerateArray())
        {
            var key = Text(constraint, "key") ?? "?";
            var expression = Text(constraint, "expression");
            if (expression is null) continue;
            var severity = Text(constraint, "severity") == "warning" ? IssueSeverity.Warning : IssueSeverity.Error;
            CompiledExpression? compiled = null;
            string? error = null;
            try
            {
                compiled = engine.Compile(ConstraintCorrections.Correct(key, expression));
            }
            catch (FhirPathException exception)
            {
                error = exception.Message;
            }
            constraints.Add(new ConstraintPlan(key, severity, Text(constraint, "human") ?? key, compiled, error)
            {
                Native = NativeConstraints.For(key, expression),
            });
        }
        return constraints;
    }

    private static SlicingPlan ReadSlicing(JsonElement slicing)
    {
        var discriminators = new List<DiscriminatorPlan>();
        if (slicing.TryGetProperty("discriminator", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var discriminator in array.EnumerateArray())
            {
                discriminators.Add(new DiscriminatorPlan(Text(discriminator, "type") ?? "value", Text(discriminator, "path") ?? "$this"));
            }
        }
        var ordered = slicing.TryGetProperty("ordered", out var o) && o.ValueKind == JsonValueKind.True;
        return new SlicingPlan([.. discriminators], Text(slicing, "rules") ?? "open", ordered);
    }

    private static string[] Strings(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array) return [];
        var result = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray()) result[i++] = item.GetString() ?? "";
        return result;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
