using System.Diagnostics;
using Xunit.Abstractions;

namespace OpenImis.Fhir.Engine.Tests.ImplementationGuide;

/// <summary>
/// ig-profiles/ is what SUSHI compiles from fsh/, committed so the server needs no Node. This check rebuilds it into a
/// temporary folder and fails on any difference, so a change to fsh/ cannot land without its compiled profiles (and a
/// hand edit of ig-profiles/ cannot land at all).
/// </summary>
public sealed class IgProfilesRebuildTests(ITestOutputHelper output)
{
    [Fact]
    public void committed_ig_profiles_equal_a_fresh_build_of_fsh()
    {
        var fresh = Directory.CreateTempSubdirectory("openimis-ig-rebuild-");
        try
        {
            var clock = Stopwatch.StartNew();
            var log = IgBuild.Run(fresh.FullName, TimeSpan.FromMinutes(5));
            output.WriteLine($"scripts/build-ig.sh took {clock.Elapsed.TotalSeconds:0.0} s\n{log}");

            var differences = Compare(IgBuild.IgProfiles, fresh.FullName);
            Assert.True(differences.Count == 0,
                $"ig-profiles/ is not what fsh/ compiles to ({differences.Count} files):\n  {string.Join("\n  ", differences)}\n" +
                "Run scripts/build-ig.sh and commit ig-profiles/ with the fsh/ change.");
        }
        finally
        {
            fresh.Delete(recursive: true);
        }
    }

    [Fact]
    public void the_comparison_names_changed_missing_and_extra_files()
    {
        var committed = Directory.CreateTempSubdirectory("openimis-ig-committed-");
        var fresh = Directory.CreateTempSubdirectory("openimis-ig-fresh-");
        try
        {
            File.WriteAllText(Path.Combine(committed.FullName, "Same.json"), "{}\n");
            File.WriteAllText(Path.Combine(fresh.FullName, "Same.json"), "{}\n");
            File.WriteAllText(Path.Combine(committed.FullName, "Changed.json"), "{\"a\": 1}\n");
            File.WriteAllText(Path.Combine(fresh.FullName, "Changed.json"), "{\"a\": 2}\n");
            File.WriteAllText(Path.Combine(fresh.FullName, "New.json"), "{}\n");
            File.WriteAllText(Path.Combine(committed.FullName, "Old.json"), "{}\n");

            Assert.Equal(
                ["Changed.json: differs", "New.json: missing from ig-profiles/", "Old.json: in ig-profiles/ but not built from fsh/"],
                Compare(committed.FullName, fresh.FullName));
        }
        finally
        {
            committed.Delete(recursive: true);
            fresh.Delete(recursive: true);
        }
    }

    /// <summary>The files of the two folders that differ, sorted by name; empty when both hold the same files, byte for byte.</summary>
    private static List<string> Compare(string committed, string fresh)
    {
        var committedFiles = Files(committed);
        var freshFiles = Files(fresh);
        var differences = new List<string>();
        foreach (var name in committedFiles.Keys.Union(freshFiles.Keys).Order(StringComparer.Ordinal))
        {
            if (!committedFiles.TryGetValue(name, out var old)) differences.Add($"{name}: missing from ig-profiles/");
            else if (!freshFiles.TryGetValue(name, out var built)) differences.Add($"{name}: in ig-profiles/ but not built from fsh/");
            else if (!File.ReadAllBytes(old).AsSpan().SequenceEqual(File.ReadAllBytes(built))) differences.Add($"{name}: differs");
        }
        return differences;
    }

    private static Dictionary<string, string> Files(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), f => f, StringComparer.Ordinal)
            : [];
}
