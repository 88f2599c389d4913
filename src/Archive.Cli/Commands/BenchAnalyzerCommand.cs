using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Archive.Core;
using Archive.Core.Analysis;
using Archive.Core.Pages;
using Archive.Core.Splitting;
using Lucene.Net.Analysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archive.Cli.Commands;

/// <summary>
/// <c>archive bench analyzer</c>: characters per second of the word analyzer, of the bigram analyzer and of both
/// (the two views indexing makes of each text), over the articles of the pages folder repeated to a size; and the
/// segmenter's dictionary load time and memory. One thread, tokens consumed through Lucene's TokenStream.
/// </summary>
internal sealed class BenchAnalyzerCommand : Command
{
    private readonly Option<string?> _pages = PathOptions.Pages();

    private readonly Option<int> _megabytes = new("--megabytes")
    {
        Description = "Analyze the articles over and over until this many megabytes of UTF-8 text went through each analyzer.",
        DefaultValueFactory = _ => 20,
    };

    private readonly Option<bool> _json = new("--json") { Description = "Print the figures as one JSON object." };

    public BenchAnalyzerCommand() : base("analyzer", "Measure the Chinese analyzers (chars/s) and the segmenter's dictionary (load time, memory).")
    {
        Options.Add(_pages);
        Options.Add(_megabytes);
        Options.Add(_json);
        SetAction((parse, cancellationToken) => CliHost.RunGuardedAsync(parse, () => RunAsync(parse, cancellationToken)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;

        // Loaded first, before anything else touches the segmenter: a cold load in a fresh process.
        var (segmenter, coldLoad) = MeasureLoad();
        var (_, warmLoad) = MeasureLoad(); // a second fresh segmenter: the load without the JIT's first compilations

        var builder = CliHost.CreateBuilder(new CliHostKind(Ingests: false, LongRunning: false), parse.GetValue(_pages));
        builder.Services.AddArchiveCore(runIngestion: false);
        using var host = builder.Build();
        var pagesPath = host.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.PagesPath;
        var texts = await ReadTextsAsync(pagesPath, host.Services.GetRequiredService<IPageSplitter>(), cancellationToken);
        if (texts.Count == 0)
        {
            await stderr.WriteLineAsync($"No article text in {pagesPath}; give a folder of page files with --pages.");
            return ExitCodes.BadSetup;
        }

        var passBytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        var passes = (int)Math.Max(1, Math.Ceiling(parse.GetValue(_megabytes) * 1_000_000.0 / passBytes));
        var analyzers = new ArchiveAnalyzers(segmenter);
        Analyzer[] word = [analyzers.Word], bigram = [analyzers.BigramIndex], both = [analyzers.Word, analyzers.BigramIndex];

        var report = new BenchReport(
            Machine: Machine.Describe(),
            Corpus: new Corpus(pagesPath, texts.Count, texts.Sum(t => (long)t.Length), passBytes, passes, passes * texts.Sum(t => (long)t.Length), passes * passBytes),
            Dictionary: new DictionaryFigures(
                segmenter.LoadStatistics.DictionaryWords, segmenter.LoadStatistics.LocalWords,
                coldLoad.Milliseconds, warmLoad.Milliseconds, coldLoad.HeapMegabytes, coldLoad.AllocatedMegabytes,
                segmenter.LoadStatistics.SizeInBytes / 1048576.0),
            WordAnalyzer: Run(word, texts, passes, cancellationToken),
            BigramIndexAnalyzer: Run(bigram, texts, passes, cancellationToken),
            BothFields: Run(both, texts, passes, cancellationToken));

        if (parse.GetValue(_json))
            await stdout.WriteLineAsync(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        else
            await stdout.WriteAsync(report.ToText());
        return ExitCodes.Success;
    }

    // The heap a segmenter keeps (total memory after a full collection, before and after) and the bytes allocated on
    // the way (mostly the decompression buffers, garbage afterwards).
    private static (JiebaSegmenter Segmenter, LoadFigures Figures) MeasureLoad()
    {
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var segmenter = JiebaSegmenter.Load();
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var heap = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        GC.KeepAlive(segmenter);
        return (segmenter, new LoadFigures(clock.Elapsed.TotalMilliseconds, heap / 1048576.0, allocated / 1048576.0));
    }

    // Headline and body of every article of every page, as the index analyzes them.
    private static async Task<List<string>> ReadTextsAsync(string pagesPath, IPageSplitter splitter, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        if (!Directory.Exists(pagesPath)) return texts;
        var manifest = PageManifest.Load(pagesPath, _ => { });
        foreach (var file in Directory.EnumerateFiles(pagesPath, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var decoded = PageDecoder.Decode(await File.ReadAllBytesAsync(file, cancellationToken));
            if (!decoded.IsValid) continue;
            var name = Path.GetRelativePath(pagesPath, file).Replace('\\', '/');
            foreach (var article in splitter.Split(new PageText(name, decoded.Text!, manifest.DateOf(name))))
            {
                texts.Add(article.Headline);
                texts.Add(article.Body);
            }
        }
        return texts;
    }

    // Half a second of warm-up (tiered JIT reaches its optimised code, pools fill), then the timed passes; every
    // token is pulled through the stream.
    private static Throughput Run(Analyzer[] analyzers, List<string> texts, int passes, CancellationToken cancellationToken)
    {
        var warmUp = Stopwatch.StartNew();
        while (warmUp.ElapsedMilliseconds < 500) Consume(analyzers, texts);
        long chars = 0, tokens = 0;
        var clock = Stopwatch.StartNew();
        for (var pass = 0; pass < passes; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tokens += Consume(analyzers, texts);
            chars += texts.Sum(t => (long)t.Length);
        }
        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        return new Throughput(chars, tokens, seconds, chars / seconds, tokens / seconds);
    }

    private static long Consume(Analyzer[] analyzers, List<string> texts)
    {
        long tokens = 0;
        foreach (var text in texts)
        {
            foreach (var analyzer in analyzers)
            {
                using var stream = analyzer.GetTokenStream("body", text);
                stream.Reset();
                while (stream.IncrementToken()) tokens++;
                stream.End();
            }
        }
        return tokens;
    }

    private sealed record LoadFigures(double Milliseconds, double HeapMegabytes, double AllocatedMegabytes);

    internal sealed record Machine(string Cpu, int Cores, string Os, string Runtime, string Architecture, bool ServerGc, string Build)
    {
        public static Machine Describe() => new(
            CpuModel(), Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription,
            RuntimeInformation.ProcessArchitecture.ToString(), GCSettings.IsServerGC,
#if DEBUG
            "Debug (measure with -c Release)");
#else
            "Release");
#endif

        private static string CpuModel()
        {
            try
            {
                var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
                return line?.Split(':', 2)[1].Trim() ?? "unknown";
            }
            catch (IOException)
            {
                return "unknown";
            }
        }
    }

    private sealed record Corpus(string Pages, int Texts, long CharsPerPass, long Utf8BytesPerPass, int Passes, long Chars, long Utf8Bytes);

    private sealed record DictionaryFigures(
        int Words, int LocalWords, double ColdLoadMs, double WarmLoadMs, double HeapMegabytes, double AllocatedMegabytes, double ArrayMegabytes);

    private sealed record Throughput(long Chars, long Tokens, double Seconds, double CharsPerSecond, double TokensPerSecond);

    private sealed record BenchReport(Machine Machine, Corpus Corpus, DictionaryFigures Dictionary, Throughput WordAnalyzer, Throughput BigramIndexAnalyzer, Throughput BothFields)
    {
        public string ToText()
        {
            var c = CultureInfo.InvariantCulture;
            var text = new StringBuilder();
            text.AppendLine(c, $"Machine:    {Machine.Cpu}, {Machine.Cores} cores, {Machine.Os}, {Machine.Runtime} {Machine.Architecture}, {Machine.Build}, one thread");
            text.AppendLine(c, $"Corpus:     {Corpus.Texts} texts (headlines and bodies) of {Corpus.Pages}, {Corpus.CharsPerPass:N0} chars, x{Corpus.Passes} = {Corpus.Chars:N0} chars ({Corpus.Utf8Bytes / 1e6:F1} MB UTF-8)");
            text.AppendLine(c, $"Dictionary: {Dictionary.Words:N0} jieba words + {Dictionary.LocalWords} local; load {Dictionary.ColdLoadMs:F0} ms cold, {Dictionary.WarmLoadMs:F0} ms warm; heap {Dictionary.HeapMegabytes:F1} MB (arrays {Dictionary.ArrayMegabytes:F1} MB), {Dictionary.AllocatedMegabytes:F1} MB allocated while loading");
            Line("Word analyzer", WordAnalyzer);
            Line("Bigram index analyzer", BigramIndexAnalyzer);
            Line("Both fields", BothFields);
            return text.ToString();

            void Line(string name, Throughput t) =>
                text.AppendLine(c, $"{name + ":",-23} {t.CharsPerSecond / 1e6,6:F2} M chars/s  {t.TokensPerSecond / 1e6,6:F2} M tokens/s  ({t.Chars:N0} chars, {t.Tokens:N0} tokens, {t.Seconds:F2} s)");
        }
    }
}
