using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.Tests.ImplementationGuide;
using OpenImis.Fhir.Engine.Tests.Terminology;
using OpenImis.Fhir.Engine.Validation;

namespace OpenImis.Fhir.Engine.Tests.Validation;

/// <summary>One validator over R4 core and our ig-profiles/, shared by the tests (profiles compile once).</summary>
internal static class SharedValidator
{
    private static readonly Lazy<FhirValidator> Instance = new(() =>
    {
        var names = Directory.GetFiles(IgBuild.IgProfiles, "StructureDefinition-*.json").Select(Path.GetFileName).OfType<string>();
        var others = FhirDefinitions.Load(DefinitionsDirectory.FindR4(), FhirValidator.R4ExtraProfileFiles);
        return new FhirValidator([FhirDefinitions.Load(IgBuild.IgProfiles, names), FhirDefinitions.R4, others], SharedTerminology.Service);
    });

    public static FhirValidator Validator => Instance.Value;

    /// <summary>Validates JSON text; single quotes stand for double quotes to keep inline resources readable.</summary>
    public static ValidationResult Run(string json, ValidationOptions? options = null, bool singleQuotes = true)
    {
        using var document = JsonDocument.Parse(singleQuotes ? json.Replace('\'', '"') : json);
        return Validator.Validate(document.RootElement, options);
    }

    public static ValidationResult RunFile(string path, ValidationOptions? options = null)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return Validator.Validate(document.RootElement, options);
    }

    public static IEnumerable<ValidationIssue> Errors(this ValidationResult result) =>
        result.Issues.Where(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal);

    public static string Describe(IEnumerable<ValidationIssue> issues) =>
        string.Join("\n", issues.Select(i => $"{i.Severity} {i.Code} {i.Rule} at {i.Location}: {i.Message}"));
}
