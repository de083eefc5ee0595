using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>A bill: totals as Money of different precisions and currencies (quantity search), a dateTime.</summary>
public sealed record TestInvoice(string Id, string Status, string? Date, TestAmount? TotalNet, TestAmount? TotalGross, string? Subject = null) : ITestResource
{
    public string ResourceType => "Invoice";

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["resourceType"] = ResourceType, ["id"] = Id, ["status"] = Status };
        if (Subject is not null) json["subject"] = new JsonObject { ["reference"] = "Patient/" + Subject };
        if (Date is not null) json["date"] = Date;
        if (TotalNet is not null) json["totalNet"] = TotalNet.ToJson();
        if (TotalGross is not null) json["totalGross"] = TotalGross.ToJson();
        return json;
    }
}
