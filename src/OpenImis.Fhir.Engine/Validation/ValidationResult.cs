using System.Text;
using System.Text.Json;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Validation;

/// <summary>The issues found in a resource, and their OperationOutcome (http://hl7.org/fhir/R4/operationoutcome.html).</summary>
public sealed class ValidationResult
{
    internal ValidationResult(IReadOnlyList<ValidationIssue> issues, ElementNode? root = null)
    {
        Issues = issues;
        Root = root;
    }

    /// <summary>
    /// The element tree read for the validation (null when the JSON shape was too broken to read): callers that need
    /// the tree too (the server extracts index rows from it) use it instead of reading the JSON again.
    /// </summary>
    public ElementNode? Root { get; }

    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>True when an issue is an error or fatal: the resource is not valid.</summary>
    public bool HasErrors => Issues.Any(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal);

    /// <summary>Writes the OperationOutcome: severity, code, details.text (the message), expression (the location).</summary>
    public void WriteOperationOutcome(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("resourceType", "OperationOutcome");
        writer.WriteStartArray("issue");
        if (Issues.Count == 0)
        {
            // An OperationOutcome needs at least one issue (opoutcome issue 1..*): say all is well.
            writer.WriteStartObject();
            writer.WriteString("severity", "information");
            writer.WriteString("code", "informational");
            writer.WriteStartObject("details");
            writer.WriteString("text", "No issues found");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        foreach (var issue in Issues)
        {
            writer.WriteStartObject();
            writer.WriteString("severity", issue.Severity.ToString().ToLowerInvariant());
            writer.WriteString("code", issue.Code);
            writer.WriteStartObject("details");
            writer.WriteString("text", issue.Message);
            writer.WriteEndObject();
            writer.WriteStartArray("expression");
            writer.WriteStringValue(issue.Location);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public string ToOperationOutcomeJson(bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented })) WriteOperationOutcome(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
