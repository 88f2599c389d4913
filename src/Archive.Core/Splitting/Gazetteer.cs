namespace Archive.Core.Splitting;

/// <summary>A county-level unit of the city with the names that point to it.</summary>
/// <param name="Name">Canonical name, e.g. <c>高唐县</c>.</param>
/// <param name="Aliases">Its own names and short names, e.g. <c>高唐</c>.</param>
/// <param name="Places">Towns, streets and places inside it, e.g. <c>鱼邱湖街道</c>.</param>
public sealed record CountyEntry(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Places);

/// <summary>The city itself: its canonical name and the words that mean "the whole city" (<c>全市</c>, <c>我市</c>).</summary>
public sealed record CityEntry(string Name, IReadOnlyList<string> Aliases);

/// <summary>One place name found in a text.</summary>
/// <param name="County">The county it belongs to, or null when the name means the city as a whole.</param>
/// <param name="Term">The name as found.</param>
/// <param name="Offset">Where it starts in the text.</param>
public readonly record struct PlaceMention(string? County, string Term, int Offset);

/// <summary>
/// The place names of the city (read from the embedded <c>gazetteer.json</c>) and a longest-match scanner that
/// finds them in text, so that <c>聊城开发区</c> counts for the zone and not for the city.
/// </summary>
public sealed class Gazetteer
{
    private sealed record GazetteerFile(string? Source, CityEntry City, IReadOnlyList<CountyEntry> Counties);

    private static readonly Lazy<Gazetteer> Shared = new(() => FromFile(EmbeddedData.Read<GazetteerFile>("gazetteer.json")));

    // First character → terms starting with it, longest first; the value's County is null for city-wide names.
    private readonly Dictionary<char, (string Term, string? County)[]> _byFirstChar;
    private readonly Dictionary<string, string> _countyByTerm;

    /// <summary>Builds a gazetteer from entries (tests use small hand-made ones).</summary>
    public Gazetteer(CityEntry city, IReadOnlyList<CountyEntry> counties)
    {
        City = city;
        Counties = counties;
        var terms = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var alias in city.Aliases) terms.TryAdd(alias, null);
        foreach (var county in counties)
        {
            terms[county.Name] = county.Name;
            foreach (var alias in county.Aliases) terms[alias] = county.Name;
            foreach (var place in county.Places) terms[place] = county.Name;
        }
        _countyByTerm = terms.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value!, StringComparer.Ordinal);
        _byFirstChar = terms
            .Where(t => t.Key.Length > 0)
            .GroupBy(t => t.Key[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.Key.Length).Select(t => (t.Key, t.Value)).ToArray());
    }

    /// <summary>The gazetteer of Liaocheng embedded in the assembly.</summary>
    public static Gazetteer Default => Shared.Value;

    /// <summary>The city.</summary>
    public CityEntry City { get; }

    /// <summary>Its county-level units.</summary>
    public IReadOnlyList<CountyEntry> Counties { get; }

    /// <summary>The county a name belongs to (<c>高唐</c> → <c>高唐县</c>, <c>于集镇</c> → <c>聊城旅游度假区</c>), or null.</summary>
    public string? CountyOf(string term) => _countyByTerm.GetValueOrDefault(term);

    /// <summary>True when the name means the city as a whole (<c>聊城</c>, <c>全市</c>).</summary>
    public bool IsCity(string term) => City.Aliases.Contains(term, StringComparer.Ordinal) || term == City.Name;

    /// <summary>Finds every place name in the text, scanning left to right and taking the longest name at each position.</summary>
    public IEnumerable<PlaceMention> FindMentions(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (_byFirstChar.TryGetValue(text[i], out var candidates))
            {
                var matched = false;
                foreach (var (term, county) in candidates)
                {
                    if (string.CompareOrdinal(text, i, term, 0, term.Length) != 0) continue;
                    yield return new PlaceMention(county, term, i);
                    i += term.Length;
                    matched = true;
                    break;
                }
                if (matched) continue;
            }
            i++;
        }
    }

    private static Gazetteer FromFile(GazetteerFile file) => new(file.City, file.Counties);
}
