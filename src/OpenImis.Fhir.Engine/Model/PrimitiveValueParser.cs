using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.Model;

/// <summary>
/// Turns the JSON value of a FHIR primitive into its FHIRPath System value: <c>bool</c>, <c>long</c>, <c>decimal</c>
/// (scale kept: <c>1.50</c> stays 1.50m), <c>string</c> or <see cref="PartialDateTime"/>. A value whose JSON kind or
/// text does not fit the type keeps its natural value (a string stays a string), so validation can report it later.
/// </summary>
internal static class PrimitiveValueParser
{
    /// <summary>The System value of <paramref name="json"/> read as the FHIR primitive <paramref name="fhirType"/>; null for JSON null.</summary>
    public static object? Parse(string fhirType, JsonElement json) => ParseAs(FhirPrimitiveTypes.SystemTypeOf(fhirType), json);

    /// <summary>As <see cref="Parse"/>, with the System type already known (<see cref="TypeDefinition.SystemType"/>).</summary>
    public static object? ParseAs(string? systemType, JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                var text = json.GetString()!;
                return systemType switch
                {
                    FhirPrimitiveTypes.SystemDate => ParseTemporal(text, TemporalKind.Date),
                    FhirPrimitiveTypes.SystemDateTime => ParseTemporal(text, TemporalKind.DateTime),
                    FhirPrimitiveTypes.SystemTime => ParseTemporal(text, TemporalKind.Time),
                    _ => text,
                };
            case JsonValueKind.Number:
                return systemType == FhirPrimitiveTypes.SystemDecimal ? ParseDecimal(json) : NaturalNumber(json);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>The value of a JSON scalar the model does not describe: string, bool, long for integral text, else decimal.</summary>
    public static object? Natural(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => NaturalNumber(json),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>True when the JSON number is an integer that fits a long (no fraction or exponent written), so it reads as an Integer.</summary>
    public static bool IsInteger(JsonElement number) => number.TryGetInt64(out _);

    // TryGetInt64 refuses 1.0 and 1e2, so "integral" means as written, not as valued.
    private static object NaturalNumber(JsonElement json) => json.TryGetInt64(out var integer) ? integer : ParseDecimal(json);

    private static object ParseDecimal(JsonElement json)
    {
        // From the raw UTF-8 text, not GetDecimal's binary detour, so the written scale survives (1.0 vs 1, 1.50 vs 1.5).
        var raw = JsonMarshal.GetRawUtf8Value(json);
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : json.GetRawText();
    }

    private static object ParseTemporal(string text, TemporalKind kind) =>
        PartialDateTime.TryParse(text, kind, out var value) && value is not null ? value : text;
}
