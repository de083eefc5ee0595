namespace OpenImis.Fhir.Engine.Model;

/// <summary>How the FHIR primitive types map to FHIRPath System types. One place so the model builder and the reader agree.</summary>
internal static class FhirPrimitiveTypes
{
    public const string SystemBoolean = "Boolean";
    public const string SystemInteger = "Integer";
    public const string SystemDecimal = "Decimal";
    public const string SystemString = "String";
    public const string SystemDate = "Date";
    public const string SystemDateTime = "DateTime";
    public const string SystemTime = "Time";

    /// <summary>The System type of a FHIR primitive's value; unknown primitives (and string-like ones) are String.</summary>
    public static string SystemTypeOf(string fhirPrimitive) => fhirPrimitive switch
    {
        "boolean" => SystemBoolean,
        "integer" or "positiveInt" or "unsignedInt" or "integer64" => SystemInteger,
        "decimal" => SystemDecimal,
        "date" => SystemDate,
        "dateTime" or "instant" => SystemDateTime,
        "time" => SystemTime,
        _ => SystemString,
    };

    /// <summary>
    /// The FHIR primitive for a FHIRPath System type code as R4 StructureDefinitions use it on <c>id</c>, <c>url</c> and
    /// primitive <c>value</c> elements (<c>http://hl7.org/fhirpath/System.String</c>) when no fhir-type extension says better.
    /// </summary>
    public static string FhirTypeOfSystemCode(string systemCode) => systemCode switch
    {
        "http://hl7.org/fhirpath/System.Boolean" => "boolean",
        "http://hl7.org/fhirpath/System.Integer" => "integer",
        "http://hl7.org/fhirpath/System.Decimal" => "decimal",
        "http://hl7.org/fhirpath/System.Date" => "date",
        "http://hl7.org/fhirpath/System.DateTime" => "dateTime",
        "http://hl7.org/fhirpath/System.Time" => "time",
        _ => "string",
    };

    public const string SystemCodePrefix = "http://hl7.org/fhirpath/System.";
}
