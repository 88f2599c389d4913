using System.CommandLine;
using System.Globalization;

namespace Archive.Cli.Commands;

/// <summary>
/// <c>archive bench</c>: the archive at scale. For each size it builds (or reuses) a synthetic corpus, ingests it
/// into a fresh index, runs the fixed query mix cold and warm, loads the published site over HTTP, and measures
/// SQLite FTS5 (trigram) over the same articles and queries as a baseline; prints Markdown tables and writes JSON.
/// <c>archive bench analyzer</c> measures the analyzers alone.
/// </summary>
internal sealed class BenchCommand : Command
{
    private readonly Option<string> _sizes = new("--sizes")
    {
        Description = "Corpus sizes in articles, comma-separated; k and m suffixes allowed (10k,100k,1m).",
        DefaultValueFactory = _ => "10k,100k,1m",
    };

    private readonly Option<string?> _json = new("--json") { Description = "Write the figures as JSON to this file.", HelpName = "file" };

    private readonly Option<bool> _skipHttp = new("--skip-http") { Description = "Do not load the web app over HTTP." };

    private readonly Option<bool> _skipBaseline = new("--skip-baseline") { Description = "Do not build and query the SQLite FTS5 baseline." };

    private readonly Option<bool> _reuseIndex = new("--reuse-index")
    {
        Description = "Keep an index the bench built before from the same corpus (no ingestion; its ingestion figures are those recorded when it was built).",
    };

    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the synthetic corpora.", DefaultValueFactory = _ => 1 };

    private readonly Option<string?> _work = new("--work")
    {
        Description = "Folder for corpora (cached by size and seed), indexes and the baseline (default: archive-bench under the temp folder).",
        HelpName = "dir",
    };

    private readonly Option<string?> _web = new("--web")
    {
        Description = "Folder of a published Archive.Web (default: publish the repository's in Release into the work folder).",
        HelpName = "dir",
    };

    private readonly Option<int> _httpSeconds = new("--http-seconds") { Description = "Duration of each HTTP load run.", DefaultValueFactory = _ => 10 };

    private readonly Option<int> _querySeconds = new("--query-seconds") { Description = "Time spent on warm queries per engine and size.", DefaultValueFactory = _ => 15 };

    private readonly Option<string?> _seeds = SeedPages.Option();

    public BenchCommand() : base("bench", "Benchmark the archive at scale (ingestion, queries, HTTP, FTS5 baseline), or one of its parts.")
    {
        Options.Add(_sizes);
        Options.Add(_json);
        Options.Add(_skipHttp);
        Options.Add(_skipBaseline);
        Options.Add(_reuseIndex);
        Options.Add(_seed);
        Options.Add(_work);
        Options.Add(_web);
        Options.Add(_httpSeconds);
        Options.Add(_querySeconds);
        Options.Add(_seeds);
        Subcommands.Add(new BenchAnalyzerCommand());
        SetAction((parse, cancellationToken) => CliHost.RunGuardedAsync(parse, () => RunAsync(parse, cancellationToken)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var stderr = parse.InvocationConfiguration.Error;
        if (!TryParseSizes(parse.GetValue(_sizes)!, out var sizes))
        {
            await stderr.WriteLineAsync("--sizes takes article counts such as 10k,100k,1m.");
            return ExitCodes.BadSetup;
        }
        var seedsPath = SeedPages.Resolve(parse.GetValue(_seeds));
        if (seedsPath is null)
        {
            await stderr.WriteLineAsync("No seed pages found; give the folder of real page files with --seeds.");
            return ExitCodes.BadSetup;
        }
        var settings = new BenchSettings(
            sizes,
            parse.GetValue(_seed),
            Path.GetFullPath(parse.GetValue(_work) ?? Path.Combine(Path.GetTempPath(), "archive-bench")),
            seedsPath,
            parse.GetValue(_skipHttp),
            parse.GetValue(_skipBaseline),
            parse.GetValue(_reuseIndex),
            parse.GetValue(_web),
            TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(_httpSeconds))),
            TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(_querySeconds))),
            parse.GetValue(_json));
        var runner = new BenchRunner(settings, parse.InvocationConfiguration.Output, stderr);
        return await runner.RunAsync(cancellationToken);
    }

    /// <summary>Reads "10k,100k,1m" (or plain numbers).</summary>
    internal static bool TryParseSizes(string text, out IReadOnlyList<int> sizes)
    {
        var parsed = new List<int>();
        sizes = parsed;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lower = part.ToLowerInvariant();
            var multiplier = lower.EndsWith('k') ? 1_000 : lower.EndsWith('m') ? 1_000_000 : 1;
            var digits = multiplier == 1 ? lower : lower[..^1];
            if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value * multiplier < 1 || value * multiplier > 50_000_000)
                return false;
            parsed.Add((int)(value * multiplier));
        }
        return parsed.Count > 0;
    }
}

/// <summary>What <c>archive bench</c> was asked to do.</summary>
internal sealed record BenchSettings(
    IReadOnlyList<int> Sizes,
    int Seed,
    string WorkPath,
    string SeedsPath,
    bool SkipHttp,
    bool SkipBaseline,
    bool ReuseIndex,
    string? WebPath,
    TimeSpan HttpDuration,
    TimeSpan QueryDuration,
    string? JsonPath);
