namespace OpenImis.Fhir.Engine.FhirPath.Compilation;

/// <summary>
/// The compiled arguments of one function call. Arguments are not evaluated up front: a function evaluates a plain
/// argument once with <see cref="Evaluate"/> (on $this, as the spec says) and a lambda argument per item with
/// <see cref="EvaluateFor"/>, and <c>iif</c> evaluates only the branch it takes.
/// </summary>
internal readonly struct FunctionArguments
{
    private readonly Evaluator[] _arguments;
    private readonly ResolvedType?[] _types;
    private readonly bool[]? _descending;

    public FunctionArguments(Evaluator[] arguments, ResolvedType?[] types, int position, string functionName, bool[]? descending = null)
    {
        _arguments = arguments;
        _types = types;
        _descending = descending;
        Position = position;
        FunctionName = functionName;
    }

    public int Count => _arguments.Length;

    /// <summary>Position of the call in the expression text, for error messages.</summary>
    public int Position { get; }

    public string FunctionName { get; }

    /// <summary>Evaluates argument <paramref name="index"/> on the current $this.</summary>
    public FhirPathCollection Evaluate(int index, EvaluationContext context) => _arguments[index](context.This, context);

    /// <summary>Evaluates argument <paramref name="index"/> with $this = <paramref name="item"/> and $index = <paramref name="itemIndex"/>.</summary>
    public FhirPathCollection EvaluateFor(int index, object item, int itemIndex, EvaluationContext context)
    {
        var savedThis = context.This;
        var savedIndex = context.Index;
        var itemCollection = new FhirPathCollection(item);
        context.This = itemCollection;
        context.Index = itemIndex;
        try
        {
            return _arguments[index](itemCollection, context);
        }
        finally
        {
            context.This = savedThis;
            context.Index = savedIndex;
        }
    }

    /// <summary>The type named by a type-specifier argument (<c>ofType(Quantity)</c>), resolved at compile time.</summary>
    public ResolvedType Type(int index) =>
        _types[index] ?? throw new FhirPathEvaluationException($"Argument {index + 1} of {FunctionName}() is not a type.", Position);

    /// <summary>For sort(): the key was written <c>-expr</c>, meaning descending order (FHIRPath 2.1 sort).</summary>
    public bool IsDescending(int index) => _descending is not null && index < _descending.Length && _descending[index];

    /// <summary>An error raised by the function, with the call's position.</summary>
    public FhirPathEvaluationException Error(string message) => new($"{FunctionName}(): {message}", Position);
}
