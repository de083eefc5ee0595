namespace OpenImis.Fhir.Engine.FhirPath.Values;

// CONTRACT STUB: the Values helper replaces the bodies; the signatures are what the parser and compiler use.
/// <summary>A FHIRPath Date, DateTime or Time, possibly partial (<c>2014</c>, <c>2014-01</c>, <c>T10</c>).</summary>
public sealed class PartialDateTime
{
    private PartialDateTime(TemporalKind kind) => Kind = kind;

    public TemporalKind Kind { get; }

    public DateTimePrecision Precision { get; }

    /// <summary>The FHIR JSON form: <c>2014-01-25</c>, <c>2014-01-25T14:30:14.559+01:00</c>, <c>14:30:14</c>.</summary>
    public static bool TryParse(string text, TemporalKind kind, out PartialDateTime? value) => throw new NotImplementedException();

    /// <summary>A FHIRPath literal without its <c>@</c>: <c>2014-01-25</c>, <c>2014-01-25T</c>, <c>2014-01-25T14:30Z</c>, <c>T14:30</c>.</summary>
    public static bool TryParseLiteral(string text, out PartialDateTime? value) => throw new NotImplementedException();

    /// <summary>The FHIR JSON form (no <c>@</c>, no leading <c>T</c> for a time).</summary>
    public string ToFhirString() => throw new NotImplementedException();

    /// <summary>-1/0/1, or null when the precisions make the answer uncertain (spec 5.2.5 / 6.1).</summary>
    public static int? Compare(PartialDateTime left, PartialDateTime right) => throw new NotImplementedException();

    /// <summary>The <c>=</c> operator: null (empty) when precisions differ so the answer is unknown.</summary>
    public static bool? AreEqual(PartialDateTime left, PartialDateTime right) => throw new NotImplementedException();

    /// <summary>The <c>~</c> operator: false when precisions differ.</summary>
    public static bool AreEquivalent(PartialDateTime left, PartialDateTime right) => throw new NotImplementedException();

    /// <summary>This value plus a time-valued quantity (calendar durations and UCUM time units); null when the unit is not a time unit.</summary>
    public PartialDateTime? Add(Quantity quantity) => throw new NotImplementedException();
}
