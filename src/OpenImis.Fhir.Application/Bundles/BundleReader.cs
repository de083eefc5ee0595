using OpenImis.Fhir.Application.Capabilities;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Application.Search;
using OpenImis.Fhir.Application.Shaping;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Bundles;

/// <summary>
/// The GET and HEAD entries of a batch or transaction (http.html#transaction), each answered as the same GET over REST:
/// read and vread, a search of a type (<c>Patient?name=x</c>), of a compartment (<c>Patient/123/Claim</c>) or of every
/// type (<c>?_type=Basic,List&amp;_id=1</c>) with the searchset Bundle as the entry's resource, a history
/// (<c>Patient/123/_history</c>, <c>Patient/_history</c>, <c>_history</c>) with the history Bundle, and <c>metadata</c>.
/// <c>_summary</c> and <c>_elements</c> shape what a read, a vread and metadata answer, as over REST; the entry's etag
/// and lastModified stay the version's. An error without a location of its own is located at the entry's
/// <c>request.url</c>.
/// <para>
/// In a transaction, reads, searches and histories run in the transaction, after its writes, and see them
/// (docs/architecture.md, Bundles); a query's values that are the fullUrl of an entry name what that entry wrote, as
/// in conditional criteria (<c>Claim?patient=urn:uuid:...</c>).
/// </para>
/// </summary>
public sealed class BundleReader(ResourceReader reader, SearchInteraction search, HistoryInteraction history, CapabilitiesInteraction capabilities, ResultShaper shaper)
{
    /// <param name="transaction">A transaction Bundle's; null in a batch.</param>
    /// <param name="strict"><c>Prefer: handling=strict</c> on the POST: searches refuse unknown parameters.</param>
    /// <param name="placeholders">A transaction's fullUrls and the <c>Type/id</c> their entries wrote.</param>
    internal async Task<EntryResult> ReadAsync(BundleEntryRequest entry, StoreTransaction? transaction, string baseUrl, bool strict, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? placeholders = null)
    {
        try
        {
            return await AnswerAsync(entry, transaction, baseUrl, strict, placeholders, cancellationToken);
        }
        catch (FhirException e)
        {
            throw new FhirException(e.Status, [.. e.Issues.Select(i => i with { Location = i.Location ?? entry.Location + ".request.url" })]);
        }
    }

    private async Task<EntryResult> AnswerAsync(BundleEntryRequest entry, StoreTransaction? transaction, string baseUrl, bool strict,
        IReadOnlyDictionary<string, string>? placeholders, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> QueryParameters(string? query) => Parameters(query, placeholders);
        if (entry.History)
        {
            var path = string.Join('/', new[] { entry.Type, entry.Id, "_history" }.OfType<string>());
            var bundle = await history.HistoryAsync(entry.Type, entry.Id, QueryParameters(entry.Query), baseUrl, $"{baseUrl}/{path}", transaction, cancellationToken);
            return new EntryResult(200, null, []) { ResourceJson = bundle };
        }
        if (entry.Type is null)
        {
            // ?_type=Basic&... (or nothing): the search of every type, as GET [base]?... over REST.
            var searchset = await search.SystemSearchAsync(QueryParameters(entry.Query), strict, baseUrl, transaction, cancellationToken);
            return new EntryResult(200, null, []) { ResourceJson = searchset };
        }
        if (entry.Type == "metadata" && entry.Id is null) return new EntryResult(200, null, []) { ResourceJson = capabilities.Answer(baseUrl, QueryParameters(entry.Query)) };
        if (entry.CompartmentTarget is { } target)
        {
            var searchset = await search.CompartmentSearchAsync(entry.Type, entry.Id!, target, QueryParameters(entry.Query), strict, baseUrl, transaction, cancellationToken);
            return new EntryResult(200, null, []) { ResourceJson = searchset };
        }
        if (entry.Id is null)
        {
            var searchset = await search.SearchAsync(entry.Type, QueryParameters(entry.Query), strict, baseUrl, transaction, cancellationToken);
            return new EntryResult(200, null, []) { ResourceJson = searchset };
        }
        // As over REST: _summary and _elements shape the resource, other parameters are not looked at.
        var shape = shaper.ForResource(QueryParameters(entry.Query));
        var stored = entry.VersionId is { } version
            ? await reader.VReadAsync(entry.Type, entry.Id, version, transaction, cancellationToken)
            : await reader.ReadAsync(entry.Type, entry.Id, transaction, cancellationToken);
        return new EntryResult(200, stored, []) { ResourceJson = shape?.Apply(stored.ResourceType, stored.Json!) };
    }

    // The query of an entry's url, as a server reads a URL's: name=value pairs split on '&', percent-decoded, '+' a space.
    private static List<KeyValuePair<string, string>> Parameters(string? query, IReadOnlyDictionary<string, string>? placeholders)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(query)) return parameters;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            var decoded = Decode(name);
            parameters.Add(new(decoded, placeholders is null ? Decode(value) : ConditionalCriteria.WithPlaceholder(decoded, Decode(value), placeholders)));
        }
        return parameters;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
