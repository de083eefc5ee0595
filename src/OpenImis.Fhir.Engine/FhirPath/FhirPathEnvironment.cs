using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath;

/// <summary>
/// What an evaluation may use beyond its input: variables (<c>%name</c>) and the hooks that other engine parts fill
/// (terminology for <c>memberOf()</c>, profiles for <c>conformsTo()</c>, reference resolution outside the resource).
/// Built once and shared; it must not change while evaluations run.
/// </summary>
public sealed class FhirPathEnvironment
{
    public static FhirPathEnvironment Default { get; } = new();

    /// <summary>Extra variables by name without <c>%</c>.</summary>
    public IReadOnlyDictionary<string, FhirPathCollection> Variables { get; init; } = new Dictionary<string, FhirPathCollection>(StringComparer.Ordinal);

    /// <summary>Resolves a reference (<c>Patient/123</c>, an absolute URL) that is neither contained nor in the enclosing Bundle; null: unresolved.</summary>
    public Func<string, ElementNode?>? ResolveReference { get; init; }

    /// <summary>
    /// Resolves a logical reference, one with <c>type</c> and <c>identifier</c> but no <c>reference</c>, by its type
    /// name; null: such references stay unresolved (the FHIRPath default).
    /// </summary>
    public Func<string, ElementNode?>? ResolveLogicalReference { get; init; }

    /// <summary><c>memberOf(valueSetUrl)</c> for a code, Coding or CodeableConcept; null answer: unknown (empty).</summary>
    public Func<ElementNode, string, bool?>? MemberOf { get; init; }

    /// <summary><c>conformsTo(profileUrl)</c> for a resource or element; null answer: unknown (empty).</summary>
    public Func<ElementNode, string, bool?>? ConformsTo { get; init; }

    /// <summary>The clock for <c>now()</c>, <c>today()</c> and <c>timeOfDay()</c>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Receives <c>trace(name)</c> output; null: tracing is ignored.</summary>
    public Action<string, FhirPathCollection>? Trace { get; init; }
}
