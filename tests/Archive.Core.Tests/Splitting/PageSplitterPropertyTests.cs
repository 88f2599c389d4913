using System.Text;
using Archive.Core.Articles;
using Archive.Core.Pages;
using Archive.Core.Splitting;
using Xunit.Abstractions;

namespace Archive.Core.Tests.Splitting;

/// <summary>
/// Nothing lost, as a property: pages generated and mutated from a seeded <see cref="Random"/> (paragraphs shuffled,
/// noise lines inserted, lines broken inside sentences, spaces between characters, paragraphs repeated, bylines removed
/// or added, Unicode junk) never make the splitter throw, and at least 99 % of each page's ideographs reach an article
/// (headline, sub-headlines, byline names, dateline or body), counted as <see cref="PageSplitterRobustnessTests"/> does:
/// furniture lines and paragraphs the page already printed are left out, byline lines count by their names.
/// </summary>
public sealed class PageSplitterPropertyTests(ITestOutputHelper output)
{
    private const int Pages = 400;
    private const double Required = 0.99;

    private readonly PageSplitter _splitter = new();

    [Fact]
    public void MutatedPagesNeverThrowAndKeepNinetyNinePercentOfTheirIdeographs()
    {
        var seeds = SeedPages.Files.Select(SeedPages.LoadPath).ToList();
        var vocabulary = Vocabulary(seeds);
        var failures = new List<(string Text, string Mutations, double Share)>();
        var worst = 1.0;
        long ideographs = 0;

        for (var i = 0; i < Pages; i++)
        {
            var random = new Random(1000 + i);
            var (text, mutations) = Generate(random, seeds, vocabulary);
            var share = Share(text, out var total);
            ideographs += total;
            worst = Math.Min(worst, share);
            if (share < Required) failures.Add((text, $"page {i}: {mutations}", share));
        }

        output.WriteLine($"{Pages} pages, {ideographs} ideographs, worst share {worst:P2}, {failures.Count} below {Required:P0}");
        if (failures.Count == 0) return;
        foreach (var failure in failures) output.WriteLine($"{failure.Mutations}: {failure.Share:P2}");
        var smallest = failures.OrderBy(f => f.Text.Length).First();
        var shrunk = Shrink(smallest.Text);
        Assert.Fail($"{failures.Count} of {Pages} pages keep less than {Required:P0} of their ideographs (worst {worst:P2}). " +
            $"Smallest ({smallest.Mutations}), shrunk to a page that still fails ({Share(shrunk, out _):P2}):\n{shrunk}");
    }

    [Fact]
    public void TheSplitterNeverThrowsOnPagesOfPureJunk()
    {
        for (var i = 0; i < 200; i++)
        {
            var random = new Random(5000 + i);
            var text = new StringBuilder();
            var length = random.Next(0, 4000);
            for (var j = 0; j < length; j++) text.Append(Junk(random, includeIdeographs: true));
            var articles = _splitter.Split(new PageText("junk.txt", text.ToString(), null));
            Assert.NotNull(articles);
        }
    }

    /// <summary>The share of the page's expected ideographs found in its articles, character by character.</summary>
    private double Share(string text, out int total)
    {
        var articles = _splitter.Split(new PageText("prop.txt", text, null));
        var kept = Counts(string.Concat(articles.Select(Everything)));
        var expected = Expected(text);
        total = expected.Values.Sum();
        if (total == 0) return 1;
        var found = expected.Sum(e => Math.Min(e.Value, kept.GetValueOrDefault(e.Key)));
        return (double)found / total;
    }

    /// <summary>
    /// The same reckoning as the seed test (furniture and '┌' lines out, bylines by their names, a line of ≥ 8 ideographs
    /// the page already printed out), and one step further for mutated pages: a whole paragraph the page already printed
    /// is a dropped duplicate too, short lines included, and so are the short lines that continue a repeated line, since
    /// the splitter compares paragraphs and sentences, not lines.
    /// </summary>
    private static Dictionary<char, int> Expected(string text)
    {
        var expected = new Dictionary<char, int>();
        var seen = new StringBuilder();
        var repeat = "";
        foreach (var paragraph in Paragraphs(text.ReplaceLineEndings("\n").Split('\n').ToList()))
        {
            var whole = TextNormalizer.CjkOnly(string.Concat(paragraph));
            if (whole.Length >= 8 && seen.ToString().Contains(whole, StringComparison.Ordinal)) continue;
            repeat = "";
            foreach (var raw in paragraph)
            {
                var line = raw.Trim();
                var compact = TextNormalizer.NormalizeInline(line);
                if (compact.Length == 0 || line.StartsWith('┌') || SplitterLexicon.Default.Furniture.Any(f => compact.StartsWith(f, StringComparison.Ordinal)))
                    continue;
                var byline = BylineParser.Default.ParseLine(line);
                var cjk = byline is not null ? string.Concat(byline.AllNames) : TextNormalizer.CjkOnly(line);
                // A short line that continues a repeated one is part of the same repeat (a copied paragraph wraps the same way).
                if (repeat.Length > 0 && cjk.Length > 0 && seen.ToString().Contains(repeat + cjk, StringComparison.Ordinal))
                {
                    repeat += cjk;
                    continue;
                }
                repeat = "";
                if (cjk.Length >= 8 && seen.ToString().Contains(cjk, StringComparison.Ordinal))
                {
                    repeat = cjk;
                    continue;
                }
                seen.Append(cjk);
                foreach (var c in cjk) expected[c] = expected.GetValueOrDefault(c) + 1;
            }
        }
        return expected;
    }

    private static Dictionary<char, int> Counts(string text)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in text)
            if (TextNormalizer.IsCjk(c)) counts[c] = counts.GetValueOrDefault(c) + 1;
        return counts;
    }

    private static string Everything(Article a) =>
        string.Join("|", [a.Headline, .. a.Subheadlines, .. a.Reporters, .. a.Correspondents, .. a.Photographers, .. a.Authors, a.Dateline, a.Body]);

    // ---- generation ----

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "朱", "欧阳"];
    private static readonly string[] Given = ["海波", "颖", "亚飞", "良诚", "玉亮", "小明", "建国", "晓东", "丽", "春晓"];
    private static readonly string[] Counties = ["冠县", "莘县", "高唐县", "阳谷县", "东阿县", "临清市", "茌平区", "东昌府区"];

    /// <summary>Sentences of the seeds, so generated pages have the seeds' characters and rhythm.</summary>
    private static List<string> Vocabulary(List<PageText> seeds) =>
        seeds.SelectMany(p => p.Text.Replace("\n", "").Split('。', '！', '？'))
            .Select(s => s.Trim())
            .Where(s => TextNormalizer.CountCjk(s) >= 6 && !s.Contains('□'))
            .Select(s => s + "。")
            .ToList();

    private static string Name(Random r) => Surnames[r.Next(Surnames.Length)] + Given[r.Next(Given.Length)];

    private static (string Text, string Mutations) Generate(Random r, List<PageText> seeds, List<string> vocabulary)
    {
        var lines = r.Next(4) == 0
            ? seeds[r.Next(seeds.Count)].Text.ReplaceLineEndings("\n").Split('\n').ToList()
            : Synthetic(r, vocabulary);
        var applied = new List<string>();
        foreach (var (name, mutate) in Mutations)
        {
            if (r.NextDouble() >= 0.35) continue;
            mutate(r, lines);
            applied.Add(name);
        }
        return (string.Join(r.Next(5) == 0 ? "\r\n" : "\n", lines), applied.Count == 0 ? "unmutated" : string.Join(", ", applied));
    }

    private static List<string> Synthetic(Random r, List<string> vocabulary)
    {
        var lines = new List<string>();
        for (var article = r.Next(1, 6); article > 0; article--)
        {
            var county = Counties[r.Next(Counties.Length)];
            var headline = Sentence(r, vocabulary);
            lines.Add(county + headline[..Math.Min(12, headline.Length)].TrimEnd('。', '，'));
            if (r.Next(3) == 0) lines.Add("——" + Sentence(r, vocabulary).TrimEnd('。'));
            lines.Add("");
            if (r.Next(2) == 0) lines.Add($"□ 本报记者 {Name(r)}");
            var first = r.Next(2) == 0 ? $"本报讯（记者 {Name(r)} 通讯员 {Name(r)}）" : "";
            for (var paragraph = r.Next(1, 6); paragraph > 0; paragraph--)
            {
                var text = first + string.Concat(Enumerable.Range(0, r.Next(1, 5)).Select(_ => Sentence(r, vocabulary)));
                first = "";
                // Wrapped as the extraction wraps columns: a dozen characters a line.
                for (var at = 0; at < text.Length; at += 14) lines.Add(text.Substring(at, Math.Min(14, text.Length - at)));
                lines.Add("");
            }
        }
        return lines;
    }

    private static string Sentence(Random r, List<string> vocabulary) => vocabulary[r.Next(vocabulary.Count)];

    private static readonly (string Name, Action<Random, List<string>> Mutate)[] Mutations =
    [
        ("shuffled paragraphs", (r, lines) =>
        {
            var paragraphs = Paragraphs(lines).OrderBy(_ => r.Next()).ToList();
            lines.Clear();
            foreach (var p in paragraphs) { lines.AddRange(p); lines.Add(""); }
        }),
        ("noise lines", (r, lines) =>
        {
            string[] noise = ["-12-", "第3版", "A05", "2024年2月7日 星期三", "□■■□", "http://www.lcxw.cn", "责任编辑：王丽", "·", "|||", "12345", "（上接第一版）"];
            for (var n = r.Next(1, 6); n > 0; n--) lines.Insert(r.Next(lines.Count + 1), noise[r.Next(noise.Length)]);
        }),
        ("line breaks inside sentences", (r, lines) =>
        {
            for (var n = r.Next(1, 10); n > 0 && lines.Count > 0; n--)
            {
                var i = r.Next(lines.Count);
                if (lines[i].Length < 4) continue;
                var at = r.Next(1, lines[i].Length - 1);
                if (char.IsSurrogate(lines[i][at])) continue;
                lines.Insert(i + 1, lines[i][at..]);
                lines[i] = lines[i][..at];
            }
        }),
        ("spaces between characters", (r, lines) =>
        {
            for (var n = r.Next(1, 5); n > 0 && lines.Count > 0; n--)
            {
                var i = r.Next(lines.Count);
                lines[i] = string.Join(r.Next(2) == 0 ? " " : "\u3000", lines[i].EnumerateRunes());
            }
        }),
        ("duplicated paragraphs", (r, lines) =>
        {
            var paragraphs = Paragraphs(lines);
            if (paragraphs.Count == 0) return;
            var copy = paragraphs[r.Next(paragraphs.Count)];
            lines.Insert(Math.Min(lines.Count, r.Next(lines.Count + 1)), "");
            lines.InsertRange(Math.Min(lines.Count, r.Next(lines.Count + 1)), [.. copy, ""]);
        }),
        ("bylines stripped", (r, lines) => lines.RemoveAll(l => BylineParser.Default.ParseLine(l.Trim()) is not null)),
        ("bylines added", (r, lines) =>
        {
            for (var n = r.Next(1, 4); n > 0; n--)
                lines.Insert(r.Next(lines.Count + 1), r.Next(2) == 0 ? $"□ 本报记者 {Name(r)}" : $"本报通讯员 {Name(r)} 摄");
        }),
        ("Unicode junk", (r, lines) =>
        {
            for (var n = r.Next(1, 20); n > 0 && lines.Count > 0; n--)
            {
                var i = r.Next(lines.Count);
                var at = r.Next(lines[i].Length + 1);
                if (at > 0 && at < lines[i].Length && char.IsSurrogate(lines[i][at])) continue;
                lines[i] = lines[i].Insert(at, Junk(r, includeIdeographs: false));
            }
        }),
    ];

    private static string Junk(Random r, bool includeIdeographs) => r.Next(includeIdeographs ? 12 : 11) switch
    {
        0 => "\u200B",
        1 => "\u200D",
        2 => "\uFEFF",
        3 => "\u0301",
        4 => char.ConvertFromUtf32(0x1F600 + r.Next(50)),
        5 => ((char)r.Next(1, 32)).ToString(),
        6 => ((char)(0xE000 + r.Next(100))).ToString(),
        7 => "\uFFFD",
        8 => "\u202E",
        9 => "<b>",
        10 => "\n",
        _ => ((char)r.Next(0x4E00, 0x9FA5)).ToString(),
    };

    private static List<List<string>> Paragraphs(List<string> lines)
    {
        var paragraphs = new List<List<string>>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                if (current.Count > 0) paragraphs.Add(current);
                current = [];
            }
            else current.Add(line);
        }
        if (current.Count > 0) paragraphs.Add(current);
        return paragraphs;
    }

    /// <summary>Removes lines, then characters, while the page still fails, so the report shows a small failing page.</summary>
    private string Shrink(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var candidate = lines.Where((_, j) => j != i).ToList();
            if (Share(string.Join("\n", candidate), out var total) < Required && total > 0) lines = candidate;
        }
        return string.Join("\n", lines);
    }
}
