using System.Globalization;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// A position in the change feed: the writing transaction's id (xid8) and the change sequence number. Written
/// <c>txid.seq</c>; <see cref="Start"/> is before every change.
/// </summary>
public readonly record struct ChangeCursor(ulong TransactionId, long ChangeSeq)
{
    public static ChangeCursor Start { get; } = new(0, 0);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TransactionId}.{ChangeSeq}");

    public static bool TryParse(string? text, out ChangeCursor cursor)
    {
        cursor = Start;
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0) return false;
        if (!ulong.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var transaction)
            || !long.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)) return false;
        cursor = new ChangeCursor(transaction, seq);
        return true;
    }
}
