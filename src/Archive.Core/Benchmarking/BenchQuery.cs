using Archive.Core.Articles;
using Archive.Core.Corpus;
using Archive.Core.Searching;

namespace Archive.Core.Benchmarking;

/// <summary>
/// One query of the benchmark's fixed mix: the text a user types and the facet filters they chose.
/// <paramref name="Terms"/> are the substrings an article must all contain (in its headline, body or bylines) to be
/// a true match: the ground truth both engines' recall is measured against.
/// </summary>
public sealed record BenchQuery(string Name, string Text, IReadOnlyList<string> Terms, string? County = null, string? Reporter = null)
{
    /// <summary>The request the site would make for it: first page of 20, relevance order, facets and snippets.</summary>
    public SearchRequest ToRequest() => new(Text)
    {
        Counties = County is null ? [] : [County],
        Reporters = Reporter is null ? [] : [Reporter],
    };

    /// <summary>True when the article is a true match: every term occurs, and it passes the filters.</summary>
    public bool Matches(Article article)
    {
        if (County is not null && article.County != County) return false;
        if (Reporter is not null && !article.Reporters.Contains(Reporter)) return false;
        foreach (var term in Terms)
        {
            if (!article.Headline.Contains(term, StringComparison.Ordinal)
                && !article.Body.Contains(term, StringComparison.Ordinal)
                && !article.Subheadlines.Any(s => s.Contains(term, StringComparison.Ordinal))
                && !People(article).Any(p => p.Contains(term, StringComparison.Ordinal)))
                return false;
        }
        return true;
    }

    /// <summary>Every name credited on the article.</summary>
    public static IEnumerable<string> People(Article article) =>
        article.Reporters.Concat(article.Correspondents).Concat(article.Photographers).Concat(article.Authors);

    /// <summary>
    /// <paramref name="count"/> different queries, as a crowd of users would type them: one or two words drawn from
    /// the corpus vocabulary by frequency (so common words come up often, as in real query logs, but no query twice),
    /// every fourth with a county filter. Deterministic for a seed. The HTTP bench uses them to measure searches the
    /// result cache cannot answer.
    /// </summary>
    public static IReadOnlyList<BenchQuery> Distinct(CorpusMaterial material, int count, int seed)
    {
        var random = new SplitMix64((ulong)seed * 7919 + 17);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queries = new List<BenchQuery>(count);
        for (var attempt = 0; queries.Count < count && attempt < count * 50; attempt++)
        {
            var words = random.NextInt64(3) == 0
                ? new[] { material.DrawWord(ref random), material.DrawWord(ref random) }
                : [material.DrawWord(ref random)];
            var county = queries.Count % 4 == 3 ? random.Pick(material.Counties).Name : null;
            var text = string.Join(' ', words);
            if (!seen.Add(text + "|" + county)) continue;
            queries.Add(new BenchQuery($"distinct {queries.Count}", text, words, County: county));
        }
        return queries;
    }

    /// <summary>
    /// The fixed mix: one word (short and long), two words, a phrase, a name, a single character, each with and
    /// without a county or reporter filter. Words come from the seed pages, which every synthetic corpus
    /// recombines, and the names from the corpus's staff, so every query has matches at every size.
    /// </summary>
    public static IReadOnlyList<BenchQuery> Mix(Staff staff)
    {
        var reporter = staff.Reporters[0];
        var threeCharReporter = staff.Reporters.FirstOrDefault(n => n.Length == 3) ?? reporter;
        return
        [
            new("word (2 chars)", "经济", ["经济"]),
            new("word (5 chars)", "高质量发展", ["高质量发展"]),
            new("two words", "乡村 振兴", ["乡村", "振兴"]),
            new("two long words", "民族团结 示范市", ["民族团结", "示范市"]),
            new("phrase", "\"统一战线服务\"", ["统一战线服务"]),
            new("name", threeCharReporter, [threeCharReporter]),
            new("single character", "城", ["城"]),
            new("word + county", "经济", ["经济"], County: "高唐县"),
            new("long word + county", "高质量发展", ["高质量发展"], County: "冠县"),
            new("two words + reporter", "乡村 振兴", ["乡村", "振兴"], Reporter: reporter),
            new("phrase + county", "\"统一战线服务\"", ["统一战线服务"], County: "聊城市"),
            new("name + county", threeCharReporter, [threeCharReporter], County: "茌平区"),
        ];
    }
}
