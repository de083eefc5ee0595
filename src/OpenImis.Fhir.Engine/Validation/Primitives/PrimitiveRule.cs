namespace OpenImis.Fhir.Engine.Validation.Primitives;

/// <summary>How a FHIR primitive type is checked: its JSON kind and, for strings, its format.</summary>
internal readonly record struct PrimitiveRule(PrimitiveJsonKind JsonKind, PrimitiveFormat Format)
{
    /// <summary>
    /// The rule for an R4 primitive type name. A primitive we do not know (none in R4) is a JSON string with no format,
    /// so a future type is never rejected for the wrong reason.
    /// </summary>
    public static PrimitiveRule For(string primitiveType) => primitiveType switch
    {
        "boolean" => new(PrimitiveJsonKind.Boolean, PrimitiveFormat.None),
        "integer" => new(PrimitiveJsonKind.Integer, PrimitiveFormat.None),
        "positiveInt" => new(PrimitiveJsonKind.PositiveInt, PrimitiveFormat.None),
        "unsignedInt" => new(PrimitiveJsonKind.UnsignedInt, PrimitiveFormat.None),
        "decimal" => new(PrimitiveJsonKind.Decimal, PrimitiveFormat.None),
        "string" => new(PrimitiveJsonKind.String, PrimitiveFormat.String),
        "code" => new(PrimitiveJsonKind.String, PrimitiveFormat.Code),
        "id" => new(PrimitiveJsonKind.String, PrimitiveFormat.Id),
        "oid" => new(PrimitiveJsonKind.String, PrimitiveFormat.Oid),
        "uuid" => new(PrimitiveJsonKind.String, PrimitiveFormat.Uuid),
        "uri" or "url" or "canonical" => new(PrimitiveJsonKind.String, PrimitiveFormat.Uri),
        "base64Binary" => new(PrimitiveJsonKind.String, PrimitiveFormat.Base64Binary),
        "date" => new(PrimitiveJsonKind.String, PrimitiveFormat.Date),
        "dateTime" => new(PrimitiveJsonKind.String, PrimitiveFormat.DateTime),
        "instant" => new(PrimitiveJsonKind.String, PrimitiveFormat.Instant),
        "time" => new(PrimitiveJsonKind.String, PrimitiveFormat.Time),
        _ => new(PrimitiveJsonKind.String, PrimitiveFormat.None), // markdown, xhtml
    };
}
