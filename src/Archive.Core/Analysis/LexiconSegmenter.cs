namespace Archive.Core.Analysis;

/// <summary>
/// Forward maximum matching over the local <see cref="Lexicon"/>: the longest known word at each position,
/// otherwise a single character. Simple and fast; it keeps local names (高唐锦鲤, 东昌府区) whole so that
/// whole-word matches rank first, while the bigram field supplies recall for everything else.
/// </summary>
public sealed class LexiconSegmenter(Lexicon lexicon) : IChineseSegmenter
{
    public void Segment(ReadOnlySpan<char> run, List<int> wordLengths)
    {
        var i = 0;
        while (i < run.Length)
        {
            var length = 1;
            for (var candidate = Math.Min(lexicon.MaxWordLength, run.Length - i); candidate > 1; candidate--)
            {
                if (lexicon.Contains(run.Slice(i, candidate)))
                {
                    length = candidate;
                    break;
                }
            }
            wordLengths.Add(length);
            i += length;
        }
    }
}
