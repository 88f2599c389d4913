namespace Archive.Core.Splitting;

/// <summary>
/// How much of a headline a text repeats, measured on ideograph bigrams. A headline shares many bigrams with its own
/// story and few with its neighbour; that tells a page that prints headlines after their stories from one that prints
/// them before.
/// </summary>
internal static class TextSimilarity
{
    /// <summary>The share (0 to 1) of the headline's distinct bigrams that occur in the text.</summary>
    public static double Coverage(string headline, string text)
    {
        var unseen = new HashSet<int>(Bigrams(headline));
        var distinct = unseen.Count;
        if (distinct == 0 || string.IsNullOrEmpty(text)) return 0;
        // The text is a whole story: its bigrams are only looked up in the headline's few, not collected (that set
        // was a sixth of all that ingestion allocated).
        foreach (var bigram in Bigrams(text))
            if (unseen.Remove(bigram) && unseen.Count == 0) break;
        return (double)(distinct - unseen.Count) / distinct;
    }

    // Each pair of adjacent CJK characters, as one int.
    private static IEnumerable<int> Bigrams(string text)
    {
        var previous = '\0';
        foreach (var c in text)
        {
            if (!TextNormalizer.IsCjk(c)) { previous = '\0'; continue; }
            if (previous != '\0') yield return previous << 16 | c;
            previous = c;
        }
    }
}
