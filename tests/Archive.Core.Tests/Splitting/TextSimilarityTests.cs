using Archive.Core.Splitting;

namespace Archive.Core.Tests.Splitting;

public sealed class TextSimilarityTests
{
    [Theory]
    // 高唐 唐锦 锦鲤: two of the three occur.
    [InlineData("高唐锦鲤", "高唐县的锦鲤出口欧洲", 2.0 / 3)]
    // Each distinct bigram counts once, however often either text repeats it.
    [InlineData("锦鲤锦鲤", "锦鲤，锦鲤，锦鲤", 1.0 / 2)]
    // A bigram across punctuation, a space or a letter is no bigram.
    [InlineData("高唐", "高，唐 高 唐 高a唐", 0)]
    [InlineData("高唐", "", 0)]
    [InlineData("GDP 2025", "GDP 2025", 0)]
    [InlineData("东阿阿胶", "东阿阿胶", 1)]
    public void CoverageIsTheShareOfTheHeadlinesDistinctBigramsInTheText(string headline, string text, double expected) =>
        Assert.Equal(expected, TextSimilarity.Coverage(headline, text), precision: 10);
}
