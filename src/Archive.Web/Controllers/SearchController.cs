using Archive.Core.Searching;
using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Controllers;

/// <summary>The search page; with no query it browses every article, newest first. Every facet works in both.</summary>
public sealed class SearchController(ArticleSearcher searcher) : Controller
{
    [HttpGet("/")]
    [HttpGet("/search")]
    public IActionResult Index(SearchParameters parameters)
    {
        var problems = new List<string>();
        var request = parameters.ToRequest(problems);
        return View(new SearchPageModel(searcher.Search(request), new SearchUrls(request), problems));
    }
}
