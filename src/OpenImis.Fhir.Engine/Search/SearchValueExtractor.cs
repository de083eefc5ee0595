using System.Globalization;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Values;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// Turns what a search parameter's expression selects into the values search compares, per parameter type
/// (search.html#ptypes and the type mapping table of search.html#table): a HumanName gives each of its parts as a
/// string, a CodeableConcept each coding as a token, a Period its range of instants, and so on.
/// </summary>
public static class SearchValueExtractor
{
    /// <summary>Adds the values of <paramref name="items"/> for a parameter of <paramref name="type"/> to <paramref name="output"/>.</summary>
    public static void Extract(SearchParameterType type, FhirPathCollection items, Func<string, bool> isResourceType, List<SearchValue> output)
    {
        ArgumentNullException.ThrowIfNull(isResourceType);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var item in items)
        {
            if (item is not ElementNode node)
            {
                // An expression that computes its value (Patient-deceased: deceased.exists() and deceased != false) gives a System boolean.
                if (type == SearchParameterType.Token && item is bool computed) output.Add(new TokenSearchValue(null, computed ? "true" : "false", null));
                continue;
            }
            switch (type)
            {
                case SearchParameterType.String:
                    Strings(node, output);
                    break;
                case SearchParameterType.Token:
                    Tokens(node, output);
                    break;
                case SearchParameterType.Date:
                    Dates(node, output);
                    break;
                case SearchParameterType.Number:
                    if (Number(node.Value) is { } number) output.Add(number);
                    break;
                case SearchParameterType.Quantity:
                    Quantities(node, output);
                    break;
                case SearchParameterType.Reference:
                    References(node, isResourceType, output);
                    break;
                case SearchParameterType.Uri:
                    if (node.Value is string uri) output.Add(new UriSearchValue(uri));
                    break;
            }
        }
    }

    /// <summary>The elements of a HumanName whose strings a string parameter on it holds.</summary>
    public static readonly IReadOnlyList<string> HumanNameParts = ["text", "family", "given", "prefix", "suffix"];

    /// <summary>The elements of an Address whose strings a string parameter on it holds.</summary>
    public static readonly IReadOnlyList<string> AddressParts = ["text", "line", "city", "district", "state", "postalCode", "country"];

    private static void Strings(ElementNode node, List<SearchValue> output)
    {
        switch (node.TypeName)
        {
            case "HumanName":
                AddStrings(node, output, HumanNameParts);
                break;
            case "Address":
                AddStrings(node, output, AddressParts);
                break;
            default:
                if (node.Value is string text) AddString(text, output);
                break;
        }
    }

    private static void AddStrings(ElementNode node, List<SearchValue> output, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            foreach (var child in node.Children(name))
            {
                if (((ElementNode)child).Value is string text) AddString(text, output);
            }
        }
    }

    private static void AddString(string text, List<SearchValue> output)
    {
        if (text.Length > 0) output.Add(new StringSearchValue(TextNormalizer.Normalize(text), text));
    }

    private static void Tokens(ElementNode node, List<SearchValue> output)
    {
        switch (node.TypeName)
        {
            case "Coding":
                AddCoding(node, output);
                break;
            case "CodeableConcept":
                foreach (var coding in node.Children("coding")) AddCoding((ElementNode)coding, output);
                // :text searches the concept's text and each coding's display: the text gets a value of its own.
                if (Text(node, "text") is { } text) output.Add(new TokenSearchValue(null, "", TextNormalizer.Normalize(text)));
                break;
            case "Identifier":
                if (Text(node, "value") is not { } value) break;
                var type = First(node, "type");
                var typeCoding = type is null ? null : First(type, "coding");
                var typeText = type is null ? null : Text(type, "text") ?? (typeCoding is null ? null : Text(typeCoding, "display"));
                output.Add(new TokenSearchValue(Text(node, "system"), value, typeText is null ? null : TextNormalizer.Normalize(typeText),
                    typeCoding is null ? null : Text(typeCoding, "system"), typeCoding is null ? null : Text(typeCoding, "code")));
                break;
            case "ContactPoint":
                if (Text(node, "value") is { } contact) output.Add(new TokenSearchValue(Text(node, "system"), contact, null));
                break;
            default:
                switch (node.Value)
                {
                    case string code:
                        output.Add(new TokenSearchValue(null, code, null));
                        break;
                    case bool flag:
                        output.Add(new TokenSearchValue(null, flag ? "true" : "false", null));
                        break;
                }
                break;
        }
    }

    private static void AddCoding(ElementNode coding, List<SearchValue> output)
    {
        if (Text(coding, "code") is not { } code) return;
        var text = Text(coding, "display");
        output.Add(new TokenSearchValue(Text(coding, "system"), code, text is null ? null : TextNormalizer.Normalize(text)));
    }

    private static void Dates(ElementNode node, List<SearchValue> output)
    {
        switch (node.TypeName)
        {
            case "Period":
                var start = First(node, "start")?.Value as PartialDateTime;
                var end = First(node, "end")?.Value as PartialDateTime;
                if (start is null && end is null) break;
                output.Add(new DateSearchValue(start is null ? DateRanges.Earliest : DateRanges.Range(start).Low, end is null ? DateRanges.Latest : DateRanges.Range(end).High));
                break;
            case "Timing":
                var events = node.Children("event");
                DateTimeOffset? low = null, high = null;
                foreach (var item in events)
                {
                    if (((ElementNode)item).Value is not PartialDateTime moment) continue;
                    var range = DateRanges.Range(moment);
                    if (low is null || range.Low < low) low = range.Low;
                    if (high is null || range.High > high) high = range.High;
                }
                if (low is { } l && high is { } h) output.Add(new DateSearchValue(l, h));
                break;
            default:
                if (node.Value is PartialDateTime { Kind: not TemporalKind.Time } value) output.Add(DateRanges.Range(value));
                break;
        }
    }

    private static NumberSearchValue? Number(object? value)
    {
        decimal number;
        switch (value)
        {
            case long integer:
                number = integer;
                break;
            case decimal d:
                number = d;
                break;
            default:
                return null;
        }
        var (low, high) = PrecisionRange(number);
        return new NumberSearchValue(number, low, high);
    }

    /// <summary>Half a unit of the last stated digit either side (search.html#number): 100 is [99.5, 100.5), 1.50 is [1.495, 1.505).</summary>
    public static (decimal Low, decimal High) PrecisionRange(decimal value) => Around(value, 0.5m / Pow10(value.Scale));

    /// <summary>ap for numbers (search.html#prefix): within 10% of the value either side.</summary>
    public static (decimal Low, decimal High) ApproximateRange(decimal value) => Around(value, Math.Abs(value) / 10);

    // [value - by, value + by], cut at decimal's ends instead of overflowing (a value of 79228162514264337593543950335).
    private static (decimal Low, decimal High) Around(decimal value, decimal by) =>
        (value >= decimal.MinValue + by ? value - by : decimal.MinValue, value <= decimal.MaxValue - by ? value + by : decimal.MaxValue);

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++) result *= 10;
        return result;
    }

    private static void Quantities(ElementNode node, List<SearchValue> output)
    {
        if (Number(First(node, "value")?.Value) is not { } number) return;
        if (node.TypeName == "Money")
        {
            output.Add(new QuantitySearchValue(number.Value, number.Low, number.High, "urn:iso:std:iso:4217", Text(node, "currency"), Text(node, "currency")));
            return;
        }
        output.Add(new QuantitySearchValue(number.Value, number.Low, number.High, Text(node, "system"), Text(node, "code"), Text(node, "unit")));
    }

    private static void References(ElementNode node, Func<string, bool> isResourceType, List<SearchValue> output)
    {
        if (node.TypeName == "Reference")
        {
            var reference = Text(node, "reference");
            if (reference is not null)
            {
                if (reference.StartsWith('#')) return;
                if (ParseRelative(reference, isResourceType) is { } target)
                {
                    output.Add(new ReferenceSearchValue(target.Type, target.Id, null, null, null, null));
                }
                else
                {
                    output.Add(new ReferenceSearchValue(Text(node, "type"), null, reference, null, null, null));
                }
            }
            if (First(node, "identifier") is { } identifier && Text(identifier, "value") is { } value)
            {
                output.Add(new ReferenceSearchValue(Text(node, "type"), null, null, null, Text(identifier, "system"), value));
            }
            return;
        }
        if (node.Value is string url)
        {
            var bar = url.IndexOf('|', StringComparison.Ordinal);
            output.Add(bar < 0
                ? new ReferenceSearchValue(null, null, url, null, null, null)
                : new ReferenceSearchValue(null, null, url[..bar], url[(bar + 1)..], null, null));
        }
    }

    /// <summary>Splits <c>Type/id</c> or <c>Type/id/_history/n</c>; null for anything else.</summary>
    public static (string Type, string Id)? ParseRelative(string reference, Func<string, bool> isResourceType)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(isResourceType);
        var parts = reference.Split('/');
        if (parts.Length is not (2 or 4)) return null;
        if (parts.Length == 4 && parts[2] != "_history") return null;
        if (!isResourceType(parts[0]) || parts[1].Length == 0 || parts[1].Contains('?', StringComparison.Ordinal)) return null;
        return (parts[0], parts[1]);
    }

    private static ElementNode? First(ElementNode node, string name)
    {
        var children = node.Children(name);
        return children.IsEmpty ? null : (ElementNode)children[0];
    }

    private static string? Text(ElementNode node, string name) => First(node, name)?.Value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        long integer => integer.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
