using System.ComponentModel.DataAnnotations;

namespace Archive.Core;

/// <summary>
/// Settings of the archive, section <c>Archive</c> of the configuration. Defaults live here; appsettings.json,
/// environment variables (<c>Archive__IndexPath</c>) and the command line (<c>--Archive:IndexPath</c>) override them.
/// </summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>The watched folder of page files (<c>*.txt</c>). Relative paths are resolved against the content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Archive:PagesPath must name the folder of page files.")]
    public string PagesPath { get; set; } = "seeds";

    /// <summary>The folder of the Lucene index. Relative paths are resolved against the content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Archive:IndexPath must name the folder of the index.")]
    public string IndexPath { get; set; } = "data/index";

    public IngestionOptions Ingestion { get; set; } = new();

    public SearchOptions Search { get; set; } = new();

    /// <summary>Resolves the relative paths against <paramref name="root"/>; call once at start-up.</summary>
    public void ResolvePaths(string root)
    {
        if (!string.IsNullOrWhiteSpace(PagesPath)) PagesPath = Path.GetFullPath(PagesPath, root);
        if (!string.IsNullOrWhiteSpace(IndexPath)) IndexPath = Path.GetFullPath(IndexPath, root);
    }
}

/// <summary>Settings of the ingestion service, section <c>Archive:Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    /// <summary>Whether this process runs the ingestion service (off where ingestion runs separately).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the whole folder is rescanned, because file-system events get lost.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Archive:Ingestion:RescanInterval must be between 1 second and 1 day.")]
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a file's size and time must stay unchanged before it is read (it may still be being written).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Archive:Ingestion:StableDelay must be between 0 and 10 minutes.")]
    public TimeSpan StableDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How many pages a long pass indexes between commits (see <c>PageIngestor.CommitEveryPages</c> for the trade-off).
    /// Lower means less work redone after a crash and new pages searchable sooner, at the cost of more small segments.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Archive:Ingestion:CommitEveryPages must be between 1 and 1000000.")]
    public int CommitEveryPages { get; set; } = Ingestion.PageIngestor.CommitEveryPages;

    /// <summary>When the index is opened read-only (ingestion off), how often it looks for new commits.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Archive:Ingestion:RefreshInterval must be between 1 second and 1 hour.")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Settings of searching, section <c>Archive:Search</c>.</summary>
public sealed class SearchOptions
{
    /// <summary>
    /// Result pages kept for repeated searches (the same words, filters, order and page on the same index state);
    /// 0 turns the cache off. An entry is a page of hits with its facets, some tens of kilobytes.
    /// </summary>
    [Range(0, 100_000, ErrorMessage = "Archive:Search:ResultCacheSize must be between 0 (off) and 100000.")]
    public int ResultCacheSize { get; set; } = 1000;
}
