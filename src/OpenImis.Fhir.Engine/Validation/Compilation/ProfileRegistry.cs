using System.Collections.Concurrent;
using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.FhirPath;

namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// Compiled profiles by canonical, compiled on first use and cached. IG definitions win over core for a URL both
/// hold. Thread-safe: a profile compiles once even when requested concurrently.
/// </summary>
internal sealed class ProfileRegistry
{
    public const string CoreCanonicalPrefix = "http://hl7.org/fhir/StructureDefinition/";

    private readonly IReadOnlyList<FhirDefinitions> _sources;
    private readonly ProfileCompiler _compiler;
    private readonly ConcurrentDictionary<string, Lazy<ProfilePlan?>> _plans = new(StringComparer.Ordinal);
    // Core definitions by type name: asked for on most elements, without building the canonical each time.
    private readonly ConcurrentDictionary<string, ProfilePlan?> _byType = new(StringComparer.Ordinal);

    public ProfileRegistry(IReadOnlyList<FhirDefinitions> sources, FhirPathEngine engine)
    {
        _sources = sources;
        _compiler = new ProfileCompiler(engine);
    }

    /// <summary>The plan for a canonical (a <c>|version</c> is stripped; check <see cref="ProfilePlan.Version"/>), or null.</summary>
    public ProfilePlan? Find(string canonical)
    {
        if (_plans.TryGetValue(canonical, out var known)) return known.Value;
        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        var url = bar < 0 ? canonical : canonical[..bar];
        return _plans.GetOrAdd(url, static (u, registry) => new Lazy<ProfilePlan?>(() => registry.Load(u), LazyThreadSafetyMode.ExecutionAndPublication), this).Value;
    }

    /// <summary>The core definition of a type (<c>Patient</c>, <c>HumanName</c>, <c>string</c>).</summary>
    public ProfilePlan? ForType(string typeName) =>
        _byType.TryGetValue(typeName, out var plan) ? plan : _byType.GetOrAdd(typeName, Find(CoreCanonicalPrefix + typeName));

    /// <summary>Canonicals of every StructureDefinition the sources hold (for compiling them all up front).</summary>
    public IEnumerable<string> AllCanonicals() =>
        _sources.SelectMany(s => s.StructureDefinitions)
            .Select(sd => sd.TryGetProperty("url", out var url) ? url.GetString() : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    private ProfilePlan? Load(string url)
    {
        foreach (var source in _sources)
        {
            if (source.FindStructureDefinition(url) is JsonElement sd) return _compiler.Compile(sd);
        }
        return null;
    }
}
