using System.Text.Json;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Application.Resources;

namespace OpenImis.Fhir.Application.Bundles;

/// <summary>Reads a batch or transaction Bundle's entries, refusing a malformed one with 400 and the entry's location.</summary>
internal static class BundleParser
{
    public static (string Type, List<BundleEntryRequest> Entries) Parse(JsonElement bundle, string baseUrl, int maxEntries)
    {
        if (bundle.ValueKind != JsonValueKind.Object) throw FhirException.BadRequest("The body is not a JSON object", "Bundle");
        if (!bundle.TryGetProperty("resourceType", out var resourceType) || resourceType.ValueKind != JsonValueKind.String)
        {
            throw FhirException.BadRequest("The body has no resourceType", "Bundle");
        }
        if (resourceType.GetString() != "Bundle")
        {
            throw FhirException.BadRequest($"POST to the base URL takes a batch or transaction Bundle, not a {resourceType.GetString()}", "Bundle.resourceType");
        }
        var type = bundle.TryGetProperty("type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
        if (type is not ("batch" or "transaction"))
        {
            throw FhirException.BadRequest($"Bundle.type must be batch or transaction here, not '{type}'", "Bundle.type");
        }
        var entries = new List<BundleEntryRequest>();
        if (!bundle.TryGetProperty("entry", out var entryArray)) return (type, entries);
        if (entryArray.ValueKind != JsonValueKind.Array) throw FhirException.BadRequest("Bundle.entry must be an array", "Bundle.entry");
        if (entryArray.GetArrayLength() > maxEntries)
        {
            throw new FhirException(413, "too-costly", $"The Bundle has {entryArray.GetArrayLength()} entries; this server takes at most {maxEntries}");
        }
        var index = 0;
        foreach (var entry in entryArray.EnumerateArray()) entries.Add(ParseEntry(entry, index++, baseUrl));
        RefuseRepeatedFullUrls(entries);
        return (type, entries);
    }

    // bdl-7: a fullUrl is unique in a Bundle, or its entries hold different versions (meta.versionId). Two entries
    // under one urn:uuid would leave references to it naming either of them.
    private static void RefuseRepeatedFullUrls(List<BundleEntryRequest> entries)
    {
        var seen = new Dictionary<(string FullUrl, string? Version), int>();
        foreach (var entry in entries)
        {
            if (entry.FullUrl is not { } fullUrl) continue;
            var key = (fullUrl, VersionOf(entry.Resource));
            if (!seen.TryAdd(key, entry.Index))
            {
                throw FhirException.BadRequest(
                    $"bdl-7: the fullUrl '{fullUrl}' is also that of Bundle.entry[{seen[key]}]; a fullUrl is unique in a Bundle",
                    $"Bundle.entry[{entry.Index}].fullUrl");
            }
        }
    }

    private static string? VersionOf(JsonElement? resource) =>
        resource is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty("versionId", out var version) && version.ValueKind == JsonValueKind.String ? version.GetString() : null;

    private static BundleEntryRequest ParseEntry(JsonElement entry, int index, string baseUrl)
    {
        var at = $"Bundle.entry[{index}]";
        if (entry.ValueKind != JsonValueKind.Object) throw FhirException.BadRequest("The entry is not a JSON object", at);
        if (!entry.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            throw FhirException.BadRequest("The entry has no request", at + ".request");
        }
        var method = String(request, "method", at + ".request.method") ?? throw FhirException.BadRequest("The entry's request has no method", at + ".request.method");
        if (method is not ("GET" or "HEAD" or "POST" or "PUT" or "DELETE" or "PATCH"))
        {
            throw FhirException.BadRequest($"'{method}' is not an HTTP verb of a Bundle entry", at + ".request.method");
        }
        var url = String(request, "url", at + ".request.url") ?? throw FhirException.BadRequest("The entry's request has no url", at + ".request.url");
        if (url.StartsWith(baseUrl + "/", StringComparison.Ordinal)) url = url[(baseUrl.Length + 1)..];
        // The base itself, absolute: a search of every type (http://host/fhir?_type=Basic).
        else if (url == baseUrl || url.StartsWith(baseUrl + "?", StringComparison.Ordinal)) url = url[baseUrl.Length..];
        // An absolute url of another server; criteria may hold URLs (Patient?identifier=http://system|123).
        else if (url.Split('?', 2)[0].Contains("://", StringComparison.Ordinal)) throw FhirException.BadRequest($"The url '{url}' is not on this server ({baseUrl})", at + ".request.url");
        url = url.TrimStart('/');

        string? query = null;
        var path = url;
        var questionMark = url.IndexOf('?', StringComparison.Ordinal);
        if (questionMark >= 0)
        {
            query = url[(questionMark + 1)..];
            path = url[..questionMark];
        }
        var segments = path.Split('/');
        var isRead = method is "GET" or "HEAD";
        // _history, Patient/_history, Patient/123/_history: a history, read-only.
        var history = isRead && segments.Length <= 3 && segments[^1] == "_history";
        if (history) segments = segments[..^1];
        string? type = segments.Length > 0 && segments[0].Length > 0 ? segments[0] : null;
        string? id = segments.Length > 1 ? segments[1] : null;
        string? version = segments.Length == 4 && segments[2] == "_history" ? segments[3] : null;
        // Patient/123/Claim: a compartment search, read-only.
        string? compartmentTarget = segments.Length == 3 && isRead && segments[2].Length > 0 && segments[2] != "_history" ? segments[2] : null;
        if ((segments.Length == 3 && compartmentTarget is null) || segments.Length > 4 || (segments.Length == 4 && version is null))
        {
            throw FhirException.BadRequest($"The url '{url}' is not one of Type, Type/id, Type/id/_history/vid, Type?query or (to read) Compartment/id/Type?query and ?query (every type), [Type/[id/]]_history or metadata", at + ".request.url");
        }
        if (version is not null && !isRead)
        {
            // Over REST a write to Type/id/_history/vid is 405; here it would act on the current version.
            throw FhirException.BadRequest($"A {method} entry cannot address a version ('{url}'): versions are read-only", at + ".request.url");
        }
        if (id is not null && !ResourceIds.IsValid(id))
        {
            throw FhirException.BadRequest($"'{id}' in the url '{url}' is not a valid resource id ({ResourceIds.Rule})", at + ".request.url");
        }
        JsonElement? resource = entry.TryGetProperty("resource", out var r) ? r : null;
        switch (method)
        {
            case "POST" when type is null || id is not null:
                throw FhirException.BadRequest($"A POST entry's url is the resource type (Patient), not '{url}'", at + ".request.url");
            case "PUT" when type is null || (id is null && query is null):
                throw FhirException.BadRequest($"A PUT entry's url is Type/id or Type?criteria, not '{url}'", at + ".request.url");
            case "DELETE" or "PATCH" when type is null || (id is null && query is null):
                throw FhirException.BadRequest($"A {method} entry's url is Type/id or Type?criteria, not '{url}'", at + ".request.url");
        }
        if (method is "POST" or "PUT" or "PATCH" && resource is null)
        {
            throw FhirException.BadRequest($"A {method} entry needs a resource", at + ".resource");
        }
        return new BundleEntryRequest(index, method, url, String(entry, "fullUrl", at + ".fullUrl"), type, id, version, query, resource,
            String(request, "ifNoneExist", at + ".request.ifNoneExist"), String(request, "ifMatch", at + ".request.ifMatch"), String(request, "ifNoneMatch", at + ".request.ifNoneMatch"),
            compartmentTarget, history);
    }

    private static string? String(JsonElement element, string name, string location)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String) throw FhirException.BadRequest($"{name} must be a string", location);
        return value.GetString();
    }
}
