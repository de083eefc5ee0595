using System.Text.Json;
using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Application.Search;

/// <summary>The search parameters the server knows without its database: the R4 core ones and the openIMIS IG's (<c>ig-profiles/SearchParameter-*.json</c>).</summary>
public static class BuiltInSearchParameters
{
    public static IReadOnlyList<SearchParameterDefinition> Load(string igDirectory)
    {
        var definitions = new List<SearchParameterDefinition>(SearchParameterCatalog.CoreDefinitions());
        if (!Directory.Exists(igDirectory)) return definitions;
        foreach (var file in Directory.EnumerateFiles(igDirectory, "SearchParameter-*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            definitions.Add(SearchParameterDefinition.FromJson(document.RootElement));
        }
        return definitions;
    }
}
