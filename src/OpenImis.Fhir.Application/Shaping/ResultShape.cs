using System.Buffers;
using System.Text.Json;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Application.Shaping;

/// <summary>
/// What <c>_summary</c> and <c>_elements</c> (search.html#summary, #elements) leave of each resource of a searchset:
/// matches and included resources alike, each by the definition of its own type (a Bundle of several types, from
/// <c>_include</c> or <c>Patient/123/*</c>, keeps each type's summary elements). As HAPI does, an <c>_elements</c>
/// name may name its type (<c>Claim.status</c>): a plain name applies to every type, a qualified one to its type
/// only, and a type that no name applies to is returned whole.
/// </summary>
internal sealed class ResultShape
{
    private readonly FhirModel _model;
    private readonly SummaryFilter _summaryFilter;
    private readonly string? _summary;
    private readonly List<string>? _plain;
    private readonly Dictionary<string, List<string>> _qualified = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Action<Utf8JsonWriter, string>?> _byType = new(StringComparer.Ordinal);

    /// <param name="summary">The <c>_summary</c> value (true, text, data or false; count writes no resources), or null.</param>
    /// <param name="elements">The <c>_elements</c> names, or null.</param>
    public ResultShape(FhirModel model, SummaryFilter summaryFilter, Func<string, bool> isResourceType, string? summary, IReadOnlyList<string>? elements)
    {
        _model = model;
        _summaryFilter = summaryFilter;
        _summary = summary is "false" ? null : summary;
        if (elements is null) return;
        _plain = [];
        foreach (var name in elements)
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && isResourceType(name[..dot]))
            {
                var element = name[(dot + 1)..];
                if (element.Length == 0 || element.Contains('.', StringComparison.Ordinal))
                {
                    throw FhirException.BadRequest($"_elements: '{name}' is not Type.element (only top-level elements can be selected)");
                }
                if (!_qualified.TryGetValue(name[..dot], out var list)) _qualified[name[..dot]] = list = [];
                list.Add(element);
            }
            else if (name.Contains('.', StringComparison.Ordinal))
            {
                throw FhirException.BadRequest($"_elements: '{name}' is not an element of the resource (only top-level elements can be selected, e.g. name or Patient.name)");
            }
            else
            {
                _plain.Add(name);
            }
        }
    }

    /// <summary>True when some resource may be shaped (and so tagged SUBSETTED).</summary>
    public bool Shapes => _summary is not null || _plain is not null;

    /// <summary>The writer of a resource of the type, or null to write it whole.</summary>
    public Action<Utf8JsonWriter, string>? For(string resourceType)
    {
        if (!Shapes) return null;
        if (_byType.TryGetValue(resourceType, out var known)) return known;
        Action<Utf8JsonWriter, string>? shape;
        if (_summary == "true")
        {
            // Nested elements are kept by their own isSummary flags too.
            shape = _summaryFilter.Write;
        }
        else if (_summary is not null)
        {
            var kept = ElementSelection.Summary(_model, resourceType, _summary);
            shape = kept is null ? null : (writer, json) => ElementsFilter.Write(writer, json, kept);
        }
        else
        {
            var names = _plain!.Concat(_qualified.GetValueOrDefault(resourceType) ?? []).ToList();
            var kept = names.Count == 0 ? null : ElementSelection.Named(_model, resourceType, names);
            shape = kept is null ? null : (writer, json) => ElementsFilter.Write(writer, json, kept);
        }
        _byType[resourceType] = shape;
        return shape;
    }

    /// <summary>One resource shaped (a read, a vread, metadata), or null when it is to be written whole.</summary>
    public byte[]? Apply(string resourceType, string json)
    {
        if (For(resourceType) is not { } shape) return null;
        var buffer = new ArrayBufferWriter<byte>(json.Length);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            shape(writer, json);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
