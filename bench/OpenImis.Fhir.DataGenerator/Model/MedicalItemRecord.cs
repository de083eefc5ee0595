namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>A medical item (Medication): Type D drug or M medical consumable (CodeSystem medication-item-type).</summary>
public sealed record MedicalItemRecord(string Id, string Code, string Name, string Type, decimal Price, int PackageSize);
