using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Archive.Core.Pages;

/// <summary>
/// Issue dates of page files. They come from <c>manifest.json</c> in the pages folder
/// (<c>{ "000_abc.txt": "2025-07-31", ... }</c>) or from a <c>YYYY-MM-DD</c> in the file name.
/// </summary>
public sealed partial class PageManifest
{
    public const string FileName = "manifest.json";

    private readonly IReadOnlyDictionary<string, DateOnly> _dates;

    private PageManifest(IReadOnlyDictionary<string, DateOnly> dates) => _dates = dates;

    public static PageManifest Empty { get; } = new(new Dictionary<string, DateOnly>());

    /// <summary>Reads the manifest of a pages folder; a missing manifest is empty, a broken one is reported.</summary>
    public static PageManifest Load(string pagesPath, Action<string>? reportProblem = null)
    {
        var path = Path.Combine(pagesPath, FileName);
        if (!File.Exists(path)) return Empty;

        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        try
        {
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
            foreach (var (file, value) in entries)
            {
                if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    dates[file.Replace('\\', '/')] = date;
                else
                    reportProblem?.Invoke($"{FileName}: \"{value}\" for {file} is not a yyyy-MM-dd date");
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            reportProblem?.Invoke($"{FileName} cannot be read: {ex.Message}");
        }
        return new PageManifest(dates);
    }

    /// <summary>The issue date of a file: the manifest's, else a date in the file name, else null.</summary>
    public DateOnly? DateOf(string file)
    {
        if (_dates.TryGetValue(file, out var date)) return date;
        var match = DateInName().Match(Path.GetFileName(file));
        return match.Success && DateOnly.TryParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            ? date
            : null;
    }

    [GeneratedRegex(@"(19|20)\d\d-\d\d-\d\d")]
    private static partial Regex DateInName();
}
