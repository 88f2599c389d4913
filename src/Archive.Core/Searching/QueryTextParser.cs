using System.Text;
using Archive.Core.Splitting;

namespace Archive.Core.Searching;

/// <summary>
/// Reads the query syntax users type: words (all required), <c>"exact phrases"</c>, <c>a OR b</c>, <c>-word</c> and
/// <c>NOT word</c>, field prefixes in Chinese or English (<c>标题:</c>/<c>headline:</c>, <c>正文:</c>/<c>body:</c>,
/// <c>记者:</c>/<c>reporter:</c>, <c>县:</c>/<c>county:</c>, <c>日期:</c>/<c>date:</c>), full-width or ASCII colons and quotes.
/// Forgiving: an unbalanced quote closes at the end, stray operators and punctuation are ignored with a note;
/// it never throws.
/// </summary>
public static class QueryTextParser
{
    private static readonly Dictionary<string, QueryField> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["标题"] = QueryField.Headline, ["headline"] = QueryField.Headline, ["title"] = QueryField.Headline,
        ["正文"] = QueryField.Body, ["body"] = QueryField.Body, ["text"] = QueryField.Body,
        ["记者"] = QueryField.Person, ["reporter"] = QueryField.Person, ["作者"] = QueryField.Person, ["author"] = QueryField.Person,
        ["通讯员"] = QueryField.Person, ["correspondent"] = QueryField.Person, ["人名"] = QueryField.Person, ["person"] = QueryField.Person,
        ["摄影"] = QueryField.Person, ["photographer"] = QueryField.Person,
        ["县"] = QueryField.County, ["县区"] = QueryField.County, ["区县"] = QueryField.County, ["地区"] = QueryField.County, ["county"] = QueryField.County,
        ["日期"] = QueryField.Date, ["date"] = QueryField.Date,
    };

    public static ParsedQuery Parse(string? text)
    {
        var notes = new List<string>();
        var required = new List<List<QueryTerm>>();
        var excluded = new List<QueryTerm>();
        if (string.IsNullOrWhiteSpace(text)) return new ParsedQuery([], [], notes);

        var pendingOr = false;
        var pendingNot = false;
        foreach (var token in Tokenize(text, notes))
        {
            if (token is { Quoted: false, Prefix: null, Sign: null })
            {
                if (token.Value is "OR" or "|" or "||" or "或")
                {
                    pendingOr = required.Count > 0;
                    continue;
                }
                if (token.Value is "NOT" or "非")
                {
                    pendingNot = true;
                    continue;
                }
                if (token.Value is "AND" or "&&" or "&" or "且") continue;
            }

            var negative = pendingNot || token.Sign == '-';
            pendingNot = false;
            var term = ToTerm(token, notes);
            if (term is null)
            {
                pendingOr = false;
                continue;
            }

            if (negative) excluded.Add(term);
            else if (pendingOr) required[^1].Add(term);
            else required.Add([term]);
            pendingOr = false;
        }

        if (required.Count == 0 && excluded.Count > 0)
            notes.Add("只有排除条件，列出其余全部文章");

        return new ParsedQuery(required, excluded, notes);
    }

    private static QueryTerm? ToTerm(Token token, List<string> notes)
    {
        var field = token.Prefix is null ? QueryField.Any : Prefixes[token.Prefix];
        var value = TextNormalizer.NormalizeInline(token.Value);
        if (field == QueryField.Date)
        {
            var range = DateRangeParser.Parse(value, out var error);
            if (range is null)
            {
                notes.Add(error!);
                return null;
            }
            return new QueryTerm(field, value, range.Value.From, range.Value.To);
        }
        if (!value.Any(char.IsLetterOrDigit))
        {
            notes.Add(value.Length > 0 ? $"“{value}”不含可检索的文字，已忽略"
                : token.Prefix is null ? "空引号，已忽略"
                : $"“{token.Prefix}:”后缺少检索词，已忽略");
            return null;
        }
        return new QueryTerm(field, value);
    }

    private readonly record struct Token(string? Prefix, char? Sign, string Value, bool Quoted);

    private static List<Token> Tokenize(string text, List<string> notes)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsSpace(text[i])) i++;
            if (i >= text.Length) break;

            char? sign = null;
            if (text[i] is '-' or '－' or '+' or '＋' && i + 1 < text.Length && !IsSpace(text[i + 1]))
            {
                sign = text[i] is '-' or '－' ? '-' : '+';
                i++;
            }

            string? prefix = null;
            var colon = FindPrefixColon(text, i);
            if (colon > i && Prefixes.ContainsKey(text[i..colon]))
            {
                prefix = text[i..colon];
                i = colon + 1;
            }

            if (i < text.Length && IsQuote(text[i]))
            {
                var start = ++i;
                while (i < text.Length && !IsQuote(text[i])) i++;
                if (i >= text.Length) notes.Add("引号未闭合，已按到结尾处理");
                tokens.Add(new Token(prefix, sign, text[start..Math.Min(i, text.Length)], Quoted: true));
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !IsSpace(text[i]) && !IsQuote(text[i])) i++;
                var value = text[start..i];
                if (value.Length == 0 && prefix is null && sign is null) { i++; continue; }
                tokens.Add(new Token(prefix, sign, value, Quoted: false));
            }
        }
        return tokens;
    }

    // The colon of a field prefix: ASCII or full-width, within the first few characters of the token.
    private static int FindPrefixColon(string text, int start)
    {
        for (var j = start; j < text.Length && j - start <= 16 && !IsSpace(text[j]) && !IsQuote(text[j]); j++)
            if (text[j] is ':' or '：') return j;
        return -1;
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u3000';

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '「' or '」' or '＂';
}
