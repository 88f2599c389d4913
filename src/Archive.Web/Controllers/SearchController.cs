using Archive.Core.Searching;
using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Controllers;

/// <summary>The search page; with no query it browses every article, newest first.</summary>
public sealed class SearchController(ArticleSearcher searcher) : Controller
{
    [HttpGet("/")]
    [HttpGet("/search")]
    public IActionResult Index(string? q, int page = 1, int size = SearchRequest.DefaultSize) =>
        View(new SearchPageModel(searcher.Search(new SearchRequest(q, page, size))));
}
