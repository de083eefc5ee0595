using OpenImis.Fhir.DataGenerator.Model;

namespace OpenImis.Fhir.DataGenerator.Generation;

/// <summary>
/// Locations, health facilities, claim administrators, enrolment officers, products, medical items and services,
/// scaled to the size of the data set: about one region per 200,000 resources, one district per 50,000, one ward per
/// 10,000, one village per 1,400 (some 500 insurees), one health facility per 2,000 insurees.
/// </summary>
internal sealed class ReferenceDataGenerator(SeededRandom random, DataSetOptions options)
{
    public List<LocationRecord> Locations { get; } = [];
    public List<HealthFacilityRecord> HealthFacilities { get; } = [];
    public List<ClaimAdministratorRecord> ClaimAdministrators { get; } = [];
    public List<EnrolmentOfficerRecord> EnrolmentOfficers { get; } = [];
    public List<ProductRecord> Products { get; } = [];
    public List<MedicalItemRecord> MedicalItems { get; } = [];
    public List<MedicalServiceRecord> MedicalServices { get; } = [];

    public void Generate()
    {
        var n = options.Resources;
        var regions = Level(LocationLevel.Region, Math.Max(1, Round(n / 200_000.0)), [], "R");
        var districts = Level(LocationLevel.District, Math.Max(2 * regions.Count, Round(n / 50_000.0)), regions, "D");
        var wards = Level(LocationLevel.Ward, Math.Max(2 * districts.Count, Round(n / 10_000.0)), districts, "M");
        var villages = Level(LocationLevel.Village, Math.Max(2 * wards.Count, Round(n / 1_400.0)), wards, "V");
        HealthFacilitiesIn(districts, Math.Max(2, Round(n * Proportions.InsureeShare / 2_000)));
        ClaimAdministratorsOf();
        EnrolmentOfficersFor(districts, villages, wards);
        ProductsFor(regions);
        Catalogues(n);
    }

    public int ResourceCount =>
        Locations.Count + HealthFacilities.Count + 1 + (2 * ClaimAdministrators.Count) + (2 * EnrolmentOfficers.Count)
        + Products.Count + MedicalItems.Count + MedicalServices.Count;

    private static int Round(double value) => (int)Math.Round(value);

    // Each parent gets at least one child, the rest go to random parents; children are then numbered per parent
    // (R1D2M3V4, as in the IG examples).
    private List<LocationRecord> Level(LocationLevel level, int count, List<LocationRecord> parents, string letter)
    {
        var parentOf = new int[count];
        for (var i = 0; i < count; i++) parentOf[i] = parents.Count == 0 ? -1 : i < parents.Count ? i : random.Next(parents.Count);
        Array.Sort(parentOf);
        var result = new List<LocationRecord>(count);
        var numberInParent = 0;
        for (var i = 0; i < count; i++)
        {
            numberInParent = i > 0 && parentOf[i] == parentOf[i - 1] ? numberInParent + 1 : 1;
            var parent = parentOf[i] < 0 ? null : parents[parentOf[i]];
            var name = level == LocationLevel.Region ? $"{Names.Place(random)} {random.Pick(Names.RegionSuffixes)}" : Names.Place(random);
            result.Add(new LocationRecord(random.Uuid(), $"{parent?.Code}{letter}{numberInParent}", name, level, parent?.Id));
        }
        Locations.AddRange(result);
        return result;
    }

    // The first facility of each district is its hospital; the others are health centres and dispensaries.
    private void HealthFacilitiesIn(List<LocationRecord> districts, int count)
    {
        count = Math.Max(count, districts.Count);
        var districtOf = new int[count];
        for (var i = 0; i < count; i++) districtOf[i] = i < districts.Count ? i : random.Next(districts.Count);
        Array.Sort(districtOf);
        for (var i = 0; i < count; i++)
        {
            var district = districts[districtOf[i]];
            var first = i == 0 || districtOf[i] != districtOf[i - 1];
            string level, careType, name;
            if (first)
            {
                (level, careType, name) = ("H", "B", $"{district.Name} District Hospital");
            }
            else if (random.Chance(0.3))
            {
                (level, careType, name) = ("C", random.Chance(0.5) ? "B" : "O", $"{Names.Place(random)} Health Centre");
            }
            else
            {
                (level, careType, name) = ("D", "O", $"{Names.Place(random)} Dispensary");
            }
            var legalForm = first ? (random.Chance(0.7) ? "G" : "D") : new[] { "G", "D", "C", "P" }[random.Weighted([0.45, 0.2, 0.15, 0.2])];
            HealthFacilities.Add(new HealthFacilityRecord(random.Uuid(), $"HF{i + 1:D5}", name, district.Id, level, careType, legalForm));
        }
    }

    private void ClaimAdministratorsOf()
    {
        foreach (var facility in HealthFacilities)
        {
            var count = facility.Level == "H" || random.Chance(0.2) ? 2 : 1;
            for (var k = 0; k < count; k++)
            {
                var (family, given) = Person();
                ClaimAdministrators.Add(new ClaimAdministratorRecord(random.Uuid(), $"CA{ClaimAdministrators.Count + 1:D5}", family, given,
                    BirthDate(24, 60), facility.Id));
            }
        }
    }

    // One officer for about ten villages of a district.
    private void EnrolmentOfficersFor(List<LocationRecord> districts, List<LocationRecord> villages, List<LocationRecord> wards)
    {
        var districtOfWard = wards.ToDictionary(w => w.Id, w => w.ParentId!);
        foreach (var district in districts)
        {
            var own = villages.Where(v => districtOfWard[v.ParentId!] == district.Id).ToList();
            var officers = Math.Max(1, (int)Math.Ceiling(own.Count / 10.0));
            for (var k = 0; k < officers; k++)
            {
                var covered = own.Where((_, index) => index % officers == k).Select(v => v.Id).ToList();
                var (family, given) = Person();
                EnrolmentOfficers.Add(new EnrolmentOfficerRecord(random.Uuid(), $"E{EnrolmentOfficers.Count + 1:D5}", family, given,
                    BirthDate(22, 55), district.Id, covered));
            }
        }
    }

    // Two products per region: a basic one and an extended one, offered since 2016 and for five years to come.
    private void ProductsFor(List<LocationRecord> regions)
    {
        foreach (var region in regions)
        {
            var basicLumpSum = random.Price(60, 120, 5);
            Products.Add(new ProductRecord(random.Uuid(), $"{region.Code}P1", $"{region.Name} Basic Health Cover", region.Id,
                basicLumpSum, random.Price(10, 20, 1), random.Price(4, 8, 1), new DateOnly(2016, 1, 1), options.AsOf.AddYears(5)));
            Products.Add(new ProductRecord(random.Uuid(), $"{region.Code}P2", $"{region.Name} Extended Health Cover", region.Id,
                basicLumpSum * 2, random.Price(20, 40, 1), random.Price(8, 16, 1), new DateOnly(2019, 7, 1), options.AsOf.AddYears(5)));
        }
    }

    private void Catalogues(int n)
    {
        var items = Math.Clamp(Round(n / 10_000.0), 20, Catalogue.Items.Length);
        for (var i = 0; i < items; i++)
        {
            var (name, type, min, max, packageSize) = Catalogue.Items[i];
            MedicalItems.Add(new MedicalItemRecord(random.Uuid(), $"{i + 1:D4}", name, type, random.Price(min, max, max > 50 ? 5 : 1), packageSize));
        }
        var services = Math.Clamp(Round(n / 20_000.0), 15, Catalogue.Services.Length);
        for (var i = 0; i < services; i++)
        {
            var s = Catalogue.Services[i];
            MedicalServices.Add(new MedicalServiceRecord(random.Uuid(), $"S{i + 1:D3}", s.Name, s.Level, s.Category, s.ServiceType, s.CareType,
                random.Price(s.MinPrice, s.MaxPrice, s.MaxPrice > 50 ? 5 : 1), s.Gender, s.Adult, s.Child));
        }
    }

    private (string Family, string Given) Person() =>
        (random.Pick(Names.Family), random.Chance(0.5) ? random.Pick(Names.Male) : random.Pick(Names.Female));

    private DateOnly BirthDate(int minAge, int maxAge) =>
        random.Date(options.AsOf.AddYears(-maxAge), options.AsOf.AddYears(-minAge));
}
