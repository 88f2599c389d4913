using System.CommandLine;
using System.Globalization;
using Archive.Core.Corpus;
using Archive.Core.Splitting;

namespace Archive.Cli.Commands;

/// <summary>
/// <c>archive corpus</c>: writes a deterministic synthetic archive of page files in the seeds' format, then splits
/// it back and prints how many of the written articles the splitter found.
/// </summary>
internal sealed class CorpusCommand : Command
{
    private readonly Option<int> _articles = new("--articles")
    {
        Description = "How many articles to write (about nine per page, eight pages per issue).",
        Required = true,
    };

    private readonly Option<string> _out = new("--out") { Description = "The folder to write the pages into.", Required = true, HelpName = "dir" };

    private readonly Option<int> _seed = new("--seed") { Description = "The seed: the same seed writes the same bytes.", DefaultValueFactory = _ => 1 };

    private readonly Option<string?> _seeds = SeedPages.Option();

    private readonly Option<bool> _noCheck = new("--no-check") { Description = "Do not split the pages back to count the articles." };

    public CorpusCommand() : base("corpus", "Write a synthetic archive (page files and manifest.json) for benchmarks, deterministic for a seed.")
    {
        Options.Add(_articles);
        Options.Add(_out);
        Options.Add(_seed);
        Options.Add(_seeds);
        Options.Add(_noCheck);
        SetAction((parse, cancellationToken) => CliHost.RunGuardedAsync(parse, () => RunAsync(parse, cancellationToken)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var articles = parse.GetValue(_articles);
        if (articles < 1)
        {
            await stderr.WriteLineAsync("--articles must be at least 1.");
            return ExitCodes.BadSetup;
        }
        var seedsPath = SeedPages.Resolve(parse.GetValue(_seeds));
        if (seedsPath is null)
        {
            await stderr.WriteLineAsync("No seed pages found; give the folder of real page files with --seeds.");
            return ExitCodes.BadSetup;
        }

        var folder = Path.GetFullPath(parse.GetValue(_out)!);
        var settings = new CorpusSettings(articles, parse.GetValue(_seed));
        var splitter = new PageSplitter();
        var summary = await SyntheticCorpus.WriteAsync(folder, settings, seedsPath, splitter, cancellationToken);
        var c = CultureInfo.InvariantCulture;
        await stdout.WriteLineAsync(string.Create(c,
            $"Wrote {summary.Pages:N0} pages, {summary.Articles:N0} articles, {summary.Chars:N0} chars ({summary.Bytes / 1e6:F1} MB), issues {summary.FirstIssue:yyyy-MM-dd}..{summary.LastIssue:yyyy-MM-dd}, to {folder} in {summary.Elapsed.TotalSeconds:F1} s"));
        if (!parse.GetValue(_noCheck))
        {
            var check = await CorpusGenerator.CheckAsync(folder, summary.Articles, splitter, cancellationToken);
            await stdout.WriteLineAsync(string.Create(c,
                $"Split back: {check.Found:N0} articles found of {check.Written:N0} written (ratio {check.Ratio:F3})"));
        }
        return ExitCodes.Success;
    }
}

/// <summary>Writing a corpus with its settings marker: shared by <c>archive corpus</c> and <c>archive bench</c>.</summary>
internal static class SyntheticCorpus
{
    public static async Task<CorpusSummary> WriteAsync(string folder, CorpusSettings settings, string seedsPath, IPageSplitter splitter, CancellationToken cancellationToken)
    {
        var material = await CorpusMaterial.FromSeedsAsync(seedsPath, splitter, cancellationToken);
        var summary = await new CorpusGenerator(material).WriteAsync(folder, settings, cancellationToken: cancellationToken);
        // Written last: a folder with this file is a complete corpus, which the bench may reuse.
        await CorpusGenerator.WriteSettingsAsync(folder, settings, cancellationToken);
        return summary;
    }
}

/// <summary>Where the real pages that synthetic ones recombine are: <c>--seeds</c>, or the repository's <c>seeds/</c>.</summary>
internal static class SeedPages
{
    public static Option<string?> Option() => new("--seeds")
    {
        Description = "The folder of real page files to recombine (default: seeds/ in the current folder or the repository above it).",
        HelpName = "dir",
    };

    public static string? Resolve(string? given)
    {
        if (!string.IsNullOrEmpty(given)) return Directory.Exists(given) ? Path.GetFullPath(given) : null;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var seeds = Path.Combine(dir.FullName, "seeds");
                if (Directory.Exists(seeds) && Directory.EnumerateFiles(seeds, "*.txt").Any()) return seeds;
            }
        }
        return null;
    }
}
