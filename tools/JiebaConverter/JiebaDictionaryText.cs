namespace JiebaConverter;

/// <summary>jieba's <c>dict.txt</c>: one <c>word frequency [part-of-speech]</c> a line.</summary>
internal sealed record JiebaDictionaryText(long TotalFrequency, int Lines, IReadOnlyList<(string Word, int Frequency)> HanWords)
{
    public static JiebaDictionaryText Read(string path)
    {
        long total = 0;
        var lines = 0;
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2) continue;
            var frequency = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            lines++;
            // jieba's total counts every line, words with Latin letters too (B超, T恤); keeping it makes our
            // log-probabilities the same as jieba's.
            total += frequency;
            frequencies[fields[0]] = frequency; // a repeated word: the last line wins, as in jieba
        }
        // Our tokenizer hands the segmenter runs of Han characters only, so words with other characters can never match.
        var han = frequencies
            .Where(p => p.Value > 0 && p.Key.All(IsHan))
            .Select(p => (p.Key, p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        return new JiebaDictionaryText(total, lines, han);
    }

    // Same ranges as Archive.Core's CjkText.IsHan.
    private static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';
}
