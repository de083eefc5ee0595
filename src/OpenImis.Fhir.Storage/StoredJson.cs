using System.Buffers;

namespace OpenImis.Fhir.Storage;

/// <summary>
/// PostgreSQL gives jsonb back with its own key order (shortest first) and spaces. Clients read FHIR JSON with
/// <c>resourceType</c> first (json.html recommends it), so a read puts it first again and writes it compact.
/// </summary>
internal static class StoredJson
{
    private const string ResourceTypeKey = "\"resourceType\"";

    /// <summary>
    /// One pass over the chars (every read and every search entry comes through here, so no parse): drops the
    /// whitespace outside strings, copies strings as they are (PostgreSQL's escapes are valid JSON ones), and moves
    /// the root object's <c>resourceType</c> member first. Input that is not an object, has no top-level
    /// resourceType or is malformed comes back compacted in its own order; nothing throws.
    /// </summary>
    public static string Normalize(string jsonb)
    {
        var source = jsonb.AsSpan();
        var rented = ArrayPool<char>.Shared.Rent(Math.Max(source.Length, 1));
        try
        {
            var buffer = rented.AsSpan(0, source.Length);
            var written = Compact(source, buffer, out var memberStart, out var memberEnd);
            // The member is first already (right after '{') or was not found: the compact text is the answer.
            if (memberEnd < 0 || buffer[memberStart - 1] != ',')
            {
                return written == source.Length ? jsonb : new string(buffer[..written]);
            }
            return string.Create(written, (rented, memberStart, memberEnd), static (target, state) =>
            {
                var (chars, start, end) = state;
                var compact = chars.AsSpan(0, target.Length);
                // "{" + resourceType member + "," + the members before it (less the comma before it) + the rest,
                // which begins with the comma after it or the closing brace: the same length.
                target[0] = '{';
                var at = 1;
                compact[start..end].CopyTo(target[at..]);
                at += end - start;
                target[at++] = ',';
                compact[1..(start - 1)].CopyTo(target[at..]);
                at += start - 2;
                compact[end..].CopyTo(target[at..]);
            });
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> without whitespace outside strings into <paramref name="target"/> (as long
    /// as the source); gives the number of chars written and where the root's resourceType member lies in them:
    /// from its key's opening quote to the end of its value (-1 when none).
    /// </summary>
    private static int Compact(ReadOnlySpan<char> source, Span<char> target, out int memberStart, out int memberEnd)
    {
        memberStart = -1;
        memberEnd = -1;
        var written = 0;
        var depth = 0;
        var rootIsObject = false;
        var rootClosed = false;
        var inMember = false;
        var previous = '\0'; // the last char written outside strings: '{' or ',' before a string at depth 1 makes it a key
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            switch (c)
            {
                case ' ' or '\t' or '\n' or '\r':
                    i++;
                    continue;
                case '"':
                    var start = i;
                    i = StringEnd(source, i + 1);
                    var text = source[start..i];
                    if (depth == 1 && rootIsObject && !rootClosed && memberStart < 0 && previous is '{' or ','
                        && text.SequenceEqual(ResourceTypeKey))
                    {
                        memberStart = written;
                        inMember = true;
                    }
                    text.CopyTo(target[written..]);
                    written += text.Length;
                    previous = '"';
                    continue;
                case '{' or '[':
                    if (written == 0) rootIsObject = c == '{';
                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    if (depth == 0)
                    {
                        rootClosed = true;
                        if (inMember) (inMember, memberEnd) = (false, written);
                    }
                    break;
                case ',':
                    if (inMember && depth == 1) (inMember, memberEnd) = (false, written);
                    break;
            }
            target[written++] = c;
            previous = c;
            i++;
        }
        return written;
    }

    /// <summary>The index after the closing quote of the string whose content begins at <paramref name="i"/> (the source's end when unterminated).</summary>
    private static int StringEnd(ReadOnlySpan<char> source, int i)
    {
        while (i < source.Length)
        {
            var next = source[i..].IndexOfAny('"', '\\');
            if (next < 0) return source.Length;
            i += next;
            if (source[i] == '"') return i + 1;
            i += 2; // a backslash and the char it escapes (a quote or backslash among them)
        }
        return source.Length;
    }
}
