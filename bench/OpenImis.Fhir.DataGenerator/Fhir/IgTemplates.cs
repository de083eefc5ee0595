using System.Text.Json.Nodes;

namespace OpenImis.Fhir.DataGenerator.Fhir;

/// <summary>
/// The IG examples that generated resources start from (each is a copy of an example with other values), and the
/// IG's CodeSystems, which give the displays of the codes used.
/// </summary>
internal sealed class IgTemplates
{
    private static readonly string[] Examples =
    [
        "Location-Upper-River-Region", "Location-Jimara-district", "Location-Jamu-municipality", "Location-Jamula-village",
        "Organization-openIMIS-Implementation", "Organization-RaptaDistrictHospital",
        "Practitioner-Rushila-Dani-CA", "PractitionerRole-Rushila-Dani-CA-role", "Practitioner-Roberts-Jeb-EO", "PractitionerRole-Roberts-Jeb-EO-role",
        "InsurancePlan-RX01", "Medication-AspirinMedication", "ActivityDefinition-GeneralConsultationService",
        "Group-doe-family", "Patient-john-doe", "Contract-InformalSectorContract", "Coverage-JoeDoeCoverage",
        "Claim-Claim001", "ClaimResponse-Claim001",
    ];

    private readonly Dictionary<string, JsonObject> _examples;
    private readonly Dictionary<string, Dictionary<string, string>> _codeSystems;

    private IgTemplates(Dictionary<string, JsonObject> examples, Dictionary<string, Dictionary<string, string>> codeSystems)
    {
        _examples = examples;
        _codeSystems = codeSystems;
    }

    public static IgTemplates Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"The IG folder {directory} does not exist.");
        var examples = Examples.ToDictionary(name => name, name => (JsonObject)JsonNode.Parse(File.ReadAllBytes(Path.Combine(directory, name + ".json")))!,
            StringComparer.Ordinal);
        var codeSystems = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "CodeSystem-*.json"))
        {
            var codeSystem = JsonNode.Parse(File.ReadAllBytes(file))!;
            var concepts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var concept in codeSystem["concept"]?.AsArray() ?? [])
            {
                concepts[concept!["code"]!.GetValue<string>()] = concept["display"]?.GetValue<string>() ?? "";
            }
            codeSystems[codeSystem["id"]!.GetValue<string>()] = concepts;
        }
        return new IgTemplates(examples, codeSystems);
    }

    /// <summary>A fresh copy of an example, to be changed.</summary>
    public JsonObject Copy(string example) => (JsonObject)_examples[example].DeepClone();

    /// <summary>The codes of an IG CodeSystem, in its order.</summary>
    public IReadOnlyList<string> Codes(string codeSystemId) => [.. _codeSystems[codeSystemId].Keys];

    /// <summary>The display of a code of an IG CodeSystem; an unknown code is a bug of the generator.</summary>
    public string Display(string codeSystemId, string code) =>
        _codeSystems[codeSystemId].TryGetValue(code, out var display)
            ? display
            : throw new InvalidOperationException($"Code {code} is not in CodeSystem {codeSystemId}.");
}
