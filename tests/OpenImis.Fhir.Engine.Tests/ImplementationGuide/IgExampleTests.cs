using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using Xunit.Abstractions;

namespace OpenImis.Fhir.Engine.Tests.ImplementationGuide;

/// <summary>
/// Our own IG examples (fsh/input/fsh/examples, compiled into ig-profiles/), checked before the validator exists:
/// every profile has one, references between them resolve, and every R4 base invariant holds on every element
/// (evaluated with our FHIRPath engine). The validator issue adds the full profile validation on top.
/// </summary>
public sealed class IgExampleTests(ITestOutputHelper output)
{
    private const string Canonical = "https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/";

    // Invariants the examples cannot meet because the profile requires it (docs/ig-errata.md, FACTS.md 8.1 #12a).
    private static readonly HashSet<string> KnownViolations = new(StringComparer.Ordinal)
    {
        "ces-1 at CoverageEligibilityResponse.insurance[0].item[1]",
    };

    private static readonly Lazy<IReadOnlyList<ElementNode>> Examples = new(() =>
        Directory.GetFiles(IgBuild.IgProfiles, "*.json")
            .Select(file => ElementNodeReader.Read(File.ReadAllText(file), FhirModel.R4))
            .Where(node => node.TypeName is not ("StructureDefinition" or "CodeSystem" or "ValueSet"))
            .ToList());

    [Fact]
    public void Every_profile_has_an_example_that_claims_it()
    {
        var profiles = Directory.GetFiles(IgBuild.IgProfiles, "StructureDefinition-*.json")
            .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement)
            .Where(sd => sd.GetProperty("type").GetString() != "Extension")
            .Select(sd => sd.GetProperty("url").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        var claimed = Examples.Value
            .SelectMany(e => e.Children("meta").SelectMany(m => ((ElementNode)m).Children("profile")))
            .Select(p => (string)((ElementNode)p).Value!)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(25, profiles.Count);
        Assert.Empty(profiles.Except(claimed));
        Assert.Empty(claimed.Where(url => url.StartsWith(Canonical, StringComparison.Ordinal)).Except(profiles));
    }

    [Fact]
    public void References_between_examples_resolve()
    {
        var ids = Examples.Value.Select(e => $"{e.TypeName}/{Id(e)}").ToHashSet(StringComparer.Ordinal);
        var unresolved = new List<string>();
        foreach (var example in Examples.Value)
        {
            foreach (var node in Descendants(example))
            {
                if (node is not { TypeName: "Reference" }) continue;
                if (node.Children("reference") is not { Count: 1 } r || ((ElementNode)r.Single).Value is not string reference) continue;
                if (!ids.Contains(reference)) unresolved.Add($"{node.Location}: {reference}");
            }
        }
        Assert.Empty(unresolved);
    }

    [Fact]
    public void Every_R4_base_invariant_holds_on_every_example_element()
    {
        var engine = new FhirPathEngine(FhirModel.R4);
        var environment = new FhirPathEnvironment { ResolveReference = ReferenceStubs.For(FhirModel.R4) };
        var violations = new List<string>();
        var knownSeen = new HashSet<string>(StringComparer.Ordinal);
        var checkedCount = 0;
        foreach (var example in Examples.Value)
        {
            foreach (var node in Descendants(example).Prepend(example))
            {
                foreach (var (key, expression) in Constraints(node))
                {
                    checkedCount++;
                    var holds = engine.Compile(expression).Predicate(node, example, environment);
                    if (holds != false) continue;
                    var violation = $"{key} at {node.Location}";
                    if (KnownViolations.Contains(violation)) knownSeen.Add(violation);
                    else violations.Add($"{violation} ({example.TypeName}/{Id(example)}): {expression}");
                }
            }
        }
        output.WriteLine($"{Examples.Value.Count} examples, {checkedCount} invariant evaluations, {violations.Count} unexpected violations");
        Assert.True(checkedCount > 1000, $"Expected thousands of invariant evaluations, got {checkedCount}.");
        Assert.Empty(violations);
        Assert.Empty(KnownViolations.Except(knownSeen)); // a known violation that is gone must leave the list
    }

    // The error-severity constraints that apply to a node: those of its element in the definition that declares it
    // (the nearest resource or complex data type above it; path without indices, choice elements as name[x]) and
    // those on the root of its own type's definition (data type invariants such as rat-1, resource ones such as dom-2).
    private static IEnumerable<(string Key, string Expression)> Constraints(ElementNode node)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (DeclaringDefinition(node) is { } declaring
            && SnapshotOrNull(declaring.TypeName) is { } definition
            && (definition.TryGetValue(declaring.Path, out var element) || definition.TryGetValue(declaring.Path + "[x]", out element)))
        {
            foreach (var c in ErrorConstraints(element)) if (seen.Add(c.Key)) yield return c;
        }
        if (node.Type is { Kind: TypeKind.Complex or TypeKind.Resource } type && SnapshotOrNull(type.Name) is { } own
            && own.TryGetValue(type.Name, out var root))
        {
            foreach (var c in ErrorConstraints(root)) if (seen.Add(c.Key)) yield return c;
        }
    }

    private static (string TypeName, string Path)? DeclaringDefinition(ElementNode node)
    {
        var names = new Stack<string>();
        for (var n = node; n.Parent is { } parent; n = parent)
        {
            names.Push(n.Name);
            if (parent.Type is { Kind: TypeKind.Resource or TypeKind.Complex })
            {
                return (parent.TypeName, parent.TypeName + "." + string.Join('.', names));
            }
        }
        return null; // the resource root: its constraints come from its own definition's root
    }

    private static IEnumerable<(string Key, string Expression)> ErrorConstraints(JsonElement element)
    {
        if (!element.TryGetProperty("constraint", out var constraints)) yield break;
        foreach (var c in constraints.EnumerateArray())
        {
            if (c.GetProperty("severity").GetString() != "error" || !c.TryGetProperty("expression", out var e)) continue;
            yield return (c.GetProperty("key").GetString()!, e.GetString()!);
        }
    }

    private static readonly Dictionary<string, Dictionary<string, JsonElement>?> Snapshots = new(StringComparer.Ordinal);

    private static Dictionary<string, JsonElement>? SnapshotOrNull(string typeName)
    {
        lock (Snapshots)
        {
            if (Snapshots.TryGetValue(typeName, out var cached)) return cached;
            Dictionary<string, JsonElement>? result = null;
            if (FhirDefinitions.R4.FindStructureDefinition("http://hl7.org/fhir/StructureDefinition/" + typeName) is { } sd)
            {
                result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var element in sd.GetProperty("snapshot").GetProperty("element").EnumerateArray())
                {
                    result.TryAdd(element.GetProperty("path").GetString()!, element);
                }
            }
            Snapshots[typeName] = result;
            return result;
        }
    }

    private static IEnumerable<ElementNode> Descendants(ElementNode node)
    {
        foreach (var child in node.AllChildren())
        {
            var element = (ElementNode)child;
            yield return element;
            // A contained resource is checked as part of its container here; its own definition is not looked up.
            foreach (var d in Descendants(element)) yield return d;
        }
    }

    private static string? Id(ElementNode resource) =>
        resource.Children("id") is { Count: 1 } ids ? ((ElementNode)ids.Single).Value as string : null;
}
