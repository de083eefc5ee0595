namespace OpenImis.Fhir.Engine.Validation.Json;

/// <summary>The rule ids of the JSON shape check (<see cref="ValidationIssue.Rule"/>), stable for tests and logs.</summary>
internal static class ShapeRules
{
    /// <summary>Not a resource: not an object, no string resourceType, or an unknown/abstract/not allowed type.</summary>
    public const string ResourceType = "json-resource-type";

    /// <summary>A null outside a primitive array, or at a position where the <c>_name</c> array has none either.</summary>
    public const string Null = "json-null";

    public const string EmptyObject = "json-empty-object";

    public const string EmptyArray = "json-empty-array";

    public const string EmptyString = "json-empty-string";

    /// <summary>A string holding U+0000, which no FHIR format can carry everywhere (XML cannot) and PostgreSQL cannot store.</summary>
    public const string NulCharacter = "json-nul-character";

    /// <summary>An element that can repeat (max &gt; 1) given as a single value.</summary>
    public const string ArrayExpected = "json-array-expected";

    /// <summary>An element with max 1 given as an array.</summary>
    public const string SingleExpected = "json-single-expected";

    /// <summary>A primitive array and its <c>_name</c> array have different lengths.</summary>
    public const string ArrayLengthMismatch = "json-array-length-mismatch";

    /// <summary>A property the type does not define (wrong choice suffix, misplaced resourceType, <c>_name</c> on a complex element).</summary>
    public const string UnknownProperty = "json-unknown-property";

    /// <summary>The wrong JSON kind: a string for a number, an object for a primitive, a primitive for a complex type.</summary>
    public const string Kind = "json-kind";

    public const string PrimitiveFormat = "primitive-format";

    public const string PrimitiveRange = "primitive-range";
}
