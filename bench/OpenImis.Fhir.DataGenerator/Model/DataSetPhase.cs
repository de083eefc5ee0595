namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>
/// The loading phases. A phase starts when the one before is done: households refer to reference data, claims to
/// households. Reference data Bundles refer to the ones before them and are sent one at a time.
/// </summary>
public enum DataSetPhase
{
    ReferenceData,
    Households,
    Claims,
}
