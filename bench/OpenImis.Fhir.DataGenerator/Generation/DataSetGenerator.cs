using OpenImis.Fhir.DataGenerator.Fhir;
using OpenImis.Fhir.DataGenerator.Model;

namespace OpenImis.Fhir.DataGenerator.Generation;

/// <summary>
/// Makes a data set: first the plain model (reference data, households, claims), deterministic for a seed; its
/// <see cref="DataSet.Bundles"/> then renders the FHIR transaction Bundles from it, on demand.
/// </summary>
/// <example>
/// <code>
/// var data = DataSetGenerator.Generate(new DataSetOptions { Seed = 7, Resources = 2_000 });
/// foreach (var bundle in data.Bundles()) await http.PostAsync(baseUrl, new ByteArrayContent(bundle.Json.ToArray()));
/// var women = data.Insurees.Count(i => i.Gender == "female");
/// </code>
/// </example>
public static class DataSetGenerator
{
    public static DataSet Generate(DataSetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Resources < DataSetOptions.MinimumResources)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"A data set has at least {DataSetOptions.MinimumResources} resources.");
        }
        var ig = IgTemplates.Load(options.IgDirectory ?? Path.Combine(AppContext.BaseDirectory, "ig-profiles"));
        var random = new SeededRandom(options.Seed);
        var reference = new ReferenceDataGenerator(random, options);
        reference.Generate();
        var rest = options.Resources - reference.ResourceCount;
        var households = new HouseholdGenerator(random, options, reference);
        households.Generate((int)(rest * Proportions.HouseholdShare));
        var claims = new ClaimGenerator(random, options, reference, households, ig.Codes("diagnosis-ICD10-level1"));
        claims.Generate(rest - households.ResourceCount);
        return new DataSet(options, ig)
        {
            Locations = reference.Locations,
            HealthFacilities = reference.HealthFacilities,
            ClaimAdministrators = reference.ClaimAdministrators,
            EnrolmentOfficers = reference.EnrolmentOfficers,
            Products = reference.Products,
            MedicalItems = reference.MedicalItems,
            MedicalServices = reference.MedicalServices,
            Families = households.Families,
            Insurees = households.Insurees,
            Policies = households.Policies,
            Claims = claims.Claims,
        };
    }
}
