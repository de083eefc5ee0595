using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenImis.Fhir.Engine.FhirPath.Values;

/// <summary>A FHIRPath System Quantity: a decimal value and a UCUM unit or a calendar duration keyword.</summary>
/// <remarks>The value keeps its scale (<c>4.0</c> stays <c>4.0</c>), which matters for equivalence and for printing.</remarks>
public sealed partial class Quantity(decimal value, string unit) : IEquatable<Quantity>
{
    /// <summary>The unit of a number without one (spec 2.1.5: "1").</summary>
    public const string UnitlessCode = "1";

    public decimal Value { get; } = value;

    /// <summary>A UCUM code (<c>mg</c>, <c>'wk'</c> without quotes) or a calendar duration keyword (<c>week</c>, <c>days</c>); <c>1</c> when unitless.</summary>
    public string Unit { get; } = string.IsNullOrEmpty(unit) ? UnitlessCode : unit;

    /// <summary>True when the unit is a calendar duration keyword (<c>year</c>, <c>months</c>, ...), not a UCUM code.</summary>
    public bool IsCalendarDuration => CalendarDurations.TryParseKeyword(Unit, out _);

    /// <summary>
    /// The string forms accepted by <c>toQuantity()</c> (spec 5.5.9): a number, optionally followed by a quoted UCUM
    /// unit or a calendar keyword: <c>5</c>, <c>5.5 'mg'</c>, <c>3 days</c>, <c>4 'wk'</c>.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Quantity? quantity)
    {
        quantity = null;
        if (text is null) return false;
        var match = QuantityText().Match(text);
        if (!match.Success) return false;
        if (!decimal.TryParse(match.Groups["value"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return false;

        string unit;
        if (match.Groups["unit"].Success) unit = match.Groups["unit"].Value.Replace("\\'", "'", StringComparison.Ordinal);
        else if (match.Groups["keyword"].Success)
        {
            unit = match.Groups["keyword"].Value;
            if (!CalendarDurations.TryParseKeyword(unit, out _)) return false;
        }
        else unit = UnitlessCode;

        quantity = new Quantity(number, unit);
        return true;
    }

    /// <summary>The FHIRPath form: <c>5 'mg'</c>, <c>1 '1'</c>, <c>3 days</c> (calendar keywords are not quoted).</summary>
    public string ToFhirPathString()
    {
        var number = Value.ToString(CultureInfo.InvariantCulture);
        return IsCalendarDuration
            ? number + " " + Unit
            : number + " '" + Unit.Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }

    public override string ToString() => ToFhirPathString();

    /// <summary>This quantity in another unit; null when the units do not convert (calendar keywords convert as their UCUM counterparts, except year and month).</summary>
    public Quantity? ConvertTo(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (string.Equals(unit, Unit, StringComparison.Ordinal)) return this;
        var fromVariable = CalendarDurations.TryParseKeyword(Unit, out var fromKeyword) && CalendarDurations.IsVariableLength(fromKeyword);
        var toVariable = CalendarDurations.TryParseKeyword(unit, out var toKeyword) && CalendarDurations.IsVariableLength(toKeyword);
        if (fromVariable && toVariable)
        {
            var months = fromKeyword == CalendarDurationUnit.Year ? Value * 12m : Value;
            return new Quantity(toKeyword == CalendarDurationUnit.Year ? months / 12m : months, unit);
        }

        // Calendar years and months have no fixed length (spec 2.1.5), so they do not convert to other units.
        if (fromVariable || toVariable) return null;
        var to = CalendarDurations.TryParseKeyword(unit, out _) ? CalendarDurations.UcumCode(toKeyword) : unit;
        return UcumCatalog.TryConvert(Value, ArithmeticUcumCode(this)!, to, out var converted) ? new Quantity(converted, unit) : null;
    }

    /// <summary>The <c>comparable()</c> function (FHIRPath 2.1): true when the units measure the same kind of quantity.</summary>
    public bool IsComparableTo(Quantity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return TryCommonValues(this, other, equivalence: false, out _);
    }

    /// <summary>Structural identity (same value and unit string); FHIRPath <c>=</c>/<c>~</c> are <see cref="AreEqual"/>/<see cref="AreEquivalent"/>.</summary>
    public bool Equals(Quantity? other) => other is not null && Value == other.Value && string.Equals(Unit, other.Unit, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as Quantity);

    public override int GetHashCode() => HashCode.Combine(Value, StringComparer.Ordinal.GetHashCode(Unit));

    /// <summary>The UCUM code arithmetic and conversion use: calendar keywords map to 'a', 'mo', 'wk', 'd', ... (spec 2.1.5 table).</summary>
    private static string? ArithmeticUcumCode(Quantity quantity) =>
        CalendarDurations.TryParseKeyword(quantity.Unit, out var keyword) ? CalendarDurations.UcumCode(keyword) : quantity.Unit;

    [GeneratedRegex(@"^(?<value>[+-]?\d+(\.\d+)?)\s*('(?<unit>([^'\\]|\\.)+)'|(?<keyword>[a-zA-Z]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityText();
}
