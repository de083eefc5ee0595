using OpenImis.Fhir.Engine.FhirPath.Values;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>UCUM unit conversion for toQuantity(unit) and comparable(); delegates to <see cref="Quantity"/>'s UCUM support.</summary>
internal static class UnitConversion
{
    /// <summary>The quantity expressed in <paramref name="unit"/>, or null when the units are not commensurable.</summary>
    public static Quantity? Convert(Quantity quantity, string unit)
    {
        if (string.Equals(quantity.Unit, unit, StringComparison.Ordinal)) return quantity;
        // CONTRACT GAP: switch to Quantity.TryConvert once the Values implementation lands.
        return null;
    }
}
