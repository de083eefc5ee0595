namespace OpenImis.Fhir.Storage.Search;

/// <summary>The comparison prefixes of number, date and quantity values (search.html#prefix).</summary>
public enum SearchPrefix
{
    Eq,
    Ne,
    Gt,
    Lt,
    Ge,
    Le,
    Sa,
    Eb,
    Ap,
}
