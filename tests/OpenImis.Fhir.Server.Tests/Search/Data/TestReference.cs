using System.Text.Json.Nodes;

namespace OpenImis.Fhir.Server.Tests.Search.Data;

/// <summary>A Reference: a literal (<c>Type/id</c> or an absolute URL), or an identifier only.</summary>
public sealed record TestReference(string? Literal, TestIdentifier? Identifier = null)
{
    public static implicit operator TestReference(string literal) => new(literal);

    /// <summary>The type of a relative literal (<c>Patient/p01</c>), else null.</summary>
    public string? Type => Literal is { } l && !l.Contains("://", StringComparison.Ordinal) ? l.Split('/')[0] : null;

    /// <summary>The id of a relative literal, else null.</summary>
    public string? Id => Literal is { } l && !l.Contains("://", StringComparison.Ordinal) ? l.Split('/')[1] : null;

    public JsonObject ToJson()
    {
        var reference = new JsonObject();
        if (Literal is not null) reference["reference"] = Literal;
        if (Identifier is not null) reference["identifier"] = Identifier.ToJson();
        return reference;
    }
}
