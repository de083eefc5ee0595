using OpenImis.Fhir.Engine.Terminology;
using OpenImis.Fhir.Engine.Tests.ImplementationGuide;

namespace OpenImis.Fhir.Engine.Tests.Terminology;

/// <summary>One terminology service over R4 core, v3, v2 and our ig-profiles/, shared by the tests (expansions are cached).</summary>
internal static class SharedTerminology
{
    private static readonly Lazy<TerminologyService> Instance = new(() => TerminologyService.ForR4AndIg(IgBuild.IgProfiles));

    public static TerminologyService Service => Instance.Value;

    public const string Ig = IgBuild.Canonical;
    public const string V3MaritalStatus = "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus";
    public const string V3NullFlavor = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor";
    public const string Snomed = "http://snomed.info/sct";
}
