using System.Collections.Concurrent;
using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Parsing;
using OpenImis.Fhir.Engine.Model;

namespace OpenImis.Fhir.Engine.FhirPath;

/// <summary>
/// Entry point to FHIRPath: parses and compiles expressions once and caches them by text (and options).
/// Thread-safe; one instance per FHIR model is meant to live for the whole process.
/// </summary>
public sealed class FhirPathEngine(FhirModel model)
{
    // The definitions hold ~1,550 distinct expressions; clients can send any number more (search, subscriptions),
    // so past this many the cache stops growing and further texts are compiled each time.
    private const int CacheLimit = 20_000;

    private readonly ConcurrentDictionary<CacheKey, CompiledExpression> _cache = new();
    private readonly FhirPathCompiler _compiler = new(model);
    private readonly FhirPathCompiler _lenientCompiler = new(model, lenientAs: true);

    public FhirModel Model { get; } = model;

    /// <exception cref="FhirPathSyntaxException">The text is not FHIRPath.</exception>
    /// <exception cref="FhirPathCompileException">Unknown function, wrong arity, unknown type, or a strict-mode path error.</exception>
    public CompiledExpression Compile(string expression, FhirPathCompileOptions? options = null)
    {
        options ??= FhirPathCompileOptions.Default;
        var key = new CacheKey(expression, options.Strict, options.LenientAs, options.ContextType);
        if (_cache.TryGetValue(key, out var cached)) return cached;
        var compiled = CompileUncached(expression, options);
        return _cache.Count < CacheLimit ? _cache.GetOrAdd(key, compiled) : compiled;
    }

    private CompiledExpression CompileUncached(string expression, FhirPathCompileOptions options)
    {
        var ast = FhirPathParser.Parse(expression);
        if (options.Strict) new StrictModeChecker(Model, options.ContextType).Check(ast);
        var compiler = options.LenientAs ? _lenientCompiler : _compiler;
        return new CompiledExpression(expression, compiler.Compile(ast), Model, ContextUse.NeedsContext(ast));
    }

    private readonly record struct CacheKey(string Expression, bool Strict, bool LenientAs, string? ContextType);
}
