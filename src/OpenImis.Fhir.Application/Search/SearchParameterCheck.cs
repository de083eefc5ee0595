using System.Text.Json;
using System.Text.RegularExpressions;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Search;
using OpenImis.Fhir.Storage.Search;

namespace OpenImis.Fhir.Application.Search;

/// <summary>
/// What a SearchParameter written at run time must satisfy beyond its validation against the R4 definition, before
/// the server indexes and searches with it: a code that search URLs can carry and that no built-in parameter (R4 core,
/// openIMIS IG) or other stored SearchParameter of the same base uses, a parameter type the server implements, an
/// expression that compiles against each base type (paths checked against the R4 model), and composite components
/// that name known parameters. Every problem is an issue with its location (422).
/// Codes are also checked against the SearchParameters written earlier in the same transaction, which the registry
/// does not hold until the commit.
/// </summary>
internal static partial class SearchParameterCheck
{
    private static readonly FhirPathCompileOptions Lenient = new() { LenientAs = true };

    /// <param name="writtenBefore">The (base type, code) pairs of the SearchParameters this transaction wrote before, with their ids; this one's are added when it has no issue.</param>
    public static List<OutcomeIssue> Issues(JsonElement resource, string id, string location, SearchParameterRegistry registry, Dictionary<(string Type, string Code), string> writtenBefore)
    {
        ArgumentNullException.ThrowIfNull(writtenBefore);
        ArgumentNullException.ThrowIfNull(registry);
        var definition = SearchParameterDefinition.FromJson(resource);
        var catalog = registry.Indexer.Catalog;
        var engine = registry.Indexer.Engine;
        var issues = new List<OutcomeIssue>();
        void Error(string message, string where) => issues.Add(new OutcomeIssue("error", "processing", message, $"{location}.{where}"));

        if (!CodePattern().IsMatch(definition.Code))
        {
            Error($"The code '{definition.Code}' cannot be used in a search URL: use letters, digits, '-' and '_', starting with a letter", "code");
        }
        if (definition.Type == SearchParameterType.Special)
        {
            Error("Search parameters of type special have no general definition; this server cannot index them", "type");
        }
        if (definition.Expression is not { Length: > 0 } expression)
        {
            Error("The SearchParameter has no expression: the server indexes by expression only", "expression");
            return issues;
        }
        var types = catalog.ResourceTypesOf(definition).Distinct(StringComparer.Ordinal).ToList();
        foreach (var type in types)
        {
            if (registry.Find(type, definition.Code) is { } existing)
            {
                // Its own former version, or a copy of a built-in parameter (same url: stored, but the built-in one stays in use).
                var own = (registry.RunTime.TryGetValue(id, out var previous) && ReferenceEquals(previous, existing.Definition))
                    || (existing.Definition.Url == definition.Url && registry.IsBuiltIn(definition.Url));
                if (!own)
                {
                    var kind = registry.IsBuiltIn(existing.Definition.Url) ? "the built-in" : "the stored";
                    Error($"The code '{definition.Code}' is already {kind} search parameter {existing.Definition.Url} of {type}", "code");
                }
            }
            if (writtenBefore.TryGetValue((type, definition.Code), out var earlier) && earlier != id)
            {
                Error($"The code '{definition.Code}' is already used for {type} by SearchParameter/{earlier}, written earlier in this transaction", "code");
            }
            var restricted = catalog.ExpressionFor(definition, type);
            if (restricted is null)
            {
                Error($"The expression selects nothing in {type}, a base of the parameter: no branch starts with {type}", "expression");
                continue;
            }
            Compile(engine, restricted, type, "expression", Error);
        }
        for (var i = 0; i < definition.Components.Count; i++)
        {
            var component = definition.Components[i];
            if (catalog.FindByUrl(component.Definition) is not { } target)
            {
                Error($"The component definition '{component.Definition}' is not a search parameter known to this server", $"component[{i}].definition");
            }
            else if (target.Type is SearchParameterType.Composite or SearchParameterType.Special)
            {
                Error($"The component definition '{component.Definition}' is a {target.Type.ToString().ToLowerInvariant()} parameter; a component must have values of its own", $"component[{i}].definition");
            }
            if (component.Expression.Length == 0) Error("The component has no expression", $"component[{i}].expression");
            else Compile(engine, component.Expression, null, $"component[{i}].expression", Error);
        }
        if (definition.Type == SearchParameterType.Composite && definition.Components.Count < 2)
        {
            Error("A composite parameter needs at least two components", "component");
        }
        if (issues.Count == 0)
        {
            foreach (var type in types) writtenBefore[(type, definition.Code)] = id;
        }
        return issues;
    }

    private static void Compile(FhirPathEngine engine, string expression, string? contextType, string where, Action<string, string> error)
    {
        try
        {
            // Strict on the base type: a misspelt path is refused now rather than indexing nothing for ever.
            engine.Compile(expression, contextType is null ? Lenient : new FhirPathCompileOptions { LenientAs = true, Strict = true, ContextType = contextType });
        }
        catch (FhirPathException e)
        {
            error($"The expression '{expression}' does not compile{(contextType is null ? "" : " for " + contextType)}: {e.Message}", where);
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex CodePattern();
}
