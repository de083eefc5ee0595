namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>A region, district, ward (municipality) or village; <see cref="ParentId"/> is null for a region.</summary>
public sealed record LocationRecord(string Id, string Code, string Name, LocationLevel Level, string? ParentId)
{
    /// <summary>The code of CodeSystem location-type: R, D, W or V.</summary>
    public string TypeCode => Level switch
    {
        LocationLevel.Region => "R",
        LocationLevel.District => "D",
        LocationLevel.Ward => "W",
        _ => "V",
    };
}
