using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Archive.Core.Searching;

/// <summary>
/// Builds snippets and highlighted text from the stored body: finds the query's texts (case- and width-insensitive),
/// picks the window with the most distinct matches, HTML-encodes it and wraps matches in <c>&lt;mark&gt;</c>.
/// </summary>
public static class SnippetBuilder
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The best window of about <paramref name="length"/> characters, as HTML.</summary>
    public static string Snippet(string text, IEnumerable<string> terms, int length = 120)
    {
        if (text.Length == 0) return "";
        var matches = FindMatches(text, terms);
        var (start, end) = BestWindow(text, matches, length);
        var html = new StringBuilder();
        if (start > 0) html.Append('…');
        AppendHighlighted(html, text, start, end, matches);
        if (end < text.Length) html.Append('…');
        return html.ToString();
    }

    /// <summary>The whole text as HTML with every match marked.</summary>
    public static string Highlight(string text, IEnumerable<string> terms)
    {
        var html = new StringBuilder(text.Length + 64);
        AppendHighlighted(html, text, 0, text.Length, FindMatches(text, terms));
        return html.ToString();
    }

    /// <summary>Non-overlapping matches (start, length, term index), in text order.</summary>
    internal static List<(int Start, int Length, int Term)> FindMatches(string text, IEnumerable<string> terms)
    {
        var found = new List<(int Start, int Length, int Term)>();
        var index = 0;
        var folded = Fold(text);
        foreach (var term in terms.Select(Fold).Where(t => t.Length > 0).Distinct().OrderByDescending(t => t.Length))
        {
            var from = 0;
            var wholeWord = term.All(char.IsAsciiLetterOrDigit);
            while (from < folded.Length && (from = folded.IndexOf(term, from, StringComparison.Ordinal)) >= 0)
            {
                var start = from;
                // A Latin word or number matches whole (app is not marked inside application), as the analyzers see it.
                var whole = !wholeWord || (!IsAsciiWordAt(folded, start - 1) && !IsAsciiWordAt(folded, start + term.Length));
                if (whole && !found.Any(m => start < m.Start + m.Length && m.Start < start + term.Length))
                    found.Add((start, term.Length, index));
                from += term.Length;
            }
            index++;
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static bool IsAsciiWordAt(string text, int i) => i >= 0 && i < text.Length && char.IsAsciiLetterOrDigit(text[i]);

    // Folding keeps the length of the text, so offsets in the folded text are offsets in the original.
    private static string Fold(string text)
    {
        var folds = FoldedChars.Value;
        return string.Create(text.Length, text, (chars, source) =>
        {
            for (var i = 0; i < chars.Length; i++) chars[i] = folds[source[i]];
        });
    }

    // What every UTF-16 unit folds to: full-width ASCII forms to ASCII, the ideographic space to a space, then lower
    // case. A table, because char.ToLowerInvariant asks ICU for every character outside ASCII: finding a word in a
    // body of the 1 M index took 15–25 µs that way and 4–8 µs with the table.
    private static readonly Lazy<char[]> FoldedChars = new(() =>
    {
        var folds = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
            else if (c == '\u3000') c = ' ';
            folds[i] = char.ToLowerInvariant(c);
        }
        return folds;
    });

    private static (int Start, int End) BestWindow(string text, List<(int Start, int Length, int Term)> matches, int length)
    {
        if (text.Length <= length) return (0, text.Length);
        if (matches.Count == 0) return (0, length);

        var best = matches[0].Start;
        var bestScore = -1;
        foreach (var candidate in matches)
        {
            var inWindow = matches.Where(m => m.Start >= candidate.Start && m.Start + m.Length <= candidate.Start + length).ToList();
            var score = inWindow.Select(m => m.Term).Distinct().Count() * 100 + inWindow.Count;
            if (score > bestScore)
            {
                bestScore = score;
                best = candidate.Start;
            }
        }
        // Show a little context before the first match, starting at a sentence or clause break when one is near.
        var start = Math.Max(0, best - length / 5);
        for (var i = best - 1; i >= start; i--)
        {
            if (text[i] is '。' or '！' or '？' or '\n' or '，' or '；')
            {
                start = i + 1;
                break;
            }
        }
        var end = Math.Min(text.Length, start + length);
        return (start, end);
    }

    private static void AppendHighlighted(StringBuilder html, string text, int start, int end, List<(int Start, int Length, int Term)> matches)
    {
        var at = start;
        foreach (var m in matches)
        {
            if (m.Start < at || m.Start + m.Length > end) continue;
            html.Append(Encoder.Encode(text[at..m.Start]));
            html.Append("<mark>").Append(Encoder.Encode(text.Substring(m.Start, m.Length))).Append("</mark>");
            at = m.Start + m.Length;
        }
        html.Append(Encoder.Encode(text[at..end]));
    }
}
