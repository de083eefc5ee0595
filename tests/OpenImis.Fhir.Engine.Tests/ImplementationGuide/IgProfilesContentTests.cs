using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Engine.Tests.ImplementationGuide;

/// <summary>
/// ig-profiles/ holds the openIMIS IG's canonical resources, as the published IG 1.0.0 has them
/// (../shared/reference/openimis-ig/definitions): same canonical URLs, version and publisher.
/// </summary>
public sealed class IgProfilesContentTests
{
    private static readonly string[] DefinitionTypes = ["StructureDefinition", "CodeSystem", "ValueSet"];

    [Fact]
    public void every_file_is_a_resource_named_by_type_and_id_with_a_canonical_url_of_the_openimis_ig()
    {
        var problems = new List<string>();
        var files = Directory.GetFiles(IgBuild.IgProfiles).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 0, "ig-profiles/ is empty: run scripts/build-ig.sh and commit it.");
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            JsonObject resource;
            try
            {
                resource = JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? throw new JsonException("not a JSON object");
            }
            catch (JsonException e)
            {
                problems.Add($"{name}: not a JSON resource ({e.Message})");
                continue;
            }
            problems.AddRange(Check(resource).Select(p => $"{name}: {p}"));
            var type = (string?)resource["resourceType"];
            var id = (string?)resource["id"];
            if (type is not null && id is not null && name != $"{type}-{id}.json") problems.Add($"{name}: should be named {type}-{id}.json");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void the_resource_check_rejects_a_foreign_url_another_version_and_a_missing_publisher()
    {
        var resource = JsonNode.Parse("""
            {"resourceType": "ValueSet", "id": "x", "url": "http://example.org/ValueSet/x", "version": "0.1.0"}
            """)!.AsObject();
        Assert.Equal(
            [
                "url http://example.org/ValueSet/x is not https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/x",
                "version is 0.1.0, not 1.0.0",
                "publisher is (none), not openIMIS Initiative",
            ],
            Check(resource));
    }

    [Fact]
    public void ig_profiles_hold_every_structure_definition_code_system_and_value_set_of_the_published_ig()
    {
        var published = Definitions(IgBuild.PublishedDefinitions);
        Assert.True(published.Count >= 156, $"Expected the 156 published definitions in {IgBuild.PublishedDefinitions}, found {published.Count}.");
        var ours = Definitions(IgBuild.IgProfiles).Select(d => d.Url).ToHashSet(StringComparer.Ordinal);
        var missing = published.Where(d => !ours.Contains(d.Url)).Select(d => $"{d.Type} {d.Url}").ToList();
        Assert.True(missing.Count == 0,
            $"{missing.Count} of the published IG's {published.Count} definitions are not in ig-profiles/ (add them to fsh/, then run scripts/build-ig.sh):\n  {string.Join("\n  ", missing)}");
    }

    [Fact]
    public void ig_profiles_hold_25_profiles_35_extensions_41_code_systems_and_55_value_sets()
    {
        var definitions = Definitions(IgBuild.IgProfiles);
        var counts = new
        {
            Profiles = definitions.Count(d => d.Type == "StructureDefinition" && d.SdType != "Extension"),
            Extensions = definitions.Count(d => d.Type == "StructureDefinition" && d.SdType == "Extension"),
            CodeSystems = definitions.Count(d => d.Type == "CodeSystem"),
            ValueSets = definitions.Count(d => d.Type == "ValueSet"),
        };
        Assert.Equal(new { Profiles = 25, Extensions = 35, CodeSystems = 41, ValueSets = 55 }, counts);
    }

    /// <summary>What is wrong with one resource of ig-profiles/; empty when nothing is.</summary>
    private static List<string> Check(JsonObject resource)
    {
        var problems = new List<string>();
        var type = (string?)resource["resourceType"];
        var id = (string?)resource["id"];
        if (type is null || id is null)
        {
            problems.Add("no resourceType or id");
            return problems;
        }
        var url = (string?)resource["url"];
        var isDefinition = DefinitionTypes.Contains(type);
        if (isDefinition && url != $"{IgBuild.Canonical}{type}/{id}") problems.Add($"url {url ?? "(none)"} is not {IgBuild.Canonical}{type}/{id}");
        else if (url is not null && !url.StartsWith(IgBuild.Canonical, StringComparison.Ordinal)) problems.Add($"url {url} is not under {IgBuild.Canonical}");
        if (isDefinition)
        {
            if ((string?)resource["version"] != "1.0.0") problems.Add($"version is {(string?)resource["version"] ?? "(none)"}, not 1.0.0");
            if ((string?)resource["publisher"] != "openIMIS Initiative") problems.Add($"publisher is {(string?)resource["publisher"] ?? "(none)"}, not openIMIS Initiative");
        }
        return problems;
    }

    private sealed record Definition(string Type, string Url, string? SdType);

    private static List<Definition> Definitions(string directory) =>
        Directory.GetFiles(directory, "*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())
            .Where(r => DefinitionTypes.Contains((string?)r["resourceType"]))
            .Select(r => new Definition((string)r["resourceType"]!, (string?)r["url"] ?? "", (string?)r["type"]))
            .OrderBy(d => d.Type, StringComparer.Ordinal).ThenBy(d => d.Url, StringComparer.Ordinal)
            .ToList();
}
