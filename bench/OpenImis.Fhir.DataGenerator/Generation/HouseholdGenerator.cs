using OpenImis.Fhir.DataGenerator.Model;

namespace OpenImis.Fhir.DataGenerator.Generation;

/// <summary>
/// Families with their members and policies, until the household budget is spent. A family lives in a village; its
/// members' first service point is a facility of the village's district. Policies run one year; a family enrols in a
/// product of its region some time in the last three and a half years and may renew.
/// </summary>
internal sealed class HouseholdGenerator(SeededRandom random, DataSetOptions options, ReferenceDataGenerator reference)
{
    // CHFIDs: the insuree number through a bijection of [0, 10^9) (the multiplier is prime to 10), offset by seed.
    private const long CodeMultiplier = 7_919_293;
    private const long CodeSpace = 1_000_000_000;

    private readonly long _codeOffset = random.Next(int.MaxValue) % CodeSpace;
    private readonly Dictionary<string, List<HealthFacilityRecord>> _facilitiesByDistrict = reference.HealthFacilities
        .GroupBy(f => f.DistrictId).ToDictionary(g => g.Key, g => g.ToList());
    private readonly Dictionary<string, LocationRecord> _locations = reference.Locations.ToDictionary(l => l.Id);
    private readonly Dictionary<string, EnrolmentOfficerRecord> _officerOfVillage = reference.EnrolmentOfficers
        .SelectMany(o => o.VillageIds.Select(v => (v, o))).ToDictionary(p => p.v, p => p.o);
    private readonly List<LocationRecord> _villages = [.. reference.Locations.Where(l => l.Level == LocationLevel.Village)];

    public List<FamilyRecord> Families { get; } = [];
    public List<InsureeRecord> Insurees { get; } = [];
    public List<PolicyRecord> Policies { get; } = [];

    public int ResourceCount => Families.Count + Insurees.Count + (2 * Policies.Count);

    public void Generate(int budget)
    {
        while (true)
        {
            var size = 1 + random.Weighted(Proportions.FamilySizeWeights);
            var policies = random.Weighted(Proportions.PoliciesPerFamilyWeights);
            if (ResourceCount + 1 + size + (2 * policies) > budget) return;
            Family(size, policies);
        }
    }

    private void Family(int size, int policyCount)
    {
        var familyId = random.Uuid();
        var village = random.Pick(_villages);
        var district = _locations[_locations[village.ParentId!].ParentId!];
        var facilities = _facilitiesByDistrict.TryGetValue(district.Id, out var own) ? own : reference.HealthFacilities;
        var members = Members(size);
        var policies = PoliciesOf(familyId, village, district, size, policyCount);
        var active = policies.Any(p => p.Status == PolicyStatus.Active);
        var ids = new List<string>(size);
        foreach (var member in members)
        {
            var id = random.Uuid();
            ids.Add(id);
            var phone = random.Chance(member.IsHead ? 0.65 : member.Age >= 18 ? 0.2 : 0) ? Phone() : null;
            Insurees.Add(new InsureeRecord(id, InsureeCode(Insurees.Count), member.Family, member.Given, member.Gender, member.BirthDate,
                familyId, member.IsHead, village.Id, random.Pick(facilities).Id, member.MaritalStatus, phone, active));
        }
        var type = new[] { "H", "O", "S", "T", "P", "C", "G" }[random.Weighted([0.9, 0.04, 0.02, 0.015, 0.01, 0.01, 0.005])];
        Families.Add(new FamilyRecord(familyId, Insurees[^size].Code, ids[0], ids, village.Id, type, random.Chance(0.25)));
        Policies.AddRange(policies);
    }

    private string InsureeCode(int index) => ((index * CodeMultiplier + _codeOffset) % CodeSpace).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);

    private string Phone() => $"+255 7{random.Between(10, 99)} {random.Between(100, 999)} {random.Between(100, 999)}";

    private sealed record Member(string Family, string Given, string Gender, DateOnly BirthDate, int Age, bool IsHead, string MaritalStatus);

    // Head first; then a spouse, children, and now and then a parent of the head.
    private List<Member> Members(int size)
    {
        var members = new List<Member>(size);
        var headMale = random.Chance(0.72);
        var headAge = 22 + (int)(48 * Math.Pow(random.NextDouble(), 1.3));
        var family = random.Pick(Names.Family);
        var hasSpouse = size >= 2 && random.Chance(0.85);
        var headStatus = hasSpouse ? "M" : headAge < 25 ? "S" : new[] { "S", "W", "D", "UNK" }[random.Weighted([0.4, 0.3, 0.2, 0.1])];
        members.Add(Person(family, headMale, headAge, true, headStatus));
        if (hasSpouse)
        {
            var spouseAge = Math.Max(18, headMale ? headAge - random.Between(0, 8) : headAge + random.Between(0, 8));
            members.Add(Person(random.Chance(0.5) ? family : random.Pick(Names.Family), !headMale, spouseAge, false, "M"));
        }
        while (members.Count < size)
        {
            if (headAge >= 35 && random.Chance(0.08))
            {
                members.Add(Person(random.Pick(Names.Family), random.Chance(0.4), Math.Min(95, headAge + random.Between(20, 30)), false, random.Chance(0.6) ? "W" : "M"));
                continue;
            }
            var childAge = random.Between(0, Math.Clamp(headAge - 18, 0, 25));
            var status = childAge >= 18 && random.Chance(0.2) ? "M" : "S";
            members.Add(Person(family, random.Chance(0.5), childAge, false, status));
        }
        return members;
    }

    private Member Person(string family, bool male, int age, bool isHead, string maritalStatus)
    {
        var given = male ? random.Pick(Names.Male) : random.Pick(Names.Female);
        var birthDate = options.AsOf.AddYears(-age).AddDays(-random.Next(365));
        return new Member(family, given, male ? "male" : "female", birthDate, age, isHead, maritalStatus);
    }

    // Enrolment some time in the last three and a half years, then yearly renewals while they fall before the as-of date.
    private List<PolicyRecord> PoliciesOf(string familyId, LocationRecord village, LocationRecord district, int size, int count)
    {
        var policies = new List<PolicyRecord>(count);
        if (count == 0) return policies;
        var asOf = options.AsOf;
        var regionProducts = reference.Products.Where(p => p.RegionId == district.ParentId).ToList();
        var product = regionProducts.Count > 1 && random.Chance(0.3) ? regionProducts[1] : regionProducts[0];
        var officer = _officerOfVillage[village.Id];
        var enroll = random.Date(asOf.AddMonths(-42), asOf.AddDays(-14));
        var start = enroll;
        var value = product.LumpSum + (Math.Max(0, size - 6) * product.PremiumAdult);
        for (var k = 0; k < count && enroll <= asOf; k++)
        {
            var effective = k == 0 ? enroll.AddDays(random.Between(0, 30)) : start;
            if (effective < start) effective = start;
            var expiry = start.AddYears(1).AddDays(-1);
            var status = effective > asOf ? PolicyStatus.Idle
                : expiry < asOf ? PolicyStatus.Expired
                : random.Chance(0.03) ? PolicyStatus.Suspended : PolicyStatus.Active;
            policies.Add(new PolicyRecord(random.Uuid(), familyId, product.Id, officer.Id, enroll, start, effective, expiry, status, value));
            start = expiry.AddDays(1);
            enroll = start.AddDays(-random.Between(0, 30));
        }
        return policies;
    }
}
