using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// String parameters whose values other parameters of the type already store, stored once. A parameter on a
/// HumanName or an Address (Patient <c>name</c>: <c>Patient.name</c>) holds every value of the parameters on its
/// parts (<c>family</c>: <c>Patient.name.family</c>, <c>given</c>), and one with the same expression (<c>phonetic</c>)
/// holds exactly its values: written apart, they were 6 of a Patient's 18 index rows. Here <c>name</c> stores only
/// what its parts do not (text, prefix, suffix), <c>phonetic</c> stores nothing, and a search on either reads the
/// rows of <c>name</c>, <c>family</c> and <c>given</c> (<see cref="SearchParameterHandler.StoredCodes"/>).
/// <para>
/// Only built-in definitions share, and only through plain paths whose types the model confirms: a run-time
/// SearchParameter can come and go, and the rows of the parameters sharing with it would then need rebuilding.
/// </para>
/// </summary>
internal static class SharedStringRows
{
    public static void Apply(IReadOnlyDictionary<string, SearchParameterHandler> handlers, string resourceType, SearchIndexer indexer, Func<string, bool> isBuiltIn)
    {
        var byPath = handlers.Values
            .Where(h => h.Definition.Type == SearchParameterType.String && !h.IsComponent && isBuiltIn(h.Definition.Url))
            .Select(h => (Handler: h, Path: indexer.PlainPath(h.Definition, resourceType)))
            .Where(x => x.Path is not null && ElementType(indexer, x.Path) is not null)
            .GroupBy(x => x.Path!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Handler).OrderBy(h => h.Code, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        foreach (var (path, same) in byPath)
        {
            var owner = same[0];
            var parts = ElementType(indexer, path) switch
            {
                "HumanName" => SearchValueExtractor.HumanNameParts,
                "Address" => SearchValueExtractor.AddressParts,
                _ => [],
            };
            var subsets = parts.Select(part => byPath.GetValueOrDefault(path + "." + part)?[0]).OfType<SearchParameterHandler>().ToList();
            if (subsets.Count == 0 && same.Count == 1) continue;
            var stored = subsets.Select(s => s.Code).Prepend(owner.Code).ToList();
            owner.ShareRows(stored, subsets.Select(s => s.Code).ToList(), storesRows: true);
            foreach (var alias in same.Skip(1)) alias.ShareRows(stored, [], storesRows: false);
        }
    }

    // The type of the elements a plain path selects, when the model knows it and it is not a choice.
    private static string? ElementType(SearchIndexer indexer, string path)
    {
        var steps = path.Split('.');
        var type = indexer.Engine.Model.FindType(steps[0]);
        for (var i = 1; i < steps.Length && type is not null; i++)
        {
            type = type.FindChild(steps[i]) is { Types.Count: 1 } child ? child.Types[0].Type : null;
        }
        return type?.Name;
    }
}
