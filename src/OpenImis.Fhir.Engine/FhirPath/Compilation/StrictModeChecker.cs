using OpenImis.Fhir.Engine.FhirPath.Ast;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

/// <summary>
/// Strict mode: follows the static types of an expression through the FHIR model and rejects paths the model does
/// not have (<c>Patient.name.given1</c>, <c>Observation.valueQuantity</c>, <c>Encounter.name</c> on a Patient).
/// Where a type cannot be known statically (functions returning System values, resolve(), ...) checking stops
/// for that branch rather than guessing.
/// </summary>
internal sealed class StrictModeChecker(FhirModel model, string? contextType)
{
    // Functions whose result has the types of their input.
    private static readonly HashSet<string> Preserving = new(StringComparer.Ordinal)
    {
        "where", "first", "last", "single", "tail", "skip", "take", "distinct", "trace", "intersect", "exclude",
        "union", "combine", "repeat",
    };

    // Functions whose first argument is evaluated per input item ($this is an input item).
    private static readonly HashSet<string> Lambdas = new(StringComparer.Ordinal)
    {
        "where", "select", "exists", "all", "repeat", "aggregate", "sort",
    };

    // Functions that depend on the order of their input, which children() and descendants() do not define (spec 5.8).
    private static readonly HashSet<string> OrderDependent = new(StringComparer.Ordinal)
    {
        "first", "last", "tail", "skip", "take",
    };

    public void Check(Node expression)
    {
        var context = contextType is null ? null : model.FindType(contextType);
        if (context is null) return; // nothing to check against
        Infer(expression, [context], [context]);
    }

    /// <summary>The possible types of <paramref name="node"/>; null when unknown.</summary>
    private TypeDefinition[]? Infer(Node node, TypeDefinition[]? focus, TypeDefinition[]? thisTypes)
    {
        switch (node)
        {
            case MemberAccess m:
                var input = m.Focus is null ? focus : Infer(m.Focus, focus, thisTypes);
                return Member(m, input, isFirst: m.Focus is null);
            case FunctionCall f:
                if (OrderDependent.Contains(f.Name) && IsUnordered(f.Focus))
                {
                    throw new FhirPathCompileException($"{f.Name}() depends on order, but its input comes from an unordered function.", f.Position);
                }
                var functionInput = f.Focus is null ? focus : Infer(f.Focus, focus, thisTypes);
                var lambda = Lambdas.Contains(f.Name);
                TypeDefinition[]? selected = null;
                foreach (var argument in f.Arguments)
                {
                    if (f.Name is "ofType" or "as" or "is") break;
                    var argumentTypes = lambda ? functionInput : thisTypes;
                    selected = Infer(argument, argumentTypes, argumentTypes);
                }
                if (f.Name is "ofType" or "as" && f.Arguments.Count == 1) return NamedType(f.Arguments[0]);
                if (f.Name == "select") return selected;
                return Preserving.Contains(f.Name) ? functionInput : null;
            case Indexer ix:
                if (IsUnordered(ix.Focus))
                {
                    throw new FhirPathCompileException("An indexer depends on order, but its input comes from an unordered function.", ix.Position);
                }
                Infer(ix.Index, thisTypes, thisTypes);
                return Infer(ix.Focus, focus, thisTypes);
            case TypeOperation t:
                Infer(t.Operand, focus, thisTypes);
                return t.Operator == TypeOperator.As && model.FindType(t.Type.Name) is { } asType ? [asType] : null;
            case BinaryOperation b:
                var left = Infer(b.Left, focus, thisTypes);
                var right = Infer(b.Right, focus, thisTypes);
                return b.Operator == BinaryOperator.Union && left is not null && right is not null ? [.. left, .. right] : null;
            case UnaryOperation u:
                Infer(u.Operand, focus, thisTypes);
                return null;
            case SpecialVariable { Kind: SpecialVariableKind.This }:
                return thisTypes;
            default:
                return null;
        }
    }

    private static bool IsUnordered(Node? node) => node is FunctionCall { Name: "children" or "descendants" };

    private TypeDefinition[]? NamedType(Node argument) => argument switch
    {
        MemberAccess { Focus: null } m when model.FindType(m.Name) is { } t => [t],
        MemberAccess { Focus: MemberAccess { Focus: null, Name: "FHIR" } } m when model.FindType(m.Name) is { } t => [t],
        _ => null,
    };

    private TypeDefinition[]? Member(MemberAccess node, TypeDefinition[]? input, bool isFirst)
    {
        if (input is null) return null;
        var result = new List<TypeDefinition>();
        foreach (var type in input)
        {
            if (type.FindChild(node.Name) is { } child)
            {
                foreach (var t in child.Types) result.Add(t.Type);
            }
        }
        if (result.Count > 0) return [.. result];

        // `Patient.` at the start names the type of the context (spec 4.1).
        if (isFirst && char.IsUpper(node.Name[0]) && model.FindType(node.Name) is { } named)
        {
            foreach (var type in input)
            {
                if (type.IsA(named) || named.IsA(type)) return [named];
            }
            throw new FhirPathCompileException(
                $"The expression starts with type '{node.Name}' but is evaluated on {Describe(input)}.", node.Position);
        }
        throw new FhirPathCompileException($"'{node.Name}' is not an element of {Describe(input)}.", node.Position);
    }

    private static string Describe(TypeDefinition[] types) =>
        types.Length == 1 ? types[0].Name : "any of " + string.Join(", ", types.Select(t => t.Name).Distinct());
}
