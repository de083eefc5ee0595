namespace OpenImis.Fhir.Application.Patch;

/// <summary>
/// A patch that was refused: <see cref="Status"/> is the HTTP status the patch interaction answers with (400 a malformed
/// patch document, 415 an unsupported patch format, 422 a well-formed patch that cannot be applied to this resource)
/// and <see cref="Location"/> says where: a JSON Pointer into the patch document or the resource for JSON Patch, a
/// FHIRPath location into the Parameters resource for FHIRPath Patch, empty when the whole body is at fault.
/// </summary>
internal sealed class PatchException(int status, string message, string location) : Exception(message)
{
    public const int BadRequest = 400;
    public const int UnsupportedMediaType = 415;
    public const int UnprocessableEntity = 422;

    public int Status { get; } = status;

    public string Location { get; } = location;

    public static PatchException Malformed(string message, string location) => new(BadRequest, message, location);

    public static PatchException Unprocessable(string message, string location) => new(UnprocessableEntity, message, location);

    public static PatchException Unsupported(string message) => new(UnsupportedMediaType, message, "");
}
