using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Application.Shaping;

namespace OpenImis.Fhir.Application.Capabilities;

/// <summary>
/// The capabilities interaction (http.html#capabilities, <c>GET [base]/metadata</c>), over REST and as a Bundle entry.
/// <c>mode=full</c> (the default) and <c>normative</c> answer the CapabilityStatement: every part of ours states what
/// the server does, so there is nothing to leave out for normative. <c>mode=terminology</c> asks for a
/// TerminologyCapabilities, which this server does not have: 400 not-supported. <c>_summary</c> and <c>_elements</c>
/// shape the statement as they shape a read.
/// </summary>
public sealed class CapabilitiesInteraction(CapabilityStatementSource source, ResultShaper shaper)
{
    internal byte[] Answer(string baseUrl, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (name != "mode") continue;
            switch (value)
            {
                case "full" or "normative":
                    break;
                case "terminology":
                    throw new FhirException(400, "not-supported", "metadata?mode=terminology: this server has no TerminologyCapabilities (its terminology services are not exposed); use mode=full for the CapabilityStatement");
                default:
                    throw FhirException.BadRequest($"metadata: mode '{value}' is not full, normative or terminology");
            }
        }
        var shape = shaper.ForResource(parameters);
        var statement = source.Json(baseUrl);
        return shape?.Apply("CapabilityStatement", System.Text.Encoding.UTF8.GetString(statement)) ?? statement;
    }
}
