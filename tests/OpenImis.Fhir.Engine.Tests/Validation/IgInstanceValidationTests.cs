using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImis.Fhir.Engine.Tests.ImplementationGuide;
using OpenImis.Fhir.Engine.Validation;
using Xunit.Abstractions;

namespace OpenImis.Fhir.Engine.Tests.Validation;

/// <summary>
/// The validator against our IG: every example in ig-profiles/ is valid (0 errors, the ces-1 erratum apart), and the
/// invalid cases of ImplementationGuide/Invalid are reported with the expected issue (severity, code, location).
/// </summary>
public sealed class IgInstanceValidationTests(ITestOutputHelper output)
{
    // Invalid cases detected with exactly the expected issues. A floor that may only rise: raise it when the
    // validator improves (the summary the test prints gives the current number).
    private const int ExactFloor = 161;

    // docs/ig-errata.md: the profile forces ces-1 to fail on this example.
    private static readonly HashSet<string> KnownExampleErrors = new(StringComparer.Ordinal)
    {
        "CoverageEligibilityResponse-JoeDoeEnquiringResponse.json: ces-1 at CoverageEligibilityResponse.insurance[0].item[1]",
    };

    private static string InvalidFolder => Path.Combine(IgBuild.RepositoryRoot, "tests", "OpenImis.Fhir.Engine.Tests", "ImplementationGuide", "Invalid");

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(IgBuild.IgProfiles, "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.GetProperty("resourceType").GetString() is "StructureDefinition" or "CodeSystem" or "ValueSet") continue;
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void every_ig_example_is_valid_against_its_profiles(string file)
    {
        var result = SharedValidator.RunFile(Path.Combine(IgBuild.IgProfiles, file));
        var errors = result.Errors().Where(i => !KnownExampleErrors.Contains($"{file}: {i.Rule} at {i.Location}")).ToList();
        output.WriteLine(SharedValidator.Describe(result.Issues));
        Assert.True(errors.Count == 0, SharedValidator.Describe(errors));
    }

    [Fact]
    public void the_invalid_cases_are_reported_with_their_expected_issue()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(InvalidFolder, "manifest.json")))!.AsArray();
        int exact = 0, different = 0, missed = 0;
        foreach (var entry in manifest)
        {
            var file = (string)entry!["file"]!;
            var result = SharedValidator.RunFile(Path.Combine(InvalidFolder, file));
            var expected = entry["expected"]!.AsArray()
                .Select(e => $"{(string)e!["severity"]!} {(string)e["code"]!} {(string)e["location"]!}")
                .Order(StringComparer.Ordinal).ToList();
            var actual = result.Errors()
                .Select(i => $"{i.Severity.ToString().ToLowerInvariant()} {i.Code} {i.Location}")
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (expected.SequenceEqual(actual)) { exact++; continue; }
            if (actual.Count == 0) missed++; else different++;
            output.WriteLine($"{(actual.Count == 0 ? "MISSED" : "DIFFERENT")} [{(string)entry["check"]!}] {file}\n  expected: {string.Join("; ", expected)}\n  actual:   {string.Join("; ", actual)}");
            foreach (var issue in result.Errors()) output.WriteLine($"    {issue.Rule}: {issue.Message}");
        }
        output.WriteLine($"exact {exact}, different {different}, missed {missed} of {manifest.Count}");
        Assert.True(exact >= ExactFloor, $"regression: {exact} exact matches, the floor is {ExactFloor}");
    }
}
