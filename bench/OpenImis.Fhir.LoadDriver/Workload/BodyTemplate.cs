using System.Buffers.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenImis.Fhir.LoadDriver.Workload;

/// <summary>
/// A request body serialised once, with fixed-width slots for unique codes. Each request copies the bytes and fills
/// the slots, so no JSON is built while measuring and the length never changes.
/// </summary>
internal sealed class BodyTemplate
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly byte[] _bytes;
    private readonly Slot[] _slots;
    private readonly int _keys;

    private BodyTemplate(byte[] bytes, Slot[] slots, int keys)
    {
        _bytes = bytes;
        _slots = slots;
        _keys = keys;
    }

    public int Length => _bytes.Length;

    /// <summary>Serialises <paramref name="body"/> and finds the markers of <see cref="TemplateMarkers"/> in it.</summary>
    public static BodyTemplate Create(JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Compact);
        var slots = new List<Slot>();
        var keys = new Dictionary<int, int>();
        for (var i = 0; i + UniqueCodes.CodeLength <= bytes.Length; i++)
        {
            if (bytes[i] != TemplateMarkers.Lead || (bytes[i + 1] != TemplateMarkers.CodeKind && bytes[i + 1] != TemplateMarkers.UuidKind)) continue;
            if (!Utf8Parser.TryParse(bytes.AsSpan(i + 2, TemplateMarkers.KeyDigits), out int key, out var consumed) || consumed != TemplateMarkers.KeyDigits) continue;
            var uuid = bytes[i + 1] == TemplateMarkers.UuidKind;
            var length = uuid ? UniqueCodes.UuidLength : UniqueCodes.CodeLength;
            // A marker must arrive whole: a cut or escaped one would be sent as is, the same code every time.
            if (i + length > bytes.Length || bytes.AsSpan(i + 2 + TemplateMarkers.KeyDigits, length - 2 - TemplateMarkers.KeyDigits).ContainsAnyExcept(TemplateMarkers.Lead))
            {
                throw new InvalidOperationException($"Template: a damaged marker at byte {i}.");
            }
            if (!keys.TryGetValue(key, out var index)) keys.Add(key, index = keys.Count);
            slots.Add(new Slot(i, uuid, index));
            i += length - 1;
        }
        return new BodyTemplate(bytes, [.. slots], keys.Count);
    }

    /// <summary>Writes the body with fresh unique values into <paramref name="into"/> (at least <see cref="Length"/> bytes).</summary>
    public void Render(Span<byte> into, UniqueCodes codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        _bytes.CopyTo(into);
        if (_slots.Length == 0) return;
        var first = codes.Reserve(_keys);
        foreach (var slot in _slots)
        {
            var target = into.Slice(slot.Offset);
            if (slot.Uuid) codes.WriteUuid(target, first + slot.Key);
            else codes.WriteCode(target, first + slot.Key);
        }
    }

    public byte[] Render(UniqueCodes codes)
    {
        var bytes = new byte[Length];
        Render(bytes, codes);
        return bytes;
    }

    private readonly record struct Slot(int Offset, bool Uuid, int Key);
}
