using System.Globalization;
using Archive.Core.Searching;
using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Controllers;

/// <summary>Browsing by date: a calendar of the issues, and one day's pages with their articles.</summary>
public sealed class DatesController(ArchiveBrowser browser, ArticleSearcher searcher) : Controller
{
    [HttpGet("/dates")]
    public IActionResult Index(int? year) => View(new IssueCalendar(browser.Issues(), year));

    [HttpGet("/dates/{day}")]
    public IActionResult Day(string day)
    {
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return this.NotFoundView("日期无效", $"“{day}”不是有效日期，应写作 yyyy-MM-dd，如 2025-09-02。", ("按日期浏览", "/dates"));

        var issues = browser.Issues();
        var (previous, next) = IssueDayModel.Around(issues, date);
        var issue = issues.FirstOrDefault(i => i.Date == date);
        if (issue is null)
        {
            var links = new List<(string, string)> { ("按日期浏览", "/dates") };
            if (previous is not null) links.Add(($"前一期：{previous.Date:yyyy年M月d日}", IssueCalendar.DayUrl(previous.Date)));
            if (next is not null) links.Add(($"后一期：{next.Date:yyyy年M月d日}", IssueCalendar.DayUrl(next.Date)));
            return this.NotFoundView("这一天没有报纸", $"档案中没有 {date:yyyy年M月d日} 的报纸。", [.. links]);
        }

        var pages = browser.PagesOn(date).Select((file, i) => new IssuePage(i + 1, file, searcher.ArticlesOfPage(file))).ToList();
        return View(new IssueDayModel(issue, pages, previous, next));
    }
}
