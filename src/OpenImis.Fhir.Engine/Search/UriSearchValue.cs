namespace OpenImis.Fhir.Engine.Search;

/// <summary>A uri, url, canonical, oid or uuid, as written.</summary>
public sealed record UriSearchValue(string Value) : SearchValue;
