using Archive.Core.Splitting;

namespace Archive.Web.Models;

/// <summary>
/// The places articles are filed under, in the order the browse pages list them: the gazetteer's county-level units,
/// then the city itself (city-wide stories) and <c>外地</c> (stories from elsewhere). Read from the gazetteer, so a new
/// district there shows up here without a code change.
/// </summary>
public sealed class CountyDirectory
{
    private readonly Dictionary<string, string> _byAlias = new(StringComparer.Ordinal);

    private readonly string _city;

    public CountyDirectory(Gazetteer gazetteer)
    {
        _city = gazetteer.City.Name;
        Names = [.. gazetteer.Counties.Select(c => c.Name), gazetteer.City.Name, CountyResolver.Elsewhere];
        foreach (var name in Names) _byAlias[name] = name;
        foreach (var county in gazetteer.Counties)
            foreach (var alias in county.Aliases) _byAlias.TryAdd(alias, county.Name);
        // Only the city's short forms (聊城): its other aliases (全市, 市委) are words for the city, not names of a page.
        foreach (var alias in gazetteer.City.Aliases.Where(a => gazetteer.City.Name.StartsWith(a, StringComparison.Ordinal)))
            _byAlias.TryAdd(alias, gazetteer.City.Name);
    }

    /// <summary>The directory of the embedded gazetteer.</summary>
    public static CountyDirectory Default { get; } = new(Gazetteer.Default);

    /// <summary>Every place, in browse order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The full name for a name or short name (<c>高唐</c> → <c>高唐县</c>), or null when it is no place of the list.</summary>
    public string? Resolve(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : _byAlias.GetValueOrDefault(name.Trim());

    /// <summary>What the two places that are not counties stand for, shown beside their names; null for a county.</summary>
    public string? Note(string name) =>
        name == _city ? "全市性报道" : name == CountyResolver.Elsewhere ? "聊城以外" : null;

    /// <summary>The link of a place's page.</summary>
    public static string Url(string name) => "/counties/" + Uri.EscapeDataString(name);
}
