using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Application.Shaping;

/// <summary>
/// The top-level elements <see cref="ElementsFilter"/> keeps, named as in JSON (a choice element by each of its
/// type names: deceased is deceasedBoolean and deceasedDateTime): those <c>_elements</c> lists, or those a
/// <c>_summary</c> form keeps (search.html#summary): true, the elements the base definition marks isSummary; text,
/// text and the mandatory elements; data, all but text.
/// </summary>
public static class ElementSelection
{
    /// <summary>The elements of <c>_summary</c>, or null for the whole resource (<c>false</c>, or a type the model lacks).</summary>
    public static IReadOnlyList<string>? Summary(FhirModel model, string resourceType, string summary)
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

    /// <summary>
    /// The elements of <c>_elements</c>: each name, a choice element by all its JSON names, and the type's mandatory
    /// elements (min 1 or more), which search.html#elements says servers SHOULD return whether asked for or not: a
    /// Claim without its status or patient would not be a valid Claim.
    /// </summary>
    public static IReadOnlyList<string> Named(FhirModel model, string resourceType, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(names);
        var type = model.FindType(resourceType);
        var mandatory = type?.Children.Where(c => c.Min > 0).SelectMany(JsonNames) ?? [];
        return names.SelectMany(n => type?.FindChild(n) is { IsChoice: true } choice ? JsonNames(choice) : [n]).Concat(mandatory).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> JsonNames(ChildDefinition child) =>
        child.IsChoice ? child.Types.Select(t => child.Name + char.ToUpperInvariant(t.Code[0]) + t.Code[1..]) : [child.Name];
}
