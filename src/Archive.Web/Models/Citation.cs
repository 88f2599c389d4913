using Archive.Core.Articles;

namespace Archive.Web.Models;

/// <summary>
/// A reference to an article in the style of GB/T 7714-2015 for an electronic newspaper article:
/// <c>作者. 题名[N/OL]. 报纸名, 出版日期[引用日期]. 网址.</c>
/// </summary>
public static class Citation
{
    public static string GbT7714(Article article, string newspaper, string permalink, DateOnly citedOn)
    {
        // GB/T 7714 lists at most three authors, then 等.
        var people = article.Reporters.Concat(article.Authors).Concat(article.Correspondents).Distinct().ToList();
        var authors = people.Count == 0 ? "" : string.Join(", ", people.Take(3)) + (people.Count > 3 ? ", 等" : "") + ". ";
        var title = string.IsNullOrWhiteSpace(article.Headline) ? "（无标题）" : article.Headline;
        var date = article.Date is { } d ? d.ToString("yyyy-MM-dd") : "出版日期不详";
        return $"{authors}{title}[N/OL]. {newspaper}, {date}[{citedOn:yyyy-MM-dd}]. {permalink}.";
    }
}
