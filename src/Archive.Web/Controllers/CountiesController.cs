using Archive.Core.Searching;
using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Controllers;

/// <summary>Browsing by county: every place with its count, and a place's articles on the search page with all facets.</summary>
public sealed class CountiesController(ArticleSearcher searcher) : Controller
{
    [HttpGet("/counties")]
    public IActionResult Index() =>
        // The counts are the browse page's facet, so each equals what the county's page then lists.
        View(CountyListModel.From(searcher.Search(new SearchRequest(null, 1, 1)), CountyDirectory.Default));

    [HttpGet("/counties/{name}")]
    public IActionResult Show(string name, SearchParameters parameters)
    {
        var county = CountyDirectory.Default.Resolve(name);
        if (county is null)
            return this.NotFoundView("找不到这个区县", $"“{name}”不是聊城的县级单位，档案里没有按它归档的文章。", ("按区县浏览", "/counties"));
        if (county != name) return RedirectPermanent(CountyDirectory.Url(county) + Request.QueryString);

        var problems = new List<string>();
        var request = parameters.ToRequest(problems) with { Counties = [county] };
        var result = searcher.Search(request);
        var heading = string.IsNullOrWhiteSpace(result.Query) ? $"{county} · 全部报道" : $"{county} · “{result.Query}”";
        return View("~/Views/Search/Index.cshtml", new SearchPageModel(result, new SearchUrls(request), problems, heading));
    }
}
