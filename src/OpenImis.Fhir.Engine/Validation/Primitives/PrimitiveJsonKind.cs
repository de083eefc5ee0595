namespace OpenImis.Fhir.Engine.Validation.Primitives;

/// <summary>
/// The JSON kind a FHIR primitive is written as (http://hl7.org/fhir/R4/json.html#primitive): boolean as true/false,
/// integer, positiveInt, unsignedInt and decimal as JSON numbers, everything else as a JSON string.
/// </summary>
internal enum PrimitiveJsonKind
{
    String,
    Boolean,
    Integer,
    PositiveInt,
    UnsignedInt,
    Decimal,
}
