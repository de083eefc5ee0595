namespace OpenImis.Fhir.Engine.Validation.Primitives;

/// <summary>Which hand-coded format check a string-valued primitive gets (the R4 regex of its <c>value</c> element, plus calendar validity).</summary>
internal enum PrimitiveFormat
{
    /// <summary>No format beyond "not empty" (markdown, xhtml, unknown primitives).</summary>
    None,
    /// <summary>string: at most 1,048,576 characters (string.value maxLength).</summary>
    String,
    Code,
    Id,
    Oid,
    Uuid,
    /// <summary>uri, url, canonical: <c>\S*</c>.</summary>
    Uri,
    Base64Binary,
    Date,
    DateTime,
    Instant,
    Time,
}
