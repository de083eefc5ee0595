using OpenImis.Fhir.Engine.FhirPath;

namespace OpenImis.Fhir.Engine.Tests.FhirPath;

public class FhirPathCollectionTests
{
    [Fact]
    public void Slice_shares_storage_and_checks_bounds()
    {
        var collection = new FhirPathCollection([1L, 2L, 3L, 4L]);
        Assert.Equal([2L, 3L], collection.Slice(1, 2));
        Assert.Equal([3L], collection.Slice(2, 1));
        Assert.Empty(collection.Slice(4, 0));
        Assert.Equal([3L, 4L], collection.Slice(1, 3).Slice(1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => collection.Slice(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => collection.Slice(-1, 1));
    }

    [Fact]
    public void Builder_adopts_the_first_collection_and_copies_only_when_joining()
    {
        var first = new FhirPathCollection([1L, 2L]);
        var builder = new CollectionBuilder();
        builder.AddRange(FhirPathCollection.Empty);
        builder.AddRange(first);
        Assert.Equal([1L, 2L], builder.ToCollection());
        builder.Add(3L);
        builder.AddRange(new FhirPathCollection([4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L]));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (object)(long)i), builder.ToCollection());
        Assert.Equal([1L, 2L], first); // the adopted collection is not changed by later additions
    }

    [Fact]
    public void Single_item_collections_need_no_array()
    {
        var one = new FhirPathCollection("x");
        Assert.Equal("x", Assert.Single(one));
        Assert.Equal("x", one.Single);
        Assert.Throws<ArgumentOutOfRangeException>(() => one[1]);
    }
}
