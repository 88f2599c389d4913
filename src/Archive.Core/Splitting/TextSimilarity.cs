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
        var head = Bigrams(headline);
        if (head.Count == 0 || string.IsNullOrEmpty(text)) return 0;
        var body = Bigrams(text);
        var shared = 0;
        foreach (var bigram in head)
            if (body.Contains(bigram)) shared++;
        return (double)shared / head.Count;
    }

    private static HashSet<int> Bigrams(string text)
    {
        var set = new HashSet<int>();
        var previous = '\0';
        foreach (var c in text)
        {
            if (!TextNormalizer.IsCjk(c)) { previous = '\0'; continue; }
            if (previous != '\0') set.Add(previous << 16 | c);
            previous = c;
        }
        return set;
    }
}
