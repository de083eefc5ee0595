using OpenImis.Fhir.DataGenerator.Generation;
using OpenImis.Fhir.DataGenerator.Model;

namespace OpenImis.Fhir.DataGenerator.Tests;

/// <summary>The model is plausible: proportions, families, policies and claims that fit together.</summary>
public sealed class DataSetModelTests
{
    private static readonly DataSet Data = DataSetGenerator.Generate(new DataSetOptions { Seed = 21, Resources = 20_000 });

    [Fact]
    public void Proportions_are_those_documented()
    {
        var counts = Data.ResourceCounts;
        double Share(string type) => (double)counts[type] / Data.ResourceCount;
        Assert.InRange(Share("Patient"), 0.33, 0.41);
        Assert.InRange(Share("Group"), 0.06, 0.10);
        Assert.InRange(Share("Contract") + Share("Coverage"), 0.09, 0.17);
        Assert.InRange(Share("Claim"), 0.20, 0.28);
        Assert.InRange((double)counts["ClaimResponse"] / counts["Claim"], 0.7, 0.9);
        Assert.InRange(Data.HealthFacilities.Count, Data.Insurees.Count / 3_000, Data.Insurees.Count / 1_000 + 4);
    }

    [Fact]
    public void A_family_has_one_to_eight_members_with_its_head_first()
    {
        var insurees = Data.Insurees.ToDictionary(i => i.Id);
        Assert.All(Data.Families, f =>
        {
            Assert.InRange(f.MemberIds.Count, 1, 8);
            Assert.Equal(f.HeadId, f.MemberIds[0]);
            Assert.Equal(f.Code, insurees[f.HeadId].Code);
            Assert.All(f.MemberIds, m => Assert.Equal((m == f.HeadId, f.Id, f.VillageId), (insurees[m].IsHead, insurees[m].FamilyId, insurees[m].VillageId)));
        });
        Assert.Equal(Data.Insurees.Count, Data.Families.Sum(f => f.MemberIds.Count));
    }

    [Fact]
    public void Policies_run_a_year_and_their_state_fits_the_as_of_date()
    {
        var asOf = Data.Options.AsOf;
        Assert.All(Data.Policies, p =>
        {
            Assert.Equal(p.StartDate.AddYears(1).AddDays(-1), p.ExpiryDate);
            Assert.True(p.EnrollDate <= p.EffectiveDate && p.StartDate <= p.EffectiveDate && p.EnrollDate <= asOf);
            if (p.Status == PolicyStatus.Expired) Assert.True(p.ExpiryDate < asOf);
            if (p.Status == PolicyStatus.Idle) Assert.True(p.EffectiveDate > asOf);
        });
    }

    [Fact]
    public void Claims_fall_in_the_last_three_years_within_a_policy_of_the_insurees_family()
    {
        var asOf = Data.Options.AsOf;
        var policies = Data.Policies.ToDictionary(p => p.Id);
        var insurees = Data.Insurees.ToDictionary(i => i.Id);
        var facilities = Data.HealthFacilities.ToDictionary(f => f.Id);
        var administrators = Data.ClaimAdministrators.ToDictionary(a => a.Id);
        Assert.All(Data.Claims, c =>
        {
            var policy = policies[c.PolicyId];
            Assert.Equal(policy.FamilyId, insurees[c.InsureeId].FamilyId);
            Assert.InRange(c.Start, policy.EffectiveDate, policy.ExpiryDate);
            Assert.InRange(c.Start, asOf.AddYears(-3), asOf);
            Assert.True(c.Start <= c.End && c.End <= c.Created && c.Created <= asOf);
            Assert.InRange(c.Lines.Count, 1, 5);
            Assert.InRange(c.DiagnosisCodes.Count, 1, 3);
            Assert.Equal(c.HealthFacilityId, administrators[c.ClaimAdministratorId].HealthFacilityId);
            Assert.True(facilities.ContainsKey(c.HealthFacilityId));
            Assert.Equal(c.Status != ClaimStatus.Entered, c.HasResponse);
            if (c.ResponseCreated is { } responded) Assert.InRange(responded, c.Created, asOf);
        });
        Assert.Equal(Data.Claims.Count, Data.Claims.Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void Claims_take_every_state_and_most_are_valuated()
    {
        var byStatus = Data.Claims.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enum.GetValues<ClaimStatus>(), s => Assert.True(byStatus.GetValueOrDefault(s) > 0, $"no claim {s}"));
        Assert.Equal(ClaimStatus.Valuated, byStatus.MaxBy(p => p.Value).Key);
    }

    [Fact]
    public void Both_genders_and_all_ages_are_there()
    {
        var asOf = Data.Options.AsOf;
        Assert.InRange(Data.Insurees.Count(i => i.Gender == "female") / (double)Data.Insurees.Count, 0.4, 0.6);
        Assert.Contains(Data.Insurees, i => i.BirthDate > asOf.AddYears(-1));
        Assert.Contains(Data.Insurees, i => i.BirthDate < asOf.AddYears(-70));
        Assert.All(Data.Insurees, i => Assert.InRange(i.BirthDate, asOf.AddYears(-100), asOf));
    }
}
