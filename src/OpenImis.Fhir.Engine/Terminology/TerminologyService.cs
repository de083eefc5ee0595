using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>
/// Local terminology: ValueSet expansion and membership, CodeSystem lookup, over the ValueSets and CodeSystems of
/// the definitions given (R4 core, v3 and v2 code systems, the openIMIS IG). Systems we do not hold (SNOMED CT, LOINC,
/// UCUM, ICD, ...) give Unknown answers, never NotMember. Creating it indexes little; each ValueSet is expanded on
/// first use and cached. Thread-safe.
/// </summary>
public sealed class TerminologyService
{
    /// <summary>The R4 package files with terminology that <see cref="FhirDefinitions.R4Files"/> leaves out.</summary>
    public static readonly IReadOnlyList<string> R4ExtraTerminologyFiles = ["v3-codesystems.json", "v2-tables.json"];

    private const string ValueSetNotHeld = "the ValueSet is not held";
    private const string ValueSetVersionNotHeld = "the requested version of the ValueSet is not held";

    private readonly TerminologySources _sources;
    private readonly ValueSetExpander _expander;

    public TerminologyService(IEnumerable<FhirDefinitions> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        _sources = new TerminologySources(definitions);
        _expander = new ValueSetExpander(_sources);
        MemberOf = MemberOfHook.Create(this);
    }

    /// <summary>
    /// R4 core (the shared <see cref="FhirDefinitions.R4"/>, whose valuesets.json holds the core ValueSets and
    /// CodeSystems), the v3 and v2 code systems, and the IG's CodeSystem-*.json and ValueSet-*.json files when
    /// <paramref name="igProfilesDirectory"/> is given. Core definitions win over the IG for a URL both hold.
    /// </summary>
    public static TerminologyService ForR4AndIg(string? igProfilesDirectory)
    {
        var sources = new List<FhirDefinitions>
        {
            FhirDefinitions.R4,
            FhirDefinitions.Load(DefinitionsDirectory.FindR4(), R4ExtraTerminologyFiles),
        };
        if (igProfilesDirectory is not null) sources.Add(LoadIgTerminology(igProfilesDirectory));
        return new TerminologyService(sources);
    }

    /// <summary>The CodeSystem and ValueSet files of an IG folder (one resource per file, as SUSHI writes them).</summary>
    public static FhirDefinitions LoadIgTerminology(string igProfilesDirectory)
    {
        ArgumentNullException.ThrowIfNull(igProfilesDirectory);
        var names = new List<string>();
        foreach (var pattern in (string[])["CodeSystem-*.json", "ValueSet-*.json"])
        {
            foreach (var path in Directory.EnumerateFiles(igProfilesDirectory, pattern)) names.Add(Path.GetFileName(path));
        }
        names.Sort(StringComparer.Ordinal);
        return FhirDefinitions.Load(igProfilesDirectory, names);
    }

    /// <summary>The hook for <see cref="FhirPath.FhirPathEnvironment.MemberOf"/>: code, Coding or CodeableConcept; null when unknown.</summary>
    public Func<ElementNode, string, bool?> MemberOf { get; }

    /// <summary>
    /// The ValueSet expanded from its compose, or null when we hold no ValueSet with this URL (nor a CodeSystem
    /// declaring it as its all-codes ValueSet). A <c>url|version</c> is accepted; a version other than the one
    /// we hold gives null. Cached: the first call per ValueSet expands it.
    /// </summary>
    public ValueSetExpansion? Expand(string valueSetUrl)
    {
        ArgumentNullException.ThrowIfNull(valueSetUrl);
        return Find(valueSetUrl, out var versionMismatch) is { } expansion && !versionMismatch ? expansion : null;
    }

    /// <summary>
    /// Whether <paramref name="code"/> of <paramref name="system"/> is in the ValueSet. A null system (an element of
    /// type code) matches the code alone. Unknown (with the reason) when the ValueSet is not held or draws on codes we
    /// cannot enumerate. After the first call per ValueSet this is dictionary lookups and allocates nothing.
    /// </summary>
    public ValueSetMembership Contains(string valueSetUrl, string? system, string code)
    {
        ArgumentNullException.ThrowIfNull(valueSetUrl);
        ArgumentNullException.ThrowIfNull(code);
        var expansion = Find(valueSetUrl, out var versionMismatch);
        if (expansion is null) return ValueSetMembership.Unknown(ValueSetNotHeld);
        if (versionMismatch) return ValueSetMembership.Unknown(ValueSetVersionNotHeld);
        return expansion.Contains(system, code);
    }

    /// <summary>
    /// Whether the code system defines the code (with its display), comparing codes as CodeSystem.caseSensitive says.
    /// SystemUnknown when we do not hold the system, or hold only part of it (content fragment, example,
    /// not-present) and it does not list the code.
    /// </summary>
    public CodeSystemLookup Lookup(string system, string code)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(code);
        var codeSystem = _sources.CodeSystem(system);
        if (codeSystem is null) return CodeSystemLookup.SystemUnknown("the code system is not held");
        if (codeSystem.Find(code) is { } concept) return CodeSystemLookup.Known(concept.Display);
        return codeSystem.IsComplete
            ? CodeSystemLookup.NotFound
            : CodeSystemLookup.SystemUnknown("the code system is not complete and does not list the code");
    }

    private ValueSetExpansion? Find(string valueSetUrl, out bool versionMismatch)
    {
        var bar = valueSetUrl.IndexOf('|', StringComparison.Ordinal);
        var url = bar < 0 ? valueSetUrl.AsSpan() : valueSetUrl.AsSpan(0, bar);
        if (!_expander.CacheBySpan.TryGetValue(url, out var expansion))
        {
            expansion = _expander.Expand(bar < 0 ? valueSetUrl : valueSetUrl[..bar]);
        }
        versionMismatch = false;
        if (expansion is not null && bar >= 0 && expansion.Version is { } held)
        {
            var requested = valueSetUrl.AsSpan(bar + 1);
            versionMismatch = requested.Length > 0 && !requested.SequenceEqual(held);
        }
        return expansion;
    }
}
