namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>The openIMIS location hierarchy; the value is the code of CodeSystem location-type.</summary>
public enum LocationLevel
{
    Region,
    District,
    Ward,
    Village,
}
