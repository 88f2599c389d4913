using System.Text;
using Archive.Core.Analysis;
using Archive.Core.Tests.Splitting;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Standard;

namespace Archive.Core.Tests.Analysis;

/// <summary>
/// <see cref="HanBigramFilter"/> replaces Lucene's CJKBigramFilter in <see cref="BigramAnalyzer"/> for speed and must
/// change nothing: its expected tokens written out, then the analyzer compared with the chain it replaced (every term,
/// offset, position increment and length and type, and what End leaves) on the seeds, edge cases and random text, and
/// the filter compared with CJKBigramFilter on random token streams no tokenizer would make. The analyzers here leave
/// out the <see cref="RunGapFilter"/> that follows the bigram filter (its own tests are in RunGapFilterTests).
/// </summary>
public sealed class HanBigramFilterTests
{
    private const string Single = "<SINGLE>", Double = "<DOUBLE>";

    [Fact]
    public void IndexModeEmitsEachCharacterThenThePairItStarts()
    {
        AssertTokens(new BigramAnalyzer(outputUnigrams: true, separateRuns: false), "聊城市",
            ("聊", 0, 1, 1, 1, Single), ("聊城", 0, 2, 0, 2, Double),
            ("城", 1, 2, 1, 1, Single), ("城市", 1, 3, 0, 2, Double),
            ("市", 2, 3, 1, 1, Single),
            ("(end)", 3, 3, 0, 1, "word"));
    }

    [Fact]
    public void QueryModeEmitsOnlyPairsButKeepsALoneCharacter()
    {
        AssertTokens(new BigramAnalyzer(outputUnigrams: false, separateRuns: false), "锦鲤首次，鲤",
            ("锦鲤", 0, 2, 1, 1, Double), ("鲤首", 1, 3, 1, 1, Double), ("首次", 2, 4, 1, 1, Double),
            ("鲤", 5, 6, 1, 1, Single),
            ("(end)", 6, 6, 0, 1, "word"));
    }

    [Fact]
    public void PunctuationLatinAndDigitsEndARunAndPassThroughUnchanged()
    {
        AssertTokens(new BigramAnalyzer(outputUnigrams: true, separateRuns: false), "中，国GDP 2025年",
            ("中", 0, 1, 1, 1, Single),
            ("国", 2, 3, 1, 1, Single),
            ("gdp", 3, 6, 1, 1, "<ALPHANUM>"),
            ("2025", 7, 11, 1, 1, "<NUM>"),
            ("年", 11, 12, 1, 1, Single),
            ("(end)", 12, 12, 0, 1, "word"));
    }

    [Fact]
    public void SurrogatePairsAndFoldedHalfWidthKanaAreWholeCharacters()
    {
        // 𠀀 is one character in two UTF-16 units; ｶﾞ (two half-width units) folds to ガ and keeps the offsets of both.
        AssertTokens(new BigramAnalyzer(outputUnigrams: false, separateRuns: false), "𠀀中 ｶﾞｷﾞ",
            ("𠀀中", 0, 3, 1, 1, Double),
            ("ガギ", 4, 8, 1, 1, Double),
            ("(end)", 8, 8, 0, 1, "word"));
    }

    [Theory]
    [MemberData(nameof(SeedPagesInBothModes))]
    public void AnalyzerMatchesCJKBigramFilterOnEverySeedPage(string page, bool outputUnigrams)
    {
        var text = File.ReadAllText(Path.Combine(SeedPages.Folder, page));
        var (reference, analyzer) = (new ReferenceBigramAnalyzer(outputUnigrams), new BigramAnalyzer(outputUnigrams, separateRuns: false));

        AssertSameTokens(reference, analyzer, text);
        foreach (var line in text.Split('\n')) AssertSameTokens(reference, analyzer, line); // reused streams: Reset
    }

    [Theory]
    [MemberData(nameof(EdgeCasesInBothModes))]
    public void AnalyzerMatchesCJKBigramFilterOnEdgeCases(string text, bool outputUnigrams) =>
        AssertSameTokens(new ReferenceBigramAnalyzer(outputUnigrams), new BigramAnalyzer(outputUnigrams, separateRuns: false), text);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AnalyzerMatchesCJKBigramFilterOnRandomText(bool outputUnigrams)
    {
        var random = new Random(20250101);
        var (reference, analyzer) = (new ReferenceBigramAnalyzer(outputUnigrams), new BigramAnalyzer(outputUnigrams, separateRuns: false));
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            for (int j = 0, length = random.Next(61); j < length; j++) text.Append(RandomPiece(random));
            AssertSameTokens(reference, analyzer, text.ToString());
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FilterMatchesCJKBigramFilterOnRandomTokenStreams(bool outputUnigrams)
    {
        var random = new Random(48);
        for (var i = 0; i < 5000; i++)
        {
            var (tokens, finalOffset) = RandomTokens(random);
            var expected = TokenTrace.Read(new CJKBigramFilter(new ReplayTokenStream(tokens, finalOffset), AllScripts, outputUnigrams));
            var actual = TokenTrace.Read(new HanBigramFilter(new ReplayTokenStream(tokens, finalOffset), outputUnigrams));
            TokenTrace.AssertSame(expected, actual, string.Join(" | ", tokens));
        }
    }

    [Fact]
    public void FilterMatchesCJKBigramFilterWhereARunOfOver64CharactersMeetsAnEmptyToken()
    {
        // CJKBigramFilter compacts its buffer past 64 characters, and an empty CJK token then makes the run's last
        // character "lone": a quirk no tokenizer triggers, kept so the two filters agree on any input.
        var tokens = Enumerable.Range(0, 70).Select(i => new TokenTrace(((char)('一' + i)).ToString(), i, i + 1, 1, 1, "<IDEOGRAPHIC>")).ToList();
        tokens.Add(new TokenTrace("", 70, 70, 1, 1, "<IDEOGRAPHIC>"));
        tokens.Add(new TokenTrace("x", 71, 72, 1, 1, "<ALPHANUM>"));
        foreach (var outputUnigrams in new[] { true, false })
        {
            var expected = TokenTrace.Read(new CJKBigramFilter(new ReplayTokenStream(tokens, 72), AllScripts, outputUnigrams));
            var actual = TokenTrace.Read(new HanBigramFilter(new ReplayTokenStream(tokens, 72), outputUnigrams));
            TokenTrace.AssertSame(expected, actual, "70 aligned characters, an empty one, x");
        }
    }

    [Fact]
    public void IndexModeAllocatesNothingPerToken()
    {
        // The point of the filter: CJKBigramFilter clones every attribute at the end of each run of Han characters.
        var text = string.Concat(Enumerable.Repeat("聊城市铸牢中华民族共同体意识，积极创建2025年示范市。", 2000));
        var analyzer = new BigramAnalyzer(outputUnigrams: true);
        Consume(analyzer, text); // warm: the reused components exist and their buffers have grown
        var before = GC.GetAllocatedBytesForCurrentThread();
        var tokens = Consume(analyzer, text);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(tokens > 50_000, $"{tokens} tokens");
        Assert.True(allocated < 4_096, $"{allocated:N0} bytes allocated for {tokens:N0} tokens");
    }

    private static readonly CJKScript AllScripts = CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL;

    public static TheoryData<string, bool> SeedPagesInBothModes()
    {
        var data = new TheoryData<string, bool>();
        foreach (var file in SeedPages.Files)
        {
            data.Add(Path.GetFileName(file), true);
            data.Add(Path.GetFileName(file), false);
        }
        return data;
    }

    public static TheoryData<string, bool> EdgeCasesInBothModes()
    {
        string[] texts =
        [
            "", " ", "，。", "鲤", "鲤。", "。鲤", "聊城", "聊城市",
            "abc聊城123高唐x", "A中", "中A", "中1", "1中", "ＡＢＣ１２３与App", "ＧＤＰ增长５．６％",
            "中，国", "中 国", "中\n国", "“薛良诚”，2025年", "（聊城）《大众日报》", "中·国", "中-国", "中.国",
            "ひらがな", "カタカナー", "ｶﾀｶﾅ", "ｶﾞｷﾞｸﾞ", "ﾊﾟﾝ", "ｱ", "漢字とかなカナ", "東京タワーへ行く",
            "한국어", "한국어 텍스트 한", "한", "서울시청과 聊城", "ㄱㄴ", "中ㄱ",
            "𠀀", "𠀀𠀁𠀂", "中𠀀国", "\uD840中", "中\uD840", "\uDC00中\uDC00", "中😀国",
            "\uF900\uF901", "\u3400\u3401中", "〇一二", "々中", "中\u0301国", "中\u200B国",
            "İstanbul中ΣΑΣ", "Straße中", "ﬁ中", "ก中ไทย", "中ไทย国",
            new string('中', 65), new string('中', 10_000), string.Concat(Enumerable.Repeat("聊城高唐锦鲤。", 2_000)),
            new string('カ', 300) + "中国", new string('a', 300) + "中国" + new string('b', 300), "中" + new string('한', 300),
        ];
        var data = new TheoryData<string, bool>();
        foreach (var text in texts)
        {
            data.Add(text, true);
            data.Add(text, false);
        }
        return data;
    }

    // A character or a short string from the scripts and forms the archive meets, and some it should not.
    private static string RandomPiece(Random random)
    {
        return random.Next(20) switch
        {
            < 6 => ((char)random.Next(0x4E00, 0x9FA6)).ToString(),
            6 => "中国聊城"[random.Next(4)].ToString(),
            7 => ((char)random.Next(0x3041, 0x3097)).ToString(),
            8 => ((char)random.Next(0x30A1, 0x30FD)).ToString(),
            9 => ((char)random.Next(0xFF66, 0xFFA0)).ToString(), // half-width katakana, voicing marks included
            10 => ((char)random.Next(0xAC00, 0xD7A4)).ToString(),
            11 => ((char)random.Next(0xFF01, 0xFF5F)).ToString(), // full-width ASCII
            12 => char.ConvertFromUtf32(random.Next(0x20000, 0x20100)),
            13 => "abcXYZ019"[random.Next(9)].ToString(),
            14 => "，。、“”！？·（）《》：；—…".Substring(random.Next(15), 1),
            15 => " \n\t.,-_'@/:%&"[random.Next(13)].ToString(),
            16 => "ΣДİßﬁกไ\u0301\u200B😀\uF900\u3400〇々ㄱ"[random.Next(16)].ToString(),
            17 => random.Next(2) == 0 ? "\uD840" : "\uDC00",
            _ => ((char)random.Next(0x20, 0x3000)).ToString(),
        };
    }

    // Tokens of any type, term and offsets: runs aligned or not, empty and zero-width tokens, overlaps, offsets that
    // disagree with the term's length, surrogate pairs and lone surrogates, and now and then a run past 64 characters.
    private static (List<TokenTrace> Tokens, int FinalOffset) RandomTokens(Random random)
    {
        string[] types = ["<IDEOGRAPHIC>", "<IDEOGRAPHIC>", "<HIRAGANA>", "<KATAKANA>", "<HANGUL>", "<ALPHANUM>", "<NUM>", "word"];
        var tokens = new List<TokenTrace>();
        var position = random.Next(3);
        var count = random.Next(10) == 0 ? random.Next(60, 140) : random.Next(31);
        for (var i = 0; i < count; i++)
        {
            var type = count >= 60 && random.Next(10) > 0 ? "<IDEOGRAPHIC>" : types[random.Next(types.Length)];
            var term = new StringBuilder();
            for (int j = 0, length = random.Next(12) == 0 ? 0 : random.Next(1, 4); j < length; j++)
            {
                term.Append(random.Next(8) switch
                {
                    0 => char.ConvertFromUtf32(random.Next(0x20000, 0x20010)),
                    1 => random.Next(2) == 0 ? "\uD840" : "\uDC00",
                    2 => "ab1"[random.Next(3)].ToString(),
                    _ => ((char)random.Next(0x4E00, 0x4E20)).ToString(),
                });
            }
            var start = position + random.Next(10) switch { < 6 => 0, 6 => -1, _ => random.Next(1, 4) };
            var end = start + random.Next(8) switch { 0 => 0, 1 => term.Length + 1, 2 => Math.Max(0, term.Length - 1), _ => term.Length };
            tokens.Add(new TokenTrace(term.ToString(), Math.Max(0, start), Math.Max(0, end), random.Next(4), random.Next(1, 3), type));
            position = Math.Max(position, Math.Max(0, end));
        }
        return (tokens, position + random.Next(3));
    }

    private static void AssertTokens(Analyzer analyzer, string text, params (string Term, int Start, int End, int Increment, int Length, string Type)[] expected) =>
        Assert.Equal(expected.Select(t => new TokenTrace(t.Term, t.Start, t.End, t.Increment, t.Length, t.Type)), TokenTrace.Read(analyzer.GetTokenStream("body_b", text)));

    private static void AssertSameTokens(Analyzer reference, Analyzer analyzer, string text) =>
        TokenTrace.AssertSame(TokenTrace.Read(reference.GetTokenStream("body_b", text)), TokenTrace.Read(analyzer.GetTokenStream("body_b", text)), text);

    private static long Consume(Analyzer analyzer, string text)
    {
        long tokens = 0;
        using var stream = analyzer.GetTokenStream("body_b", text);
        stream.Reset();
        while (stream.IncrementToken()) tokens++;
        stream.End();
        return tokens;
    }

    /// <summary>The bigram chain as it was before <see cref="HanBigramFilter"/>: the reference to match.</summary>
    private sealed class ReferenceBigramAnalyzer(bool outputUnigrams) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(ArchiveAnalyzers.Version, reader);
            TokenStream stream = new CJKWidthFilter(tokenizer);
            stream = new CaselessScriptLowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream, AllScripts, outputUnigrams);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
