namespace OpenImis.Fhir.Engine.FhirPath;

/// <summary>Base of the errors FHIRPath reports: syntax, static (compile-time) and evaluation errors.</summary>
public abstract class FhirPathException : Exception
{
    protected FhirPathException(string message, int position) : base(message) => Position = position;

    /// <summary>0-based offset in the expression text, or -1 when no position applies.</summary>
    public int Position { get; }
}

/// <summary>The text is not valid FHIRPath.</summary>
public sealed class FhirPathSyntaxException(string message, int position) : FhirPathException(message, position);

/// <summary>The expression is valid FHIRPath but cannot be compiled: unknown function, wrong argument count, or (strict mode) a path the FHIR model does not have.</summary>
public sealed class FhirPathCompileException(string message, int position) : FhirPathException(message, position);

/// <summary>Evaluation failed, e.g. a singleton was expected and a collection of several items was found.</summary>
public sealed class FhirPathEvaluationException(string message, int position = -1) : FhirPathException(message, position);
