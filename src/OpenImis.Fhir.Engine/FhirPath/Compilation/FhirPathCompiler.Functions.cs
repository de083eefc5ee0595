using OpenImis.Fhir.Engine.FhirPath.Ast;
using OpenImis.Fhir.Engine.FhirPath.Functions;
using OpenImis.Fhir.Engine.FhirPath.Operators;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

internal sealed partial class FhirPathCompiler
{
    private Evaluator CompileFunctionCall(FunctionCall node)
    {
        var focusEvaluator = CompileFocus(node.Focus);
        switch (node.Name)
        {
            case "is" or "as" or "ofType":
                return CompileTypeFunction(node, focusEvaluator);
            case "type":
                RequireArity(node, 0, 0);
                return (focus, context) => TypeOf(focusEvaluator(focus, context));
        }
        if (!FunctionRegistry.TryGet(node.Name, out var definition))
        {
            throw new FhirPathCompileException($"Unknown function '{node.Name}'.", node.Position);
        }
        RequireArity(node, definition.MinArity, definition.MaxArity);
        var arguments = new Evaluator[node.Arguments.Count];
        var types = new ResolvedType?[node.Arguments.Count];
        // sort(-key) means descending, also for keys that cannot be negated (strings): compile the key without the minus.
        var descending = node.Name == "sort" ? new bool[arguments.Length] : null;
        for (var i = 0; i < arguments.Length; i++)
        {
            if (descending is not null && node.Arguments[i] is UnaryOperation { Operator: UnaryOperator.Minus } minus)
            {
                descending[i] = true;
                arguments[i] = Compile(minus.Operand);
            }
            else if (i == definition.TypeArgument)
            {
                types[i] = ResolveType(ToTypeSpecifier(node.Arguments[i]));
                arguments[i] = static (_, _) => FhirPathCollection.Empty;
            }
            else
            {
                arguments[i] = Compile(node.Arguments[i]);
            }
        }
        var compiledArguments = new FunctionArguments(arguments, types, node.Position, node.Name, descending);
        var body = definition.Body;
        if (node.Focus is null) return (focus, context) => body(focus, compiledArguments, context);
        return (focus, context) => body(focusEvaluator(focus, context), compiledArguments, context);
    }

    private Evaluator CompileTypeFunction(FunctionCall node, Evaluator focusEvaluator)
    {
        RequireArity(node, 1, 1);
        var type = ResolveType(ToTypeSpecifier(node.Arguments[0]));
        var position = node.Position;
        if (node.Name == "is")
        {
            return (focus, context) =>
            {
                var item = Items.Singleton(focusEvaluator(focus, context), position, "is()");
                return item is null ? FhirPathCollection.Empty : FhirPathCollection.FromBoolean(TypeTests.Is(item, type));
            };
        }
        if (node.Name == "as" && !lenientAs) return (focus, context) => TypeTests.As(focusEvaluator(focus, context), type, position);
        return (focus, context) => TypeTests.OfType(focusEvaluator(focus, context), type);
    }

    private static void RequireArity(FunctionCall node, int min, int max)
    {
        var count = node.Arguments.Count;
        if (count < min || count > max)
        {
            var expected = min == max ? $"{min}" : $"{min} to {max}";
            throw new FhirPathCompileException(
                $"Function '{node.Name}' takes {expected} argument(s) but was given {count}.", node.Position);
        }
    }

    /// <summary>A type argument is written as a path (<c>FHIR.Quantity</c>, <c>Quantity</c>, <c>`Patient`</c>).</summary>
    private static TypeSpecifier ToTypeSpecifier(Node argument) => argument switch
    {
        MemberAccess { Focus: null } m => new TypeSpecifier(m.Position, null, m.Name),
        MemberAccess { Focus: MemberAccess { Focus: null } ns } m => new TypeSpecifier(m.Position, ns.Name, m.Name),
        _ => throw new FhirPathCompileException("Expected a type name.", argument.Position),
    };

    // type() (FHIRPath 2.0 section 11 reflection): a SimpleTypeInfo/ClassInfo with namespace and name.
    private static FhirPathCollection TypeOf(FhirPathCollection input)
    {
        var builder = new CollectionBuilder();
        foreach (var item in input)
        {
            string ns, name;
            if (item is ElementNode node)
            {
                ns = ResolvedType.FhirNamespace;
                name = node.TypeName;
            }
            else
            {
                ns = ResolvedType.SystemNamespace;
                name = TypeNames.SystemTypeOf(item) ?? "Any";
            }
            builder.Add(TypeInfoNode(ns, name));
        }
        return builder.ToCollection();
    }

    private static ElementNode TypeInfoNode(string ns, string name)
    {
        ElementNode Text(string childName, string value) => new(childName, "string", value, null, -1, [], [], [0]);
        ElementNode[] children = [Text("namespace", ns), Text("name", name)];
        return new ElementNode("type", "TypeInfo", null, null, -1, children, ["namespace", "name"], [0, 1, 2]);
    }
}
