using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Infrastructure;

/// <summary>
/// The IG's example resources (ig-profiles/, shipped beside the server), as fresh JSON copies. Tests give them new
/// ids and business codes so that they do not collide with each other in the shared database.
/// </summary>
public static class IgExamples
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "ig-profiles");

    public static JsonObject Load(string fileName) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, fileName)))!.AsObject();

    /// <summary>Every example, minus the CoverageEligibilityResponse that breaks core invariant ces-1 (docs/ig-errata.md).</summary>
    public static IEnumerable<string> ValidExampleFiles() =>
        System.IO.Directory.EnumerateFiles(Directory, "*-*.json")
            .Select(Path.GetFileName).OfType<string>()
            .Where(n => !n.StartsWith("StructureDefinition-", StringComparison.Ordinal) && !n.StartsWith("CodeSystem-", StringComparison.Ordinal)
                && !n.StartsWith("ValueSet-", StringComparison.Ordinal) && !n.StartsWith("CoverageEligibilityResponse-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>A Patient valid against openimis-patient with its own unique identifier values and no id; its references need the IG examples stored (the fixture stores them).</summary>
    public static JsonObject NewPatient()
    {
        var patient = Load("Patient-john-doe.json");
        patient.Remove("id");
        var unique = Guid.NewGuid().ToString("N")[..12];
        foreach (var identifier in patient["identifier"]!.AsArray())
        {
            var code = (string?)identifier!["type"]?["coding"]?[0]?["code"];
            identifier["value"] = code == "UUID" ? Guid.NewGuid().ToString() : "T" + unique[..11];
        }
        return patient;
    }
}
