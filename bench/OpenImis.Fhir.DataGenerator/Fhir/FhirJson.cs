using System.Globalization;
using System.Text.Json.Nodes;

namespace OpenImis.Fhir.DataGenerator.Fhir;

/// <summary>Small builders for the FHIR elements the generated resources change in their templates.</summary>
internal static class FhirJson
{
    public const string Ig = "https://openimis.github.io/openimis_fhir_r4_ig/";
    public const string Currency = "EUR";

    public static string CodeSystem(string id) => Ig + "CodeSystem/" + id;

    public static string Extension(string id) => Ig + "StructureDefinition/" + id;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static JsonObject Reference(string type, string id) => new() { ["reference"] = $"{type}/{id}" };

    /// <summary>The openIMIS identifiers: the business code (type Code) and the UUID (type UUID), when given.</summary>
    public static JsonArray Identifiers(string? code, string? uuid)
    {
        var identifiers = new JsonArray();
        if (code is not null) identifiers.Add(Identifier("Code", code));
        if (uuid is not null) identifiers.Add(Identifier("UUID", uuid));
        return identifiers;
    }

    public static JsonObject Coding(string system, string code, string? display)
    {
        var coding = new JsonObject { ["code"] = code, ["system"] = system };
        if (display is not null) coding["display"] = display;
        return coding;
    }

    public static JsonObject Concept(string system, string code, string? display) => new() { ["coding"] = new JsonArray(Coding(system, code, display)) };

    /// <summary>A CodeableConcept with a code of an IG CodeSystem and its display.</summary>
    public static JsonObject IgConcept(IgTemplates ig, string codeSystemId, string code) =>
        Concept(CodeSystem(codeSystemId), code, ig.Display(codeSystemId, code));

    public static JsonObject Money(decimal value) => new() { ["value"] = value, ["currency"] = Currency };

    /// <summary>Sets the value of the first extension with this IG extension id, adding the extension if missing.</summary>
    public static void SetExtension(JsonObject element, string extensionId, string valueName, JsonNode value)
    {
        var url = Extension(extensionId);
        var extensions = element["extension"] as JsonArray;
        if (extensions is null) element["extension"] = extensions = [];
        foreach (var extension in extensions)
        {
            if (extension!["url"]?.GetValue<string>() != url) continue;
            extension.AsObject()[valueName] = value;
            return;
        }
        extensions.Add(new JsonObject { ["url"] = url, [valueName] = value });
    }

    /// <summary>Removes every extension with this IG extension id.</summary>
    public static void RemoveExtension(JsonObject element, string extensionId)
    {
        if (element["extension"] is not JsonArray extensions) return;
        var url = Extension(extensionId);
        for (var i = extensions.Count - 1; i >= 0; i--)
        {
            if (extensions[i]!["url"]?.GetValue<string>() == url) extensions.RemoveAt(i);
        }
    }

    /// <summary>The first extension with this IG extension id (complex extensions are changed in place).</summary>
    public static JsonObject FindExtension(JsonObject element, string extensionId)
    {
        var url = Extension(extensionId);
        return element["extension"]!.AsArray().First(e => e!["url"]?.GetValue<string>() == url)!.AsObject();
    }

    /// <summary>Sets the value of a sub-extension (by its relative url) of a complex extension.</summary>
    public static void SetSubExtension(JsonObject extension, string url, string valueName, JsonNode value)
    {
        foreach (var sub in extension["extension"]!.AsArray())
        {
            if (sub!["url"]?.GetValue<string>() != url) continue;
            sub.AsObject()[valueName] = value;
            return;
        }
        throw new InvalidOperationException($"The template has no sub-extension {url}.");
    }

    private static JsonObject Identifier(string type, string value) => new()
    {
        ["type"] = new JsonObject { ["coding"] = new JsonArray(Coding(CodeSystem("openimis-identifiers"), type, null)) },
        ["value"] = value,
    };
}
