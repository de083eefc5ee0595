using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OpenImis.Fhir.Application;
using OpenImis.Fhir.Application.Errors;

namespace OpenImis.Fhir.Server.Http;

/// <summary>
/// The limits on a request's target (414) and headers (431), checked here so that the answer is an OperationOutcome:
/// Kestrel refuses an over-long request line or header block itself, before any middleware runs, with an empty body.
/// Kestrel's own limits are set a margin above these (<see cref="Configure"/>); only a request beyond that margin
/// still gets Kestrel's empty answer.
/// </summary>
internal static class RequestHeadLimits
{
    private const int KestrelFloor = 64 * 1024;

    // Bounds for the settings: at least a plain request's, and Kestrel's margin above them still an int.
    private const int Least = 1024;
    private const int Most = 64 * 1024 * 1024;

    /// <summary>Refuses settings out of bounds, at start.</summary>
    public static void Validate(FhirServerOptions options)
    {
        foreach (var (name, value) in new[] { ("Fhir:MaxUrlBytes", options.MaxUrlBytes), ("Fhir:MaxHeaderBytes", options.MaxHeaderBytes) })
        {
            if (value is < Least or > Most) throw new InvalidOperationException($"{name} is {value}; it must be between {Least} and {Most}");
        }
    }

    public static void Configure(KestrelServerLimits limits, FhirServerOptions options)
    {
        limits.MaxRequestLineSize = Math.Max(KestrelFloor, 4 * options.MaxUrlBytes);
        limits.MaxRequestHeadersTotalSize = Math.Max(KestrelFloor, 4 * options.MaxHeaderBytes);
        limits.MaxRequestHeaderCount = 1_000;
    }

    /// <summary>Refuses a request whose target or headers are over the limits.</summary>
    public static void Check(HttpContext context, FhirServerOptions options)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (target.Length > options.MaxUrlBytes)
        {
            throw new FhirException(414, "too-long",
                $"The request URL is {target.Length} characters long; this server accepts up to {options.MaxUrlBytes} (setting Fhir:MaxUrlBytes). Send a long search as POST [base]/[type]/_search with the parameters in a form body");
        }
        var headerBytes = 0L;
        foreach (var (name, values) in context.Request.Headers)
        {
            foreach (var value in values) headerBytes += name.Length + 2 + (value?.Length ?? 0) + 2;
        }
        if (headerBytes > options.MaxHeaderBytes)
        {
            throw new FhirException(431, "too-long",
                $"The request headers take {headerBytes} bytes; this server accepts up to {options.MaxHeaderBytes} (setting Fhir:MaxHeaderBytes)");
        }
    }
}
