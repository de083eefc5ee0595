using System.Collections.Concurrent;
using System.Text.Json;
using OpenImis.Fhir.Engine.Definitions;

namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>
/// The ValueSets and CodeSystems of several <see cref="FhirDefinitions"/> (the first holding a URL wins), with
/// CodeSystems indexed on first use. Creating it only reads each CodeSystem's <c>valueSet</c> property.
/// </summary>
internal sealed class TerminologySources
{
    private readonly FhirDefinitions[] _definitions;
    private readonly Dictionary<string, string> _implicitValueSets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<CodeSystemIndex?>> _codeSystems = new(StringComparer.Ordinal);
    private readonly Func<string, Lazy<CodeSystemIndex?>> _indexFactory;

    public TerminologySources(IEnumerable<FhirDefinitions> definitions)
    {
        _definitions = [.. definitions];
        _indexFactory = url => new Lazy<CodeSystemIndex?>(() => FindResource("CodeSystem", url) is { } resource ? CodeSystemIndex.Build(resource) : null);
        // CodeSystem.valueSet is "the value set that contains all the codes of the system"
        // (http://hl7.org/fhir/R4/codesystem-definitions.html#CodeSystem.valueSet): it resolves even without a ValueSet resource.
        foreach (var set in _definitions)
        {
            foreach (var codeSystem in set.CodeSystems)
            {
                var valueSet = JsonRead.String(codeSystem, "valueSet");
                var url = JsonRead.String(codeSystem, "url");
                if (valueSet is not null && url is not null) _implicitValueSets.TryAdd(JsonRead.StripVersion(valueSet), url);
            }
        }
    }

    public JsonElement? FindValueSet(string url) => FindResource("ValueSet", url);

    /// <summary>The CodeSystem whose all-codes ValueSet is <paramref name="valueSetUrl"/>, or null.</summary>
    public string? ImplicitValueSetSystem(string valueSetUrl) => _implicitValueSets.GetValueOrDefault(valueSetUrl);

    /// <summary>The indexed CodeSystem, or null when we do not hold it (or it is a supplement).</summary>
    public CodeSystemIndex? CodeSystem(string url) => _codeSystems.GetOrAdd(url, _indexFactory).Value;

    /// <summary>How codes of <paramref name="system"/> compare: per its CodeSystem.caseSensitive, exact when not held.</summary>
    public StringComparer ComparerFor(string system) => CodeSystem(system)?.Comparer ?? StringComparer.Ordinal;

    private JsonElement? FindResource(string type, string url)
    {
        foreach (var set in _definitions)
        {
            if (set.FindByUrl(type, url) is { } found) return found;
        }
        return null;
    }
}
