using System.Buffers;
using System.Globalization;
using System.Text.Json;
using OpenImis.Fhir.Application.Bundles;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Interactions;

/// <summary>
/// history for an instance, a type or the system (http.html#history): newest first, <c>_since</c>, <c>_at</c>,
/// <c>_count</c>, and a <c>next</c> link holding a cursor (the last change sequence number shown), so that versions
/// written while a client pages neither shift nor repeat entries.
/// </summary>
public sealed class HistoryInteraction(FhirContext context)
{
    public const string CursorParameter = PagingLinks.CursorParameter;

    /// <param name="parameters">The query string parameters, in order.</param>
    /// <param name="selfUrl">The URL of this request without its query (e.g. <c>http://host/fhir/Patient/_history</c>).</param>
    /// <param name="transaction">A transaction Bundle's: the history then holds the versions it wrote.</param>
    public async Task<byte[]> HistoryAsync(string? type, string? id, IReadOnlyList<KeyValuePair<string, string>> parameters, string baseUrl, string selfUrl,
        StoreTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (type is not null && !context.IsResourceType(type)) throw FhirException.NotFound($"Unknown resource type '{type}'");
        var count = context.Options.DefaultPageSize;
        DateTimeOffset? since = null, at = null;
        long? before = null;
        foreach (var (name, value) in parameters)
        {
            switch (name)
            {
                case "_count":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count))
                    {
                        throw FhirException.BadRequest($"_count: '{value}' is not a non-negative integer");
                    }
                    count = Math.Min(count, context.Options.MaxPageSize);
                    break;
                case "_since":
                    since = ParseInstant(name, value);
                    break;
                case "_at":
                    at = ParseInstant(name, value);
                    break;
                case CursorParameter:
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor)) throw FhirException.BadRequest($"{CursorParameter}: '{value}' is not a cursor of this server");
                    before = cursor;
                    break;
            }
        }
        Task<IReadOnlyList<StoredResource>> Versions(HistoryQuery query) =>
            transaction is null ? context.Store.HistoryAsync(query, cancellationToken) : transaction.HistoryAsync(query, cancellationToken);
        var versions = await Versions(new HistoryQuery(type, id, since, at, before, count + 1));
        // No version in range: 404 only when the resource has no version at all.
        if (id is not null && versions.Count == 0 && (await Versions(new HistoryQuery(type, id, null, null, null, 1))).Count == 0)
        {
            throw FhirException.NotFound($"{type}/{id} does not exist");
        }
        // self gives this page again: a later page keeps its cursor.
        var links = new List<(string, string)> { ("self", selfUrl + PagingLinks.Query(parameters, before?.ToString(CultureInfo.InvariantCulture))) };
        if (versions.Count > count && count > 0)
        {
            var last = versions[count - 1].ChangeSeq.ToString(CultureInfo.InvariantCulture);
            links.Add(("next", selfUrl + PagingLinks.Query(parameters, last)));
        }
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            BundleJsonWriter.WriteStart(writer, "history", links);
            writer.WriteStartArray("entry");
            for (var i = 0; i < Math.Min(count, versions.Count); i++) BundleJsonWriter.WriteHistoryEntry(writer, baseUrl, versions[i]);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An instant, dateTime or date (a date means its first moment, UTC when no zone is given).</summary>
    internal static DateTimeOffset ParseInstant(string name, string value)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd", "yyyy-MM", "yyyy"];
        if (DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }
        throw FhirException.BadRequest($"{name}: '{value}' is not a FHIR instant or date");
    }
}
