using Archive.Core.Benchmarking;
using Archive.Core.Corpus;
using Archive.Core.Splitting;
using Archive.Core.Tests.Splitting;

namespace Archive.Core.Tests.Benchmarking;

public sealed class BenchQueryTests
{
    [Fact]
    public async Task DistinctQueriesNeverRepeatAndAreTheSameForASeed()
    {
        var material = await CorpusMaterial.FromSeedsAsync(SeedPages.Folder, new PageSplitter());

        var queries = BenchQuery.Distinct(material, 2_000, seed: 3);

        Assert.Equal(2_000, queries.Count);
        Assert.Equal(queries.Count, queries.Select(q => q.Text + "|" + q.County).Distinct().Count());
        Assert.Equal(queries.Select(q => q.Text), BenchQuery.Distinct(material, 2_000, seed: 3).Select(q => q.Text));
        Assert.NotEqual(queries.Select(q => q.Text), BenchQuery.Distinct(material, 2_000, seed: 4).Select(q => q.Text));
        // Some filtered by county, some of two words; every term is a word of the vocabulary.
        Assert.InRange(queries.Count(q => q.County is not null), 400, 600);
        Assert.Contains(queries, q => q.Terms.Count == 2);
        var vocabulary = material.Words.ToHashSet();
        Assert.All(queries.SelectMany(q => q.Terms), term => Assert.Contains(term, vocabulary));
    }
}
