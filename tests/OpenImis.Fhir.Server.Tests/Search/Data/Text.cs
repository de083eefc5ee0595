namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>
/// A string as written and, typed by hand, as search sees it (search.html#string: case and accents ignored), so
/// that expectations do not come from the server's own folding.
/// </summary>
public sealed record Text(string Exact, string Folded)
{
    public static implicit operator Text(string ascii) => new(ascii, ascii.ToLowerInvariant());
}
