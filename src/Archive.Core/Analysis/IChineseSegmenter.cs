namespace Archive.Core.Analysis;

/// <summary>
/// Cuts a run of Chinese characters into words. Implementations must be thread-safe: one instance is shared
/// by every analyzer of the process (its dictionary loads once).
/// </summary>
public interface IChineseSegmenter
{
    /// <summary>Appends the length of each word of <paramref name="run"/>, in order; the lengths sum to its length.</summary>
    void Segment(ReadOnlySpan<char> run, List<int> wordLengths);

    /// <summary>
    /// Teaches the segmenter words it must keep whole from now on (names learned from bylines). Thread-safe.
    /// Text analysed before keeps its tokens; the bigram field still finds it.
    /// </summary>
    void AddWords(IEnumerable<string> words);
}
