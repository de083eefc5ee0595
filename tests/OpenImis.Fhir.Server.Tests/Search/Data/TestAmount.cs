using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>
/// A decimal as written in the JSON (<c>100</c> and <c>100.0</c> differ in precision), with a Quantity's system,
/// code and unit, or a Money's currency (<see cref="Currency"/>).
/// </summary>
public sealed record TestAmount(string Literal, string? System = null, string? Code = null, string? Unit = null, string? Currency = null)
{
    public decimal Value => decimal.Parse(Literal, NumberStyles.Float, CultureInfo.InvariantCulture);

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["value"] = JsonValue.Create(Value) };
        if (Currency is not null) json["currency"] = Currency;
        if (Unit is not null) json["unit"] = Unit;
        if (System is not null) json["system"] = System;
        if (Code is not null) json["code"] = Code;
        return json;
    }
}
