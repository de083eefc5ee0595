using System.Text.Json;

namespace OpenImis.Fhir.Application.Errors;

/// <summary>Writes an OperationOutcome (http://hl7.org/fhir/R4/operationoutcome.html) from issues.</summary>
public static class OperationOutcomeJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<OutcomeIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(issues);
        writer.WriteStartObject();
        writer.WriteString("resourceType", "OperationOutcome");
        writer.WriteStartArray("issue");
        if (issues.Count == 0) WriteIssue(writer, new OutcomeIssue("information", "informational", "All OK"));
        foreach (var issue in issues) WriteIssue(writer, issue);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteIssue(Utf8JsonWriter writer, OutcomeIssue issue)
    {
        writer.WriteStartObject();
        writer.WriteString("severity", issue.Severity);
        writer.WriteString("code", issue.Code);
        writer.WriteStartObject("details");
        writer.WriteString("text", issue.Message);
        writer.WriteEndObject();
        if (issue.Location is { } location)
        {
            writer.WriteStartArray("expression");
            writer.WriteStringValue(location);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }
}
