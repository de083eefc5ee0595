namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>A claim line for a medical item (Medication) or a medical service (ActivityDefinition).</summary>
public enum ClaimLineKind
{
    Item,
    Service,
}
