using System.Text;

namespace OpenImis.Fhir.Engine.Model;

/// <summary>
/// The JSON property names of one type, looked up by the raw UTF-8 name as System.Text.Json hands it over: no
/// transcoding to UTF-16 and no hashing. Names are grouped by byte length; a type has a few dozen names at most and
/// only a few of any one length, so a lookup compares a handful of short spans.
/// </summary>
internal sealed class JsonPropertyIndex
{
    private readonly byte[][] _names;            // sorted by length
    private readonly JsonPropertyBinding[] _bindings;
    private readonly int[] _firstOfLength;       // names of n bytes: _firstOfLength[n] to _firstOfLength[n + 1] - 1

    public JsonPropertyIndex(IReadOnlyDictionary<string, JsonPropertyBinding> byName)
    {
        var entries = byName.Select(p => (Name: Encoding.UTF8.GetBytes(p.Key), Binding: p.Value)).OrderBy(e => e.Name.Length).ToArray();
        _names = [.. entries.Select(e => e.Name)];
        _bindings = [.. entries.Select(e => e.Binding)];
        var longest = entries.Length == 0 ? 0 : entries[^1].Name.Length;
        _firstOfLength = new int[longest + 2];
        var i = 0;
        for (var length = 0; length <= longest + 1; length++)
        {
            while (i < entries.Length && entries[i].Name.Length < length) i++;
            _firstOfLength[length] = i;
        }
    }

    /// <summary>The binding of an unescaped UTF-8 property name, or null.</summary>
    public JsonPropertyBinding? Find(ReadOnlySpan<byte> name)
    {
        if (name.Length + 1 >= _firstOfLength.Length) return null;
        var end = _firstOfLength[name.Length + 1];
        for (var i = _firstOfLength[name.Length]; i < end; i++)
        {
            if (name.SequenceEqual(_names[i])) return _bindings[i];
        }
        return null;
    }
}
