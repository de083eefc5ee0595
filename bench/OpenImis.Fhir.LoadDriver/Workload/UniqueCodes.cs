namespace OpenImis.Fhir.LoadDriver.Workload;

/// <summary>
/// Hands out openIMIS business codes and UUIDs that no other request uses: the server refuses a second resource of a
/// type with the same code (409). A random run tag keeps runs against the same database apart.
/// Thread-safe: one atomic counter.
/// </summary>
internal sealed class UniqueCodes
{
    /// <summary>openimis-patient insureeCodeMustBeUnder13Chars: an insuree code has at most 12 characters.</summary>
    public const int CodeLength = 12;

    public const int UuidLength = 36;

    private const string Base36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int TagLength = 4;

    private readonly int _tag;
    private long _next;

    public UniqueCodes(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _tag = random.Next(36 * 36 * 36 * 36);
    }

    /// <summary>Reserves <paramref name="count"/> consecutive numbers and returns the first.</summary>
    public long Reserve(int count) => Interlocked.Add(ref _next, count) - count;

    /// <summary>Run tag (4 base-36 characters) and the number in 8 base-36 characters: 2.8e12 codes per run.</summary>
    public void WriteCode(Span<byte> into, long number)
    {
        WriteBase36(into[..TagLength], _tag);
        WriteBase36(into.Slice(TagLength, CodeLength - TagLength), number);
    }

    /// <summary>A version-4-shaped UUID: the run tag, then the number; lower case, as FHIR's uuid type requires.</summary>
    public void WriteUuid(Span<byte> into, long number)
    {
        // xxxxxxxx-0000-4000-8000-nnnnnnnnnnnn
        WriteHex(into[..8], _tag);
        "-0000-4000-8000-"u8.CopyTo(into[8..]);
        WriteHex(into[24..UuidLength], number);
    }

    private static void WriteBase36(Span<byte> into, long value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)Base36[(int)(value % 36)];
            value /= 36;
        }
        if (value != 0) throw new InvalidOperationException("Unique code space exhausted.");
    }

    private static void WriteHex(Span<byte> into, long value)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (byte)"0123456789abcdef"[(int)(value & 0xF)];
            value >>= 4;
        }
    }
}
