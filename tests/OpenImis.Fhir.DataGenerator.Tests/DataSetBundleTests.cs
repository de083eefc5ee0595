using OpenImis.Fhir.DataGenerator.Generation;
using OpenImis.Fhir.DataGenerator.Model;

namespace OpenImis.Fhir.DataGenerator.Tests;

public sealed class DataSetBundleTests(GeneratedData generated) : IClassFixture<GeneratedData>
{
    [Fact]
    public void The_same_seed_gives_the_same_bundles_byte_for_byte()
    {
        var options = new DataSetOptions { Seed = 3, Resources = 1_500 };
        var first = DataSetGenerator.Generate(options).Bundles().Select(b => b.Json.ToArray()).ToList();
        var second = DataSetGenerator.Generate(options).Bundles().Select(b => b.Json.ToArray()).ToList();
        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++) Assert.True(first[i].AsSpan().SequenceEqual(second[i]), $"Bundle {i} differs");
    }

    [Fact]
    public void Another_seed_gives_other_data()
    {
        var a = DataSetGenerator.Generate(new DataSetOptions { Seed = 3, Resources = 1_500 });
        var b = DataSetGenerator.Generate(new DataSetOptions { Seed = 4, Resources = 1_500 });
        Assert.NotEqual(a.Insurees[0].Id, b.Insurees[0].Id);
        Assert.NotEqual(a.Insurees.Select(i => i.Code), b.Insurees.Select(i => i.Code));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(2_000)]
    [InlineData(7_777)]
    public void A_data_set_has_exactly_the_resources_asked_for(int resources)
    {
        var data = DataSetGenerator.Generate(new DataSetOptions { Seed = resources, Resources = resources });
        Assert.Equal(resources, data.ResourceCount);
        Assert.Equal(resources, data.Bundles().Sum(b => b.Resources.Count));
    }

    [Fact]
    public void The_bundles_hold_what_the_model_counts()
    {
        var byType = generated.Entries.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(generated.Data.ResourceCounts.Where(p => p.Value > 0).OrderBy(p => p.Key), byType.OrderBy(p => p.Key));
    }

    [Fact]
    public void Every_entry_is_a_put_of_its_resource_by_id()
    {
        Assert.All(generated.Entries, e => Assert.Equal($"{e.Type}/{e.Id}", e.RequestUrl));
        Assert.All(generated.Bundles, b => Assert.Equal(b.Resources, generated.Entries.Where(e => e.Bundle == b).Select(e => e.RequestUrl)));
    }

    [Fact]
    public void Bundles_keep_to_their_size_and_come_in_phase_order()
    {
        Assert.All(generated.Bundles, b => Assert.InRange(b.Resources.Count, 1, GeneratedData.BundleSize));
        Assert.Equal(generated.Bundles.Select(b => b.Phase).Order(), generated.Bundles.Select(b => b.Phase));
        Assert.Equal(Enumerable.Range(0, generated.Bundles.Count), generated.Bundles.Select(b => b.Index));
    }

    // Reference data Bundles are sent one by one, the others in parallel: a reference may only name a resource of
    // the same Bundle, of an earlier phase, or (for reference data) of an earlier Bundle.
    [Fact]
    public void Every_reference_names_a_resource_loaded_before_or_in_the_same_bundle()
    {
        var loadedIn = generated.Entries.ToDictionary(e => $"{e.Type}/{e.Id}", e => e.Bundle);
        foreach (var entry in generated.Entries)
        {
            foreach (var reference in GeneratedData.References(entry.Resource))
            {
                Assert.True(loadedIn.TryGetValue(reference, out var target), $"{entry.Type}/{entry.Id} refers to {reference}, which the data set lacks");
                var ok = target == entry.Bundle || target.Phase < entry.Bundle.Phase
                    || (entry.Bundle.Phase == DataSetPhase.ReferenceData && target.Index < entry.Bundle.Index);
                Assert.True(ok, $"{entry.Type}/{entry.Id} in Bundle {entry.Bundle.Index} refers to {reference} of Bundle {target.Index}");
            }
        }
    }

    [Fact]
    public void Ids_and_openimis_codes_and_uuids_are_unique_per_type()
    {
        foreach (var group in generated.Entries.GroupBy(e => e.Type))
        {
            Assert.Equal(group.Count(), group.Select(e => e.Id).Distinct().Count());
            foreach (var type in new[] { "Code", "UUID" })
            {
                var values = group.SelectMany(e => GeneratedData.Identifiers(e.Resource, type)).ToList();
                Assert.True(values.Count == values.Distinct().Count(), $"{group.Key} has a duplicate {type} identifier");
            }
        }
    }

    [Fact]
    public void Insuree_codes_are_nine_digits()
    {
        Assert.All(generated.Data.Insurees, i => Assert.Matches("^[0-9]{9}$", i.Code));
    }
}
