namespace OpenImis.Fhir.Engine.FhirPath;

/// <summary>
/// Concatenates collections with as little copying as possible: the first non-empty collection is adopted as is,
/// an array is allocated only when a second non-empty one arrives.
/// </summary>
internal struct CollectionBuilder
{
    private FhirPathCollection _first;
    private object[]? _items;
    private int _count;

    public readonly int Count => _items is null ? _first.Count : _count;

    public void Add(object item)
    {
        if (_items is null && _first.IsEmpty)
        {
            _first = new FhirPathCollection(item);
            return;
        }
        EnsureArray(1);
        _items![_count++] = item;
    }

    public void AddRange(FhirPathCollection collection)
    {
        if (collection.IsEmpty) return;
        if (_items is null && _first.IsEmpty)
        {
            _first = collection;
            return;
        }
        EnsureArray(collection.Count);
        foreach (var item in collection) _items![_count++] = item;
    }

    private void EnsureArray(int extra)
    {
        if (_items is null)
        {
            var capacity = Math.Max(4, (_first.Count + extra) * 2);
            _items = new object[capacity];
            foreach (var item in _first) _items[_count++] = item;
            return;
        }
        if (_count + extra > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(_items.Length * 2, _count + extra));
        }
    }

    public readonly FhirPathCollection ToCollection() =>
        _items is null ? _first : new FhirPathCollection(_items, 0, _count);
}
