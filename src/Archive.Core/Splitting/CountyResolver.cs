namespace Archive.Core.Splitting;

/// <summary>The county-level place an article is about, and every one it mentions.</summary>
/// <param name="County">One county-level unit, <c>聊城市</c> for a city-wide story, <c>外地</c> for elsewhere, null when unknown.</param>
/// <param name="Counties">Every county-level unit mentioned, in order of first mention.</param>
public sealed record CountyResult(string? County, IReadOnlyList<string> Counties);

/// <summary>
/// Decides which county an article is about. The dateline decides first (<c>本报高唐讯</c> → 高唐县); otherwise the
/// places the article names, towns and streets included (<c>侨润街道</c> → 阳谷县), weighed against how often it speaks of
/// the city as a whole (<c>全市</c>, <c>聊城市</c>). A county named alone in the headline wins.
/// </summary>
public sealed class CountyResolver(Gazetteer gazetteer)
{
    /// <summary>Returned when the story is about a place outside the city.</summary>
    public const string Elsewhere = "外地";

    // A short text that names no place says too little to call it foreign (a teaser, a caption).
    private const int MinimumTextForElsewhere = 60;

    /// <summary>A resolver over the embedded gazetteer.</summary>
    public static CountyResolver Default { get; } = new(Gazetteer.Default);

    /// <summary>Resolves the county of an article from its headline, body and dateline.</summary>
    public CountyResult Resolve(string? headline, string? body, Dateline? dateline)
    {
        headline ??= string.Empty;
        body ??= string.Empty;
        // The dateline was already read; its place name must not count again as a mention.
        if (dateline is not null)
        {
            var at = body.IndexOf(dateline.Text, StringComparison.Ordinal);
            if (at >= 0 && at < 8) body = body.Remove(at, dateline.Text.Length);
        }

        var order = new List<string>();
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        var inHeadline = new HashSet<string>(StringComparer.Ordinal);
        var cityScore = 0;
        var cityInHeadline = false;
        void Count(string text, int weight, bool headlineText)
        {
            foreach (var mention in gazetteer.FindMentions(text))
            {
                if (mention.County is null) { cityScore += weight; cityInHeadline |= headlineText; continue; }
                if (!scores.ContainsKey(mention.County)) { scores[mention.County] = 0; order.Add(mention.County); }
                scores[mention.County] += weight;
                if (headlineText) inHeadline.Add(mention.County);
            }
        }
        Count(headline, 3, headlineText: true);
        Count(body, 1, headlineText: false);

        var datelineCounty = DatelineCounty(dateline, out var datelineIsCity, out var datelineIsElsewhere);
        if (datelineCounty is not null)
        {
            if (!order.Contains(datelineCounty)) order.Insert(0, datelineCounty);
            return new CountyResult(datelineCounty, order);
        }

        string? county;
        if (inHeadline.Count == 1)
            county = inHeadline.First();
        else if (scores.Count == 1 && !cityInHeadline && scores.Values.Single() >= 2)
            // One county named again and again (its towns count) is where the story happens, however often the text
            // also says 全市 or 聊城市: a city paper names the city in nearly every story.
            county = scores.Keys.Single();
        else if (scores.Count > 0)
        {
            var (top, topScore) = scores.MaxBy(s => s.Value);
            var total = scores.Values.Sum();
            // A city-wide story lists its counties; a county story names its own place again and again.
            county = (topScore >= 2 || cityScore == 0) && topScore > cityScore && topScore * 2 > total ? top : gazetteer.City.Name;
        }
        else if (cityScore > 0 || datelineIsCity)
            county = gazetteer.City.Name;
        else if (datelineIsElsewhere || TextNormalizer.CountCjk(body) + TextNormalizer.CountCjk(headline) >= MinimumTextForElsewhere)
            county = Elsewhere;
        else
            county = null;

        return new CountyResult(county, order);
    }

    private string? DatelineCounty(Dateline? dateline, out bool isCity, out bool isElsewhere)
    {
        isCity = false;
        isElsewhere = false;
        if (dateline is null) return null;
        if (dateline.Place.Length == 0)
        {
            // 本报讯: the paper's own city, unless an agency wrote it.
            isCity = !dateline.IsWireService;
            isElsewhere = dateline.IsWireService;
            return null;
        }
        foreach (var mention in gazetteer.FindMentions(dateline.Place))
        {
            if (mention.County is not null) return mention.County;
            isCity = true;
            return null;
        }
        isElsewhere = true;
        return null;
    }
}
