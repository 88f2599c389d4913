using System.Text.Encodings.Web;
using System.Text.Json;

namespace Archive.Web.Export;

/// <summary>
/// JSON written straight to the response with <see cref="Utf8JsonWriter"/>:
/// <c>{ "export": { query, filters, ... }, "articles": [ ... ] }</c>. The provenance comes first, so a reader knows
/// what it holds before the articles; its counts were taken before the export began (see <see cref="ArticleExporter"/>).
/// </summary>
public sealed class JsonExportWriter(Stream output, ExportWriterSettings settings) : IExportWriter
{
    // Utf8JsonWriter only writes to the stream on flush: flushing at this size keeps memory flat and sends data on.
    private const int FlushThreshold = 16 * 1024;

    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions
    {
        // Chinese stays readable in the file (no \uXXXX escapes); the file is never inlined into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
    });

    /// <inheritdoc />
    public async Task BeginAsync(ExportProvenance provenance, CancellationToken cancellationToken)
    {
        _json.WriteStartObject();
        _json.WriteStartObject("export");
        _json.WriteString("query", provenance.Query);
        _json.WriteStartObject("filters");
        foreach (var (name, values) in provenance.Filters)
        {
            _json.WriteStartArray(name);
            foreach (var value in values) _json.WriteStringValue(value);
            _json.WriteEndArray();
        }
        _json.WriteEndObject();
        _json.WriteString("sort", provenance.SortName);
        _json.WriteString("exportedAt", provenance.ExportedAtText);
        _json.WriteNumber("indexVersion", provenance.IndexVersion);
        _json.WriteNumber("matched", provenance.Matched);
        _json.WriteNumber("written", provenance.Written);
        _json.WriteBoolean("truncated", provenance.Truncated);
        _json.WriteNumber("cap", provenance.Cap);
        _json.WriteString("note", provenance.Note);
        _json.WriteBoolean("fullText", settings.FullText);
        _json.WriteString("searchUrl", provenance.SearchUrl);
        _json.WriteStartArray("messages");
        foreach (var message in provenance.Messages) _json.WriteStringValue(message);
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteStartArray("articles");
        await _json.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteAsync(ExportedArticle item, CancellationToken cancellationToken)
    {
        var article = item.Article;
        _json.WriteStartObject();
        _json.WriteString("id", article.Id);
        if (article.Date is null) _json.WriteNull("date");
        else _json.WriteString("date", item.DateText);
        _json.WriteBoolean("dateInferred", article.DateInferred);
        _json.WriteString("headline", article.Headline);
        WriteNames("subheadlines", article.Subheadlines);
        _json.WriteString("kind", item.KindName);
        WriteStringOrNull("county", article.County);
        WriteNames("counties", article.Counties);
        WriteNames("reporters", article.Reporters);
        WriteNames("correspondents", article.Correspondents);
        WriteNames("photographers", article.Photographers);
        WriteNames("authors", article.Authors);
        WriteStringOrNull("dateline", article.Dateline);
        _json.WriteString("permalink", item.Permalink);
        _json.WriteString("snippet", item.Snippet);
        if (settings.FullText) _json.WriteString("body", article.Body);
        _json.WriteEndObject();
        if (_json.BytesPending >= FlushThreshold) await _json.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        _json.WriteEndArray();
        _json.WriteEndObject();
        await _json.FlushAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _json.DisposeAsync();

    private void WriteNames(string name, IReadOnlyList<string> values)
    {
        _json.WriteStartArray(name);
        foreach (var value in values) _json.WriteStringValue(value);
        _json.WriteEndArray();
    }

    private void WriteStringOrNull(string name, string? value)
    {
        if (value is null) _json.WriteNull(name);
        else _json.WriteString(name, value);
    }
}
