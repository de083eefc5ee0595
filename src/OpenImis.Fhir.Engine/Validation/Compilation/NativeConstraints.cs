using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Validation.Compilation;

/// <summary>
/// The constraints every element carries, in C#: ele-1 (elementdefinition.html, "All FHIR elements must have a @value
/// or children") and ext-1 (extensibility.html, "Must have either extensions or value[x], not both"). Used only when
/// the expression text is exactly R4's, so a profile that changes it still gets its own FHIRPath.
/// </summary>
internal static class NativeConstraints
{
    public static Func<ElementNode, bool>? For(string key, string expression) => (key, expression) switch
    {
        ("ele-1", "hasValue() or (children().count() > id.count())") => HasValueOrChildren,
        ("ext-1", "extension.exists() != value.exists()") => ExtensionsOrValue,
        _ => null,
    };

    private static bool HasValueOrChildren(ElementNode node) =>
        node.Value is not null || node.AllChildren().Count > node.Children("id").Count;

    private static bool ExtensionsOrValue(ElementNode node) =>
        !node.Children("extension").IsEmpty != !node.Children("value").IsEmpty;
}
