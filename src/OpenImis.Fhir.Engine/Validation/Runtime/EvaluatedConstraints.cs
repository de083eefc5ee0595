namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// Which constraint keys a run evaluated on which element (a profile snapshot repeats the base constraints, and an
/// element can be walked with several plans): per element, by its <see cref="Model.ElementNode.Ordinal"/>, a short
/// chain of key ids. No hashing of nodes and no allocation per pair; most elements carry one or two keys.
/// </summary>
internal sealed class EvaluatedConstraints
{
    private int _base;         // the ordinal of _first[0]
    private int[] _first = []; // per ordinal - _base: 1 + index of the element's first entry; 0 when none
    private Entry[] _entries = [];
    private int _count;

    private struct Entry
    {
        public int Key;
        public int Next; // 1 + index of the next entry of the same element; 0 at the end
    }

    /// <summary>Sized for the elements a run walks: the ordinals of a subtree (<see cref="Model.ElementNode.SubtreeSize"/>).</summary>
    public EvaluatedConstraints(int firstOrdinal, int count)
    {
        _base = firstOrdinal;
        _first = new int[count];
        _entries = new Entry[Math.Max(8, count)];
    }

    /// <summary>True the first time the key is added for the element.</summary>
    public bool Add(int ordinal, int key)
    {
        var slot = ordinal - _base;
        if ((uint)slot >= (uint)_first.Length) slot = Widen(ordinal);
        for (var e = _first[slot]; e != 0; e = _entries[e - 1].Next)
        {
            if (_entries[e - 1].Key == key) return false;
        }
        if (_count == _entries.Length) Array.Resize(ref _entries, _count * 2);
        _entries[_count] = new Entry { Key = key, Next = _first[slot] };
        _first[slot] = ++_count;
        return true;
    }

    // An element outside the subtree the run was sized for (not expected): cover it too.
    private int Widen(int ordinal)
    {
        var low = Math.Min(_base, ordinal);
        var high = Math.Max(_base + _first.Length, ordinal + 1);
        var first = new int[high - low];
        Array.Copy(_first, 0, first, _base - low, _first.Length);
        _first = first;
        _base = low;
        return ordinal - low;
    }
}
