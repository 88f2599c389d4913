using Archive.Core.Searching;
using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Controllers;

/// <summary>A reporter's, correspondent's or photographer's page: what they wrote, where, and when.</summary>
public sealed class PeopleController(ArticleSearcher searcher, ArchiveBrowser browser) : Controller
{
    [HttpGet("/people/{name}")]
    public IActionResult Show(string name)
    {
        var request = PersonPageModel.RequestFor(name);
        var result = PersonPageModel.IsPlausibleName(name) ? searcher.Search(request) : null;
        if (result is null || result.Total == 0)
            return this.NotFoundView("找不到这个人", $"档案中没有署名为“{name}”的文章。", ("检索这个名字", "/search?q=" + Uri.EscapeDataString(name)));
        return View(new PersonPageModel(name, result, new SearchUrls(request), browser.PersonRoles(name)));
    }
}
