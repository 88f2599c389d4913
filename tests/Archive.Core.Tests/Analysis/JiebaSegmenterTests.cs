using Archive.Core.Analysis;

namespace Archive.Core.Tests.Analysis;

/// <summary>
/// The segmenter against jieba itself: the expected cuts of ordinary sentences are what python3-jieba 0.42.1
/// (Debian bookworm) prints for <c>'|'.join(jieba.cut(sentence, HMM=True))</c>, the reference for jieba's method.
/// </summary>
public sealed class JiebaSegmenterTests
{
    private static List<string> Cut(JiebaSegmenter segmenter, string run)
    {
        var lengths = new List<int>();
        segmenter.Segment(run, lengths);
        var words = new List<string>();
        var start = 0;
        foreach (var length in lengths)
        {
            words.Add(run.Substring(start, length));
            start += length;
        }
        Assert.Equal(run.Length, start);
        return words;
    }

    [Theory]
    [InlineData("实现了生猪产品信息从屠宰环节向养殖环节的追溯延伸", "实现|了|生猪|产品|信息|从|屠宰|环节|向|养殖|环节|的|追溯|延伸")]
    [InlineData("举行铸牢中华民族共同体意识示范创建工作新闻发布会", "举行|铸牢|中华民族|共同体|意识|示范|创建|工作|新闻|发布会")]
    [InlineData("和如今采用标识化办法防止公车私用为同一理念", "和|如今|采用|标识|化|办法|防止|公车私用|为|同一|理念")]
    [InlineData("聊城深入实施制造业强市战略", "聊城|深入|实施|制造业|强市|战略")]
    [InlineData("日常维护运营管理费用支出较重", "日常|维护|运营|管理费用|支出|较|重")]
    [InlineData("习近平总书记高度重视质量工作", "习近平|总书记|高度重视|质量|工作")]
    public void SegmenterCutsOrdinarySentencesAsPythonJiebaDoes(string sentence, string jieba)
    {
        Assert.Equal(jieba.Split('|'), Cut(JiebaSegmenter.Shared, sentence));
    }

    [Theory]
    [InlineData("高唐锦鲤首批出口启动仪式上", "高唐锦鲤|首批|出口|启动|仪式|上")]     // jieba: 高唐|锦鲤|...
    [InlineData("聊城市东昌府区柳园街道针织厂家属院", "聊城市|东昌府区|柳园街道|针织厂|家属院")]
    [InlineData("全市粮油作物技能大比武在茌平区举行", "全市|粮油|作物|技能|大比武|在|茌平区|举行")] // jieba: 茌平|区
    [InlineData("茌平", "茌平")]
    [InlineData("聊城市获评全省首批示范市", "聊城市|获评|全省|首批|示范|市")]
    [InlineData("记者侯健宁报道", "记者|侯健宁|报道")]
    [InlineData("薛良诚", "薛良诚")]
    [InlineData("和东阿阿胶一样", "和|东阿阿胶|一样")]                         // jieba: 东阿|阿胶
    public void SegmenterKeepsTheRegionsNamesWhole(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Cut(JiebaSegmenter.Shared, sentence));
    }

    [Theory]
    [InlineData("本报聊城讯临清市民李正正", "本报|聊城|讯|临清|市民|李正正")]
    [InlineData("市委书记李长萍出席会议并讲话", "市委书记|李长萍|出席会议|并|讲话")]
    public void LocalNamesDoNotSwallowTheCharactersOfOrdinaryNeighbours(string sentence, string jieba)
    {
        // Same as python jieba: 临清市 is a local word, but 临清市民 is 临清 + 市民 (Linqing's citizens).
        Assert.Equal(jieba.Split('|'), Cut(JiebaSegmenter.Shared, sentence));
    }

    [Fact]
    public void HmmFindsAnUnknownThreeCharacterName()
    {
        // 李正正 is in neither jieba's dictionary nor the lexicon: the HMM joins the three single characters.
        Assert.Equal(0, JiebaDictionary.LoadEmbedded().LogProbabilityOf("李正正"));
        Assert.Equal(["帮助", "李正正", "一家", "渡过", "了", "难关"], Cut(JiebaSegmenter.Shared, "帮助李正正一家渡过了难关"));
    }

    [Fact]
    public void AddWordsMakesANewNameOneToken()
    {
        var segmenter = JiebaSegmenter.Load(); // a fresh one: the shared segmenter must not learn test names
        Assert.Equal(["记者", "钟离", "春", "报道"], Cut(segmenter, "记者钟离春报道")); // as python jieba cuts it

        segmenter.AddWords(["钟离春"]);

        Assert.Equal(["记者", "钟离春", "报道"], Cut(segmenter, "记者钟离春报道"));
        Assert.Equal(["钟离春", "摄"], Cut(segmenter, "钟离春摄"));
    }

    [Fact]
    public void AddWordsIgnoresWhatCannotBeAName()
    {
        var segmenter = JiebaSegmenter.Load();
        var before = segmenter.AddedWordCount;

        segmenter.AddWords(["", " ", "张", "Tom", "张Tom", new string('张', JiebaSegmenter.MaxAddedWordLength + 1)]);

        Assert.Equal(before, segmenter.AddedWordCount);
    }

    [Fact]
    public void SegmenterHandlesEmptySingleAndHugeRuns()
    {
        Assert.Empty(Cut(JiebaSegmenter.Shared, ""));
        Assert.Equal(["鲤"], Cut(JiebaSegmenter.Shared, "鲤"));
        var huge = string.Concat(Enumerable.Repeat("高唐锦鲤首批出口", 50_000));
        Assert.Equal(150_000, Cut(JiebaSegmenter.Shared, huge).Count);
    }

    [Fact]
    public async Task SegmentingWhileWordsAreAddedGivesConsistentCuts()
    {
        var segmenter = JiebaSegmenter.Load();
        const string sentence = "实现了生猪产品信息从屠宰环节向养殖环节的追溯延伸";
        var expected = Cut(segmenter, sentence);

        var learner = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++) segmenter.AddWords([$"欧阳{(char)('甲' + i)}"]);
        });
        Parallel.For(0, 2_000, _ => Assert.Equal(expected, Cut(segmenter, sentence)));
        await learner;

        Assert.Equal(["欧阳" + (char)('甲' + 199)], Cut(segmenter, "欧阳" + (char)('甲' + 199)));
    }

    [Fact]
    public void DictionaryLoadsQuicklyIntoLittleMemory()
    {
        var segmenter = JiebaSegmenter.Load();

        Assert.True(segmenter.LoadStatistics.DictionaryWords > 340_000);
        Assert.True(segmenter.LoadStatistics.SizeInBytes < 40L << 20, $"{segmenter.LoadStatistics.SizeInBytes} bytes");
    }
}
