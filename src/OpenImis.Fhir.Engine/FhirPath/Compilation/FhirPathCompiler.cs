using OpenImis.Fhir.Engine.FhirPath.Ast;
using OpenImis.Fhir.Engine.FhirPath.Functions;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

/// <summary>
/// Turns a parsed expression into a tree of delegates, once. Everything that can be decided from the text
/// (function lookup, arity, types named in <c>is</c>/<c>as</c>/<c>ofType</c>, constants) is decided here, so
/// evaluation does no lookups by name beyond child navigation.
/// </summary>
/// <param name="lenientAs">
/// <c>as</c> on several items filters them like <c>ofType</c> instead of failing: R4 search parameters apply it to
/// repeating elements (<c>ActivityDefinition.useContext.value as CodeableConcept</c>), as HAPI and fhirpath.js allow.
/// </param>
internal sealed partial class FhirPathCompiler(FhirModel model, bool lenientAs = false)
{
    private static readonly Evaluator Identity = static (focus, _) => focus;

    public Evaluator Compile(Node node) => node switch
    {
        EmptyLiteral => static (_, _) => FhirPathCollection.Empty,
        BooleanLiteral b => Constant(b.Value ? FhirPathCollection.BoxedTrue : FhirPathCollection.BoxedFalse),
        StringLiteral s => Constant(s.Value),
        IntegerLiteral i => Constant(i.Value),
        DecimalLiteral d => Constant(d.Value),
        DateTimeLiteral dt => Constant(dt.Value),
        QuantityLiteral q => Constant(q.Value),
        MemberAccess m => CompileMemberAccess(m),
        FunctionCall f => CompileFunctionCall(f),
        Indexer ix => CompileIndexer(ix),
        SpecialVariable v => CompileSpecialVariable(v),
        EnvironmentVariable e => CompileEnvironmentVariable(e),
        UnaryOperation u => CompileUnary(u),
        BinaryOperation b => CompileBinary(b),
        TypeOperation t => CompileTypeOperation(t),
        _ => throw new FhirPathCompileException($"Unsupported expression node {node.GetType().Name}.", node.Position),
    };

    private static Evaluator Constant(object value)
    {
        var collection = new FhirPathCollection(value);
        return (_, _) => collection;
    }

    private Evaluator CompileFocus(Node? focus) => focus is null ? Identity : Compile(focus);

    private Evaluator CompileMemberAccess(MemberAccess node)
    {
        var name = node.Name;
        // A leading capitalised name that the model knows is a type: `Patient.name` filters the input by type
        // (spec 4.1 "the type name may be used as the first segment") unless the input has a child of that name.
        if (node.Focus is null && name.Length > 0 && char.IsUpper(name[0]) && model.FindType(name) is { } type)
        {
            return (focus, _) => ChildrenOrTypeFilter(focus, name, type);
        }
        if (node.Focus is null)
        {
            return (focus, _) => Navigation.Children(focus, name);
        }
        var focusEvaluator = Compile(node.Focus);
        return (focus, context) => Navigation.Children(focusEvaluator(focus, context), name);
    }

    // The type test comes first: it is the usual meaning, and FHIR element names are never capitalised type names.
    private static FhirPathCollection ChildrenOrTypeFilter(FhirPathCollection focus, string name, TypeDefinition type)
    {
        if (focus.Count == 1 && focus.Single is ElementNode single)
        {
            return IsOfType(single, name, type) ? focus : single.Children(name);
        }
        var builder = new CollectionBuilder();
        foreach (var item in focus)
        {
            if (item is not ElementNode node) continue;
            if (IsOfType(node, name, type)) builder.Add(node);
            else builder.AddRange(node.Children(name));
        }
        return builder.ToCollection();
    }

    private static bool IsOfType(ElementNode node, string name, TypeDefinition type) =>
        ReferenceEquals(node.Type, type) || (node.Type is not null ? node.Type.IsA(type) : node.TypeName == name);

    private Evaluator CompileIndexer(Indexer node)
    {
        var focusEvaluator = Compile(node.Focus);
        var indexEvaluator = Compile(node.Index);
        var position = node.Position;
        return (focus, context) =>
        {
            var input = focusEvaluator(focus, context);
            var index = Items.SingletonInteger(indexEvaluator(context.This, context), position, "The indexer");
            if (index is not { } i || i < 0 || i >= input.Count) return FhirPathCollection.Empty;
            return new FhirPathCollection(input[(int)i]);
        };
    }

    private static Evaluator CompileSpecialVariable(SpecialVariable node) => node.Kind switch
    {
        SpecialVariableKind.This => static (_, context) => context.This,
        SpecialVariableKind.Index => static (_, context) => context.Index < 0 ? FhirPathCollection.Empty : new FhirPathCollection((long)context.Index),
        _ => static (_, context) => context.Total,
    };

    private Evaluator CompileEnvironmentVariable(EnvironmentVariable node)
    {
        var name = node.Name;
        switch (name)
        {
            case "context": return static (_, context) => context.Context;
            case "resource": return static (_, context) => context.Resource is { } r ? new FhirPathCollection(r) : FhirPathCollection.Empty;
            case "rootResource": return static (_, context) => context.RootResource is { } r ? new FhirPathCollection(r) : FhirPathCollection.Empty;
            case "ucum": return Constant("http://unitsofmeasure.org");
            case "sct": return Constant("http://snomed.info/sct");
            case "loinc": return Constant("http://loinc.org");
        }
        // FHIR R4 fhirpath.html#variables: %vs-[name] and %ext-[name] name HL7 value sets and extensions.
        if (name.StartsWith("vs-", StringComparison.Ordinal)) return Constant("http://hl7.org/fhir/ValueSet/" + name[3..]);
        if (name.StartsWith("ext-", StringComparison.Ordinal)) return Constant("http://hl7.org/fhir/StructureDefinition/" + name[4..]);
        var position = node.Position;
        return (_, context) => context.Environment.Variables.TryGetValue(name, out var value)
            ? value
            : throw new FhirPathEvaluationException($"Unknown variable %{name}.", position);
    }

    private Evaluator CompileUnary(UnaryOperation node)
    {
        var operand = Compile(node.Operand);
        if (node.Operator == UnaryOperator.Plus) return operand;
        var position = node.Position;
        return (focus, context) =>
        {
            var item = Items.Singleton(operand(focus, context), position, "Unary minus");
            return item is null ? FhirPathCollection.Empty : Wrap(Arithmetic.Negate(item, position));
        };
    }

    private Evaluator CompileTypeOperation(TypeOperation node)
    {
        var operand = Compile(node.Operand);
        var type = ResolveType(node.Type);
        var position = node.Position;
        if (node.Operator == TypeOperator.Is)
        {
            return (focus, context) =>
            {
                var item = Items.Singleton(operand(focus, context), position, "'is'");
                return item is null ? FhirPathCollection.Empty : FhirPathCollection.FromBoolean(TypeTests.Is(item, type));
            };
        }
        // 'as' takes a single item (spec 6.3.2; several items are an error, R4 suite testFHIRPathAsFunction21).
        if (lenientAs) return (focus, context) => TypeTests.OfType(operand(focus, context), type);
        return (focus, context) => TypeTests.As(operand(focus, context), type, position);
    }

    internal static FhirPathCollection Wrap(object? value) => value is null ? FhirPathCollection.Empty : new FhirPathCollection(value);

    /// <summary>Resolves a type name as written (spec 6.3 / 10.2): FHIR model types first, then System types.</summary>
    internal ResolvedType ResolveType(TypeSpecifier specifier)
    {
        var ns = specifier.Namespace;
        var name = specifier.Name;
        if (ns is null or ResolvedType.FhirNamespace && model.FindType(name) is { } definition)
        {
            return new ResolvedType(ResolvedType.FhirNamespace, name, definition);
        }
        if (ns is null or ResolvedType.SystemNamespace && SystemTypes.Contains(name))
        {
            return new ResolvedType(ResolvedType.SystemNamespace, name, null);
        }
        if (ns == ResolvedType.SystemNamespace)
        {
            // A name in the System namespace that is not a System type: nothing is of that type (R4 suite testType22).
            return new ResolvedType(ResolvedType.SystemNamespace, name, null);
        }
        if (ns == ResolvedType.FhirNamespace && model.FindType("Resource") is null)
        {
            return new ResolvedType(ResolvedType.FhirNamespace, name, null); // no model loaded: match by type name
        }
        // An unknown type is an error even outside strict mode (R4 suite testFHIRPathAsFunction23: as(string1)).
        throw new FhirPathCompileException($"Unknown type '{specifier}'.", specifier.Position);
    }

    private static readonly HashSet<string> SystemTypes = new(StringComparer.Ordinal)
    {
        "Any", "Boolean", "Integer", "Long", "Decimal", "String", "Date", "DateTime", "Time", "Quantity",
    };
}
