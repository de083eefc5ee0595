namespace OpenImis.Fhir.LoadDriver.Workload;

/// <summary>
/// Placeholder strings for the unique values of a <see cref="BodyTemplate"/>, exactly as long as the values that replace
/// them. Markers with the same key get the same value in one rendering (a fullUrl and the references to it).
/// Format: '~', 'C' (code) or 'U' (UUID), the key in four digits, '~' up to the length.
/// </summary>
internal sealed class TemplateMarkers
{
    // '~' is escaped by no JSON encoder and occurs in no IG example; the key has four digits.
    public const byte Lead = (byte)'~';
    public const byte CodeKind = (byte)'C';
    public const byte UuidKind = (byte)'U';
    public const int KeyDigits = 4;

    private int _nextKey;

    public int NewKey() => _nextKey++;

    /// <summary>A business code of its own.</summary>
    public string NewCode() => Code(NewKey());

    public string Code(int key) => Marker('C', key, UniqueCodes.CodeLength);

    public string Uuid(int key) => Marker('U', key, UniqueCodes.UuidLength);

    private string Marker(char kind, int key, int length)
    {
        if (key > 9999) throw new InvalidOperationException("A template holds at most 10,000 distinct values.");
        return ("~" + kind + key.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).PadRight(length, '~');
    }
}
