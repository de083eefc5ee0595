using OpenImis.Fhir.Engine.Definitions;
using OpenImis.Fhir.Engine.Terminology;

namespace OpenImis.Fhir.Engine.Tests.Terminology;

/// <summary>A terminology service over a few hand-written resources (JSON text), loaded the way the IG folder is.</summary>
internal static class SyntheticTerminology
{
    public const string Base = "http://example.org/fhir/";

    public static TerminologyService Create(params string[] resources)
    {
        var directory = Directory.CreateTempSubdirectory("terminology-test-");
        try
        {
            var names = new List<string>();
            for (var i = 0; i < resources.Length; i++)
            {
                var name = $"resource-{i}.json";
                File.WriteAllText(Path.Combine(directory.FullName, name), resources[i]);
                names.Add(name);
            }
            return new TerminologyService([FhirDefinitions.Load(directory.FullName, names)]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>A ValueSet with this id and compose JSON.</summary>
    public static string ValueSet(string id, string compose) =>
        $$"""{"resourceType":"ValueSet","url":"{{Base}}ValueSet/{{id}}","version":"1","status":"active","compose":{{compose}}}""";

    /// <summary>The colour code system: a hierarchy by nesting (warm > red > crimson), and blue with a parent property.</summary>
    public const string Colours = $$"""
        {"resourceType":"CodeSystem","url":"{{Base}}CodeSystem/colour","status":"active","content":"complete","caseSensitive":true,
         "property":[{"code":"parent","type":"code"},{"code":"shade","type":"string"}],
         "concept":[
           {"code":"warm","display":"Warm","concept":[
             {"code":"red","display":"Red","property":[{"code":"shade","valueString":"dark"}],"concept":[{"code":"crimson","display":"Crimson"}]},
             {"code":"orange","display":"Orange"}]},
           {"code":"cold","display":"Cold"},
           {"code":"blue","display":"Blue","property":[{"code":"parent","valueCode":"cold"},{"code":"shade","valueString":"dark"}]},
           {"code":"navy","display":"Navy","property":[{"code":"parent","valueCode":"blue"}]}]}
        """;

    public const string ColourSystem = Base + "CodeSystem/colour";
}
