using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Application.Search;

/// <summary>
/// search.html#reference: a reference value that is an absolute URL on this server's base
/// (<c>http://host/fhir/Patient/123</c>) names the same resource as <c>Patient/123</c>, which is how the reference
/// index holds references to local resources. Searches and conditional criteria (If-None-Exist, conditional update,
/// patch and delete, conditional references) both shorten them here, so the two cannot differ.
/// </summary>
internal static class LocalReferences
{
    /// <summary>The values of one criterion, those of a plain reference parameter on this server's base shortened to <c>Type/id</c>.</summary>
    public static List<string> Shorten(SearchParameterRegistry registry, Func<string, bool> isResourceType, string type, string name, List<string> values, string baseUrl)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? name : name[..colon];
        // Chains and :identifier take other values than a reference.
        if (name.Contains('.', StringComparison.Ordinal) || name.EndsWith(":identifier", StringComparison.Ordinal)
            || registry.Find(type, code) is not { Definition.Type: SearchParameterType.Reference })
        {
            return values;
        }
        var prefix = baseUrl + "/";
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].StartsWith(prefix, StringComparison.Ordinal) && SearchValueExtractor.ParseRelative(values[i][prefix.Length..], isResourceType) is not null)
            {
                values[i] = values[i][prefix.Length..];
            }
        }
        return values;
    }
}
