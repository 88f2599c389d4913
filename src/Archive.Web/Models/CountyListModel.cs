using Archive.Core.Searching;

namespace Archive.Web.Models;

/// <summary>The <c>/counties</c> page: every place with its article count, uncovered ones included.</summary>
/// <param name="Unassigned">Articles the splitter could not place in any county.</param>
public sealed record CountyListModel(IReadOnlyList<CountyCount> Counties, int Total, int Unassigned)
{
    /// <summary>The places of the directory with their counts from the county facet of a search over everything.</summary>
    public static CountyListModel From(SearchResult all, CountyDirectory directory)
    {
        var counts = all.Facets.GetValueOrDefault(FacetNames.County)?.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal)
            ?? new Dictionary<string, int>(StringComparer.Ordinal);
        var places = directory.Names.Select(name => new CountyCount(name, counts.GetValueOrDefault(name))).ToList();
        // An article has at most one county, so what the facet does not count has none.
        return new CountyListModel(places, all.Total, Math.Max(0, all.Total - counts.Values.Sum()));
    }

    public int Max => Counties.Count == 0 ? 0 : Counties.Max(c => c.Count);
}

/// <summary>One place and how many articles are filed under it.</summary>
public sealed record CountyCount(string Name, int Count)
{
    public string Url => CountyDirectory.Url(Name);
}
