using OpenImis.Fhir.DataGenerator.Fhir;
using OpenImis.Fhir.DataGenerator.Generation;

namespace OpenImis.Fhir.DataGenerator.Model;

/// <summary>
/// A generated data set as plain records, in the order they are loaded. Every record's <c>Id</c> is the FHIR id of its
/// resource(s) and its openIMIS UUID; codes are the openIMIS business codes (identifier type Code).
/// </summary>
public sealed class DataSet
{
    /// <summary>The one insurer (Organization, IG example openIMIS-Implementation) that claim responses name.</summary>
    public const string InsurerId = "openIMIS-Implementation";

    private readonly IgTemplates _ig;

    internal DataSet(DataSetOptions options, IgTemplates ig)
    {
        Options = options;
        _ig = ig;
    }

    public DataSetOptions Options { get; }

    public required IReadOnlyList<LocationRecord> Locations { get; init; }
    public required IReadOnlyList<HealthFacilityRecord> HealthFacilities { get; init; }
    public required IReadOnlyList<ClaimAdministratorRecord> ClaimAdministrators { get; init; }
    public required IReadOnlyList<EnrolmentOfficerRecord> EnrolmentOfficers { get; init; }
    public required IReadOnlyList<ProductRecord> Products { get; init; }
    public required IReadOnlyList<MedicalItemRecord> MedicalItems { get; init; }
    public required IReadOnlyList<MedicalServiceRecord> MedicalServices { get; init; }
    public required IReadOnlyList<FamilyRecord> Families { get; init; }
    public required IReadOnlyList<InsureeRecord> Insurees { get; init; }
    public required IReadOnlyList<PolicyRecord> Policies { get; init; }
    public required IReadOnlyList<ClaimRecord> Claims { get; init; }

    /// <summary>The number of resources of each FHIR type.</summary>
    public IReadOnlyDictionary<string, int> ResourceCounts => new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Location"] = Locations.Count,
        ["Organization"] = HealthFacilities.Count + 1,
        ["Practitioner"] = ClaimAdministrators.Count + EnrolmentOfficers.Count,
        ["PractitionerRole"] = ClaimAdministrators.Count + EnrolmentOfficers.Count,
        ["InsurancePlan"] = Products.Count,
        ["Medication"] = MedicalItems.Count,
        ["ActivityDefinition"] = MedicalServices.Count,
        ["Group"] = Families.Count,
        ["Patient"] = Insurees.Count,
        ["Contract"] = Policies.Count,
        ["Coverage"] = Policies.Count,
        ["Claim"] = Claims.Count,
        ["ClaimResponse"] = Claims.Count(c => c.HasResponse),
    };

    public int ResourceCount => ResourceCounts.Values.Sum();

    /// <summary>
    /// The transaction Bundles that load the data set, in order: reference data (in dependency order: send these one
    /// after the other), then households (a family with its members, contracts and coverages), then claims (each with
    /// its response). Within the last two phases Bundles are independent of each other. A Bundle holds whole units and
    /// at most <paramref name="bundleSize"/> resources (more only when one unit is larger).
    /// </summary>
    public IEnumerable<DataSetBundle> Bundles(int bundleSize = 100) => new BundlePlanner(this, _ig).Bundles(bundleSize);
}
