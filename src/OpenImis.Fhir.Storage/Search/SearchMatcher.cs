using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Storage.Search.Conditions;

namespace OpenImis.Fhir.Storage.Search;

/// <summary>
/// "Does this resource match this search?" in memory, for subscriptions and conditional checks: the values come
/// from the same handlers that write the index, and each comparison mirrors its SQL condition. Chains, _has and
/// _list need other resources and are refused here (<see cref="SearchException"/>): callers run those through the database.
/// </summary>
public sealed class SearchMatcher(SearchParameterRegistry registry, SearchEnvironment environment)
{
    /// <param name="values">The values of a parameter in <paramref name="resource"/>, for a caller that matches one
    /// resource many times and keeps them; null: <see cref="SearchParameterHandler.Values"/>, each time.</param>
    public bool Matches(ElementNode resource, IReadOnlyList<SearchCriterion> criteria, string? id = null, DateTimeOffset? lastUpdated = null,
        Func<SearchParameterHandler, List<SearchValue>>? values = null)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(criteria);
        foreach (var criterion in criteria)
        {
            if (!Matches(resource, criterion, id, lastUpdated, values)) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether a criterion looks at other resources (chains, <c>_has</c>, <c>_list</c>): its answer for a resource can
    /// change when another resource is written, and it is not evaluated in memory.
    /// </summary>
    public static bool LooksElsewhere(SearchCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return IsChain(criterion.Name) || IsList(criterion.Name);
    }

    private static bool IsChain(string name) => name.StartsWith("_has:", StringComparison.Ordinal) || name.Contains('.', StringComparison.Ordinal);

    private static bool IsList(string name) =>
        name == SearchConditionBuilder.ListParameter || name.StartsWith(SearchConditionBuilder.ListParameter + ":", StringComparison.Ordinal);

    private bool Matches(ElementNode resource, SearchCriterion criterion, string? id, DateTimeOffset? lastUpdated, Func<SearchParameterHandler, List<SearchValue>>? valuesOf)
    {
        var name = criterion.Name;
        if (IsChain(name)) throw new SearchException($"{name}: chained searches are not evaluated in memory", name);
        if (IsList(name)) throw new SearchException($"{name}: membership of a List is not evaluated in memory", name);
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var code = colon < 0 ? name : name[..colon];
        var modifier = colon < 0 ? null : name[(colon + 1)..];
        if (code == "_id") return criterion.Values.Contains(id ?? Primitive(resource, "id") ?? "");
        if (code == "_lastUpdated")
        {
            if (lastUpdated is not { } updated) return false;
            var range = new DateSearchValue(updated, updated.AddMilliseconds(1));
            return criterion.Values.Any(v => DateMatches(range, v, code));
        }
        var handler = registry.Find(resource.TypeName, code) ?? throw new SearchException($"Unknown search parameter '{code}' for {resource.TypeName}", code);
        var values = valuesOf?.Invoke(handler) ?? handler.Values(resource);
        if (modifier == "missing")
        {
            return criterion.Values.Count == 1 && criterion.Values[0] switch
            {
                "true" => values.Count == 0,
                "false" => values.Count > 0,
                _ => throw new SearchException($"{code}:missing takes true or false", code),
            };
        }
        return ValuesMatch(handler, values, modifier, criterion.Values);
    }

    /// <summary>Whether some of <paramref name="values"/> (of <paramref name="handler"/>'s parameter) matches one of the searched values.</summary>
    private bool ValuesMatch(SearchParameterHandler handler, List<SearchValue> values, string? modifier, IReadOnlyList<string> searched)
    {
        var code = handler.Code;
        return handler.Definition.Type switch
        {
            SearchParameterType.String => StringMatches(values.OfType<StringSearchValue>(), modifier, searched, code),
            SearchParameterType.Token => TokenMatches(values.OfType<TokenSearchValue>().ToList(), modifier, searched, code),
            SearchParameterType.Date => NoModifier(modifier, code) && values.OfType<DateSearchValue>().Any(d => searched.Any(v => DateMatches(d, v, code))),
            SearchParameterType.Number => NoModifier(modifier, code) && values.OfType<NumberSearchValue>().Any(n => searched.Any(v => NumberMatches(n.Value, v, code))),
            SearchParameterType.Quantity => NoModifier(modifier, code) && values.OfType<QuantitySearchValue>().Any(q => searched.Any(v => QuantityMatches(q, v, code))),
            SearchParameterType.Reference => values.OfType<ReferenceSearchValue>().Any(r => searched.Any(v => ReferenceMatches(r, modifier, v, handler))),
            SearchParameterType.Uri => values.OfType<UriSearchValue>().Any(u => searched.Any(v => modifier switch
            {
                null => u.Value == v,
                "below" => u.Value.StartsWith(v, StringComparison.Ordinal),
                "above" => v.StartsWith(u.Value, StringComparison.Ordinal),
                _ => throw new SearchException($"The modifier :{modifier} does not apply to {code}", code),
            })),
            SearchParameterType.Composite when handler.Components is { } components => NoModifier(modifier, code) && searched.Any(v =>
            {
                // One instance must match every part, as the SQL ties the component rows to one instance row.
                var parts = CompositeCondition.Split(v, handler);
                return values.OfType<CompositeSearchValue>().Any(c => components.Select((component, i) => ValuesMatch(component, [.. c.Components[i]], null, [parts[i]])).All(m => m));
            }),
            _ => throw new SearchException($"The search parameter {code} is not supported", code),
        };
    }

    private static bool NoModifier(string? modifier, string code) =>
        modifier is null ? true : throw new SearchException($"The modifier :{modifier} does not apply to {code}", code);

    private static bool StringMatches(IEnumerable<StringSearchValue> values, string? modifier, IReadOnlyList<string> searched, string code) => modifier switch
    {
        null => values.Any(s => searched.Any(v => s.Normalized.StartsWith(TextNormalizer.Normalize(v), StringComparison.Ordinal))),
        "contains" => values.Any(s => searched.Any(v => s.Normalized.Contains(TextNormalizer.Normalize(v), StringComparison.Ordinal))),
        "exact" => values.Any(s => searched.Contains(s.Exact)),
        _ => throw new SearchException($"The modifier :{modifier} does not apply to the string parameter {code}", code),
    };

    private bool TokenMatches(List<TokenSearchValue> values, string? modifier, IReadOnlyList<string> searched, string code)
    {
        switch (modifier)
        {
            case null:
                return values.Any(t => searched.Any(v => TokenEquals(t, v)));
            case "not":
                return !values.Any(t => searched.Any(v => TokenEquals(t, v)));
            case "text":
                return values.Any(t => t.Text is { } text && searched.Any(v => text.StartsWith(TextNormalizer.Normalize(v), StringComparison.Ordinal)));
            case "of-type":
                return values.Any(t => searched.Any(v =>
                {
                    var parts = v.Split('|');
                    if (parts.Length != 3) throw new SearchException($"{code}:of-type takes typeSystem|typeCode|value", code);
                    return t.TypeCode == parts[1] && t.Code == parts[2] && (parts[0].Length == 0 || t.TypeSystem == parts[0]);
                }));
            case "in" or "not-in":
                var codes = searched.SelectMany(url => environment.ExpandValueSet(url) ?? throw new SearchException($"{code}:{modifier}: the ValueSet {url} cannot be expanded here", code)).ToHashSet();
                // As in SQL: a value without system (a code element) is compared by its code alone.
                var any = values.Any(t => t.System is null ? codes.Any(c => c.Code == t.Code) : codes.Contains((t.System, t.Code)));
                return modifier == "in" ? any : !any;
            default:
                throw new SearchException($"The modifier :{modifier} does not apply to the token parameter {code}", code);
        }
    }

    private static bool TokenEquals(TokenSearchValue token, string searched)
    {
        var bar = searched.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0) return token.Code == searched;
        var system = searched[..bar];
        var code = searched[(bar + 1)..];
        if (system.Length == 0) return token.Code == code && token.System is null;
        if (code.Length == 0) return token.System == system;
        return token.Code == code && token.System == system;
    }

    // The same formulas as DateCondition.Compare, on [low, high) ranges.
    private static bool DateMatches(DateSearchValue value, string searched, string code)
    {
        var (prefix, text) = SearchPrefixes.Split(searched);
        var p = DateCondition.Parse(text, code);
        var within = value.Low >= p.Low && value.High <= p.High;
        return prefix switch
        {
            SearchPrefix.Eq => within,
            SearchPrefix.Ne => !within,
            SearchPrefix.Gt => value.High > p.High,
            SearchPrefix.Lt => value.Low < p.Low,
            SearchPrefix.Ge => value.High > p.High || within,
            SearchPrefix.Le => value.Low < p.Low || within,
            SearchPrefix.Sa => value.Low >= p.High,
            SearchPrefix.Eb => value.High <= p.Low,
            _ => Approximately(value, p),
        };
    }

    private static bool Approximately(DateSearchValue value, DateSearchValue searched)
    {
        var (from, to) = DateRanges.Approximate(searched, DateTimeOffset.UtcNow);
        return value.High > from && value.Low < to;
    }

    private static bool NumberMatches(decimal value, string searched, string code)
    {
        var (prefix, text) = SearchPrefixes.Split(searched);
        var number = NumberCondition.Parse(text, code);
        var (low, high) = SearchValueExtractor.PrecisionRange(number);
        return prefix switch
        {
            SearchPrefix.Eq => value >= low && value < high,
            SearchPrefix.Ne => !(value >= low && value < high),
            SearchPrefix.Gt => value > number,
            SearchPrefix.Lt => value < number,
            SearchPrefix.Sa => value >= high,
            SearchPrefix.Eb => value < low,
            SearchPrefix.Ge => value >= number,
            SearchPrefix.Le => value <= number,
            _ => SearchValueExtractor.ApproximateRange(number) is var (near, far) && value >= near && value <= far,
        };
    }

    private static bool QuantityMatches(QuantitySearchValue quantity, string searched, string code)
    {
        var parts = searched.Split('|');
        if (parts.Length is not (1 or 3)) throw new SearchException($"{code}: '{searched}' is not number, number|system|code or number||code", code);
        if (!NumberMatches(quantity.Value, parts[0], code)) return false;
        if (parts.Length == 1) return true;
        if (parts[1].Length > 0 && quantity.System != parts[1]) return false;
        if (parts[2].Length == 0) return true;
        return (quantity.Code ?? quantity.Unit) == parts[2] || (parts[1].Length == 0 && quantity.Unit == parts[2]);
    }

    private bool ReferenceMatches(ReferenceSearchValue reference, string? modifier, string searched, SearchParameterHandler handler)
    {
        if (modifier == "identifier")
        {
            var bar = searched.IndexOf('|', StringComparison.Ordinal);
            return bar < 0
                ? reference.IdentifierValue == searched
                : reference.IdentifierValue == searched[(bar + 1)..] && reference.IdentifierSystem == searched[..bar];
        }
        if (modifier is not null && !environment.IsResourceType(modifier)) throw new SearchException($"The modifier :{modifier} does not apply to {handler.Code}", handler.Code);
        if (searched.Contains("://", StringComparison.Ordinal) || searched.StartsWith("urn:", StringComparison.Ordinal))
        {
            var bar = searched.IndexOf('|', StringComparison.Ordinal);
            return bar < 0 ? reference.Url == searched : reference.Url == searched[..bar] && reference.Version == searched[(bar + 1)..];
        }
        var parts = searched.Split('/');
        if (parts.Length is 2 or 4 && environment.IsResourceType(parts[0])) return reference.TargetType == parts[0] && reference.TargetId == parts[1];
        var type = modifier ?? (handler.Definition.Target.Count == 1 ? handler.Definition.Target[0] : null);
        return reference.TargetId == searched && (type is null || reference.TargetType == type);
    }

    private static string? Primitive(ElementNode node, string name)
    {
        var children = node.Children(name);
        return children.IsEmpty ? null : ((ElementNode)children[0]).Value as string;
    }
}
