using System.Collections;

namespace OpenImis.Fhir.Engine.FhirPath;

/// <summary>
/// An ordered FHIRPath collection. Items are <see cref="Model.ElementNode"/>s (FHIR data) or System values:
/// <c>bool</c>, <c>long</c> (Integer), <c>decimal</c>, <c>string</c>, <see cref="Values.PartialDateTime"/>
/// (Date, DateTime, Time) and <see cref="Values.Quantity"/>.
/// A value type so that empty and single-item collections, and slices of an element's children, cost no allocation.
/// </summary>
public readonly struct FhirPathCollection : IReadOnlyList<object>
{
    private readonly object? _single;
    private readonly object[]? _array;
    private readonly int _start;
    private readonly int _count;

    public static FhirPathCollection Empty => default;

    public FhirPathCollection(object item)
    {
        _single = item;
        _count = 1;
    }

    /// <summary>A view over part of an array; the array must not be changed afterwards.</summary>
    public FhirPathCollection(object[] array, int start, int count)
    {
        if (count == 1)
        {
            _single = array[start];
        }
        else if (count > 1)
        {
            _array = array;
            _start = start;
        }
        _count = count;
    }

    public FhirPathCollection(object[] array) : this(array, 0, array.Length) { }

    public int Count => _count;

    public bool IsEmpty => _count == 0;

    public object this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            return _array is null ? _single! : _array[_start + index];
        }
    }

    /// <summary>The only item; callers check <see cref="Count"/> first.</summary>
    public object Single => _array is null ? _single! : _array[_start];

    /// <summary>Items <paramref name="start"/> to <paramref name="start"/>+<paramref name="count"/>-1, sharing the storage (no copy).</summary>
    public FhirPathCollection Slice(int start, int count)
    {
        if ((uint)start > (uint)_count || (uint)count > (uint)(_count - start)) throw new ArgumentOutOfRangeException(nameof(count));
        if (count == 0) return Empty;
        if (count == _count) return this;
        return count == 1 ? new FhirPathCollection(this[start]) : new FhirPathCollection(_array!, _start + start, count);
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<object> IEnumerable<object>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Boxed once: declared before True/False because static fields initialise in order.
    internal static readonly object BoxedTrue = true;
    internal static readonly object BoxedFalse = false;

    public static readonly FhirPathCollection True = new(BoxedTrue);
    public static readonly FhirPathCollection False = new(BoxedFalse);

    public static FhirPathCollection FromBoolean(bool value) => value ? True : False;

    public struct Enumerator : IEnumerator<object>
    {
        private readonly FhirPathCollection _collection;
        private int _index;

        internal Enumerator(FhirPathCollection collection)
        {
            _collection = collection;
            _index = -1;
        }

        public readonly object Current => _collection[_index];

        public bool MoveNext() => ++_index < _collection._count;

        public void Reset() => _index = -1;

        public readonly void Dispose() { }
    }
}
