namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// A token: system and code (a Coding, an Identifier's system and value, a code or boolean without system), the
/// folded display or text for <c>:text</c>, and for an Identifier its type coding for <c>:of-type</c>.
/// </summary>
public sealed record TokenSearchValue(string? System, string Code, string? Text, string? TypeSystem = null, string? TypeCode = null) : SearchValue;
