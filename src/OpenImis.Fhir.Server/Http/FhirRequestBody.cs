using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using OpenImis.Fhir.Application;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Engine.Validation.Json;

namespace OpenImis.Fhir.Server.Http;

/// <summary>
/// Reads a request body within the size limit (413 beyond it) and parses it as JSON within the depth limit (400 for
/// malformed JSON, with the line and byte where it breaks; duplicate property names are malformed too).
/// </summary>
internal static class FhirRequestBody
{
    public static async Task<byte[]> ReadAsync(HttpContext context, FhirServerOptions options)
    {
        var request = context.Request;
        if (FhirMediaTypes.OtherFhirVersionOfBody(request) is { } version)
        {
            throw new FhirException(415, "not-supported", $"Content-Type '{request.ContentType}': this server reads FHIR R4 only (fhirVersion=4.0), not fhirVersion={version}");
        }
        RefuseUndecodedEncoding(request);
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (request.ContentLength is { } length && length > options.MaxBodyBytes)
        {
            // Kestrel drains an unread body after the answer (for at most 5 s), but fails at once on a body over its
            // limit and resets the connection: the client may then never read the 413 (dotnet/aspnetcore#23840).
            if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = length;
            throw TooLarge(options);
        }
        if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = options.MaxBodyBytes;
        using var buffer = new MemoryStream(request.ContentLength is { } known ? (int)known : 4096);
        try
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Also a compressed body that decompresses beyond the limit: the limit holds for what it decompresses to.
            throw TooLarge(options);
        }
        catch (InvalidDataException e)
        {
            throw new FhirException(400, "structure", $"The body is not valid compressed data for its Content-Encoding: {e.Message}");
        }
        if (buffer.Length > options.MaxBodyBytes) throw TooLarge(options);
        return buffer.ToArray();
    }

    /// <summary>
    /// 415 for a body still encoded when it reaches the endpoint: request decompression (gzip and deflate) removes the
    /// Content-Encoding it decodes, so one left is an encoding this server does not read (br, compress, or several).
    /// Read as it is, it would fail as malformed JSON, which says nothing of the cause.
    /// </summary>
    public static void RefuseUndecodedEncoding(HttpRequest request)
    {
        var encoding = request.Headers.ContentEncoding;
        if (encoding.Count == 0 || (encoding.Count == 1 && encoding[0] is { } only && only.Trim().Equals("identity", StringComparison.OrdinalIgnoreCase))) return;
        throw new FhirException(415, "not-supported", $"Content-Encoding '{encoding}' is not supported: send the body uncompressed, or compressed with gzip or deflate");
    }

    /// <summary>Reads a JSON body (415 unless its Content-Type is JSON); the caller disposes the document.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpContext context, FhirServerOptions options)
    {
        if (!FhirMediaTypes.IsJsonBody(context.Request))
        {
            throw new FhirException(415, "not-supported", $"Content-Type '{context.Request.ContentType}' is not supported: send application/fhir+json or application/json");
        }
        return Parse(await ReadAsync(context, options), options);
    }

    public static JsonDocument Parse(byte[] body, FhirServerOptions options)
    {
        if (body.Length == 0) throw FhirException.BadRequest("The request has no body; a FHIR resource in JSON was expected");
        // The JSON reader checks the UTF-8 of strings only when they are read: the stored copy would hold U+FFFD.
        if (!System.Text.Unicode.Utf8.IsValid(body)) throw new FhirException(400, "structure", "The body is not valid UTF-8 (FHIR JSON is UTF-8)");
        // Before parsing: the parser's duplicate-name check reads names, and throws on such an escape in one.
        var unpaired = JsonEscapes.FindUnpairedSurrogate(body);
        if (unpaired >= 0)
        {
            throw new FhirException(400, "structure", $"The body holds an unpaired UTF-16 surrogate escape at byte {unpaired + 1} ('{Encoding.ASCII.GetString(body, unpaired, 6)}'): JSON text must be Unicode");
        }
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = options.MaxJsonDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            throw new FhirException(400, "structure", $"The body is not valid JSON{where}: {e.Message}");
        }
    }

    private static FhirException TooLarge(FhirServerOptions options) =>
        new(413, "too-costly", $"The request body is larger than this server accepts ({options.MaxBodyBytes} bytes; setting Fhir:MaxBodyBytes)");
}
