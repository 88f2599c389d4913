namespace Archive.Core.Analysis;

/// <summary>
/// The most probable way through a sentence's DAG (jieba's method): from each position, every dictionary word that
/// starts there is an edge; the best route from the end backwards maximises the sum of the words' log-probabilities.
/// Going backwards, the DAG never needs storing: the words starting at a position are found (by walking the trie)
/// exactly when the best routes after them are known.
/// </summary>
internal static class JiebaRoute
{
    /// <summary>
    /// Sets <c>wordEnd[i]</c> to the end (exclusive) of the word the best route takes at position i, for every i;
    /// follow it from 0. <paramref name="score"/> (length n + 1) is working space.
    /// </summary>
    public static void Compute(JiebaDictionary dictionary, ExtraWords extra, ReadOnlySpan<char> text, Span<int> wordEnd, Span<double> score)
    {
        var n = text.Length;
        score[n] = 0;
        // A character in no word counts as frequency 1, as in jieba.
        var unknown = -dictionary.LogTotal;
        for (var i = n - 1; i >= 0; i--)
        {
            var best = double.NegativeInfinity;
            var bestEnd = 0;
            var slot = JiebaDictionary.Root;
            for (var j = i; j < n; j++)
            {
                slot = dictionary.Child(slot, text[j]);
                if (slot < 0) break;
                var logProbability = dictionary.LogProbabilityAt(slot);
                if (logProbability == 0) continue; // a prefix of longer words only
                // On a tie the longer word wins, as jieba's max over (score, end) pairs does.
                var candidate = logProbability + score[j + 1];
                if (candidate >= best)
                {
                    best = candidate;
                    bestEnd = j + 1;
                }
            }

            foreach (var entry in extra.StartingWith(text[i]))
            {
                var end = i + entry.Word.Length;
                if (end > n || !text[i..end].SequenceEqual(entry.Word)) continue;
                var candidate = entry.LogProbability + score[end];
                if (candidate > best || (candidate == best && end > bestEnd))
                {
                    best = candidate;
                    bestEnd = end;
                }
            }

            // The character alone is an edge only when it is a word or no word starts here (jieba's DAG).
            if (bestEnd == 0)
            {
                best = unknown + score[i + 1];
                bestEnd = i + 1;
            }
            score[i] = best;
            wordEnd[i] = bestEnd;
        }
    }
}
