using System.Globalization;
using System.Text.Json;
using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.FhirPath.Output;

/// <summary>Writes a FHIRPath System value in its FHIR JSON form.</summary>
internal static class SystemValueJson
{
    public static void Write(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case decimal d:
                // From the decimal's own text so the scale survives: 1.50 stays 1.50 (never an exponent).
                writer.WriteRawValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case PartialDateTime temporal:
                writer.WriteStringValue(temporal.ToFhirString());
                break;
            case Quantity quantity:
                writer.WriteStartObject();
                writer.WritePropertyName("value");
                writer.WriteRawValue(quantity.Value.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("unit", quantity.Unit);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}
