using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Core.Splitting;

/// <summary>
/// Reads the names and roles of bylines and credits in every form the region's papers print:
/// <c>□ 本报记者 胡磊 薛良诚</c>, <c>本报通讯员 王培源 李政哲</c>, <c>□ 记者 薛良诚 通讯员 陈清林 杨长武 报道</c>,
/// <c>■ 本 报 记 者 王培源 李政哲</c>, <c>□ 胡磊 薛良诚</c>, <c>文/记者 苑莘 图/吴建正</c>,
/// <c>本报讯（记者 朱海波 张颖 通讯员 潘玉亮）</c>, <c>本报讯(聊城日报全媒体记者于伯平)</c>, and photo credits at the end of a
/// caption (<c>… ■ 田柏林</c>). The words it knows come from <see cref="SplitterLexicon"/>.
/// Works on the raw text: the normaliser would glue <c>朱海波 张颖</c> into one word.
/// </summary>
public sealed partial class BylineParser(SplitterLexicon lexicon)
{
    private const int MaxBylineLength = 80;

    private readonly RoleWord[] _roles = lexicon.Roles.OrderByDescending(r => r.Word.Length).ToArray();

    /// <summary>A parser with the embedded lexicon.</summary>
    public static BylineParser Default { get; } = new(SplitterLexicon.Default);

    /// <summary>
    /// Reads a line that holds nothing but a byline. Lines without a marker (<c>□</c>) must name a role
    /// (<c>通讯员 王亚飞 朱鹏 报道</c>), so that a short line of body text is not taken for names. Null when it is not a byline.
    /// </summary>
    public Byline? ParseLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line) || line.Length > MaxBylineLength) return null;
        var text = line.Trim();
        var marked = lexicon.IsMarker(text[0]);
        if (TextNormalizer.EndsSentence(text) || text.Contains('，') || text.Contains('。')) return null;
        return Parse(text, requireRole: !marked, requireLeadingRole: !marked);
    }

    /// <summary>
    /// Finds a byline in brackets at the start of a paragraph, after an optional dateline:
    /// <c>本报讯（记者 朱海波 通讯员 郭凌鹤）</c>, <c>（记者 赵宏磊）</c>, <c>本报聊城3月6日讯(记者凌文秀 通讯员 杨丽丽)</c>.
    /// </summary>
    public Byline? ParseInline(string? paragraph)
    {
        if (string.IsNullOrEmpty(paragraph)) return null;
        var head = paragraph.Length > 120 ? paragraph[..120] : paragraph;
        var match = InlineBylinePattern().Match(head);
        if (!match.Success) return null;
        return Parse(match.Groups["names"].Value, requireRole: true, requireLeadingRole: false);
    }

    /// <summary>
    /// Finds a photo credit at the end of a caption (<c>…新成效。 ■ 田柏林</c>, <c>… ■ 本报记者 许金松</c>) and returns where
    /// the credit starts, so the caption can be cut there. All names of a photo credit are photographers.
    /// </summary>
    public (int Start, Byline Credit)? ParseTrailingCredit(string? paragraph)
    {
        if (string.IsNullOrEmpty(paragraph)) return null;
        var from = Math.Max(0, paragraph.Length - 40);
        for (var i = paragraph.Length - 1; i >= from; i--)
        {
            if (!lexicon.IsMarker(paragraph[i])) continue;
            // Text must precede the marker, otherwise this is a byline line, not a credit under a caption.
            if (TextNormalizer.CountCjk(paragraph.AsSpan(0, i)) < 4) return null;
            var credit = Parse(paragraph[i..], requireRole: false, requireLeadingRole: false);
            return credit is null ? null : (i, credit.AsPhotoCredit());
        }
        return null;
    }

    /// <summary>
    /// Parses a run of role words and names. Spaced-out role words and names (<c>本 报 记 者</c>, <c>高 田</c>) are rejoined;
    /// <c>文/</c> and <c>图/</c> set the role of the names after them; a trailing <c>报道</c> is ignored and a trailing
    /// <c>摄</c> makes the names before it photographers.
    /// </summary>
    public Byline? Parse(string text, bool requireRole, bool requireLeadingRole)
    {
        var tokens = Tokenize(text);
        if (tokens.Count == 0) return null;

        var reporters = new List<string>();
        var correspondents = new List<string>();
        var photographers = new List<string>();
        var authors = new List<string>();
        List<string> ListFor(CreditRole role) => role switch
        {
            CreditRole.Reporter => reporters,
            CreditRole.Correspondent => correspondents,
            CreditRole.Photographer => photographers,
            _ => authors,
        };

        var role = CreditRole.Author;
        var sawRole = false;
        var first = true;
        foreach (var raw in tokens)
        {
            var token = raw;
            // 文/记者 苑莘, 图/吴建正: a credit prefix before a slash.
            var slash = token.IndexOfAny(['/', '／']);
            if (slash > 0)
            {
                var prefix = token[..slash];
                var prefixRole = lexicon.CreditPrefixes.FirstOrDefault(p => p.Word == prefix);
                if (prefixRole is null) return null;
                role = prefixRole.CreditRole;
                sawRole = true;
                token = token[(slash + 1)..];
                if (token.Length == 0) { first = false; continue; }
            }

            if (lexicon.TrailingWords.Contains(token))
            {
                // 张三 摄: the names before were photographers.
                if (token is "摄" or "摄影" && authors.Count > 0)
                {
                    photographers.AddRange(authors);
                    authors.Clear();
                    sawRole = true;
                }
                first = false;
                continue;
            }

            var roleWord = FindRole(token, out var at);
            if (roleWord is not null)
            {
                var before = token[..at];
                var after = token[(at + roleWord.Word.Length)..];
                // What precedes the role word is the paper or a qualifier (本报, 聊城日报全媒体, 见习); a name there
                // means two names lost their separating space, which cannot be undone reliably.
                if (before.Length > 12 || !IsCjkWord(before, allowEmpty: true)) return null;
                role = roleWord.CreditRole;
                sawRole = true;
                if (after.Length > 0)
                {
                    if (!IsName(after)) return null;
                    ListFor(role).Add(after);
                }
                first = false;
                continue;
            }

            if (first && requireLeadingRole) return null;
            if (!IsName(token)) return null;
            ListFor(role).Add(token);
            first = false;
        }

        if (requireRole && !sawRole) return null;
        var byline = new Byline(Distinct(reporters), Distinct(correspondents), Distinct(photographers), Distinct(authors));
        return byline.IsEmpty ? null : byline;
    }

    private RoleWord? FindRole(string token, out int at)
    {
        foreach (var role in _roles)
        {
            var i = token.IndexOf(role.Word, StringComparison.Ordinal);
            if (i >= 0)
            {
                at = i;
                return role;
            }
        }
        at = -1;
        return null;
    }

    /// <summary>A personal name: two to four ideographs (up to twelve with the middle dot of minority names), not a role word.</summary>
    public bool IsName(string token)
    {
        if (token.Contains('·') || token.Contains('•'))
            return token.Length is >= 3 and <= 12 && token.All(c => TextNormalizer.IsCjk(c) || c is '·' or '•');
        if (token.Length is < 2 or > 4 || !IsCjkWord(token, allowEmpty: false)) return false;
        foreach (var word in lexicon.NotNames)
            if (token.Contains(word, StringComparison.Ordinal)) return false;
        return true;
    }

    private static bool IsCjkWord(string token, bool allowEmpty)
    {
        if (token.Length == 0) return allowEmpty;
        foreach (var c in token)
            if (!TextNormalizer.IsCjk(c)) return false;
        return true;
    }

    // Splits on spaces and list punctuation, drops markers and brackets, and rejoins runs of single ideographs
    // (the spaced-out 本 报 记 者 of a display byline, or a spaced two-character name such as 高 田).
    private List<string> Tokenize(string text)
    {
        var parts = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (TextNormalizer.IsSpace(c) || c is '、' or '，' or ',' or '；' or ';' or '（' or '）' or '(' or ')' or '\r' or '\n' or '\t'
                || lexicon.IsMarker(c))
            {
                if (sb.Length > 0) { parts.Add(sb.ToString()); sb.Clear(); }
                continue;
            }
            sb.Append(c);
        }
        if (sb.Length > 0) parts.Add(sb.ToString());

        var tokens = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Length == 1 && TextNormalizer.IsCjk(parts[i][0]) && i + 1 < parts.Count && parts[i + 1].Length == 1
                && TextNormalizer.IsCjk(parts[i + 1][0]))
            {
                var run = new StringBuilder();
                while (i < parts.Count && parts[i].Length == 1 && TextNormalizer.IsCjk(parts[i][0]))
                    run.Append(parts[i++][0]);
                i--;
                tokens.AddRange(SplitRun(run.ToString()));
                continue;
            }
            tokens.Add(parts[i]);
        }
        return tokens;
    }

    // A rejoined run may hold a role word and the name after it (本 报 记 者 高 田 → 本报记者, 高田).
    private IEnumerable<string> SplitRun(string run)
    {
        var role = FindRole(run, out var at);
        if (role is null || at + role.Word.Length >= run.Length)
            return [run];
        var end = at + role.Word.Length;
        return [run[..end], run[end..]];
    }

    private static string[] Distinct(List<string> names) => names.Distinct(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"^\s*(?:本报[^（(]{0,14}?[讯电]\s*)?[（(](?<names>[^）)]{2,60})[）)]")]
    private static partial Regex InlineBylinePattern();
}
