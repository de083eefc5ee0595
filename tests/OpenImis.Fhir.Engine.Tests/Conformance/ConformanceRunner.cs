using System.Collections.Concurrent;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.FhirPath.Output;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.Tests.Conformance;

/// <summary>
/// Runs suite tests on the engine. Rules:
/// strict tests (mode="strict") and tests expecting a semantic error compile with Strict and the input's type as
/// context, since static (model) checks are what find semantic errors; an <c>invalid</c> test passes when compiling or
/// evaluating throws a <see cref="FhirPathException"/> (the outcome says which stage); a predicate test turns the
/// result into a boolean (empty: false, one boolean: it, anything else: true) and compares it with its one output.
/// </summary>
internal sealed class ConformanceRunner(FhirModel model)
{
    private readonly FhirPathEngine _engine = new(model);
    private readonly ConcurrentDictionary<string, ElementNode> _inputs = new(StringComparer.Ordinal);

    public ConformanceOutcome Run(ConformanceCase test)
    {
        ElementNode? input;
        try
        {
            input = test.InputFile is null ? null : _inputs.GetOrAdd(test.InputFile, Read);
        }
        catch (Exception e)
        {
            return ConformanceOutcome.Fail(test, "input not readable", Describe(e));
        }

        var strict = test.Strict || test.Invalid == "semantic";
        var options = new FhirPathCompileOptions { Strict = strict, ContextType = strict ? input?.TypeName : null };

        CompiledExpression compiled;
        try
        {
            compiled = _engine.Compile(test.Expression, options);
        }
        catch (FhirPathException) when (test.Invalid is not null)
        {
            return ConformanceOutcome.Pass(test, "invalid: rejected at compile time");
        }
        catch (FhirPathSyntaxException e)
        {
            return ConformanceOutcome.Fail(test, "syntax error", Describe(e));
        }
        catch (FhirPathCompileException e)
        {
            return ConformanceOutcome.Fail(test, "compile error", Describe(e));
        }
        catch (Exception e)
        {
            return ConformanceOutcome.Fail(test, "compiler crashed", Describe(e));
        }

        FhirPathCollection result;
        try
        {
            result = compiled.Evaluate(input);
        }
        catch (FhirPathException) when (test.Invalid is not null)
        {
            return ConformanceOutcome.Pass(test, "invalid: rejected at evaluation");
        }
        catch (FhirPathEvaluationException e)
        {
            return ConformanceOutcome.Fail(test, "evaluation error", Describe(e));
        }
        catch (Exception e)
        {
            return ConformanceOutcome.Fail(test, "evaluation crashed", Describe(e));
        }

        if (test.Invalid is not null)
        {
            return ConformanceOutcome.Fail(test, $"invalid ({test.Invalid}) not detected", "result " + Show(result));
        }

        if (test.Predicate)
        {
            result = FhirPathCollection.FromBoolean(AsPredicate(result));
        }

        var mismatch = OutputComparer.Compare(test.Outputs, result, test.Ordered, model);
        return mismatch is null
            ? ConformanceOutcome.Pass(test, "result matches")
            : ConformanceOutcome.Fail(test, "wrong result", $"{mismatch}; expected [{string.Join(", ", test.Outputs)}], got {Show(result)}");
    }

    private static bool AsPredicate(FhirPathCollection result) =>
        result.Count switch
        {
            0 => false,
            1 => result.Single switch
            {
                bool b => b,
                ElementNode { Value: bool b } => b,
                _ => true,
            },
            _ => true,
        };

    private ElementNode Read(string inputFile)
    {
        using var stream = File.OpenRead(ConformanceSuite.InputPath(inputFile));
        return ElementNodeReader.Read(stream, model);
    }

    private static string Describe(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}";
        return text.Length > 300 ? text[..300] + "..." : text;
    }

    internal static string Show(FhirPathCollection result)
    {
        try
        {
            var json = FhirPathResultJson.ToJson(result);
            return json.Length > 300 ? json[..300] + "..." : json;
        }
        catch (Exception e)
        {
            return $"({result.Count} items; not printable: {e.GetType().Name})";
        }
    }
}
