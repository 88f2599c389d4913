namespace Archive.Core.Analysis;

/// <summary>
/// Cuts a run of Chinese characters into words. Implementations must be thread-safe: one instance is shared
/// by every analyzer of the process (its dictionary loads once).
/// </summary>
public interface IChineseSegmenter
{
    /// <summary>Appends the length of each word of <paramref name="run"/>, in order; the lengths sum to its length.</summary>
    void Segment(ReadOnlySpan<char> run, List<int> wordLengths);
}
