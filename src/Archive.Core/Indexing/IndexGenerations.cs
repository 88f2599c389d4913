using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Archive.Core.Indexing;

/// <summary>
/// How the index folder holds complete indexes side by side, so that a rebuild can happen beside the live index and
/// replace it in one step. The folder (<c>Archive:IndexPath</c>) holds generation folders <c>gen-&lt;utc time&gt;</c>
/// and a file <c>CURRENT</c> naming the live one; the switch is a rename over <c>CURRENT</c>, which POSIX and NTFS
/// both make atomic, so a reader sees the old name or the new one and a crash leaves one of the two.
/// <para>
/// An index that was never rebuilt has no <c>CURRENT</c>: it lives directly in the folder (its <c>segments_N</c>
/// beside <c>CURRENT</c> would be), as every index did before generations existed. That plain index is generation
/// zero: it stays readable and writable, and the first rebuild moves the archive into a generation folder.
/// </para>
/// </summary>
public static partial class IndexGenerations
{
    /// <summary>The file naming the live generation folder.</summary>
    public const string CurrentFile = "CURRENT";

    /// <summary>The process lock of the writer (see <see cref="ArchiveIndex.OpenForWriting"/>); belongs to the folder, not to a generation.</summary>
    public const string ProcessLockFile = "archive-writer.lock";

    private const string Prefix = "gen-";

    /// <summary>
    /// The folder of the live index: the generation <c>CURRENT</c> names, or <paramref name="root"/> itself when there is
    /// none (never rebuilt). A <c>CURRENT</c> naming something that is not a generation folder is ignored, so a damaged
    /// or hand-edited file cannot point the index outside its folder.
    /// </summary>
    public static string ResolveLive(string root, ILogger? logger = null)
    {
        var name = ReadCurrent(root);
        if (name is null) return root;
        var path = Path.Combine(root, name);
        if (IsGenerationName(name) && Directory.Exists(path)) return path;
        logger?.LogError("{File} in {IndexPath} names {Generation}, which is not a generation folder; using the plain index in the folder",
            CurrentFile, root, name);
        return root;
    }

    /// <summary>The generation name <c>CURRENT</c> holds, or null.</summary>
    public static string? ReadCurrent(string root)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(root, CurrentFile)).Trim();
            return text.Length == 0 ? null : text;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Creates a new, empty generation folder and returns its path. Its name sorts after every earlier one.</summary>
    public static string CreateGeneration(string root)
    {
        Directory.CreateDirectory(root);
        var stamp = DateTime.UtcNow;
        while (true)
        {
            var path = Path.Combine(root, Prefix + stamp.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture));
            // Two rebuilds in one millisecond (tests) must not share a folder, and names must keep sorting by age.
            if (!Directory.Exists(path))
            {
                Directory.CreateDirectory(path);
                return path;
            }
            stamp = stamp.AddMilliseconds(1);
        }
    }

    /// <summary>
    /// Makes <paramref name="generationPath"/> the live index: writes its name to a temporary file, flushes it to disk,
    /// and renames it over <c>CURRENT</c>. The generation must be complete and committed first.
    /// </summary>
    public static void Publish(string root, string generationPath)
    {
        var name = Path.GetFileName(generationPath);
        if (!IsGenerationName(name) || !Path.GetFullPath(Path.Combine(root, name)).Equals(Path.GetFullPath(generationPath), StringComparison.Ordinal))
            throw new ArgumentException($"{generationPath} is not a generation folder of {root}.", nameof(generationPath));
        var temporary = Path.Combine(root, CurrentFile + ".tmp");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            // On disk before the rename, or a power cut could leave CURRENT renamed but empty.
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, Path.Combine(root, CurrentFile), overwrite: true);
    }

    /// <summary>
    /// Deletes what is neither the live generation nor the one before it: older generations, builds that never went
    /// live (a crash or a cancelled rebuild), and the plain index in the folder once two generations have followed it.
    /// The previous generation is kept so that processes that search read-only have time to notice the switch before
    /// the files they have open go (Windows would refuse to delete them; elsewhere they would lose their next refresh).
    /// Call only while holding the writer's lock. Returns the paths deleted; failures are logged and retried next time.
    /// </summary>
    public static IReadOnlyList<string> Clean(string root, ILogger logger)
    {
        var deleted = new List<string>();
        if (!Directory.Exists(root)) return deleted;
        var live = ResolveLive(root, logger);
        var liveName = live == root ? null : Path.GetFileName(live);
        var generations = Directory.EnumerateDirectories(root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsGenerationName)
            .Order(StringComparer.Ordinal)
            .ToList();

        // The previous generation: the newest older than the live one; the plain index when the live one is the first.
        var previous = liveName is null ? null : generations.LastOrDefault(g => string.CompareOrdinal(g, liveName) < 0);
        foreach (var name in generations.Where(g => g != liveName && g != previous))
            TryDelete(Path.Combine(root, name), deleted, logger);
        if (liveName is not null && previous is not null)
        {
            foreach (var file in Directory.EnumerateFiles(root).Where(f => IsPlainIndexFile(Path.GetFileName(f))))
                TryDelete(file, deleted, logger);
        }
        var temporary = Path.Combine(root, CurrentFile + ".tmp");
        if (File.Exists(temporary)) TryDelete(temporary, deleted, logger);
        return deleted;
    }

    /// <summary>Deletes a generation that will never go live (an abandoned rebuild).</summary>
    internal static void Discard(string generationPath, ILogger logger) => TryDelete(generationPath, [], logger);

    /// <summary>True for names made by <see cref="CreateGeneration"/>.</summary>
    public static bool IsGenerationName(string name) => GenerationName().IsMatch(name);

    // Lucene's own files (segments_N, segments.gen, _0.cfs, _0_Lucene41_0.doc, write.lock); nothing else in the folder is touched.
    private static bool IsPlainIndexFile(string name) =>
        name.StartsWith("segments", StringComparison.Ordinal) || name.StartsWith('_') || name == "write.lock";

    private static void TryDelete(string path, List<string> deleted, ILogger logger)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
            deleted.Add(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not delete the old index files {Path}; trying again after the next rebuild or start", path);
        }
    }

    [GeneratedRegex(@"^gen-[0-9]{8}T[0-9]{9}Z$", RegexOptions.CultureInvariant)]
    private static partial Regex GenerationName();
}
