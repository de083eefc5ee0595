namespace OpenImis.Fhir.Storage.Search;

/// <summary>What search conditions need from outside storage: which names are resource types, and ValueSet expansion for <c>:in</c>.</summary>
public sealed record SearchEnvironment(Func<string, bool> IsResourceType, Func<string, IReadOnlyList<(string System, string Code)>?> ExpandValueSet);
