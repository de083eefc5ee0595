using System.Collections.Concurrent;

namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// A small int per constraint key (<c>ele-1</c>, <c>dom-3</c>), the same for every profile that repeats the key: a run
/// remembers which keys it evaluated on an element by these ids (see <see cref="Runtime.EvaluatedConstraints"/>).
/// </summary>
internal static class ConstraintKeys
{
    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static int _last;

    public static int IdOf(string key) => Ids.GetOrAdd(key, static _ => Interlocked.Increment(ref _last));
}
