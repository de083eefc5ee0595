using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Application.Interactions;

/// <summary>
/// The search criteria of a conditional create, update or delete (<c>identifier=system|value&amp;_id=x</c>) and of a
/// conditional reference in a transaction (<c>Patient?identifier=...</c>). Supported now: <c>_id</c> and
/// <c>identifier</c> (token: <c>system|value</c>, <c>|value</c> for no system, or <c>value</c> for any system); the
/// search engine takes over the rest. Any other parameter is refused with 400 rather than ignored, because ignoring
/// it would match more resources than the client meant.
/// </summary>
public sealed class ConditionalCriteria
{
    private readonly List<(string Name, string Value)> _parameters;

    private ConditionalCriteria(List<(string Name, string Value)> parameters) => _parameters = parameters;

    public static ConditionalCriteria Parse(string query, string what)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<(string, string)>();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            if (name is not ("_id" or "identifier"))
            {
                throw FhirException.BadRequest($"{what}: the search parameter '{name}' is not supported in conditional operations (supported: _id, identifier)");
            }
            if (value.Length == 0) throw FhirException.BadRequest($"{what}: the search parameter '{name}' has no value");
            // PostgreSQL text cannot hold NUL: no stored value has one, and the query would fail.
            if (value.Contains('\0', StringComparison.Ordinal)) throw FhirException.BadRequest($"{what}: the search parameter '{name}' holds a NUL character");
            parameters.Add((name, value));
        }
        if (parameters.Count == 0) throw FhirException.BadRequest($"{what}: no search criteria");
        return new ConditionalCriteria(parameters);
    }

    /// <summary>The ids of the current resources of the type that match every parameter (at most two: more than one is all a caller needs to know).</summary>
    public async Task<IReadOnlyList<string>> MatchAsync(StoreTransaction transaction, string resourceType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        HashSet<string>? matches = null;
        foreach (var (name, value) in _parameters)
        {
            IReadOnlyList<string> ids;
            if (name == "_id")
            {
                var found = await transaction.ExistingAsync([(resourceType, value)], cancellationToken: cancellationToken);
                ids = found.Count > 0 ? [value] : [];
            }
            else
            {
                var bar = value.IndexOf('|', StringComparison.Ordinal);
                ids = bar < 0
                    ? await transaction.FindByIdentifierAsync(resourceType, null, value, cancellationToken)
                    : await transaction.FindByIdentifierAsync(resourceType, value[..bar], value[(bar + 1)..], cancellationToken);
            }
            if (matches is null) matches = [.. ids];
            else matches.IntersectWith(ids);
            if (matches.Count == 0) break;
        }
        return matches is null ? [] : [.. matches.Order(StringComparer.Ordinal)];
    }
}
