using System.Globalization;
using System.Text;
using System.Text.Json;
using Archive.Core.Pages;
using Archive.Core.Splitting;

namespace Archive.Core.Corpus;

/// <summary>What to generate: how many articles, from which seed, over which years.</summary>
public sealed record CorpusSettings(int Articles, int Seed = 1, int FirstYear = 1985, int LastYear = 2025)
{
    /// <summary>Pages of one issue.</summary>
    public const int PagesPerIssue = 8;
}

/// <summary>What a generated corpus holds.</summary>
public sealed record CorpusSummary(string Folder, int Pages, int Articles, long Chars, long Bytes, DateOnly FirstIssue, DateOnly LastIssue, TimeSpan Elapsed);

/// <summary>How many articles the splitter finds in a corpus's pages, against how many were written.</summary>
public sealed record SplitCheck(int Pages, int Written, int Found)
{
    public double Ratio => Written == 0 ? 0 : (double)Found / Written;
}

/// <summary>
/// Writes synthetic page files in the seeds' format: bylines (<c>本报讯（记者 … 通讯员 …）</c>, <c>□ 本报记者 …</c>,
/// spaced <c>■ 本 报 记 者</c>), datelines (<c>本报高唐讯</c>), headlines before or after their bodies, hard line
/// breaks, spaces between characters, half-width punctuation and the odd GB18030 file; ~200 reporters, every
/// county-level unit, issues spread over the years with a <c>manifest.json</c> of their dates. Sentences are the
/// seeds' recombined or made of dictionary words drawn by frequency, so terms follow a Zipf-like law instead of
/// five pages repeated.
/// <para>
/// Deterministic: every page has its own generator seeded from (seed, page number), so the same settings give the
/// same bytes whatever the number of threads that write them.
/// </para>
/// </summary>
public sealed class CorpusGenerator
{
    private const int MinArticlesPerPage = 6;
    private const int MaxArticlesPerPage = 12;

    private readonly CorpusMaterial _material;

    public CorpusGenerator(CorpusMaterial material) => _material = material;

    /// <summary>
    /// Writes the corpus into <paramref name="folder"/> (one sub-folder per year and a <c>manifest.json</c>),
    /// pages in parallel. <paramref name="progress"/> gets the number of pages written so far.
    /// </summary>
    public async Task<CorpusSummary> WriteAsync(string folder, CorpusSettings settings, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Articles, 1);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var plan = Plan(settings);
        var staff = Staff.For(settings.Seed);
        Directory.CreateDirectory(folder);
        foreach (var year in plan.Select(p => p.Date.Year).Distinct())
            Directory.CreateDirectory(Path.Combine(folder, year.ToString(CultureInfo.InvariantCulture)));

        long chars = 0, bytes = 0;
        var written = 0;
        await Parallel.ForAsync(0, plan.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (i, token) =>
            {
                var page = plan[i];
                var (text, encoding) = Page(settings.Seed, page, staff);
                var data = encoding.GetBytes(text);
                await File.WriteAllBytesAsync(Path.Combine(folder, page.File), data, token);
                Interlocked.Add(ref chars, text.Length);
                Interlocked.Add(ref bytes, data.Length);
                var done = Interlocked.Increment(ref written);
                if (done % 256 == 0) progress?.Report(done);
            });

        var manifest = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var page in plan) manifest[page.File] = page.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(folder, PageManifest.FileName), JsonSerializer.Serialize(manifest, ManifestJson), cancellationToken);
        progress?.Report(plan.Count);
        return new CorpusSummary(folder, plan.Count, plan.Sum(p => p.Articles), chars, bytes, plan[0].Date, plan[^1].Date, clock.Elapsed);
    }

    /// <summary>The text of one page of the plan and the encoding it is written in (pure: used by tests).</summary>
    public (string Text, Encoding Encoding) Page(int seed, PlannedPage page, Staff staff)
    {
        var random = SplitMix64.For(seed, page.Index);
        random.Next(MinArticlesPerPage, MaxArticlesPerPage + 1); // the count the plan drew from the same sequence
        var style = new PageStyle(
            HeadlineAfter: random.Chance(0.2),
            Wrap: random.Chance(0.4) ? random.Next(13, 19) : 0,
            SpacedChars: random.Chance(0.15),
            HalfWidth: random.Chance(0.15),
            Gb18030: random.Chance(0.02));

        var text = new StringBuilder(page.Articles * 700);
        if (random.Chance(0.5)) text.Append("\n\n");
        for (var k = 0; k < page.Articles; k++)
        {
            AppendArticle(text, ref random, style, staff);
            text.Append("\n\n");
        }
        var result = style.HalfWidth
            ? text.Replace('，', ',').Replace('“', '"').Replace('”', '"').Replace('：', ':').ToString()
            : text.ToString();
        return (result, style.Gb18030 ? Gb18030.Value : Utf8NoBom);
    }

    /// <summary>
    /// Which pages the corpus has, their issue dates and article counts. Counts come from each page's own generator,
    /// so the plan needs no text; the last page holds what remains.
    /// </summary>
    public static IReadOnlyList<PlannedPage> Plan(CorpusSettings settings)
    {
        var counts = new List<int>();
        var total = 0;
        while (total < settings.Articles)
        {
            var random = SplitMix64.For(settings.Seed, counts.Count);
            var count = Math.Min(random.Next(MinArticlesPerPage, MaxArticlesPerPage + 1), settings.Articles - total);
            counts.Add(count);
            total += count;
        }

        var first = new DateOnly(settings.FirstYear, 1, 1);
        var days = new DateOnly(settings.LastYear, 12, 31).DayNumber - first.DayNumber + 1;
        var issues = (counts.Count + CorpusSettings.PagesPerIssue - 1) / CorpusSettings.PagesPerIssue;
        var plan = new List<PlannedPage>(counts.Count);
        for (var i = 0; i < counts.Count; i++)
        {
            var issue = i / CorpusSettings.PagesPerIssue;
            // Issues spread evenly over the years (daily at a million articles); a small corpus has issues years apart.
            var date = first.AddDays((int)((long)issue * days / issues));
            var file = string.Create(CultureInfo.InvariantCulture, $"{date:yyyy}/{date:yyyy-MM-dd}_{issue:D6}_{i % CorpusSettings.PagesPerIssue + 1:D2}.txt");
            plan.Add(new PlannedPage(i, file, date, counts[i]));
        }
        return plan;
    }

    /// <summary>Splits every page of a written corpus back into articles (in parallel) and counts them.</summary>
    public static async Task<SplitCheck> CheckAsync(string folder, int written, IPageSplitter splitter, CancellationToken cancellationToken = default)
    {
        var manifest = PageManifest.Load(folder);
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).ToList();
        var found = 0;
        await Parallel.ForEachAsync(files, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (file, token) =>
            {
                var decoded = PageDecoder.Decode(await File.ReadAllBytesAsync(file, token));
                if (!decoded.IsValid) return;
                var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
                Interlocked.Add(ref found, splitter.Split(new PageText(name, decoded.Text!, manifest.DateOf(name))).Count);
            });
        return new SplitCheck(files.Count, written, found);
    }

    /// <summary>The file, next to the manifest, that records the settings a corpus was written with.</summary>
    public const string SettingsFileName = "corpus.json";

    /// <summary>Writes the settings file (after the pages: its presence marks a complete corpus, which the bench caches).</summary>
    public static Task WriteSettingsAsync(string folder, CorpusSettings settings, CancellationToken cancellationToken = default) =>
        File.WriteAllTextAsync(Path.Combine(folder, SettingsFileName), JsonSerializer.Serialize(settings), cancellationToken);

    private void AppendArticle(StringBuilder text, ref SplitMix64 random, PageStyle style, Staff staff)
    {
        var county = random.Pick(_material.Counties);
        var reporters = Names(ref random, staff.Reporters, random.Next(1, 3));
        var correspondents = random.Chance(0.7) ? Names(ref random, staff.Correspondents, random.Next(1, 3)) : [];
        var headline = Headline(ref random, county);
        var paragraphs = new List<string>();
        var paragraphCount = random.Next(2, 7);
        for (var p = 0; p < paragraphCount; p++) paragraphs.Add(Paragraph(ref random, county));

        // A news lead (byline in brackets, then the first paragraph) or a feature byline block on its own lines.
        if (random.Chance(0.6))
        {
            var dateline = random.Chance(0.5) ? $"本报{ShortName(county)}讯" : "本报讯";
            var credit = "记者 " + string.Join(" ", reporters) + (correspondents.Length > 0 ? " 通讯员 " + string.Join(" ", correspondents) : "");
            paragraphs[0] = $"{dateline}（{credit}） {paragraphs[0]}";
        }
        else
        {
            var byline = style.SpacedChars
                ? "■ 本 报 记 者 " + string.Join(" ", reporters)
                : "□ 本报记者 " + string.Join(" ", reporters);
            if (correspondents.Length > 0) byline += "\n本报通讯员 " + string.Join(" ", correspondents);
            paragraphs.Insert(0, byline);
        }

        if (!style.HeadlineAfter) text.Append(headline).Append("\n\n");
        for (var p = 0; p < paragraphs.Count; p++)
        {
            if (p > 0) text.Append("\n\n");
            var paragraph = paragraphs[p];
            if (style.SpacedChars && !paragraph.StartsWith('■')) paragraph = SpaceOut(paragraph, ref random);
            if (style.Wrap == 0 || paragraph.StartsWith('□') || paragraph.StartsWith('■'))
            {
                text.Append(paragraph);
                continue;
            }
            // The lead's bracket stays on one line: names cut by a line break (蒋鹏凌\n高哲) would be lost to the
            // reporter facet, which would then measure the splitter's worst case rather than the paper's usual one.
            var lead = paragraph.StartsWith("本报", StringComparison.Ordinal) ? paragraph.IndexOf('）') + 1 : 0;
            text.Append(paragraph, 0, lead).Append(Wrap(paragraph[lead..], style.Wrap));
        }
        if (style.HeadlineAfter) text.Append("\n\n").Append(headline);
    }

    private string Headline(ref SplitMix64 random, CountyEntry county)
    {
        if (random.Chance(0.5)) return random.Pick(_material.Headlines);
        var headline = new StringBuilder(ShortName(county));
        var words = random.Next(2, 5);
        for (var i = 0; i < words; i++)
        {
            // Two-part headlines (多元一体 美美与共) separate their halves with a space.
            if (i == 2 && random.Chance(0.3)) headline.Append(' ');
            headline.Append(_material.DrawWord(ref random));
        }
        return headline.ToString();
    }

    private string Paragraph(ref SplitMix64 random, CountyEntry county)
    {
        var paragraph = new StringBuilder();
        var sentences = random.Next(2, 6);
        for (var s = 0; s < sentences; s++)
        {
            if (random.Chance(0.5))
            {
                paragraph.Append(random.Pick(_material.Sentences));
                continue;
            }
            if (random.Chance(0.3)) paragraph.Append(random.Chance(0.5) ? ShortName(county) : random.Pick(county.Places));
            var words = random.Next(4, 13);
            var nextComma = random.Next(3, 6);
            for (var w = 0; w < words; w++)
            {
                if (w == nextComma && w < words - 1)
                {
                    paragraph.Append('，');
                    nextComma += random.Next(3, 6);
                }
                paragraph.Append(_material.DrawWord(ref random));
            }
            paragraph.Append('。');
        }
        return paragraph.ToString();
    }

    private static string[] Names(ref SplitMix64 random, IReadOnlyList<string> pool, int count)
    {
        var names = new string[count];
        for (var i = 0; i < count; i++) names[i] = random.Pick(pool);
        return names.Distinct(StringComparer.Ordinal).ToArray();
    }

    // The short form a dateline prints: 本报高唐讯, 本报冠县讯.
    private static string ShortName(CountyEntry county) => county.Aliases.Where(a => a.Length >= 2).MinBy(a => a.Length) ?? county.Name;

    // Hard line breaks as a PDF extraction leaves them: every line the column's width.
    private static string Wrap(string paragraph, int width)
    {
        var wrapped = new StringBuilder(paragraph.Length + paragraph.Length / width + 1);
        for (var i = 0; i < paragraph.Length; i += width)
        {
            if (i > 0) wrapped.Append('\n');
            wrapped.Append(paragraph, i, Math.Min(width, paragraph.Length - i));
        }
        return wrapped.ToString();
    }

    // Stray spaces between characters, as justified columns leave them (聊城 市上半年).
    private static string SpaceOut(string paragraph, ref SplitMix64 random)
    {
        var spaced = new StringBuilder(paragraph.Length + paragraph.Length / 30);
        foreach (var c in paragraph)
        {
            spaced.Append(c);
            if (random.Chance(1.0 / 40)) spaced.Append(' ');
        }
        return spaced.ToString();
    }

    private static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    });

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record PageStyle(bool HeadlineAfter, int Wrap, bool SpacedChars, bool HalfWidth, bool Gb18030);
}

/// <summary>One page of a corpus plan.</summary>
/// <param name="Index">Its number in the corpus (seeds its generator).</param>
/// <param name="File">Its path relative to the corpus folder.</param>
/// <param name="Date">The issue date.</param>
/// <param name="Articles">How many articles it holds.</param>
public sealed record PlannedPage(int Index, string File, DateOnly Date, int Articles);

/// <summary>The paper's people: ~200 reporters and ~400 correspondents, drawn once per seed.</summary>
public sealed record Staff(IReadOnlyList<string> Reporters, IReadOnlyList<string> Correspondents)
{
    public const int ReporterCount = 200;

    /// <summary>The staff of a corpus seed: distinct two- and three-character names.</summary>
    public static Staff For(int seed)
    {
        var random = SplitMix64.For(seed, -1);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        while (ordered.Count < ReporterCount * 3)
        {
            var name = Surnames[random.NextInt64(Surnames.Length)] + GivenChars[random.NextInt64(GivenChars.Length)]
                + (random.Chance(0.5) ? GivenChars[random.NextInt64(GivenChars.Length)] : "");
            if (names.Add(name)) ordered.Add(name);
        }
        return new Staff(ordered[..ReporterCount], ordered[ReporterCount..]);
    }

    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
         "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
         "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "潘", "崔", "苑", "焦", "姚", "江", "孔", "申", "齐", "翟"];

    private static readonly string[] GivenChars =
        ["磊", "良", "诚", "海", "波", "颖", "洁", "亚", "飞", "田", "培", "源", "政", "哲", "光", "阳", "宗", "锋", "绪", "禹",
         "平", "明", "华", "建", "国", "文", "军", "丽", "敏", "静", "伟", "强", "涛", "鹏", "红", "玉", "春", "秀", "英", "志",
         "彦", "坤", "鹤", "凌", "振", "祥", "旭", "蕴", "帅", "新", "珂", "凤", "广", "银", "时", "合", "宁", "有", "甲", "铮"];
}
