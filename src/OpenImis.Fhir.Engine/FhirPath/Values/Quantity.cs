namespace OpenImis.Fhir.Engine.FhirPath.Values;

// CONTRACT STUB: the Values helper replaces the bodies; the signatures are what the parser and compiler use.
/// <summary>A FHIRPath System Quantity: a decimal value and a UCUM unit or a calendar duration keyword.</summary>
public sealed class Quantity(decimal value, string unit)
{
    public decimal Value { get; } = value;

    /// <summary>A UCUM code (<c>mg</c>, <c>'wk'</c> without quotes) or a calendar duration keyword (<c>week</c>, <c>days</c>); <c>1</c> when unitless.</summary>
    public string Unit { get; } = unit;

    /// <summary>True when the unit is a calendar duration keyword (<c>year</c>, <c>months</c>, ...), not a UCUM code.</summary>
    public bool IsCalendarDuration => throw new NotImplementedException();

    public static bool? AreEqual(Quantity left, Quantity right) => throw new NotImplementedException();

    public static bool AreEquivalent(Quantity left, Quantity right) => throw new NotImplementedException();

    public static int? Compare(Quantity left, Quantity right) => throw new NotImplementedException();

    public static Quantity? Add(Quantity left, Quantity right) => throw new NotImplementedException();

    public static Quantity? Subtract(Quantity left, Quantity right) => throw new NotImplementedException();

    public static Quantity? Multiply(Quantity left, Quantity right) => throw new NotImplementedException();

    public static Quantity? Divide(Quantity left, Quantity right) => throw new NotImplementedException();
}
