using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Archive.Core.Articles;

/// <summary>The JSON settings shared by the CLI and the API: camelCase names, readable Chinese, ISO dates.</summary>
public static class ArticleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        // Keep Chinese readable in files and terminals instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = true,
    };
}
