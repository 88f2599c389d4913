using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Archive.Core;
using Archive.Core.Articles;
using Archive.Core.Indexing;
using Archive.Core.Searching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary><c>archive search QUERY</c>: searches the index read-only, so it works while the site or <c>watch</c> ingests.</summary>
internal sealed partial class SearchCommand : Command
{
    private readonly Argument<string> _query = new("query")
    {
        Description = "What to look for, in the site's query syntax (an empty query lists the newest articles).",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print the result as JSON instead of a table.",
    };

    private readonly Option<int> _page = new("--page")
    {
        Description = "Which page of results (1-based).",
        DefaultValueFactory = _ => 1,
        HelpName = "n",
    };

    private readonly Option<int> _size = new("--size")
    {
        Description = $"Results per page (1 to {SearchRequest.MaxSize}).",
        DefaultValueFactory = _ => SearchRequest.DefaultSize,
        HelpName = "n",
    };

    private readonly Option<string?> _index = PathOptions.Index();

    public SearchCommand() : base("search", "Search the index and print the matching articles.")
    {
        Arguments.Add(_query);
        Options.Add(_json);
        Options.Add(_page);
        Options.Add(_size);
        Options.Add(_index);
        _page.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--page must be 1 or more.");
        });
        _size.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > SearchRequest.MaxSize) result.AddError($"--size must be between 1 and {SearchRequest.MaxSize}.");
        });
        SetAction(parse => CliHost.RunGuardedAsync(parse, () => Task.FromResult(Run(parse))));
    }

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;

        var builder = CliHost.CreateBuilder(new CliHostKind(Ingests: false, LongRunning: false), indexPath: parse.GetValue(_index));
        builder.Services.AddArchiveCore(runIngestion: false);
        using var host = builder.Build();
        CliHost.ValidateSettings(host);

        // Look before opening: opening read-only creates the folder, and an empty folder is not an index either.
        var indexPath = host.Services.GetRequiredService<IOptions<ArchiveOptions>>().Value.IndexPath;
        if (!Directory.Exists(indexPath) || !host.Services.GetRequiredService<ArchiveIndex>().IsOpen)
        {
            stderr.WriteLine($"no index at {indexPath}: run `archive ingest` first");
            return ExitCodes.BadSetup;
        }

        var request = new SearchRequest(parse.GetValue(_query), parse.GetValue(_page), parse.GetValue(_size));
        var result = host.Services.GetRequiredService<ArticleSearcher>().Search(request);
        if (parse.GetValue(_json))
            stdout.WriteLine(JsonSerializer.Serialize(result, ArticleJson.Options));
        else
            WriteTable(CliHost.ConsoleOn(stdout), result);
        return ExitCodes.Success;
    }

    private static void WriteTable(IAnsiConsole console, SearchResult result)
    {
        if (result.Message is not null) console.MarkupLineInterpolated($"[yellow]{result.Message}[/]");
        console.MarkupLineInterpolated($"[bold]{result.Total}[/] articles for “{result.Query}”, page {result.Page} of {Math.Max(1, result.PageCount)}");
        if (result.Hits.Count == 0) return;

        var table = new Table()
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn("Date")
            .AddColumn("County")
            .AddColumn("Headline")
            .AddColumn("Id");
        var rank = (result.Page - 1) * result.Size;
        foreach (var hit in result.Hits)
        {
            rank++;
            table.AddRow(
                new Text(rank.ToString(CultureInfo.InvariantCulture)),
                new Text(hit.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
                new Text(hit.County ?? ""),
                HeadlineWithSnippet(hit),
                new Text(hit.Id));
        }
        console.Write(table);
    }

    /// <summary>
    /// The headline, and under it the snippet without its HTML: tags dropped, entities decoded, the matches
    /// (<c>&lt;mark&gt;</c>) highlighted where the terminal has colours.
    /// </summary>
    /// <remarks>
    /// The snippet sits in the headline's cell because a table row cannot span the columns. Spectre wraps at spaces
    /// and Chinese has none, so a run of characters would jump whole to the next line; appending the snippet
    /// character by character lets it wrap anywhere, as Chinese text does.
    /// </remarks>
    private static Paragraph HeadlineWithSnippet(SearchHit hit)
    {
        var paragraph = new Paragraph(hit.Headline + "\n", new Style(decoration: Decoration.Bold));
        var last = 0;
        foreach (Match match in Marked().Matches(hit.SnippetHtml))
        {
            AppendByCharacter(paragraph, Plain(hit.SnippetHtml[last..match.Index]), SnippetStyle);
            AppendByCharacter(paragraph, Plain(match.Groups[1].Value), MatchStyle);
            last = match.Index + match.Length;
        }
        AppendByCharacter(paragraph, Plain(hit.SnippetHtml[last..]), SnippetStyle);
        return paragraph;
    }

    private static readonly Style SnippetStyle = new(foreground: Color.Grey);
    private static readonly Style MatchStyle = new(foreground: Color.Yellow);

    private static void AppendByCharacter(Paragraph paragraph, string text, Style style)
    {
        foreach (var rune in text.EnumerateRunes()) paragraph.Append(rune.ToString(), style);
    }

    // Paragraph breaks become spaces: the snippet is one run of text under its headline.
    private static string Plain(string html) => WebUtility.HtmlDecode(AnyTag().Replace(html, "")).ReplaceLineEndings(" ");

    [GeneratedRegex("<mark>(.*?)</mark>", RegexOptions.Singleline)]
    private static partial Regex Marked();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex AnyTag();
}
