namespace OpenImis.Fhir.Engine.Search;

/// <summary>One compartment type: its CompartmentDefinition URL and, per member resource type, the parameters that place a resource in it.</summary>
public sealed record Compartment(string Type, string Url, IReadOnlyDictionary<string, IReadOnlyList<string>> Members)
{
    /// <summary>The parameters that put a resource of this type in the compartment; null when the type is never in it.</summary>
    public IReadOnlyList<string>? ParametersOf(string resourceType) => Members.GetValueOrDefault(resourceType);
}
