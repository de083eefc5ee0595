using System.Buffers;

namespace OpenImis.Fhir.Engine.Validation.Runtime;

/// <summary>
/// Which constraint keys a run evaluated on which element (a profile snapshot repeats the base constraints, and an
/// element can be walked with several plans): per element, by its <see cref="Model.ElementNode.Ordinal"/>, a short
/// chain of key ids. No hashing of nodes and no allocation per pair; most elements carry one or two keys. The arrays
/// come from the shared pool and go back to it with <see cref="Release"/>.
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
        _first = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
        Array.Clear(_first);
        // Two keys per element on average (ele-1, and ext-1 or a resource's dom-n) before growing.
        _entries = ArrayPool<Entry>.Shared.Rent(Math.Max(8, 2 * count));
    }

    /// <summary>Gives the arrays back to the pool; the instance is not used afterwards.</summary>
    public void Release()
    {
        if (_first.Length > 0) ArrayPool<int>.Shared.Return(_first);
        if (_entries.Length > 0) ArrayPool<Entry>.Shared.Return(_entries);
        _first = [];
        _entries = [];
        _count = 0;
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
        if (_count == _entries.Length) Grow();
        _entries[_count] = new Entry { Key = key, Next = _first[slot] };
        _first[slot] = ++_count;
        return true;
    }

    private void Grow()
    {
        var entries = ArrayPool<Entry>.Shared.Rent(Math.Max(8, _entries.Length * 2));
        Array.Copy(_entries, entries, _count);
        if (_entries.Length > 0) ArrayPool<Entry>.Shared.Return(_entries);
        _entries = entries;
    }

    // An element outside the subtree the run was sized for (not expected): cover it too.
    private int Widen(int ordinal)
    {
        var low = Math.Min(_base, ordinal);
        var high = Math.Max(_base + _first.Length, ordinal + 1);
        var first = ArrayPool<int>.Shared.Rent(high - low);
        Array.Clear(first);
        Array.Copy(_first, 0, first, _base - low, _first.Length);
        if (_first.Length > 0) ArrayPool<int>.Shared.Return(_first);
        _first = first;
        _base = low;
        return ordinal - low;
    }
}
