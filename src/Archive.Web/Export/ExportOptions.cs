using System.ComponentModel.DataAnnotations;

namespace Archive.Web.Export;

/// <summary>
/// Settings of the exports and of how the archive is cited (the article page's citation uses
/// <see cref="Newspaper"/> too), section <c>Archive:Export</c>. Defaults live here; appsettings.json and environment variables
/// (<c>Archive__Export__MaxArticles</c>) override them; a wrong value stops start-up with a message saying which.
/// </summary>
public sealed class ExportOptions
{
    public const string Section = "Archive:Export";

    /// <summary>The most articles one export holds; the export says so when the matches are more.</summary>
    [Range(1, 100_000, ErrorMessage = "Archive:Export:MaxArticles must be between 1 and 100000.")]
    public int MaxArticles { get; set; } = 10_000;

    /// <summary>The newspaper the articles were printed in: RIS <c>T2</c> (Zotero's “Publication”).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Archive:Export:Newspaper must name the newspaper (e.g. 聊城日报).")]
    public string Newspaper { get; set; } = "聊城日报";

    /// <summary>Where the newspaper is published: RIS <c>CY</c> (“Place Published” in the RIS specification).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Archive:Export:Place must name the place of publication (e.g. 聊城).")]
    public string Place { get; set; } = "聊城";

    /// <summary>The name of this archive as a database: RIS <c>DB</c>, and the title line of every export.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Archive:Export:Database must name the archive (e.g. 聊城报纸档案).")]
    public string Database { get; set; } = "聊城报纸档案";
}
