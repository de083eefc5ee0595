using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using OpenImis.Fhir.Engine.FhirPath.Compilation;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>
/// FHIRPath 5.6 string functions (and the 2.1 additions lastIndexOf, matchesFull, trim, split, join).
/// Input: a single string (several items or a non-string is an error); empty input or an empty argument gives empty.
/// </summary>
internal static class StringFunctions
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<(string Pattern, bool Full), Regex> RegexCache = new();

    public static FunctionDefinition[] All { get; } =
    [
        Define("indexOf", 1, 1, static (focus, arguments, context) => Search(focus, arguments, context, static (s, sub) => s.IndexOf(sub, StringComparison.Ordinal))),
        Define("lastIndexOf", 1, 1, static (focus, arguments, context) => Search(focus, arguments, context, static (s, sub) => s.LastIndexOf(sub, StringComparison.Ordinal))),
        Define("substring", 1, 2, Substring),
        Define("startsWith", 1, 1, static (focus, arguments, context) => Test(focus, arguments, context, static (s, p) => s.StartsWith(p, StringComparison.Ordinal))),
        Define("endsWith", 1, 1, static (focus, arguments, context) => Test(focus, arguments, context, static (s, p) => s.EndsWith(p, StringComparison.Ordinal))),
        Define("contains", 1, 1, static (focus, arguments, context) => Test(focus, arguments, context, static (s, p) => s.Contains(p, StringComparison.Ordinal))),
        Define("matches", 1, 1, static (focus, arguments, context) => Test(focus, arguments, context, static (s, p) => IsMatch(s, p, full: false))),
        Define("matchesFull", 1, 1, static (focus, arguments, context) => Test(focus, arguments, context, static (s, p) => IsMatch(s, p, full: true))),
        Define("upper", 0, 0, static (focus, arguments, _) => Map(focus, arguments, static s => s.ToUpperInvariant())),
        Define("lower", 0, 0, static (focus, arguments, _) => Map(focus, arguments, static s => s.ToLowerInvariant())),
        Define("trim", 0, 0, static (focus, arguments, _) => Map(focus, arguments, static s => s.Trim())),
        Define("replace", 2, 2, Replace),
        Define("replaceMatches", 2, 2, ReplaceMatches),
        Define("length", 0, 0, static (focus, arguments, _) => InputString(focus, arguments) is { } s ? Integer(s.Length) : FhirPathCollection.Empty),
        Define("toChars", 0, 0, ToChars),
        Define("split", 1, 1, Split),
        Define("join", 0, 1, Join),
        .. EncodingFunctions.All,
    ];

    private static FhirPathCollection Map(FhirPathCollection focus, FunctionArguments arguments, Func<string, string> map)
    {
        var input = InputString(focus, arguments);
        if (input is null) return FhirPathCollection.Empty;
        var result = map(input);
        // Unchanged text: return the input item itself (no allocation).
        return ReferenceEquals(result, input) && focus.Single is string ? focus : new FhirPathCollection(result);
    }

    private static FhirPathCollection Search(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context, Func<string, string, int> search)
    {
        var input = InputString(focus, arguments);
        if (input is null) return FhirPathCollection.Empty;
        var argument = StringArgument(arguments, 0, context);
        return argument is null ? FhirPathCollection.Empty : Integer(search(input, argument));
    }

    private static FhirPathCollection Test(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context, Func<string, string, bool> test)
    {
        var input = InputString(focus, arguments);
        if (input is null) return FhirPathCollection.Empty;
        var argument = StringArgument(arguments, 0, context);
        return argument is null ? FhirPathCollection.Empty : FhirPathCollection.FromBoolean(test(input, argument));
    }

    // substring(start [, length]): start outside the string gives empty; an empty length means "to the end".
    private static FhirPathCollection Substring(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var input = InputString(focus, arguments);
        if (input is null) return FhirPathCollection.Empty;
        var start = IntegerArgument(arguments, 0, context);
        if (start is null || start < 0 || start >= input.Length) return FhirPathCollection.Empty;
        var length = IntegerArgument(arguments, 1, context);
        var available = input.Length - (int)start.Value;
        var take = length is null ? available : (int)Math.Clamp(length.Value, 0, available);
        return take == 0 ? FhirPathCollection.Empty : new FhirPathCollection(input.Substring((int)start.Value, take));
    }

    // replace(pattern, substitution): plain text; an empty pattern inserts the substitution around every character.
    private static FhirPathCollection Replace(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var input = InputString(focus, arguments);
        if (input is null) return FhirPathCollection.Empty;
        var pattern = StringArgument(arguments, 0, context);
        var substitution = StringArgument(arguments, 1, context);
        if (pattern is null || substitution is null) return FhirPathCollection.Empty;
        if (pattern.Length > 0) return new FhirPathCollection(input.Replace(pattern, substitution, StringComparison.Ordinal));
        var builder = new StringBuilder(input.Length + (input.Length + 1) * substitution.Length);
        builder.Append(substitution);
        foreach (var c in input) builder.Append(c).Append(substitution);
        return new FhirPathCollection(builder.ToString());
    }

    // replaceMatches(regex, substitution): $1... refer to groups; an empty regex leaves the input unchanged (suite).
    private static FhirPathCollection ReplaceMatches(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var input = InputString(focus, arguments);
        if (input is null) return FhirPathCollection.Empty;
        var pattern = StringArgument(arguments, 0, context);
        var substitution = StringArgument(arguments, 1, context);
        if (pattern is null || substitution is null) return FhirPathCollection.Empty;
        if (pattern.Length == 0) return new FhirPathCollection(input);
        try
        {
            return new FhirPathCollection(GetRegex(pattern, full: false).Replace(input, substitution));
        }
        catch (RegexMatchTimeoutException)
        {
            throw new FhirPathEvaluationException($"The regular expression '{pattern}' took too long.", arguments.Position);
        }
    }

    private static FhirPathCollection ToChars(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var input = InputString(focus, arguments);
        if (string.IsNullOrEmpty(input)) return FhirPathCollection.Empty;
        var chars = new object[input.Length];
        for (var i = 0; i < input.Length; i++) chars[i] = input[i].ToString();
        return new FhirPathCollection(chars);
    }

    // split(separator) (2.1): empty parts are kept, so split and join round-trip.
    private static FhirPathCollection Split(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        var input = InputString(focus, arguments);
        if (input is null) return FhirPathCollection.Empty;
        var separator = StringArgument(arguments, 0, context);
        if (separator is null) return FhirPathCollection.Empty;
        if (separator.Length == 0) return ToChars(focus, arguments, context);
        var parts = input.Split(separator, StringSplitOptions.None);
        if (parts.Length == 1) return new FhirPathCollection(parts[0]);
        var items = new object[parts.Length];
        Array.Copy(parts, items, parts.Length);
        return new FhirPathCollection(items);
    }

    // join([separator]) (2.1): the input strings joined; an empty input gives empty.
    private static FhirPathCollection Join(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context)
    {
        if (focus.IsEmpty) return FhirPathCollection.Empty;
        var separator = StringArgument(arguments, 0, context) ?? string.Empty;
        var builder = new StringBuilder();
        for (var i = 0; i < focus.Count; i++)
        {
            if (Operators.Items.Unwrap(focus[i]) is not string part)
            {
                throw arguments.Error($"expects string items but got {Operators.TypeNames.DisplayTypeOf(focus[i])}.");
            }
            if (i > 0) builder.Append(separator);
            builder.Append(part);
        }
        return new FhirPathCollection(builder.ToString());
    }

    private static bool IsMatch(string input, string pattern, bool full)
    {
        try
        {
            return GetRegex(pattern, full).IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new FhirPathEvaluationException($"The regular expression '{pattern}' took too long.");
        }
    }

    // Patterns usually come from expression text (few); computed ones could be many, so the cache stops growing.
    private const int RegexCacheLimit = 1000;

    // matches() is a partial match (R4), matchesFull() must match the whole string (2.1); '.' matches newlines (single-line mode).
    private static Regex GetRegex(string pattern, bool full) =>
        RegexCache.TryGetValue((pattern, full), out var cached) ? cached
        : RegexCache.Count < RegexCacheLimit ? RegexCache.GetOrAdd((pattern, full), CreateRegex)
        : CreateRegex((pattern, full));

    private static Regex CreateRegex((string Pattern, bool Full) key)
    {
        try
        {
            var text = key.Full ? @"\A(?:" + key.Pattern + @")\z" : key.Pattern;
            return new Regex(text, RegexOptions.CultureInvariant | RegexOptions.Singleline, RegexTimeout);
        }
        catch (ArgumentException e)
        {
            throw new FhirPathEvaluationException($"Invalid regular expression '{key.Pattern}': {e.Message}");
        }
    }
}
