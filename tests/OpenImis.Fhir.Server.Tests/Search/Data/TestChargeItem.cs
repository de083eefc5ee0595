using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>
/// A charge: its occurrence is a dateTime (<see cref="OccurrenceDateTime"/>), a Period whose start or end may be
/// missing (<see cref="IsPeriod"/>) or a Timing's events; a factor (number search) and a quantity with or without a
/// coded unit.
/// </summary>
public sealed record TestChargeItem(
    string Id,
    string Subject,
    string? OccurrenceDateTime = null,
    bool IsPeriod = false,
    string? PeriodStart = null,
    string? PeriodEnd = null,
    TestAmount? Factor = null,
    TestAmount? Quantity = null,
    IReadOnlyList<string>? TimingEvents = null) : ITestResource
{
    public string ResourceType => "ChargeItem";

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["resourceType"] = ResourceType,
            ["id"] = Id,
            ["status"] = "billable",
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new TestCoding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/bill-charge-item", "service").ToJson()) },
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + Subject },
        };
        if (OccurrenceDateTime is not null) json["occurrenceDateTime"] = OccurrenceDateTime;
        if (IsPeriod)
        {
            var period = new JsonObject();
            if (PeriodStart is not null) period["start"] = PeriodStart;
            if (PeriodEnd is not null) period["end"] = PeriodEnd;
            json["occurrencePeriod"] = period;
        }
        if (TimingEvents is not null) json["occurrenceTiming"] = new JsonObject { ["event"] = new JsonArray([.. TimingEvents.Select(e => (JsonNode)e)]) };
        if (Quantity is not null) json["quantity"] = Quantity.ToJson();
        if (Factor is not null) json["factorOverride"] = JsonValue.Create(Factor.Value);
        return json;
    }
}
