namespace OpenImis.Fhir.Engine.Validation.Primitives;

/// <summary>Dispatches a string primitive's UTF-8 text (unescaped) to its hand-coded format check.</summary>
internal static class PrimitiveFormatChecker
{
    /// <summary>Null when the text has the format; otherwise why not (a short phrase for the message).</summary>
    public static string? Check(PrimitiveFormat format, ReadOnlySpan<byte> utf8) => format switch
    {
        PrimitiveFormat.Code => TextFormat.CheckCode(utf8),
        PrimitiveFormat.Id => TextFormat.CheckId(utf8),
        PrimitiveFormat.Oid => TextFormat.CheckOid(utf8),
        PrimitiveFormat.Uuid => TextFormat.CheckUuid(utf8),
        PrimitiveFormat.Uri => TextFormat.CheckUri(utf8),
        PrimitiveFormat.Base64Binary => TextFormat.CheckBase64(utf8),
        PrimitiveFormat.Date => TemporalFormat.CheckDate(utf8),
        PrimitiveFormat.DateTime => TemporalFormat.CheckDateTime(utf8),
        PrimitiveFormat.Instant => TemporalFormat.CheckInstant(utf8),
        PrimitiveFormat.Time => TemporalFormat.CheckTime(utf8),
        _ => null, // String (length is checked by the caller on characters), None
    };
}
