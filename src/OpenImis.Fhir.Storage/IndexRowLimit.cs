using System.Text;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// Which write a refusal for a value too long to index belongs to. PostgreSQL refuses a btree index row over 2704 bytes
/// (a third of an 8 kB page; SQLSTATE 54000), measured after it compresses the values over about 500 bytes: a 100 kB
/// run of one letter fits, 2.7 kB of hex does not. So no length of ours can say in advance what PostgreSQL refuses,
/// and refusing by length would refuse values it stores today (R4's own ValueSets have descriptions over 2.7 kB).
/// What can be said: a write whose indexed text stays under the limit uncompressed is never refused. A batch holds at
/// most one write that may be (<see cref="StoreTransaction"/>), so a refusal names its write, and a transaction Bundle
/// the entry that holds the value, though it is sent later, with other entries' writes.
/// </summary>
internal static class IndexRowLimit
{
    // 2704 (BTMaxItemSize, PostgreSQL 12 and later, 8 kB pages) less the most the rest of a row adds: the tuple
    // header and null bitmap (16), up to 4 varlena headers and their alignment (28), the rid and its alignment (15),
    // the final alignment (7). The short text columns of a row (resource type, parameter code) count as text.
    private const int MaxTextBytes = 2704 - 66;

    /// <summary>What in the write holds text that may make an index row too long (for a message), or null: none can be.</summary>
    public static string? Oversized(ResourceWrite write)
    {
        var type = write.ResourceType;
        foreach (var row in write.Search)
        {
            var over = row.Value switch
            {
                // The text columns of each table's btree indexes (migrations 0002, 0008), their widest index at most.
                StringSearchValue s => MayExceed(type, row.Code, s.Normalized),
                TokenSearchValue t => MayExceed(type, row.Code, t.Code, t.System),
                ReferenceSearchValue r => MayExceed(type, row.Code, r.TargetType, r.TargetId, r.Url),
                UriSearchValue u => MayExceed(type, row.Code, u.Value),
                _ => false, // dates, numbers, quantities (system and unit unindexed), composites: no long text indexed
            };
            if (over) return $"The value of the search parameter '{ParameterCode(row.Code)}'";
        }
        foreach (var identifier in write.Identifiers)
        {
            if (MayExceed(type, identifier.Value, identifier.System, identifier.TypeCode)) return "An identifier";
        }
        foreach (var reference in write.References)
        {
            if (MayExceed(reference.TargetType, reference.TargetId)) return $"The reference at {reference.Path}";
        }
        return null;
    }

    // A composite's component rows are stored under code$i.
    private static string ParameterCode(string code) => code.IndexOf('$', StringComparison.Ordinal) is > 0 and var dollar ? code[..dollar] : code;

    private static bool MayExceed(string? a, string? b, string? c = null, string? d = null, string? e = null)
    {
        // UTF-8 takes 1 to 3 bytes per UTF-16 char: counted only when the char count cannot tell, which is rare.
        var chars = Length(a) + Length(b) + Length(c) + Length(d) + Length(e);
        if (chars * 3 <= MaxTextBytes) return false;
        if (chars > MaxTextBytes) return true;
        return Bytes(a) + Bytes(b) + Bytes(c) + Bytes(d) + Bytes(e) > MaxTextBytes;
    }

    private static int Length(string? text) => text?.Length ?? 0;

    private static int Bytes(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);
}
