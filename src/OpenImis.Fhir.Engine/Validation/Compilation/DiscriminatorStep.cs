namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>One step of a discriminator path (profiling.html#discriminator): a name, <c>$this</c>, <c>ofType(T)</c>,
/// <c>extension('url')</c> or <c>resolve()</c>. <see cref="Value"/> is the name (without <c>[x]</c>), type or url.</summary>
internal sealed record DiscriminatorStep(DiscriminatorStepKind Kind, string Value)
{
    public static DiscriminatorStep[] Parse(string path)
    {
        var steps = new List<DiscriminatorStep>();
        foreach (var segment in Split(path))
        {
            if (segment == "$this") steps.Add(new(DiscriminatorStepKind.This, segment));
            else if (segment == "resolve()") steps.Add(new(DiscriminatorStepKind.Resolve, segment));
            else if (segment.StartsWith("ofType(", StringComparison.Ordinal)) steps.Add(new(DiscriminatorStepKind.OfType, segment[7..^1]));
            else if (segment.StartsWith("extension(", StringComparison.Ordinal)) steps.Add(new(DiscriminatorStepKind.Extension, segment[10..^1].Trim('\'', '"')));
            else steps.Add(new(DiscriminatorStepKind.Name, segment.EndsWith("[x]", StringComparison.Ordinal) ? segment[..^3] : segment));
        }
        return [.. steps];
    }

    // Splits on dots outside parentheses and quotes: extension('http://a.b/c').value → [extension('http://a.b/c'), value].
    internal static List<string> Split(string path)
    {
        var segments = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '\'') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
            else if (!quoted && depth == 0 && c == '.')
            {
                segments.Add(path[start..i]);
                start = i + 1;
            }
        }
        segments.Add(path[start..]);
        return segments;
    }
}

internal enum DiscriminatorStepKind { Name, This, OfType, Extension, Resolve }
