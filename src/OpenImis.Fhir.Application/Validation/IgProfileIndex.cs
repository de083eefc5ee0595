using System.Text.Json;

namespace OpenImis.Fhir.Application.Validation;

/// <summary>The resource profiles of an IG folder (<c>ig-profiles/</c>) by resource type.</summary>
public static class IgProfileIndex
{
    public static Dictionary<string, IReadOnlyList<string>> ByType(string igProfilesDirectory)
    {
        var byType = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(igProfilesDirectory, "StructureDefinition-*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            if (root.GetProperty("kind").GetString() != "resource" || root.GetProperty("derivation").GetString() != "constraint") continue;
            var type = root.GetProperty("type").GetString()!;
            if (!byType.TryGetValue(type, out var urls)) byType[type] = urls = [];
            urls.Add(root.GetProperty("url").GetString()!);
        }
        return byType.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The profile enforced by default on each type that has exactly one in the IG (Patient: openimis-patient); types
    /// with several (Organization, Invoice, Practitioner, PractitionerRole) get none: meta.profile decides.
    /// </summary>
    public static Dictionary<string, string> DefaultEnforced(IReadOnlyDictionary<string, IReadOnlyList<string>> byType)
    {
        ArgumentNullException.ThrowIfNull(byType);
        return byType.Where(p => p.Value.Count == 1).ToDictionary(p => p.Key, p => p.Value[0], StringComparer.Ordinal);
    }
}
