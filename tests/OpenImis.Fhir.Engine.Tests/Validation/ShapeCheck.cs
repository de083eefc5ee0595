using System.Text.Json;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Validation;
using OpenImis.Fhir.Engine.Validation.Json;

namespace OpenImis.Fhir.Engine.Tests.Validation;

/// <summary>Runs the shape check on JSON text; single quotes stand for double quotes to keep test inputs readable.</summary>
internal static class ShapeCheck
{
    public static List<ValidationIssue> Run(string json, bool singleQuotes = true)
    {
        using var document = JsonDocument.Parse(singleQuotes ? json.Replace('\'', '"') : json);
        var issues = new List<ValidationIssue>();
        FhirJsonShapeChecker.Check(document.RootElement, FhirModel.R4, issues);
        return issues;
    }

    public static List<ValidationIssue> RunFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var issues = new List<ValidationIssue>();
        FhirJsonShapeChecker.Check(document.RootElement, FhirModel.R4, issues);
        return issues;
    }

    /// <summary>Asserts exactly one issue, with this rule and location, and returns it.</summary>
    public static ValidationIssue Single(string json, string rule, string location)
    {
        var issues = Run(json);
        var issue = Assert.Single(issues, i => true);
        Assert.Equal((rule, location), (issue.Rule, issue.Location));
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        return issue;
    }

    public static string Describe(IEnumerable<ValidationIssue> issues) =>
        string.Join("\n", issues.Select(i => $"{i.Rule} at {i.Location}: {i.Message}"));
}
