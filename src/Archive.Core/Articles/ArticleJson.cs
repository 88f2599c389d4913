using System.Text.Encodings.Web;
using System.Text.Json;

namespace Archive.Core.Articles;

/// <summary>The JSON settings shared by the CLI and the API: camelCase names, readable Chinese, ISO dates.</summary>
public static class ArticleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // Keep Chinese (and the <mark> of snippets) readable in files and terminals instead of \uXXXX escapes.
        // Safe because this JSON is never embedded in an HTML page.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };
}
