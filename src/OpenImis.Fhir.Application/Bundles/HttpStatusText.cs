namespace OpenImis.Fhir.Application.Bundles;

/// <summary>Bundle.entry.response.status is the status line: code and reason phrase.</summary>
internal static class HttpStatusText
{
    public static string Of(int status) => status switch
    {
        200 => "200 OK",
        201 => "201 Created",
        204 => "204 No Content",
        304 => "304 Not Modified",
        400 => "400 Bad Request",
        404 => "404 Not Found",
        409 => "409 Conflict",
        410 => "410 Gone",
        412 => "412 Precondition Failed",
        413 => "413 Payload Too Large",
        415 => "415 Unsupported Media Type",
        422 => "422 Unprocessable Entity",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
