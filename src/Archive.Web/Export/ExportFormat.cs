namespace Archive.Web.Export;

/// <summary>One file format an export can be written in: its name in the URL, media type, file extension and writer.</summary>
public sealed record ExportFormat(string Name, string ContentType, string Extension, Func<Stream, ExportWriterSettings, IExportWriter> CreateWriter)
{
    /// <summary>Spreadsheets (Excel opens it as UTF-8 thanks to the byte order mark).</summary>
    public static readonly ExportFormat Csv = new("csv", "text/csv; charset=utf-8", "csv", (stream, settings) => new CsvExportWriter(stream, settings));

    /// <summary>Programs: the provenance object, then the articles.</summary>
    public static readonly ExportFormat Json = new("json", "application/json; charset=utf-8", "json", (stream, settings) => new JsonExportWriter(stream, settings));

    /// <summary>Reference managers (EndNote, Zotero): one <c>NEWS</c> record per article.</summary>
    public static readonly ExportFormat Ris = new("ris", "application/x-research-info-systems; charset=utf-8", "ris", (stream, settings) => new RisExportWriter(stream, settings));

    /// <summary>Every format, in the order the error message lists them.</summary>
    public static IReadOnlyList<ExportFormat> All { get; } = [Csv, Json, Ris];

    /// <summary>The format with this name (case-insensitive), or null.</summary>
    public static ExportFormat? Find(string? name) =>
        All.FirstOrDefault(format => string.Equals(format.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>What a writer needs besides the articles: whether to include full text, and the export settings.</summary>
public sealed record ExportWriterSettings(bool FullText, ExportOptions Options);

/// <summary>
/// Writes one export to a stream as the articles arrive: <see cref="BeginAsync"/> once (provenance, headers of the
/// format), <see cref="WriteAsync"/> per article, <see cref="EndAsync"/> once. Writers buffer a little and flush as they
/// go, so memory stays flat however many articles pass through.
/// </summary>
public interface IExportWriter : IAsyncDisposable
{
    /// <summary>Writes the start of the file: the byte order mark where the format needs one, and the provenance.</summary>
    Task BeginAsync(ExportProvenance provenance, CancellationToken cancellationToken);

    /// <summary>Writes one article.</summary>
    Task WriteAsync(ExportedArticle article, CancellationToken cancellationToken);

    /// <summary>Writes the end of the file and flushes everything to the stream.</summary>
    Task EndAsync(CancellationToken cancellationToken);
}
