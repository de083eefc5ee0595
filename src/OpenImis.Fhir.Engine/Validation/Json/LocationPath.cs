using System.Globalization;
using System.Text;

namespace OpenImis.Fhir.Engine.Validation.Json;

/// <summary>
/// The FHIRPath location of the element being checked, kept as a stack of (name, index) segments and turned into text
/// only when an issue is reported, so the clean path allocates nothing per element.
/// </summary>
internal sealed class LocationPath
{
    private string[] _names = new string[32];
    private int[] _indexes = new int[32];
    private int _depth;

    /// <summary>Enters <paramref name="name"/>; <paramref name="index"/> is -1 for an element that cannot repeat.</summary>
    public void Push(string name, int index)
    {
        if (_depth == _names.Length)
        {
            Array.Resize(ref _names, _depth * 2);
            Array.Resize(ref _indexes, _depth * 2);
        }
        _names[_depth] = name;
        _indexes[_depth] = index;
        _depth++;
    }

    public void Pop() => _depth--;

    public override string ToString()
    {
        var text = new StringBuilder(64);
        for (var i = 0; i < _depth; i++)
        {
            if (i > 0) text.Append('.');
            text.Append(_names[i]);
            if (_indexes[i] >= 0) text.Append('[').Append(_indexes[i].ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        return text.ToString();
    }
}
