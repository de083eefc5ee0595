using System.Text.Json;

namespace OpenImis.Fhir.Engine.Terminology;

/// <summary>
/// One concept of a held CodeSystem, with its place in the hierarchy. Parents and children come from nesting
/// (CodeSystem.concept.concept) and from the <c>parent</c>/<c>subsumedBy</c>/<c>child</c> properties
/// (http://hl7.org/fhir/R4/codesystem.html#hierarchy). Reference equality: one instance per code.
/// </summary>
internal sealed class CodeSystemConcept(string code, string? display, JsonElement source)
{
    public string Code { get; } = code;

    public string? Display { get; } = display;

    /// <summary>The CodeSystem.concept element, read by property filters.</summary>
    public JsonElement Source { get; } = source;

    public List<CodeSystemConcept>? Parents { get; private set; }

    public List<CodeSystemConcept>? Children { get; private set; }

    public void LinkChild(CodeSystemConcept child)
    {
        if (ReferenceEquals(child, this)) return;
        Children ??= [];
        if (!Children.Contains(child)) Children.Add(child);
        child.Parents ??= [];
        if (!child.Parents.Contains(this)) child.Parents.Add(this);
    }

    public override string ToString() => Code;
}
