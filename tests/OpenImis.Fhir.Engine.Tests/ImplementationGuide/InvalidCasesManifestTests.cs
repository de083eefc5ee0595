using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Engine.Tests.ImplementationGuide;

/// <summary>
/// The invalid cases in ImplementationGuide/Invalid (one deliberate problem each, with the issue the validator must
/// report) are test data for the validator issue. Until it consumes them, this keeps the set consistent: every case
/// file exists and is a resource, every profile has at least three cases, every kind of check at least two.
/// </summary>
public sealed class InvalidCasesManifestTests
{
    private static readonly string[] Checks =
    [
        "json", "unknown-element", "cardinality", "type", "primitive-format", "fixed-pattern", "slicing", "binding",
        "invariant", "extension", "reference", "contained-bundle", "meta-profile",
    ];

    private static string Folder => Path.Combine(IgBuild.RepositoryRoot, "tests", "OpenImis.Fhir.Engine.Tests", "ImplementationGuide", "Invalid");

    [Fact]
    public void Every_case_is_a_resource_file_with_expected_issues_and_a_known_check()
    {
        var problems = new List<string>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Manifest())
        {
            var file = (string)entry["file"]!;
            listed.Add(file.Replace('\\', '/'));
            var path = Path.Combine(Folder, file);
            if (!File.Exists(path)) { problems.Add($"{file}: missing"); continue; }
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject resource || resource["resourceType"] is null) problems.Add($"{file}: not a resource");
            if (!Checks.Contains((string)entry["check"]!)) problems.Add($"{file}: unknown check {entry["check"]}");
            var expected = entry["expected"]!.AsArray();
            if (expected.Count == 0) problems.Add($"{file}: no expected issue");
            foreach (var issue in expected)
            {
                if (string.IsNullOrEmpty((string?)issue!["code"]) || string.IsNullOrEmpty((string?)issue["location"])) problems.Add($"{file}: issue without code or location");
            }
        }
        var onDisk = Directory.GetFiles(Folder, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Where(f => f != "manifest.json");
        problems.AddRange(onDisk.Where(f => !listed.Contains(f)).Select(f => $"{f}: not in the manifest"));
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_profile_has_three_cases_and_every_check_two()
    {
        var manifest = Manifest();
        var profiles = Directory.GetFiles(IgBuild.IgProfiles, "StructureDefinition-openimis-*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
            .Where(sd => (string)sd["type"]! != "Extension")
            .Select(sd => (string)sd["url"]!)
            .ToList();
        Assert.Equal(25, profiles.Count);
        var perProfile = manifest.GroupBy(e => (string)e["profile"]!).ToDictionary(g => g.Key, g => g.Count());
        var thinProfiles = profiles.Where(p => perProfile.GetValueOrDefault(p) < 3).ToList();
        Assert.True(thinProfiles.Count == 0, "Fewer than 3 cases: " + string.Join(", ", thinProfiles));
        var perCheck = manifest.GroupBy(e => (string)e["check"]!).ToDictionary(g => g.Key, g => g.Count());
        var thinChecks = Checks.Where(c => perCheck.GetValueOrDefault(c) < 2).ToList();
        Assert.True(thinChecks.Count == 0, "Fewer than 2 cases: " + string.Join(", ", thinChecks));
    }

    private static List<JsonNode> Manifest() =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")))!.AsArray().Select(n => n!)];
}
