using System.Text.Json.Nodes;
using OpenImis.Fhir.DataGenerator.Model;
using static OpenImis.Fhir.DataGenerator.Fhir.FhirJson;

namespace OpenImis.Fhir.DataGenerator.Fhir;

/// <summary>A claim and its response (same id, same identifiers), as openIMIS writes them.</summary>
internal static class ClaimResources
{
    public static JsonObject Claim(RenderContext c, ClaimRecord claim)
    {
        var r = c.Ig.Copy("Claim-Claim001");
        // The template's first item is a service, its second an item.
        var templates = r["item"]!.AsArray();
        var serviceTemplate = templates[0]!;
        var itemTemplate = templates[1]!;
        r["id"] = claim.Id;
        r["insurance"]![0]!["coverage"] = Reference("Coverage", claim.PolicyId);
        var items = new JsonArray();
        foreach (var line in claim.Lines)
        {
            var item = (line.Kind == ClaimLineKind.Service ? serviceTemplate : itemTemplate).DeepClone().AsObject();
            item["extension"]![0]!["valueReference"] = LineReference(line);
            item["sequence"] = line.Sequence;
            item["productOrService"] = new JsonObject { ["text"] = line.Code };
            item["quantity"] = new JsonObject { ["value"] = line.Quantity };
            item["unitPrice"] = Money(line.UnitPrice);
            items.Add(item);
        }
        r["item"] = items;
        if (claim.Explanation is null) r.Remove("supportingInfo");
        else r["supportingInfo"]![0]!["valueString"] = claim.Explanation;
        r["identifier"] = Identifiers(claim.Code, claim.Id);
        r["type"] = IgConcept(c.Ig, "claim-visit-type", claim.VisitType);
        r["patient"] = Reference("Patient", claim.InsureeId);
        r["billablePeriod"] = new JsonObject { ["start"] = Date(claim.Start), ["end"] = Date(claim.End) };
        r["created"] = Date(claim.Created);
        r["enterer"] = Reference("Practitioner", claim.ClaimAdministratorId);
        r["provider"] = Reference("Organization", claim.HealthFacilityId);
        r["diagnosis"] = new JsonArray([.. claim.DiagnosisCodes.Select((code, i) => (JsonNode)new JsonObject
        {
            ["sequence"] = i + 1,
            ["diagnosisCodeableConcept"] = IgConcept(c.Ig, "diagnosis-ICD10-level1", code),
        })]);
        r["total"] = Money(claim.Claimed);
        return r;
    }

    /// <summary>
    /// One adjudication per line: category Rejected with the reason for a rejected line (or claim), else the claim's
    /// state with reason 0. Totals: what was claimed (Entered) and, unless rejected, what was approved (the state).
    /// </summary>
    public static JsonObject Response(RenderContext c, ClaimRecord claim)
    {
        var r = c.Ig.Copy("ClaimResponse-Claim001");
        var template = r["item"]![0]!;
        r["id"] = claim.Id;
        var items = new JsonArray();
        foreach (var line in claim.Lines)
        {
            var item = template.DeepClone().AsObject();
            item["extension"]![0]!["valueReference"] = LineReference(line);
            item["itemSequence"] = line.Sequence;
            var rejected = claim.Status == ClaimStatus.Rejected || line.RejectionReason != 0;
            var adjudication = item["adjudication"]![0]!.AsObject();
            adjudication["category"] = Status(c, rejected ? ClaimStatus.Rejected : claim.Status);
            adjudication["reason"] = IgConcept(c.Ig, "claim-rejection-reasons", line.RejectionReason.ToString(System.Globalization.CultureInfo.InvariantCulture));
            adjudication["amount"] = Money(line.UnitPrice);
            adjudication["value"] = line.Quantity;
            items.Add(item);
        }
        r["item"] = items;
        r["identifier"] = Identifiers(claim.Code, claim.Id);
        r["type"] = IgConcept(c.Ig, "claim-visit-type", claim.VisitType);
        r["patient"] = Reference("Patient", claim.InsureeId);
        r["created"] = Date(claim.ResponseCreated!.Value);
        r["requestor"] = Reference("Practitioner", claim.ClaimAdministratorId);
        r["request"] = Reference("Claim", claim.Id);
        r["outcome"] = claim.Status is ClaimStatus.Checked or ClaimStatus.Processed ? "partial" : "complete";
        var totals = new JsonArray(new JsonObject { ["category"] = Status(c, ClaimStatus.Entered), ["amount"] = Money(claim.Claimed) });
        if (claim.Status != ClaimStatus.Rejected) totals.Add(new JsonObject { ["category"] = Status(c, claim.Status), ["amount"] = Money(claim.Approved) });
        r["total"] = totals;
        r.Remove("communicationRequest"); // no feedback requested
        return r;
    }

    private static JsonObject LineReference(ClaimLine line) =>
        Reference(line.Kind == ClaimLineKind.Service ? "ActivityDefinition" : "Medication", line.ReferenceId);

    private static JsonObject Status(RenderContext c, ClaimStatus status) =>
        IgConcept(c.Ig, "claim-status", ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
