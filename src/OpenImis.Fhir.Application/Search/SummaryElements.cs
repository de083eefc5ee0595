using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Application.Search;

/// <summary>
/// <c>_summary</c> (search.html#summary) as a list of top-level elements for <see cref="ElementsFilter"/>: true keeps
/// the elements the base definition marks isSummary, text keeps text and the mandatory elements, data all but text.
/// Elements are named as in JSON (a choice by each of its type names: deceasedBoolean, deceasedDateTime).
/// </summary>
public static class SummaryElements
{
    /// <summary>The elements kept, or null for the whole resource (<c>false</c>); null too for an unknown type.</summary>
    public static IReadOnlyList<string>? For(FhirModel model, string resourceType, string summary)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (summary == "false" || model.FindType(resourceType) is not { } type) return null;
        Func<ChildDefinition, bool> keep = summary switch
        {
            "true" => c => c.IsSummary,
            "text" => c => c.Name == "text" || c.Min > 0,
            "data" => c => c.Name != "text",
            _ => throw new ArgumentException($"_summary={summary} is not true, text, data or false", nameof(summary)),
        };
        return type.Children.Where(keep).SelectMany(JsonNames).ToList();
    }

    private static IEnumerable<string> JsonNames(ChildDefinition child) =>
        child.IsChoice ? child.Types.Select(t => child.Name + char.ToUpperInvariant(t.Code[0]) + t.Code[1..]) : [child.Name];
}
