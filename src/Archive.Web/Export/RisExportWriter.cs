using System.Text;
using System.Text.RegularExpressions;
using Archive.Web.Models;

namespace Archive.Web.Export;

/// <summary>
/// RIS for EndNote and Zotero: one <c>TY  - NEWS</c> … <c>ER  - </c> record per article, CRLF line ends (the
/// specification's), UTF-8 with a byte order mark (EndNote guesses the ANSI code page without one).
/// </summary>
/// <remarks>
/// Tags follow the RIS specification for newspaper articles and how Zotero's RIS translator reads them:
/// <c>AU</c> for every name in the byline (reporters, unroled authors, correspondents, photographers: Zotero maps
/// <c>A2</c> of a newspaper article to nothing and would keep it only as a raw note), <c>T2</c> the newspaper,
/// <c>CY</c> the place of publication (the specification's meaning, not the county), <c>DA</c>/<c>PY</c> the issue
/// date, <c>KW</c> the county and the kind (so a library can be filtered by county), <c>AN</c> the article id and
/// <c>DB</c> this archive (Zotero's “Loc. in Archive” and “Archive”), <c>Y2</c> the export date (“Accessed”),
/// <c>UR</c> the permalink, <c>N1</c> the snippet, <c>AB</c> the body with full text.
/// RIS has no comments and no file header, so the provenance goes in a second <c>N1</c> of the first record only
/// (once per file, not noise on every record) and in the <c>X-Archive-*</c> response headers.
/// </remarks>
public sealed partial class RisExportWriter(Stream output, ExportWriterSettings settings) : IExportWriter
{
    private const string LineEnd = "\r\n";
    private const int FlushThreshold = 8 * 1024;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StringBuilder _buffer = new();
    private ExportProvenance? _provenance;
    private bool _first = true;

    /// <inheritdoc />
    public async Task BeginAsync(ExportProvenance provenance, CancellationToken cancellationToken)
    {
        _provenance = provenance;
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteAsync(ExportedArticle item, CancellationToken cancellationToken)
    {
        var article = item.Article;
        var options = settings.Options;
        Tag("TY", "NEWS");
        Tag("TI", article.Headline);
        foreach (var name in article.Reporters.Concat(article.Authors).Concat(article.Correspondents).Concat(article.Photographers).Distinct())
            Tag("AU", name);
        Tag("T2", options.Newspaper);
        Tag("CY", options.Place);
        if (article.Date is { } date)
        {
            Tag("DA", date.ToString("yyyy'/'MM'/'dd'/'", System.Globalization.CultureInfo.InvariantCulture));
            Tag("PY", date.Year.ToString("0000", System.Globalization.CultureInfo.InvariantCulture));
        }
        if (article.County is { Length: > 0 } county) Tag("KW", county);
        Tag("KW", Labels.Kind(item.KindName));
        Tag("LA", "zh-CN");
        Tag("UR", item.Permalink);
        Tag("AN", article.Id);
        Tag("DB", options.Database);
        if (_provenance is { } p) Tag("Y2", p.ExportedAt.UtcDateTime.ToString("yyyy'/'MM'/'dd'/'", System.Globalization.CultureInfo.InvariantCulture));
        Tag("N1", item.Snippet);
        if (_first && _provenance is { } provenance)
            Tag("N1", $"{provenance.Title}：" + string.Join("；", provenance.Lines().Select(line => $"{line.Label}：{line.Value}")));
        if (settings.FullText) Paragraphs("AB", article.Body);
        Tag("ER", "");
        _first = false;
        if (_buffer.Length >= FlushThreshold) await SendAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task EndAsync(CancellationToken cancellationToken) => SendAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // A field is one line: line breaks inside a title or a name would start a line that is not a tag.
    private void Tag(string tag, string value)
    {
        var text = LineBreaks().Replace(value.Trim(), " ");
        if (text.Length == 0 && tag != "ER") return;
        _buffer.Append(tag).Append("  - ").Append(text).Append(LineEnd);
    }

    // Paragraphs go on continuation lines, which readers join to the field above; a paragraph that would read as a
    // tag (“AB  - …”) is indented so that it cannot start a field of its own.
    private void Paragraphs(string tag, string text)
    {
        var paragraphs = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (paragraphs.Length == 0) return;
        _buffer.Append(tag).Append("  - ").Append(paragraphs[0]).Append(LineEnd);
        foreach (var paragraph in paragraphs.Skip(1))
            _buffer.Append(LooksLikeTag().IsMatch(paragraph) ? " " : "").Append(paragraph).Append(LineEnd);
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Length == 0) return;
        var bytes = Utf8.GetBytes(_buffer.ToString());
        _buffer.Clear();
        await output.WriteAsync(bytes, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"^[A-Z][A-Z0-9] {1,2}-")]
    private static partial Regex LooksLikeTag();
}
