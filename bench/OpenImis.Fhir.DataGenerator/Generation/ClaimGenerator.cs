using OpenImis.Fhir.DataGenerator.Model;

namespace OpenImis.Fhir.DataGenerator.Generation;

/// <summary>
/// Claims and their responses, to the exact resource budget. A claim falls in a policy's period (policies weighted by
/// covered person-days within the last three years) for a member of the family, mostly at the member's first service
/// point. The claim's state depends on its age: recent claims are mostly entered or checked, older ones valuated,
/// and some never get past Entered. Every claim past Entered has a ClaimResponse.
/// </summary>
internal sealed class ClaimGenerator(SeededRandom random, DataSetOptions options, ReferenceDataGenerator reference,
    HouseholdGenerator households, IReadOnlyList<string> diagnosisCodes)
{
    // Frequent diagnoses at primary care level (ICD-10 level 1 codes of the IG's CodeSystem), with relative weights.
    private static readonly (string Code, double Weight)[] CommonDiagnoses =
    [
        ("B54", 14), ("B50", 6), ("J06", 12), ("A09", 8), ("J18", 5), ("N39", 4), ("K29", 4), ("O80", 3), ("Z34", 3),
        ("I10", 4), ("E11", 2), ("L08", 3), ("T14", 3), ("R50", 4), ("H10", 2), ("K02", 2), ("M54", 3), ("J20", 3),
        ("B82", 3), ("A01", 2), ("D64", 2), ("J45", 1), ("G44", 2), ("L30", 2), ("S01", 1), ("R10", 3),
    ];

    private static readonly int[] RejectionReasons = [1, 2, 3, 5, 7, 9, 12, 16, 17, -1];
    private static readonly int[] LineRejectionReasons = [2, 5, 16, 6, -1];

    private readonly List<ClaimRecord> _claims = [];
    private readonly Dictionary<string, FamilyRecord> _families = households.Families.ToDictionary(f => f.Id);
    private readonly Dictionary<string, HealthFacilityRecord> _facilities = reference.HealthFacilities.ToDictionary(f => f.Id);
    private readonly Dictionary<string, List<ClaimAdministratorRecord>> _administrators = reference.ClaimAdministrators
        .GroupBy(a => a.HealthFacilityId).ToDictionary(g => g.Key, g => g.ToList());
    private readonly Dictionary<string, List<HealthFacilityRecord>> _facilitiesByDistrict = reference.HealthFacilities
        .GroupBy(f => f.DistrictId).ToDictionary(g => g.Key, g => g.ToList());
    private readonly Dictionary<string, InsureeRecord> _insurees = households.Insurees.ToDictionary(i => i.Id);
    private readonly double[] _diagnosisWeights = CommonDiagnoses.Select(d => d.Weight).ToArray();

    public IReadOnlyList<ClaimRecord> Claims => _claims;

    public int ResourceCount => _claims.Count + _claims.Count(c => c.HasResponse);

    public void Generate(int budget)
    {
        var windows = Windows();
        if (windows.Count == 0 && budget > 0) throw new InvalidOperationException("No policy falls in the last three years: the data set is too small for claims.");
        var cumulative = new double[windows.Count];
        var total = 0.0;
        for (var i = 0; i < windows.Count; i++) cumulative[i] = total += windows[i].Weight;
        var remaining = budget;
        while (remaining > 0)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            var window = windows[index < 0 ? Math.Min(~index, windows.Count - 1) : index];
            var claim = Claim(window, forceEntered: remaining == 1);
            _claims.Add(claim);
            remaining -= claim.HasResponse ? 2 : 1;
        }
    }

    private sealed record Window(PolicyRecord Policy, DateOnly From, DateOnly To, double Weight);

    private List<Window> Windows()
    {
        var earliest = options.AsOf.AddYears(-3);
        var latest = options.AsOf.AddDays(-1);
        var windows = new List<Window>();
        foreach (var policy in households.Policies)
        {
            if (policy.Status == PolicyStatus.Idle) continue;
            var from = policy.EffectiveDate > earliest ? policy.EffectiveDate : earliest;
            var to = policy.ExpiryDate < latest ? policy.ExpiryDate : latest;
            if (to < from) continue;
            var members = _families[policy.FamilyId].MemberIds.Count;
            windows.Add(new Window(policy, from, to, (to.DayNumber - from.DayNumber + 1.0) * members));
        }
        return windows;
    }

    private ClaimRecord Claim(Window window, bool forceEntered)
    {
        var family = _families[window.Policy.FamilyId];
        var insuree = _insurees[random.Pick(family.MemberIds)];
        var facility = Facility(insuree);
        var administrator = random.Pick(_administrators[facility.Id]);
        var visitType = new[] { "O", "E", "R" }[random.Weighted([0.82, 0.1, 0.08])];
        var start = random.Date(window.From, window.To);
        var inpatient = facility.CareType != "O" && random.Chance(visitType == "O" ? 0.1 : 0.4);
        var days = inpatient ? random.Between(1, 7) : 0;
        var end = start.AddDays(days);
        var asOf = options.AsOf;
        if (end > asOf) end = asOf;
        var created = end.AddDays(random.Between(0, 10));
        if (created > asOf) created = asOf;
        var status = forceEntered ? ClaimStatus.Entered : StatusFor(asOf.DayNumber - created.DayNumber);
        var lines = Lines(insuree, visitType, days, status);
        var explanation = random.Chance(0.3) ? random.Pick(Catalogue.Explanations) : null;
        DateOnly? responseCreated = status == ClaimStatus.Entered ? null : created.AddDays(random.Between(1, 21));
        if (responseCreated > asOf) responseCreated = asOf;
        return new ClaimRecord(random.Uuid(), $"CL{_claims.Count + 1:D7}", insuree.Id, facility.Id, administrator.Id, window.Policy.Id,
            visitType, start, end, created, status, Diagnoses(), lines, explanation, responseCreated);
    }

    // Mostly the insuree's first service point, else another facility of the district, else any.
    private HealthFacilityRecord Facility(InsureeRecord insuree)
    {
        var home = _facilities[insuree.HealthFacilityId];
        var draw = random.NextDouble();
        if (draw < 0.75) return home;
        if (draw < 0.9) return random.Pick(_facilitiesByDistrict[home.DistrictId]);
        return random.Pick(reference.HealthFacilities);
    }

    private ClaimStatus StatusFor(int ageInDays)
    {
        ClaimStatus[] states = [ClaimStatus.Entered, ClaimStatus.Checked, ClaimStatus.Processed, ClaimStatus.Valuated, ClaimStatus.Rejected];
        double[] weights = ageInDays < 30 ? [0.55, 0.3, 0.05, 0.02, 0.08]
            : ageInDays < 120 ? [0.25, 0.25, 0.15, 0.27, 0.08]
            : [0.15, 0.03, 0.05, 0.67, 0.1];
        return states[random.Weighted(weights)];
    }

    // A consultation first, a hospital stay for in-patients, then medicines and other services the insuree may receive.
    private List<ClaimLine> Lines(InsureeRecord insuree, string visitType, int days, ClaimStatus status)
    {
        var age = options.AsOf.Year - insuree.BirthDate.Year;
        var allowed = reference.MedicalServices.Where(s => (s.Gender is null || s.Gender == insuree.Gender) && (age >= 18 ? s.Adult : s.Child)).ToList();
        var count = 1 + random.Weighted(Proportions.LinesPerClaimWeights);
        var chosen = new List<(ClaimLineKind Kind, string Id, string Code, int Quantity, decimal Price)>(count);
        var consultation = allowed.Where(s => s.Category == "C").ToList();
        var first = visitType == "E" ? consultation.FirstOrDefault(s => s.Name.StartsWith("Emergency", StringComparison.Ordinal)) : null;
        first ??= consultation.Count > 0 ? consultation[random.Weighted([.. consultation.Select((_, i) => i == 0 ? 6.0 : 1.0)])] : random.Pick(allowed);
        chosen.Add((ClaimLineKind.Service, first.Id, first.Code, 1, first.Price));
        if (days > 0 && allowed.FirstOrDefault(s => s.Level == "D") is { } stay)
        {
            chosen.Add((ClaimLineKind.Service, stay.Id, stay.Code, days, stay.Price));
        }
        var attempts = 0;
        while (chosen.Count < count && attempts++ < 20)
        {
            if (random.Chance(0.7))
            {
                var item = random.Pick(reference.MedicalItems);
                if (chosen.Any(c => c.Id == item.Id)) continue;
                var quantity = item.PackageSize >= 100 ? random.Between(5, 30) : random.Between(1, 3);
                chosen.Add((ClaimLineKind.Item, item.Id, item.Code, quantity, item.Price));
            }
            else
            {
                var service = random.Pick(allowed);
                if (chosen.Any(c => c.Id == service.Id)) continue;
                chosen.Add((ClaimLineKind.Service, service.Id, service.Code, 1, service.Price));
            }
        }
        var lines = new List<ClaimLine>(chosen.Count);
        for (var i = 0; i < chosen.Count; i++)
        {
            var c = chosen[i];
            var reason = status == ClaimStatus.Rejected ? random.Pick(RejectionReasons)
                : status != ClaimStatus.Entered && random.Chance(0.07) ? random.Pick(LineRejectionReasons)
                : 0;
            lines.Add(new ClaimLine(i + 1, c.Kind, c.Id, c.Code, c.Quantity, c.Price, reason));
        }
        return lines;
    }

    private List<string> Diagnoses()
    {
        var codes = new List<string>(3);
        var extra = random.Weighted([0.67, 0.25, 0.08]);
        while (codes.Count < 1 + extra)
        {
            var code = random.Chance(0.8) ? CommonDiagnoses[random.Weighted(_diagnosisWeights)].Code : random.Pick(diagnosisCodes);
            if (!codes.Contains(code)) codes.Add(code);
        }
        return codes;
    }
}
