using OpenImis.Fhir.DataGenerator.Model;

namespace OpenImis.Fhir.DataGenerator.Fhir;

/// <summary>The templates and the lookups by id that rendering a data set's resources needs.</summary>
internal sealed class RenderContext(DataSet data, IgTemplates ig)
{
    public DataSet Data { get; } = data;
    public IgTemplates Ig { get; } = ig;
    public Dictionary<string, LocationRecord> Locations { get; } = data.Locations.ToDictionary(l => l.Id);
    public Dictionary<string, HealthFacilityRecord> HealthFacilities { get; } = data.HealthFacilities.ToDictionary(f => f.Id);
    public Dictionary<string, ClaimAdministratorRecord> ClaimAdministrators { get; } = data.ClaimAdministrators.ToDictionary(a => a.Id);
    public Dictionary<string, ProductRecord> Products { get; } = data.Products.ToDictionary(p => p.Id);
    public Dictionary<string, MedicalItemRecord> MedicalItems { get; } = data.MedicalItems.ToDictionary(i => i.Id);
    public Dictionary<string, MedicalServiceRecord> MedicalServices { get; } = data.MedicalServices.ToDictionary(s => s.Id);
    public Dictionary<string, FamilyRecord> Families { get; } = data.Families.ToDictionary(f => f.Id);
    public Dictionary<string, InsureeRecord> Insurees { get; } = data.Insurees.ToDictionary(i => i.Id);
    public Dictionary<string, PolicyRecord> Policies { get; } = data.Policies.ToDictionary(p => p.Id);

    /// <summary>The ward, district and region of a village.</summary>
    public (LocationRecord Ward, LocationRecord District, LocationRecord Region) Above(string villageId)
    {
        var ward = Locations[Locations[villageId].ParentId!];
        var district = Locations[ward.ParentId!];
        return (ward, district, Locations[district.ParentId!]);
    }
}
