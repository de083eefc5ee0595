namespace OpenImis.Fhir.LoadDriver.Measurement;

/// <summary>A request that did not succeed: the HTTP status (0 for no response) and the start of the body or the error.</summary>
internal readonly record struct RequestFailure(int Status, string Detail)
{
    public override string ToString() => Status == 0 ? Detail : $"{Status}: {Detail}";
}
