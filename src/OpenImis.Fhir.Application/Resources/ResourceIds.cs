using System.Text.RegularExpressions;

namespace OpenImis.Fhir.Application.Resources;

/// <summary>The FHIR id (datatypes.html#id): 1 to 64 of A-Z a-z 0-9 - and '.'.</summary>
public static partial class ResourceIds
{
    public const string Rule = "1 to 64 of A-Z a-z 0-9 - .";

    public static bool IsValid(string id) => Pattern().IsMatch(id);

    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}$")]
    private static partial Regex Pattern();
}
