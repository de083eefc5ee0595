using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests.FhirPath.Functions;

internal static class FunctionTestSupport
{
    public static readonly FhirPathEngine Engine = new(FhirModel.Empty);

    public static object[] Eval(string expression, ElementNode? resource = null, FhirPathEnvironment? environment = null) =>
        [.. Engine.Compile(expression).Evaluate(resource, environment)];

    public static void AssertTrue(string expression, ElementNode? resource = null)
    {
        var result = Eval(expression, resource);
        Assert.True(result.Length == 1 && result[0] is true, $"{expression} gave [{string.Join(", ", result)}]");
    }

    public static void AssertError(string expression, ElementNode? resource = null) =>
        Assert.ThrowsAny<FhirPathException>(() => Eval(expression, resource));

    /// <summary>A hand-built element: a primitive (value, no children) or a complex node with named children.</summary>
    public static ElementNode Node(string name, string typeName, object? value, params ElementNode[] children)
    {
        var names = new List<string>();
        var starts = new List<int>();
        var ordered = new List<ElementNode>();
        foreach (var group in children.GroupBy(c => c.Name))
        {
            names.Add(group.Key);
            starts.Add(ordered.Count);
            ordered.AddRange(group);
        }
        starts.Add(ordered.Count);
        return new ElementNode(name, typeName, value, null, -1, [.. ordered], [.. names], [.. starts]);
    }

    public static ElementNode Str(string name, string value, params ElementNode[] children) => Node(name, "string", value, children);
}
