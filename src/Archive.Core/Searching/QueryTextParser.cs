using System.Text;

namespace Archive.Core.Searching;

/// <summary>
/// Reads the query syntax users type: words (all required), <c>"exact phrases"</c>, <c>a OR b</c>,
/// <c>-word</c> and <c>NOT word</c>. Forgiving: an unbalanced quote closes at the end, stray operators are
/// ignored; it never throws.
/// </summary>
public static class QueryTextParser
{
    public static ParsedQuery Parse(string? text)
    {
        var notes = new List<string>();
        var required = new List<List<string>>();
        var excluded = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return new ParsedQuery([], [], notes);

        var pendingOr = false;
        var pendingNot = false;
        foreach (var (token, quoted) in Tokenize(text, notes))
        {
            if (!quoted && token is "OR" or "|" or "||")
            {
                pendingOr = required.Count > 0;
                continue;
            }
            if (!quoted && token is "NOT" or "AND" or "&&" or "+")
            {
                pendingNot = token == "NOT";
                continue;
            }

            var negative = pendingNot;
            var value = token;
            if (!quoted && value.Length > 1 && value[0] is '-' or '－')
            {
                negative = true;
                value = value[1..];
            }
            else if (!quoted && value.Length > 1 && value[0] == '+')
            {
                value = value[1..];
            }
            pendingNot = false;

            if (!HasSearchableText(value))
            {
                notes.Add($"“{value}” 不含可检索的文字，已忽略");
                pendingOr = false;
                continue;
            }

            if (negative) excluded.Add(value);
            else if (pendingOr) required[^1].Add(value);
            else required.Add([value]);
            pendingOr = false;
        }

        if (required.Count == 0 && excluded.Count > 0)
            notes.Add("只有排除词的检索会列出其余全部文章");

        return new ParsedQuery(required, excluded, notes);
    }

    private static IEnumerable<(string Token, bool Quoted)> Tokenize(string text, List<string> notes)
    {
        var current = new StringBuilder();
        var inQuote = false;
        foreach (var c in text)
        {
            if (c is '"' or '“' or '”' or '「' or '」')
            {
                if (current.Length > 0) yield return (current.ToString(), inQuote);
                current.Clear();
                inQuote = !inQuote;
            }
            else if (!inQuote && (char.IsWhiteSpace(c) || c == '\u3000'))
            {
                if (current.Length > 0) yield return (current.ToString(), false);
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (inQuote) notes.Add("引号未闭合，已按到结尾处理");
        if (current.Length > 0) yield return (current.ToString(), inQuote);
    }

    private static bool HasSearchableText(string value) => value.Any(char.IsLetterOrDigit);
}
