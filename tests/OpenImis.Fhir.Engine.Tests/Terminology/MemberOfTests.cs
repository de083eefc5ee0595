using System.Text;
using OpenImis.Fhir.Engine.FhirPath;
using OpenImis.Fhir.Engine.Model;
using static OpenImis.Fhir.Engine.Tests.Terminology.SharedTerminology;

namespace OpenImis.Fhir.Engine.Tests.Terminology;

/// <summary>FHIRPath memberOf() through <see cref="OpenImis.Fhir.Engine.Terminology.TerminologyService.MemberOf"/>.</summary>
public sealed class MemberOfTests
{
    private const string Patient = """
        {"resourceType":"Patient","gender":"female",
         "maritalStatus":{"coding":[{"system":"http://example.org/local","code":"x"},{"system":"http://terminology.hl7.org/CodeSystem/v3-NullFlavor","code":"UNK"}]},
         "communication":[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"en"}]}}],
         "contact":[{"relationship":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v2-0131","code":"ZZZ"}]}]}]}
        """;

    private static readonly FhirPathEngine Engine = new(FhirModel.R4);

    private static FhirPathCollection Evaluate(string expression)
    {
        var resource = ElementNodeReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Patient)), FhirModel.R4);
        return Engine.Compile(expression).Evaluate(resource, new FhirPathEnvironment { MemberOf = Service.MemberOf });
    }

    [Theory]
    [InlineData("gender.memberOf('http://hl7.org/fhir/ValueSet/administrative-gender')", true)]
    [InlineData("gender.memberOf('http://hl7.org/fhir/ValueSet/marital-status')", false)]
    [InlineData("maritalStatus.memberOf('" + Ig + "ValueSet/patient-marital-status')", true)]
    [InlineData("maritalStatus.coding[0].memberOf('" + Ig + "ValueSet/patient-marital-status')", false)]
    [InlineData("maritalStatus.coding[1].memberOf('http://hl7.org/fhir/ValueSet/marital-status')", true)]
    [InlineData("communication.language.memberOf('http://hl7.org/fhir/ValueSet/languages')", true)] // listed BCP-47 codes
    [InlineData("contact.relationship.memberOf('http://hl7.org/fhir/ValueSet/patient-contactrelationship')", false)]
    public void member_of_checks_codes_codings_and_codeable_concepts(string expression, bool expected)
    {
        var result = Evaluate(expression);
        Assert.Equal(expected, Assert.Single(result));
    }

    [Theory]
    [InlineData("communication.language.memberOf('http://hl7.org/fhir/ValueSet/all-languages')")] // urn:ietf:bcp:47 is not held
    [InlineData("gender.memberOf('http://example.org/ValueSet/unknown')")]
    public void member_of_is_empty_when_the_answer_is_unknown(string expression)
    {
        Assert.True(Evaluate(expression).IsEmpty);
    }
}
