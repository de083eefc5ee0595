using System.Globalization;
using System.Net;
using System.Text;
using OpenImis.Fhir.Engine.FhirPath.Compilation;
using static OpenImis.Fhir.Engine.FhirPath.Functions.FunctionSupport;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>FHIRPath 2.1 encode/decode (base64, urlbase64, hex) and escape/unescape (html, json).</summary>
internal static class EncodingFunctions
{
    public static FunctionDefinition[] All { get; } =
    [
        Define("encode", 1, 1, static (focus, arguments, context) => Apply(focus, arguments, context, Encode)),
        Define("decode", 1, 1, static (focus, arguments, context) => Apply(focus, arguments, context, Decode)),
        Define("escape", 1, 1, static (focus, arguments, context) => Apply(focus, arguments, context, Escape)),
        Define("unescape", 1, 1, static (focus, arguments, context) => Apply(focus, arguments, context, Unescape)),
    ];

    private static FhirPathCollection Apply(FhirPathCollection focus, FunctionArguments arguments, EvaluationContext context, Func<string, string, FunctionArguments, string?> transform)
    {
        var input = InputString(focus, arguments);
        if (input is null) return FhirPathCollection.Empty;
        var format = StringArgument(arguments, 0, context);
        if (format is null) return FhirPathCollection.Empty;
        var result = transform(input, format, arguments);
        return result is null ? FhirPathCollection.Empty : new FhirPathCollection(result);
    }

    // urlbase64 is base64 with the URL-safe alphabet (- and _), padding kept (suite: 'c3ViamVjdHM_X2Q=').
    private static string? Encode(string input, string format, FunctionArguments arguments)
    {
        var bytes = Encoding.UTF8.GetBytes(input);
        return format switch
        {
            "base64" => Convert.ToBase64String(bytes),
            "urlbase64" => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_'),
            "hex" => Convert.ToHexStringLower(bytes),
            _ => throw arguments.Error($"unknown encoding '{format}'."),
        };
    }

    // Text that is not valid in the encoding decodes to empty.
    private static string? Decode(string input, string format, FunctionArguments arguments)
    {
        try
        {
            var bytes = format switch
            {
                "base64" => Convert.FromBase64String(input),
                "urlbase64" => Convert.FromBase64String(input.Replace('-', '+').Replace('_', '/')),
                "hex" => Convert.FromHexString(input),
                _ => throw arguments.Error($"unknown encoding '{format}'."),
            };
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Escape(string input, string format, FunctionArguments arguments) => format switch
    {
        "html" => EscapeHtml(input),
        "json" => EscapeJson(input),
        _ => throw arguments.Error($"unknown escaping '{format}'."),
    };

    private static string? Unescape(string input, string format, FunctionArguments arguments) => format switch
    {
        "html" => WebUtility.HtmlDecode(input),
        "json" => UnescapeJson(input),
        _ => throw arguments.Error($"unknown escaping '{format}'."),
    };

    private static string EscapeHtml(string input)
    {
        if (input.AsSpan().IndexOfAny("<>&\"'") < 0) return input;
        var builder = new StringBuilder(input.Length + 16);
        foreach (var c in input)
        {
            builder.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return builder.ToString();
    }

    // JSON string escaping (RFC 8259 section 7): quote, backslash and control characters.
    private static string EscapeJson(string input)
    {
        var builder = new StringBuilder(input.Length + 16);
        foreach (var c in input)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ') builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    private static string? UnescapeJson(string input)
    {
        if (!input.Contains('\\', StringComparison.Ordinal)) return input;
        var builder = new StringBuilder(input.Length);
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c != '\\' || i + 1 >= input.Length)
            {
                builder.Append(c);
                continue;
            }
            var next = input[++i];
            switch (next)
            {
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u' when i + 4 < input.Length
                    && int.TryParse(input.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default: builder.Append(next); break;
            }
        }
        return builder.ToString();
    }
}
