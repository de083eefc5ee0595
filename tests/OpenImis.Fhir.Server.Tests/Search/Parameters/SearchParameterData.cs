using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Parameters;

/// <summary>
/// Resources for composite and openIMIS parameters, with traps: a Group whose "gender" code and "female" value sit
/// in two different characteristics, an ActivityDefinition whose quantity belongs to another context type than the
/// one searched, periods open at one end, on a single day, or ending before the searched day.
/// </summary>
public static class SearchParameterData
{
    public const string ContextTypes = "http://terminology.hl7.org/CodeSystem/usage-context-type";
    public const string Ucum = "http://unitsofmeasure.org";

    public static IEnumerable<JsonObject> All() =>
    [
        Group("g-female-30", ("gender", Concept("female")), ("age", Quantity(30))),
        Group("g-split", ("gender", Concept("male")), ("region", Concept("female"))),
        Group("g-flag", ("gender", Flag(true)), ("female", Concept("other"))),
        Activity("ad-adult", ("age", Quantity(18)), ("gender", Concept("male"))),
        Activity("ad-child", ("age", Quantity(5)), ("gender", Concept("female"))),
        Activity("ad-trap", ("venue", Quantity(40)), ("age", Concept("child"))),
        Coverage("cov-2021", "2021-01-01", "2021-12-31"),
        Coverage("cov-open", "2022-01-01", null),
        Coverage("cov-one-day", "2021-06-15", "2021-06-15"),
        Contract("k-2021", "2021-01-01", "2021-12-31"),
        Contract("k-2023", "2023-01-01T00:00:00Z", "2023-06-30T12:00:00Z"),
    ];

    private static JsonObject Concept(string code) => new() { ["valueCodeableConcept"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["code"] = code }) } };

    private static JsonObject Quantity(decimal value) => new() { ["valueQuantity"] = new JsonObject { ["value"] = value, ["unit"] = "a", ["system"] = Ucum, ["code"] = "a" } };

    private static JsonObject Flag(bool value) => new() { ["valueBoolean"] = value };

    private static JsonObject Group(string id, params (string Code, JsonObject Value)[] characteristics)
    {
        var list = new JsonArray();
        foreach (var (code, value) in characteristics)
        {
            var item = new JsonObject { ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["code"] = code }) } };
            foreach (var (name, v) in value) item[name] = v!.DeepClone();
            item["exclude"] = false;
            list.Add(item);
        }
        return new JsonObject { ["resourceType"] = "Group", ["id"] = id, ["type"] = "person", ["actual"] = true, ["characteristic"] = list };
    }

    private static JsonObject Activity(string id, params (string Code, JsonObject Value)[] contexts)
    {
        var list = new JsonArray();
        foreach (var (code, value) in contexts)
        {
            var item = new JsonObject { ["code"] = new JsonObject { ["system"] = ContextTypes, ["code"] = code } };
            foreach (var (name, v) in value) item[name] = v!.DeepClone();
            list.Add(item);
        }
        return new JsonObject { ["resourceType"] = "ActivityDefinition", ["id"] = id, ["status"] = "active", ["useContext"] = list };
    }

    private static JsonObject Period(string start, string? end)
    {
        var period = new JsonObject { ["start"] = start };
        if (end is not null) period["end"] = end;
        return period;
    }

    private static JsonObject Coverage(string id, string start, string? end) => new()
    {
        ["resourceType"] = "Coverage",
        ["id"] = id,
        ["status"] = "active",
        ["beneficiary"] = new JsonObject { ["reference"] = "Patient/john-doe" },
        ["payor"] = new JsonArray(new JsonObject { ["reference"] = "Organization/openIMIS-Implementation" }),
        ["period"] = Period(start, end),
    };

    private static JsonObject Contract(string id, string start, string end) => new()
    {
        ["resourceType"] = "Contract",
        ["id"] = id,
        ["status"] = "executed",
        ["applies"] = Period(start, end),
    };
}
