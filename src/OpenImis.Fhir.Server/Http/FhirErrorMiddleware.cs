using Npgsql;
using OpenImis.Fhir.Application;
using OpenImis.Fhir.Application.Bundles;
using OpenImis.Fhir.Application.Errors;
using OpenImis.Fhir.Application.Interactions;
using OpenImis.Fhir.Storage;

namespace OpenImis.Fhir.Server.Http;

/// <summary>
/// Turns every failure into an OperationOutcome with its status: the application's refusals (4xx), a deleted
/// resource (410 with its ETag), the web server's own (bad request line, body too large, URL or headers too long:
/// <see cref="RequestHeadLimits"/>), and, logged as errors, the server's faults (500, 503 when the database is
/// unreachable). A client never sees a stack trace.
/// </summary>
internal sealed class FhirErrorMiddleware(RequestDelegate next, FhirServerOptions options, ILogger<FhirErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            RequestHeadLimits.Check(context, options);
            await next(context);
            if (context.Response.StatusCode is 404 or 405 or 415 && !context.Response.HasStarted && context.Response.ContentLength is null or 0 && context.Request.Path.StartsWithSegments("/fhir"))
            {
                // Routing answered without an endpoint body (no route, wrong method, a Content-Type the endpoint does
                // not accept): say so as FHIR does, not with an empty body.
                var status = context.Response.StatusCode;
                var (code, message) = status switch
                {
                    404 => ("not-found", $"No FHIR interaction at {context.Request.Path}"),
                    405 => ("not-supported", $"{context.Request.Method} is not allowed on {context.Request.Path}"),
                    _ => ("not-supported", $"Content-Type '{context.Request.ContentType}' is not supported here: send application/fhir+json or application/json"),
                };
                await FhirResponses.OutcomeAsync(context, status, [new OutcomeIssue("error", code, message)]);
            }
        }
        catch (FhirException e)
        {
            LogClientError(context, e.Status, e.Message);
            await WriteAsync(context, e.Status, e.Issues);
        }
        catch (GoneException e)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.Headers.ETag = EntityTag.Format(e.Deleted.VersionId);
                await FhirResponses.OutcomeAsync(context, 410, [new OutcomeIssue("error", "deleted", e.Message)]);
            }
        }
        catch (StorageConflictException e)
        {
            LogClientError(context, 409, e.Message);
            await WriteAsync(context, 409, [StorageConflicts.Issue(e, null)]);
        }
        catch (UnstorableValueException e)
        {
            LogClientError(context, 422, e.Message);
            // Located at the resource when storage knows whose value it is (the message says which part holds it).
            await WriteAsync(context, 422, [new OutcomeIssue("error", "processing", e.Message, e.ResourceType)]);
        }
        catch (BadHttpRequestException e)
        {
            LogClientError(context, e.StatusCode, e.Message);
            await WriteAsync(context, e.StatusCode, [new OutcomeIssue("error", e.StatusCode == 413 ? "too-costly" : "invalid", e.Message)]);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nothing to answer.
        }
        catch (Exception e) when (StorageFailures.IsLostRace(e))
        {
            // Transient too, but the database is up: the request lost a race and can simply be sent again.
            LogClientError(context, 409, e.Message);
            await WriteAsync(context, 409, [new OutcomeIssue("error", "conflict", BundleProcessor.DeadlockMessage)]);
        }
        catch (Exception e) when (e is NpgsqlException { InnerException: TimeoutException })
        {
            // The database is up but did not answer in time (Npgsql's command timeout): a costly request, or a busy
            // database; not the outage the answer below would report.
            logger.LogError(e, "Database timeout during {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, 503, [new OutcomeIssue("error", "timeout", "The database did not answer this request in time (its command timeout); it may be sent again")]);
        }
        catch (Exception e) when (StorageFailures.IsUnavailable(e))
        {
            logger.LogError(e, "Database unavailable during {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, 503, [new OutcomeIssue("fatal", "transient", "The database is not available; try again later")]);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unhandled error during {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, 500, [new OutcomeIssue("fatal", "exception", "The server failed to process the request; the error is logged")]);
        }
    }

    private void LogClientError(HttpContext context, int status, string message) =>
        logger.LogInformation("{Method} {Path} refused with {Status}: {Message}", context.Request.Method, context.Request.Path, status, message);

    private static async Task WriteAsync(HttpContext context, int status, IReadOnlyList<OutcomeIssue> issues)
    {
        if (context.Response.HasStarted) return;
        context.Response.Clear();
        await FhirResponses.OutcomeAsync(context, status, issues);
    }
}
