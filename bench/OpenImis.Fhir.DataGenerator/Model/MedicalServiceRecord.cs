namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>
/// A medical service (ActivityDefinition). Level: S simple service, V visit, D day of stay, H hospital case; Category:
/// the workflow type (S surgery, C consultation, D delivery, A antenatal, O other); ServiceType: C curative, P
/// preventive; CareType: AMB or IMP (v3-ActCode). Gender (male, female, or null for both) and Adult/Child say who may
/// receive it; claims respect them.
/// </summary>
public sealed record MedicalServiceRecord(string Id, string Code, string Name, string Level, string Category, string ServiceType,
    string CareType, decimal Price, string? Gender, bool Adult, bool Child);
