using Archive.Core.Searching;
using Archive.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Controllers;

/// <summary>An article, with the query's matches marked when it was reached from a search.</summary>
public sealed class ArticlesController(ArticleSearcher searcher) : Controller
{
    [HttpGet("/articles/{id}")]
    public IActionResult Show(string id, string? q)
    {
        var article = searcher.Get(id);
        if (article is null) return NotFound();
        var terms = QueryTextParser.Parse(q).HighlightTerms.ToList();
        return View(new ArticlePageModel(article, searcher.ArticlesOfPage(article.File), q, terms));
    }
}
