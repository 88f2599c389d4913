using System.Security.Cryptography;
using System.Text;

namespace Archive.Core.Pages;

/// <summary>Derives the short, URL-safe key of a page from its file path; article ids start with it.</summary>
public static class PageKey
{
    public static string For(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var safe = new StringBuilder(stem.Length);
        foreach (var c in stem)
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');

        // Two files can share a stem in different folders (or differ only in unsafe characters):
        // a short hash of the full path keeps their keys apart without making the common case ugly.
        var needsHash = safe.Length == 0 || !safe.ToString().Equals(stem, StringComparison.Ordinal) || file.Replace('\\', '/').Contains('/');
        if (needsHash)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file)))[..8];
            return safe.Length == 0 ? hash : $"{safe}_{hash}";
        }
        return safe.ToString();
    }

    /// <summary>The id of the article at <paramref name="position"/> (1-based) on the page.</summary>
    public static string ArticleId(string file, int position) => $"{For(file)}-{position:00}";
}
