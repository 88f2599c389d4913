using CsvHelper;

namespace Archive.Web.Export;

/// <summary>
/// CSV for spreadsheets: UTF-8 with a byte order mark (without it Excel reads the Chinese as the ANSI code page), the
/// provenance as leading <c>#</c> comment lines, a header row, then one row per article. CsvHelper does the quoting
/// (bodies hold line breaks and quotes) and escapes cells that Excel would run as formulas.
/// </summary>
public sealed class CsvExportWriter : IExportWriter
{
    private static readonly string[] Columns = ["id", "date", "headline", "kind", "county", "reporters", "correspondents", "permalink", "snippet"];
    private static readonly string[] ColumnsWithBody = [.. Columns, "body"];

    private readonly CsvWriter _csv;
    private readonly bool _fullText;

    public CsvExportWriter(Stream output, ExportWriterSettings settings)
    {
        _fullText = settings.FullText;
        _csv = CsvWriter.Create(output, new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            CommentPrefix = '#',
            Injection = CsvInjection.Escape,
            // CsvHelper only touches the stream when its buffer is mostly full (or on flush): a small buffer sends rows
            // on soon, and bounds memory whatever the export's size.
            BufferSize = 16 * 1024,
        }, leaveOpen: true);
    }

    /// <inheritdoc />
    public async Task BeginAsync(ExportProvenance provenance, CancellationToken cancellationToken)
    {
        _csv.WriteComment($" {provenance.Title}");
        foreach (var (label, value) in provenance.Lines())
            _csv.WriteComment($" {label}：{ForComment(value)}");
        // The header is a record of its own (WriteHeader ends it), after the comments: readers skip the comments and
        // find the column names on the first row that is not one.
        _csv.WriteHeader(_fullText ? ColumnsWithBody : Columns);
        // The browser shows the download as started at once, even when the search behind it takes a while.
        await _csv.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteAsync(ExportedArticle item, CancellationToken cancellationToken)
    {
        var article = item.Article;
        _csv.WriteField(article.Id);
        _csv.WriteField(item.DateText);
        _csv.WriteField(article.Headline);
        _csv.WriteField(item.KindName);
        _csv.WriteField(article.County ?? "");
        _csv.WriteField(ExportedArticle.JoinNames(article.Reporters));
        _csv.WriteField(ExportedArticle.JoinNames(article.Correspondents));
        _csv.WriteField(item.Permalink);
        _csv.WriteField(item.Snippet);
        if (_fullText) _csv.WriteField(article.Body);
        await _csv.EndRecordAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task EndAsync(CancellationToken cancellationToken) => _csv.FlushAsync(cancellationToken).AsTask();

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    // A comment line is not quoted, so Excel splits it at ASCII commas and a line break would start a new row: keep each
    // comment on one line and in one cell. The exact query survives in the 检索链接 line (URL-encoded, no commas).
    private static string ForComment(string value) =>
        string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Replace(',', '，');
}
