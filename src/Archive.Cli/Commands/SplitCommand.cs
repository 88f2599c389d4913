using System.CommandLine;
using System.Text.Json;
using Archive.Core;
using Archive.Core.Articles;
using Archive.Core.Pages;
using Archive.Core.Splitting;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Cli.Commands;

/// <summary>
/// <c>archive split FILE...</c>: the articles of the given page files as one JSON array on standard output, for
/// checking the splitter and for feeding other tools. Nothing else goes to standard output.
/// </summary>
internal sealed class SplitCommand : Command
{
    private readonly Argument<string[]> _files = new("file")
    {
        Description = "Page files to split.",
        Arity = ArgumentArity.OneOrMore,
    };

    public SplitCommand() : base("split", "Print the articles of page files as one JSON array (the Article record's camelCase names).")
    {
        Arguments.Add(_files);
        SetAction((parse, cancellationToken) => CliHost.RunGuardedAsync(parse, () => RunAsync(parse, cancellationToken)));
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;

        // The host only builds the splitter with its dependencies; splitting touches neither the index nor the pages folder.
        var builder = CliHost.CreateBuilder(new CliHostKind(Ingests: false, LongRunning: false));
        builder.Services.AddArchiveCore(runIngestion: false);
        using var host = builder.Build();
        var splitter = host.Services.GetRequiredService<IPageSplitter>();

        var articles = new List<Article>();
        var manifests = new Dictionary<string, PageManifest>(StringComparer.Ordinal);
        var failed = 0;
        foreach (var file in parse.GetValue(_files) ?? [])
        {
            var page = await ReadPageAsync(file, manifests, stderr, cancellationToken);
            if (page is null)
            {
                failed++;
                continue;
            }
            try
            {
                articles.AddRange(splitter.Split(page));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The splitter promises never to throw; if it does, this file is reported and the others go on.
                await stderr.WriteLineAsync($"{file}: the page could not be split: {ex.Message}");
                failed++;
            }
        }

        await stdout.WriteLineAsync(JsonSerializer.Serialize<IReadOnlyList<Article>>(articles, ArticleJson.Options));
        return failed > 0 ? ExitCodes.PagesFailed : ExitCodes.Success;
    }

    /// <summary>The decoded page, or null after saying on <paramref name="stderr"/> why the file was skipped.</summary>
    private static async Task<PageText?> ReadPageAsync(
        string file, Dictionary<string, PageManifest> manifests, TextWriter stderr, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(file);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(fullPath, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"{file}: the file could not be read: {ex.Message}");
            return null;
        }

        var decoded = PageDecoder.Decode(bytes);
        if (!decoded.IsValid)
        {
            await stderr.WriteLineAsync($"{file}: {decoded.Error}");
            return null;
        }

        // The issue date comes from the manifest of the file's own folder, as it would when the folder is ingested.
        var folder = Path.GetDirectoryName(fullPath)!;
        if (!manifests.TryGetValue(folder, out var manifest))
        {
            manifest = PageManifest.Load(folder, problem => stderr.WriteLine($"{folder}: {problem}"));
            manifests[folder] = manifest;
        }
        var name = Path.GetFileName(fullPath);
        return new PageText(name, decoded.Text!, manifest.DateOf(name));
    }
}
